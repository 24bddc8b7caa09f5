import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { CloseHandlerResult, ErrorHandler, ErrorHandlerResult } from 'vscode-languageclient';
import { CrashNoticeHandler, isServerGone, type CrashHooks } from '../../client/src/crash-notice';

// vscode-languageclient's values (its module needs `vscode` at run time).
const CONTINUE = 1;
const SHUTDOWN = 2;
const DO_NOT_RESTART = 1;
const RESTART = 2;

/** Same decisions as vscode-languageclient's DefaultErrorHandler: restart up to 4 times, then give up. */
class FakeDefaultPolicy implements ErrorHandler {
  closes = 0;
  error(_e: Error, _m: unknown, count: number | undefined): ErrorHandlerResult {
    return { action: count && count <= 3 ? CONTINUE : SHUTDOWN } as ErrorHandlerResult;
  }
  closed(): CloseHandlerResult {
    this.closes++;
    return (this.closes <= 4 ? { action: RESTART } : { action: DO_NOT_RESTART, message: 'The Report server crashed 5 times in the last 3 minutes.' }) as CloseHandlerResult;
  }
}

function setup() {
  const events: string[] = [];
  const policies: FakeDefaultPolicy[] = [];
  const hooks: CrashHooks = {
    restarting: (crash, notify) => events.push(`restart ${crash}${notify ? ' notify' : ''}`),
    gaveUp: (crash, reason) => events.push(`gave up ${crash}: ${reason}`),
    writeFailed: (error) => events.push(`write failed: ${error.message}`),
  };
  const handler = new CrashNoticeHandler(() => {
    const p = new FakeDefaultPolicy();
    policies.push(p);
    return p;
  }, hooks);
  return { handler, events, policies };
}

describe('client: crash notice around the standard restart policy', () => {
  it('restarts as the standard policy says and notifies only on the first crash', async () => {
    const { handler, events } = setup();
    for (let i = 0; i < 3; i++) {
      const r = await handler.closed();
      assert.strictEqual(r.action, RESTART);
      // handled: the client does not add its own message.
      assert.strictEqual(r.handled, true);
    }
    assert.deepStrictEqual(events, ['restart 1 notify', 'restart 2', 'restart 3']);
    assert.strictEqual(handler.crashCount, 3);
  });

  it('reports once when the standard policy gives up, and does not restart', async () => {
    const { handler, events } = setup();
    for (let i = 0; i < 4; i++) await handler.closed();
    const r = await handler.closed();
    assert.strictEqual(r.action, DO_NOT_RESTART);
    assert.strictEqual(r.handled, true);
    assert.deepStrictEqual(events.slice(4), ['gave up 5: The Report server crashed 5 times in the last 3 minutes.']);
    assert.strictEqual(events.filter((e) => e.endsWith('notify')).length, 1);
  });

  it('after a deliberate restart the policy counts from zero, and the notice is not repeated', async () => {
    const { handler, events, policies } = setup();
    for (let i = 0; i < 4; i++) await handler.closed();
    handler.reset();
    const r = await handler.closed();
    assert.strictEqual(r.action, RESTART);
    assert.strictEqual(policies.length, 2);
    assert.strictEqual(events[4], 'restart 5');
  });

  it('creates the standard policy lazily and passes connection errors through to it', async () => {
    const { handler, policies, events } = setup();
    assert.strictEqual(policies.length, 0);
    assert.strictEqual((await handler.error(new Error('bad message'), undefined, 1)).action, CONTINUE);
    assert.strictEqual(policies.length, 1);
    const r = await handler.error(new Error('bad message'), undefined, 4);
    assert.strictEqual(r.action, SHUTDOWN);
    assert.strictEqual(r.handled, undefined);
    assert.deepStrictEqual(events, []);
  });

  it('does not shut down on a write to a server that just died: the close (and restart) follows', async () => {
    const { handler, events } = setup();
    const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    for (const e of [epipe, new Error('Channel closed')]) {
      const r = await handler.error(e, undefined, undefined);
      assert.strictEqual(r.action, CONTINUE, e.message);
      assert.strictEqual(r.handled, true, e.message);
    }
    assert.deepStrictEqual(events, ['write failed: write EPIPE', 'write failed: Channel closed']);
    assert.strictEqual((await handler.closed()).action, RESTART);
  });

  it('recognises the errors of a dead server process', () => {
    assert.ok(isServerGone(Object.assign(new Error('channel closed'), { code: 'ERR_IPC_CHANNEL_CLOSED' })));
    assert.ok(isServerGone(new Error('write EPIPE')));
    assert.ok(!isServerGone(new Error('Message header must be "Content-Length"')));
  });
});

describe('client: Chinese translations of extension.ts', () => {
  it('translates every vscode.l10n.t message of client/src/extension.ts in l10n/zh-cn', () => {
    const root = path.join(__dirname, '..', '..');
    const dir = path.join(root, 'l10n', 'zh-cn');
    const zh: Record<string, string> = {};
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.json'))) Object.assign(zh, JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
    const source = fs.readFileSync(path.join(root, 'client', 'src', 'extension.ts'), 'utf8');
    const keys = [...source.matchAll(/\bl10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => (m[1] ?? '').replace(/\\(["'\\])/g, '$1'));
    assert.ok(keys.includes('The report language server stopped unexpectedly and was restarted.'), JSON.stringify(keys));
    assert.deepStrictEqual(keys.filter((k) => !zh[k]), []);
    // The error names the restart command as the Command Palette shows it in Chinese.
    const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
    const gaveUp = keys.find((k) => k.includes('will not be restarted')) ?? '';
    assert.ok(zh[gaveUp]?.includes(`Report: ${nls['command.restartServer']}`), zh[gaveUp]);
  });
});
