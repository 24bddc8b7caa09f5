import * as assert from 'assert';
import fc from 'fast-check';
import { PassThrough } from 'stream';
import { checkFraming } from '../../server/src/framing';

/** Feeds `bytes` to the framing check in chunks cut at `cuts`; resolves with what came out and the first complaint. */
async function feed(bytes: Buffer, cuts: number[]): Promise<{ out: Buffer; bad: string | undefined }> {
  const input = new PassThrough();
  let bad: string | undefined;
  const out = checkFraming(input, (reason) => (bad ??= reason));
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => out.on('end', () => resolve()));
  let at = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b)) {
    input.write(bytes.subarray(at, cut));
    at = cut;
  }
  input.end(bytes.subarray(at));
  await done;
  return { out: Buffer.concat(chunks), bad };
}

const frame = (body: string, extra = ''): string => `Content-Length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`;

describe('LSP framing check', () => {
  it('passes any well-framed stream through unchanged, however it is cut into chunks', async () => {
    const body = (s: string): string => JSON.stringify({ jsonrpc: '2.0', method: 'x', params: { s } });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(2000), { maxLength: 12 }), async (texts, cuts) => {
        const stream = Buffer.from(texts.map((s, i) => frame(body(s), i % 2 ? 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n' : '')).join(''), 'utf8');
        const r = await feed(stream, cuts);
        assert.strictEqual(r.bad, undefined);
        assert.ok(r.out.equals(stream));
      }),
      { numRuns: 300, seed: 1201 },
    );
  });

  it('reports the first bad header once, even when it arrives split, and passes on nothing of it or after it', async () => {
    const good = frame('{"a":1}');
    for (const [bad, reason] of [
      ['Content-Length: 1e3\r\n\r\n', /not a length in bytes: "1e3"/],
      ['Content-Length: -1\r\n\r\n', /not a length in bytes: "-1"/],
      ['X: 1\r\n\r\n{}', /without a Content-Length/],
      [`Content-Length: ${2 ** 40}\r\n\r\n`, /larger than any message/],
      ['Content-Length: 5\r\n' + 'x'.repeat(70_000), /more than 65536 bytes without its blank line/],
    ] as const) {
      const stream = Buffer.from(good + bad + good, 'utf8');
      const r = await feed(stream, [good.length + 3, good.length + 9]);
      assert.match(r.bad ?? '', reason);
      assert.ok(r.out.equals(Buffer.from(good)), `${JSON.stringify(bad.slice(0, 30))}: ${JSON.stringify(r.out.toString().slice(0, 80))}`);
    }
  });
});
