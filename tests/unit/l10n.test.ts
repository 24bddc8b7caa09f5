/**
 * Every message the product shows is translated: each `t('…')` of the server, the engine, the CLI
 * and common/, and each `l10n.t('…')` of the client, has its Chinese text in l10n/zh-cn/*.json.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { chineseBundle } from '../../server/src/engine/i18n';

const ROOT = path.join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** The literal first arguments of t(…) / l10n.t(…) in a source file. */
function messages(file: string): string[] {
  const src = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return [...src.matchAll(/(?:\bl10n\.t|(?<![\w.])t)\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) =>
    (m[1] ?? '').replace(/\\(["'\\])/g, '$1').replace(/\\u([0-9A-Fa-f]{4})/g, (_s, h: string) => String.fromCharCode(parseInt(h, 16))),
  );
}

describe('messages in Chinese', () => {
  const files = [...sources('server/src'), ...sources('common'), ...sources('client/src')];

  it('every message of the server, the engine, the CLI, common/ and the client has a Chinese translation', () => {
    const zh = chineseBundle();
    const all = files.flatMap((f) => messages(f).map((m) => ({ f, m })));
    assert.ok(all.length > 150, `only ${all.length} messages found: the scan is broken`);
    assert.deepStrictEqual(all.filter(({ m }) => !(m in zh)).map(({ f, m }) => `${f}: ${m}`), []);
  });

  it('no translation is empty, and no sentence is left in English', () => {
    const zh = chineseBundle();
    const bad = Object.entries(zh).filter(([en, cn]) => cn.trim() === '' || (cn === en && / [a-z]+ /.test(en)));
    assert.deepStrictEqual(bad, []);
  });
});
