import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildModel } from '../../server/src/engine/model/parse';
import { runRules } from '../../server/src/engine/diagnostics';
import { placeholder } from '../../server/src/engine/rules/placeholder';
import { strayMarker } from '../../server/src/engine/rules/stray-marker';
import { frontMatter } from '../../server/src/engine/rules/front-matter';
import type { Rule } from '../../server/src/engine/rules/types';
import { checkRule } from '../support/analysis';

const REAL = path.join(__dirname, '..', 'fixtures', 'real');
const found = (rule: Rule, text: string) => checkRule(rule, text).map((f) => text.split(/\r?\n/)[f.range.start.line]?.slice(f.range.start.character, f.range.end.character));

describe('rule stray-marker', () => {
  it('finds paywall markers, zero-width characters and replacement characters', () => {
    assert.deepStrictEqual(found(strayMarker, '（四）廉洁从政守##paidbegin##底线。正文'), ['##paidbegin##']);
    assert.deepStrictEqual(found(strayMarker, '##paidend##'), ['##paidend##']);
    assert.deepStrictEqual(found(strayMarker, '正文\u200b\u200b继续'), ['\u200b\u200b']);
    assert.deepStrictEqual(found(strayMarker, '乱码\ufffd\ufffd了'), ['\ufffd\ufffd']);
  });

  it('stays quiet on Markdown headings, code and ordinary text', () => {
    assert.deepStrictEqual(found(strayMarker, '## 一、概况\n\n```\n##paidbegin##\n```\n#话题#\n'), []);
  });

  it('offers a fix that removes the marker', () => {
    const text = '守##paidbegin##底线';
    const f = strayMarker.check(buildModel({ text }), {})[0];
    assert.deepStrictEqual(f?.fixes?.[0]?.edits, [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 14 } }, newText: '' }]);
  });
});

describe('rule placeholder', () => {
  it('finds stand-ins left in a draft', () => {
    assert.deepStrictEqual(found(placeholder, '认真学习贯彻党的XX大精神'), ['XX']);
    assert.deepStrictEqual(found(placeholder, '于2023年X月X日召开'), ['X', 'X']);
    assert.deepStrictEqual(found(placeholder, '共计××人，完成□□项，填写＿＿＿，【待补充】，TODO'), ['××', '□□', '＿＿＿', '【待补充】', 'TODO']);
    assert.deepStrictEqual(found(placeholder, 'xxx公司'), ['xxx']);
  });

  it('does not take words containing X for placeholders', () => {
    assert.deepStrictEqual(found(placeholder, '采购XXL号服装，拍X光片，X射线检测，Xbox，`XX` 代码，www.xx.com'), []);
  });
});

describe('rule front-matter', () => {
  it('reports unterminated and invalid front matter', () => {
    assert.strictEqual(frontMatter.check(buildModel({ text: '---\ntitle: 报告\n正文' }), {}).length, 1);
    assert.strictEqual(frontMatter.check(buildModel({ text: '---\ntitle: [\n---\n' }), {}).length, 1);
    assert.strictEqual(frontMatter.check(buildModel({ text: '---\ntitle: 报告\n---\n正文' }), {}).length, 0);
  });
});

describe('core rules on the real reports', () => {
  const truthFindings = (file: string): string[] => {
    const truth = JSON.parse(fs.readFileSync(path.join(REAL, 'truth', file.replace(/\.txt$/, '.json')), 'utf8')) as { real_defects: Array<{ line: number; kind: string }> };
    return truth.real_defects.filter((d) => d.kind === 'stray-marker' || d.kind === 'placeholder').map((d) => `${d.kind}@${d.line}`);
  };
  for (const file of fs.readdirSync(REAL).filter((f) => f.endsWith('.txt'))) {
    it(`${file}: exactly the real stray markers and placeholders`, () => {
      const text = fs.readFileSync(path.join(REAL, file), 'utf8');
      const got = runRules(buildModel({ text }), { rules: {} }, undefined, [strayMarker, placeholder, frontMatter]).map((d) => `${d.rule.id}@${d.finding.range.start.line + 1}`);
      assert.deepStrictEqual(got, truthFindings(file));
    });
  }
});

describe('configuration', () => {
  it('turns rules off and changes severities', () => {
    const model = buildModel({ text: '党的XX大##paidend##' });
    assert.deepStrictEqual(runRules(model, { rules: {} }).map((d) => `${d.rule.id}:${d.severity}`).sort(), ['placeholder:warning', 'stray-marker:error']);
    assert.deepStrictEqual(runRules(model, { rules: { placeholder: 'off', 'stray-marker': { severity: 'info' } } }).map((d) => `${d.rule.id}:${d.severity}`), ['stray-marker:info']);
  });
});
