import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPORT_TEMPLATES } from '../../common/templates';

const ROOT = path.join(__dirname, '..', '..');
const read = (f: string): string => fs.readFileSync(path.join(ROOT, f), 'utf8');
const WRITING = JSON.parse(read('l10n/zh-cn/writing.json')) as Record<string, string>;

describe('writing: Chinese translations', () => {
  it('translates the skeleton descriptions shown in the New Report quick pick', () => {
    assert.deepStrictEqual(REPORT_TEMPLATES.filter((t) => !WRITING[t.description]).map((t) => t.description), []);
  });

  it('names the writing commands and settings in English and Chinese', () => {
    const pkg = JSON.parse(read('package.json')) as { contributes: { commands: Array<{ command: string; title: string }>; configuration: { properties: Record<string, { description?: string }> } } };
    const en = JSON.parse(read('package.nls.json')) as Record<string, string>;
    const zh = JSON.parse(read('package.nls.zh-cn.json')) as Record<string, string>;
    const keys = [
      ...pkg.contributes.commands.filter((c) => c.command === 'report.newReport' || c.command === 'report.wordCount.show').map((c) => c.title),
      ...Object.entries(pkg.contributes.configuration.properties).filter(([k]) => k.startsWith('report.wordCount.')).map(([, v]) => v.description ?? ''),
    ].map((k) => k.replace(/^%|%$/g, ''));
    assert.strictEqual(keys.length, 4);
    for (const k of keys) {
      assert.ok(en[k], `package.nls.json: ${k}`);
      assert.ok(zh[k] && /[\u4e00-\u9fff]/.test(zh[k]), `package.nls.zh-cn.json: ${k}`);
    }
    assert.strictEqual(zh['command.newReport'], '新建报告…');
  });
});
