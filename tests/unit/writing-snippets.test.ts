import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildModel, DEFAULT_CONFIG, diagnostics } from '../../server/src/engine';
import { flatHeadings } from '../../server/src/engine/features/outline';
import { toChineseNumeral } from '../../server/src/engine/util/numerals';
import { expandSnippet } from './writing-snippet-expand';

const ROOT = path.join(__dirname, '..', '..');

interface SnippetDef {
  prefix: string | string[];
  body: string | string[];
  description?: string;
  isFileTemplate?: boolean;
  id?: string;
}

function load(file: string): Record<string, SnippetDef> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', file), 'utf8')) as Record<string, SnippetDef>;
}

const phrases = load('report.code-snippets');
const templates = load('templates.json');
const all = { ...phrases, ...templates };
const bodyOf = (s: SnippetDef): string => (Array.isArray(s.body) ? s.body.join('\n') : s.body);

/** Text with the sections a snippet that starts at 「三、」 follows (一、 and 二、), and how many lines were added. */
function inContext(text: string): { text: string; offset: number } {
  const first = buildModel({ text }).headings[0];
  if (!first || first.line !== 0 || first.style !== 'cn-dun' || first.value <= 1) return { text, offset: 0 };
  const before = Array.from({ length: first.value - 1 }, (_, k) => `${toChineseNumeral(k + 1)}、前文标题\n\n前文正文。\n\n`).join('');
  return { text: before + text, offset: before.split('\n').length - 1 };
}

describe('writing: snippet expansion helper', () => {
  it('replaces tab stops by their defaults, choices by their first option, and keeps escapes', () => {
    assert.strictEqual(expandSnippet('a${1:b${2:c}}d$3e${4}f$0'), 'abcdef');
    assert.strictEqual(expandSnippet('${1|述职报告,工作总结|}'), '述职报告');
    assert.strictEqual(expandSnippet('\\$1 \\} \\\\'), '$1 } \\');
    assert.throws(() => expandSnippet('${1:open'), /unterminated/);
  });
});

describe('writing: snippets', () => {
  it('has at least 40 phrase snippets and the report skeletons', () => {
    assert.ok(Object.keys(phrases).length >= 40, `only ${Object.keys(phrases).length}`);
    assert.deepStrictEqual(
      Object.values(templates).map((t) => t.id),
      ['shuzhi', 'annual', 'half-year', 'research', 'briefing', 'rectification', 'workplan'],
    );
  });

  it('gives every snippet pinyin initials, full pinyin and a Chinese prefix, and a description', () => {
    const seen = new Map<string, string>();
    for (const [name, s] of Object.entries(all)) {
      const prefixes = Array.isArray(s.prefix) ? s.prefix : [s.prefix];
      assert.ok(prefixes.length >= 3, `${name}: ${prefixes.join(' ')}`);
      const latin = prefixes.filter((p) => /^[a-z0-9]+$/.test(p));
      assert.ok(latin.length >= 2, `${name}: needs pinyin initials and full pinyin`);
      assert.ok(latin.some((p) => p.length >= 6), `${name}: needs full pinyin`);
      assert.ok(prefixes.some((p) => /^[\u4e00-\u9fff]+$/.test(p)), `${name}: needs a Chinese prefix`);
      assert.ok(s.description && s.description.length > 8, `${name}: needs a description`);
      for (const p of prefixes) {
        assert.ok(!seen.has(p), `prefix ${p} of ${name} already used by ${seen.get(p) ?? ''}`);
        seen.set(p, name);
      }
    }
    // The prefixes the issue names.
    assert.strictEqual(seen.get('szbg'), '述职述德述廉报告');
    assert.strictEqual(seen.get('shuzhi'), '述职述德述廉报告');
    assert.ok(seen.get('xybdsa')?.includes('下一步工作打算'));
  });

  for (const [name, s] of Object.entries(all)) {
    it(`expands to valid report text: ${name}`, () => {
      // A block that opens with 「三、」 goes after 一、 and 二、: check it where it is meant to go.
      const { text, offset } = inContext(expandSnippet(bodyOf(s)));
      const model = buildModel({ text });
      const found = diagnostics(model, DEFAULT_CONFIG).filter((d) => d.code !== 'placeholder');
      assert.deepStrictEqual(found.map((d) => `${d.range.start.line + 1 - offset}:${d.range.start.character + 1} ${String(d.code)} ${d.message}`), []);
    });
  }

  it('keeps the intended placeholders of the statistics sentence and the table', () => {
    const stats = buildModel({ text: expandSnippet(bodyOf(phrases['数据：办结率'] as SnippetDef)) });
    assert.deepStrictEqual(diagnostics(stats, DEFAULT_CONFIG).map((d) => d.code), ['placeholder']);
    const table = buildModel({ text: expandSnippet(bodyOf(phrases['数据：合计表格'] as SnippetDef)) });
    assert.strictEqual(table.tables.length, 1);
    assert.strictEqual(table.tables[0]?.rows.at(-1)?.[0]?.text, '合计');
  });

  it('parses the enumeration snippets as inline enumerations', () => {
    for (const name of ['列举：一是二是三是', '列举：首先其次最后', '列举：第一第二第三', '列举：（1）（2）（3）']) {
      const model = buildModel({ text: expandSnippet(bodyOf(phrases[name] as SnippetDef)) });
      assert.strictEqual(model.enumerations.length, 1, name);
      assert.strictEqual(model.enumerations[0]?.items.length, 3, name);
    }
  });

  it('expands the blocks into numbered sections', () => {
    const problems = buildModel({ text: expandSnippet(bodyOf(phrases['问题：存在的问题和不足'] as SnippetDef)) });
    assert.deepStrictEqual(flatHeadings(problems).map((h) => h.marker + h.title), ['三、存在的问题和不足']);
    assert.strictEqual(problems.enumerations[0]?.items.length, 3);
    const fm = buildModel({ text: expandSnippet(bodyOf(phrases['格式：前置元数据'] as SnippetDef)) });
    assert.strictEqual(fm.title?.text, '2025年度述职述德述廉报告');
    assert.strictEqual(fm.frontMatter?.data?.['kind'], '述职报告');
  });

  for (const [name, s] of Object.entries(templates)) {
    it(`skeleton ${name} has a title, numbered level-1 sections and standard phrasing`, () => {
      const model = buildModel({ text: expandSnippet(bodyOf(s)) });
      assert.ok(model.title && model.title.source === 'frontmatter', 'title from front matter');
      const top = model.sections.map((sec) => sec.heading);
      assert.ok(top.length >= 3, `${top.length} sections`);
      top.forEach((h, i) => {
        assert.strictEqual(h.style, 'cn-dun');
        assert.strictEqual(h.value, i + 1, `section ${h.marker}${h.title} out of order`);
      });
      for (const sec of model.sections) sec.children.forEach((c, i) => assert.strictEqual(c.heading.value, i + 1, c.heading.marker));
      assert.match(model.text, /如下：|以下几个方面工作：/);
    });
  }
});
