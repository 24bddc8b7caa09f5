import * as assert from 'assert';
import * as path from 'path';
import { ESLint } from 'eslint';

const ROOT = path.join(__dirname, '..', '..');

/** The rule ids ESLint reports for a piece of code placed at `file`. */
async function lint(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message.split('.')[0] ?? ''}`);
}

describe('architecture lint rules', function () {
  this.timeout(60_000);

  it('the engine imports no Node built-in, under its plain or its node: name', async () => {
    for (const spec of ['fs', 'node:fs', 'path', 'node:path', 'fs/promises', 'node:child_process', 'worker_threads', 'node:crypto']) {
      const found = await lint('server/src/engine/model/zz.ts', `import * as x from '${spec}';\nexport const y = x;\n`);
      assert.ok(found.some((m) => m.startsWith('no-restricted-imports')), `${spec}: ${found.join('; ')}`);
    }
    assert.deepStrictEqual(await lint('server/src/engine/model/zz.ts', `import type { Range } from 'vscode-languageserver-types';\nexport type R = Range;\n`), []);
  });

  it('the client imports nothing of the server, only common/', async () => {
    assert.ok((await lint('client/src/zz.ts', `import { RULES } from '../../server/src/engine/rules';\nexport const r = RULES;\n`)).some((m) => m.startsWith('no-restricted-imports')));
    assert.ok((await lint('client/src/preview/zz.ts', `import type { X } from '../../../server/src/protocol';\nexport type Y = X;\n`)).some((m) => m.startsWith('no-restricted-imports')));
    assert.deepStrictEqual(await lint('client/src/zz.ts', `import { RenderRequest } from '../../common/protocol';\nexport const r = RenderRequest;\n`), []);
  });

  it('common/ imports neither side', async () => {
    assert.ok((await lint('common/zz.ts', `import { RULES } from '../server/src/engine/rules';\nexport const r = RULES;\n`)).some((m) => m.startsWith('no-restricted-imports')));
  });
});
