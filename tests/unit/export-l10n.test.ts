import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

describe('export: contributions and messages', () => {
  it('contributes the two export commands with English and Chinese titles, in the palette and the explorer for reports', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
      contributes: { commands: Array<{ command: string; title: string }>; menus: Record<string, Array<{ command: string; when?: string }>> };
    };
    const en = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const zh = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
    for (const id of ['report.exportDocx', 'report.exportHtml']) {
      const cmd = pkg.contributes.commands.find((c) => c.command === id);
      assert.ok(cmd, id);
      const key = /^%(.+)%$/.exec(cmd.title)?.[1] ?? '';
      assert.ok(en[key] && zh[key], `${id}: ${key} in both nls files`);
      assert.ok(pkg.contributes.menus['commandPalette']?.some((m) => m.command === id && /editorLangId == report/.test(m.when ?? '')));
      assert.ok(pkg.contributes.menus['explorer/context']?.some((m) => m.command === id && m.when === 'resourceLangId == report'));
    }
    assert.strictEqual(pkg.bin['report-export'], 'dist/export-cli.js');
  });
});
