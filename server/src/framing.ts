/**
 * The framing of the LSP base protocol on a byte stream (standard input): `Content-Length: N`
 * headers, a blank line, N bytes of content. vscode-jsonrpc stops reading for good after a header
 * it cannot use (none, not a number, negative) without a word, and the server then answers nothing
 * for ever. This check passes the bytes on unchanged (a header once it is complete and good) and,
 * at the first header that breaks the framing, reports why: the server logs it and exits with a
 * non-zero code, so that its client restarts it instead of waiting on a server that never answers.
 */
import { PassThrough } from 'stream';

/** A header block longer than this without its blank line is not a header. */
const MAX_HEADER_BYTES = 64 * 1024;
/** V8 cannot hold a string longer than 2^29 − 24 characters: a longer message can never be read. */
export const MAX_CONTENT_LENGTH = 2 ** 29;
const END = Buffer.from('\r\n\r\n', 'ascii');

/** Checks the framing of `input`; the returned stream carries the same bytes until the first bad header, when `onBadFrame` is called once. */
export function checkFraming(input: NodeJS.ReadableStream, onBadFrame: (reason: string) => void): PassThrough {
  const out = new PassThrough();
  let header = Buffer.alloc(0);
  let body = 0; // bytes of content still expected
  let broken = false;
  const fail = (reason: string): void => {
    broken = true;
    onBadFrame(reason);
  };
  input.on('data', (chunk: Buffer) => {
    if (broken) return;
    let at = 0;
    while (at < chunk.length) {
      if (body > 0) {
        // Content is passed on as it comes.
        const take = Math.min(body, chunk.length - at);
        out.write(chunk.subarray(at, at + take));
        body -= take;
        at += take;
        continue;
      }
      // A header is held until its blank line has come and it is known to be good.
      const rest = chunk.subarray(at);
      const joined = header.length > 0 ? Buffer.concat([header, rest]) : rest;
      const end = joined.indexOf(END);
      if (end < 0 ? joined.length > MAX_HEADER_BYTES : end > MAX_HEADER_BYTES) return fail(`a message header of more than ${MAX_HEADER_BYTES} bytes without its blank line`);
      if (end < 0) {
        header = Buffer.from(joined);
        return;
      }
      const text = joined.subarray(0, end).toString('latin1');
      const reason = badHeader(text);
      if (reason !== undefined) return fail(reason);
      out.write(joined.subarray(0, end + END.length));
      at += end + END.length - header.length;
      header = Buffer.alloc(0);
      body = contentLength(text);
    }
  });
  input.on('end', () => out.end());
  input.on('close', () => out.end());
  input.on('error', (e) => out.destroy(e));
  return out;
}

function headerFields(text: string): Map<string, string> | string {
  const fields = new Map<string, string>();
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return `a message header line without "name: value": ${JSON.stringify(line.slice(0, 80))}`;
    fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return fields;
}

/** Why a header block breaks the framing, or undefined when it is good. */
function badHeader(text: string): string | undefined {
  const fields = headerFields(text);
  if (typeof fields === 'string') return fields;
  const length = fields.get('content-length');
  if (length === undefined) return 'a message without a Content-Length header';
  if (!/^[0-9]+$/.test(length)) return `Content-Length is not a length in bytes: ${JSON.stringify(length.slice(0, 40))}`;
  if (Number(length) > MAX_CONTENT_LENGTH) return `Content-Length ${length} is larger than any message the server can read`;
  return undefined;
}

function contentLength(text: string): number {
  const fields = headerFields(text);
  return typeof fields === 'string' ? 0 : Number(fields.get('content-length') ?? 0);
}
