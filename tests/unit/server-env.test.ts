import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { cpuCount, SERVER_MEMORY_ENV, serverExecArgv, serverMemoryEnv } from '../../common/server-env';

const ROOT = path.join(__dirname, '..', '..');

describe('the environment the server is started with', () => {
  it('adds the fixed malloc thresholds the environment does not set', () => {
    assert.deepStrictEqual(serverMemoryEnv({ PATH: '/usr/bin' }), { MALLOC_TRIM_THRESHOLD_: '131072', MALLOC_MMAP_THRESHOLD_: '131072' });
  });

  it('keeps a value the user set, even an empty one', () => {
    assert.deepStrictEqual(serverMemoryEnv({ MALLOC_TRIM_THRESHOLD_: '1048576' }), { MALLOC_MMAP_THRESHOLD_: '131072' });
    assert.deepStrictEqual(serverMemoryEnv({ MALLOC_TRIM_THRESHOLD_: '', MALLOC_MMAP_THRESHOLD_: '0' }), {});
  });

  it('leaves a CPU to the thread that answers: V8 background threads one fewer than the CPUs, Node\'s default of four from five CPUs on', () => {
    assert.deepStrictEqual(serverExecArgv(1), ['--v8-pool-size=1']);
    assert.deepStrictEqual(serverExecArgv(2), ['--v8-pool-size=1']);
    assert.deepStrictEqual(serverExecArgv(3), ['--v8-pool-size=2']);
    assert.deepStrictEqual(serverExecArgv(4), ['--v8-pool-size=3']);
    assert.deepStrictEqual(serverExecArgv(5), []);
    assert.deepStrictEqual(serverExecArgv(64), []);
    // A count of 0 still gives one thread; one that is not a number leaves Node's default.
    assert.deepStrictEqual(serverExecArgv(0), ['--v8-pool-size=1']);
    assert.deepStrictEqual(serverExecArgv(Number.NaN), []);
    assert.ok(Number.isInteger(cpuCount()) && cpuCount() >= 1);
  });

  it('is what the extension starts the server with, and what the README tells other editors (the test client: tests/protocol/foundation.test.ts)', () => {
    const client = fs.readFileSync(path.join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');
    assert.match(client, /run: \{[^}]*execArgv: serverExecArgv\(cpuCount\(\)\)[^}]*env: serverMemoryEnv\(process\.env\)/);
    assert.match(client, /debug: \{[^}]*execArgv: \[\.\.\.serverExecArgv\(cpuCount\(\)\)[^}]*env: serverMemoryEnv\(process\.env\)/);
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const [name, value] of Object.entries(SERVER_MEMORY_ENV)) assert.ok(readme.includes(`${name}=${value}`), name);
    assert.ok(readme.includes('--v8-pool-size'), 'the README gives the thread option to other editors');
  });
});
