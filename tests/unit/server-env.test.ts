import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { SERVER_MEMORY_ENV, serverMemoryEnv } from '../../common/server-env';

const ROOT = path.join(__dirname, '..', '..');

describe('the environment the server is started with', () => {
  it('adds the fixed malloc thresholds the environment does not set', () => {
    assert.deepStrictEqual(serverMemoryEnv({ PATH: '/usr/bin' }), { MALLOC_TRIM_THRESHOLD_: '131072', MALLOC_MMAP_THRESHOLD_: '131072' });
  });

  it('keeps a value the user set, even an empty one', () => {
    assert.deepStrictEqual(serverMemoryEnv({ MALLOC_TRIM_THRESHOLD_: '1048576' }), { MALLOC_MMAP_THRESHOLD_: '131072' });
    assert.deepStrictEqual(serverMemoryEnv({ MALLOC_TRIM_THRESHOLD_: '', MALLOC_MMAP_THRESHOLD_: '0' }), {});
  });

  it('is what the extension starts the server with, and what the README tells other editors (the test client: tests/protocol/foundation.test.ts)', () => {
    const client = fs.readFileSync(path.join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');
    assert.match(client, /run: \{[^}]*env: serverMemoryEnv\(process\.env\)/);
    assert.match(client, /debug: \{[^}]*env: serverMemoryEnv\(process\.env\)/);
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const [name, value] of Object.entries(SERVER_MEMORY_ENV)) assert.ok(readme.includes(`${name}=${value}`), name);
  });
});
