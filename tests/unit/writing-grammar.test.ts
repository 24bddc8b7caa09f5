import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const ROOT = path.join(__dirname, '..', '..');
const REAL = path.join(ROOT, 'tests', 'fixtures', 'real');
/** VS Code's own Markdown grammar, present once the e2e harness (code-server) is installed. */
const VSCODE_MARKDOWN = path.join(ROOT, 'tests', 'e2e', 'node_modules', 'code-server', 'lib', 'vscode', 'extensions', 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json');

/**
 * A small Markdown grammar with the scopes of VS Code's (paragraphs as begin/while blocks, fenced
 * and inline code), so that the report grammar's injection is tested offline as it runs in the editor.
 */
const MARKDOWN_STAND_IN = {
  scopeName: 'text.html.markdown',
  patterns: [
    {
      begin: '(^|\\G)(\\s*)(`{3,}|~{3,})\\s*(?=([^`]*)?$)',
      end: '(^|\\G)(\\2|\\s{0,3})(\\3)\\s*$',
      name: 'markup.fenced_code.block.markdown',
    },
    {
      begin: '(^|\\G)[ ]{0,3}(?=[^ \\t\\n])',
      while: '(^|\\G)((?=\\s*[-=]{3,}\\s*$)|[ ]{4,}(?=[^ \\t\\n]))',
      name: 'meta.paragraph.markdown',
      patterns: [{ match: '(`+)[^`]+\\1', name: 'markup.inline.raw.string.markdown' }],
    },
  ],
};

let onig: Promise<vsctm.IOnigLib> | undefined;
function onigLib(): Promise<vsctm.IOnigLib> {
  onig ??= (async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return { createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) };
  })();
  return onig;
}

async function loadGrammar(markdown: 'stand-in' | 'vscode'): Promise<vsctm.IGrammar> {
  const registry = new vsctm.Registry({
    onigLib: onigLib(),
    loadGrammar: async (scope) => {
      if (scope === 'text.report') {
        const file = path.join(ROOT, 'syntaxes', 'report.tmLanguage.json');
        return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
      }
      if (scope === 'text.html.markdown') {
        if (markdown === 'vscode') return vsctm.parseRawGrammar(fs.readFileSync(VSCODE_MARKDOWN, 'utf8'), VSCODE_MARKDOWN);
        return vsctm.parseRawGrammar(JSON.stringify(MARKDOWN_STAND_IN), 'markdown.json');
      }
      return null;
    },
  });
  const grammar = await registry.loadGrammar('text.report');
  if (!grammar) throw new Error('report grammar not loaded');
  return grammar;
}

interface Tok {
  text: string;
  scopes: string[];
}

function tokenize(grammar: vsctm.IGrammar, text: string): Tok[][] {
  let state = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The scopes shared by every token that covers the first occurrence of `needle` in the line. */
function scopesOf(line: Tok[], needle: string): string[] {
  const text = line.map((t) => t.text).join('');
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `no "${needle}" in ${JSON.stringify(line.map((t) => t.text))}`);
  let pos = 0;
  let shared: string[] | undefined;
  for (const t of line) {
    const end = pos + t.text.length;
    if (end > at && pos < at + needle.length) shared = shared ? shared.filter((s) => t.scopes.includes(s)) : [...t.scopes];
    pos = end;
  }
  return shared ?? [];
}
const has = (scopes: string[], prefix: string): boolean => scopes.some((s) => s.startsWith(prefix));
const realLine = (file: string, line: number): string => fs.readFileSync(path.join(REAL, file), 'utf8').split('\n')[line - 1] ?? '';

for (const markdown of ['stand-in', 'vscode'] as const) {
  describe(`writing: TextMate grammar (Markdown: ${markdown})`, function () {
    let grammar: vsctm.IGrammar;
    before(async function () {
      if (markdown === 'vscode' && !fs.existsSync(VSCODE_MARKDOWN)) this.skip(); // run tests/e2e/setup.sh to get it
      grammar = await loadGrammar(markdown);
    });

    it('scopes the numbering markers of the real seed report by level, and the run-in title', () => {
      const seed = '2023-county-office-shuzhi-report.txt';
      const [l1] = tokenize(grammar, realLine(seed, 3));
      assert.ok(has(scopesOf(l1 ?? [], '一、'), 'markup.heading.marker.level-1.report'));
      assert.ok(has(scopesOf(l1 ?? [], '持之以恒加强领导班子自身建设'), 'markup.heading.title.level-1.report'));
      const [l2] = tokenize(grammar, realLine(seed, 4));
      assert.ok(has(scopesOf(l2 ?? [], '（一）'), 'markup.heading.marker.level-2.report'));
      assert.ok(has(scopesOf(l2 ?? [], '主动学习强素质'), 'markup.heading.title.level-2.report'));
      // Figures in the run-in body: number and unit.
      assert.ok(has(scopesOf(l2 ?? [], '29'), 'constant.numeric.report'));
      assert.ok(has(scopesOf(l2 ?? [], '次'), 'keyword.other.unit.report'));
    });

    it('scopes levels 3 and 4, the 第一， sections of 1980 and full-width indented markers of Hailar', () => {
      const [l3, l4] = tokenize(grammar, '1. 项目建设\n（1）资金到位');
      assert.ok(has(scopesOf(l3 ?? [], '1.'), 'markup.heading.marker.level-3.report'));
      assert.ok(has(scopesOf(l4 ?? [], '（1）'), 'markup.heading.marker.level-4.report'));
      const [di] = tokenize(grammar, realLine('1980-state-council-government-work-report.txt', 20));
      assert.ok(has(scopesOf(di ?? [], '第一，'), 'markup.heading.marker.level-2.report'));
      const cnpack = tokenize(grammar, fs.readFileSync(path.join(REAL, '2002-04-cnpack-team-work-summary.txt'), 'utf8'));
      const dun = cnpack.flat().find((t) => /^[0-9]、$/.test(t.text));
      assert.ok(dun && has(dun.scopes, 'markup.heading.marker.level-3.report'), '1、 of the CnPack summary');
      const hailar = tokenize(grammar, fs.readFileSync(path.join(REAL, '2016-hailar-government-work-report.txt'), 'utf8'));
      const indented = hailar.flat().find((t) => t.text.startsWith('（') && has(t.scopes, 'markup.heading.marker.level-2.report'));
      assert.ok(indented, 'a （一） heading of the Hailar report');
    });

    it('does not take the traps for markers: 5.5% and 3、4月份 and 2023年', () => {
      const [a, b, c] = tokenize(grammar, '5.5%左右的预期增长\n3、4月份开展了调研\n2023年以来');
      assert.ok(!a?.some((t) => has(t.scopes, 'markup.heading')));
      assert.ok(has(scopesOf(a ?? [], '5.5%'), 'constant.numeric.percentage.report'));
      assert.ok(!b?.some((t) => has(t.scopes, 'markup.heading')));
      assert.ok(!c?.some((t) => has(t.scopes, 'markup.heading') || has(t.scopes, 'meta.figure')));
    });

    it('scopes inline enumerations, percentages, placeholders and stray markers of the seed', () => {
      const seed = '2023-county-office-shuzhi-report.txt';
      const [plan] = tokenize(grammar, realLine(seed, 22));
      for (const m of ['一是', '二是', '三是']) assert.ok(has(scopesOf(plan ?? [], m), 'keyword.other.enumeration.report'), m);
      const [rate] = tokenize(grammar, realLine(seed, 10));
      assert.ok(has(scopesOf(rate ?? [], '98％'), 'constant.numeric.percentage.report'));
      const [xx] = tokenize(grammar, realLine(seed, 2));
      assert.ok(has(scopesOf(xx ?? [], 'XX'), 'invalid.illegal.placeholder.report'));
      const [paid] = tokenize(grammar, realLine(seed, 7));
      assert.ok(has(scopesOf(paid ?? [], '##paidbegin##'), 'invalid.illegal.stray-marker.report'));
      const [other] = tokenize(grammar, '尺码XXL，□□，【待补充】');
      assert.ok(!other?.some((t) => t.text.includes('XXL') && has(t.scopes, 'invalid')));
      assert.ok(has(scopesOf(other ?? [], '□□'), 'invalid.illegal.placeholder.report'));
      assert.ok(has(scopesOf(other ?? [], '【待补充】'), 'invalid.illegal.placeholder.report'));
    });

    it('scopes the figures of the Shaanxi report with their units', () => {
      const shaanxi = tokenize(grammar, fs.readFileSync(path.join(REAL, '2026-shaanxi-government-work-report.txt'), 'utf8')).flat();
      const units = shaanxi.filter((t) => has(t.scopes, 'keyword.other.unit.report')).map((t) => t.text);
      assert.ok(units.includes('亿元'), units.slice(0, 20).join(' '));
      assert.ok(shaanxi.some((t) => has(t.scopes, 'constant.numeric.percentage.report')));
    });

    it('leaves fenced code, inline code and front matter alone', () => {
      const lines = tokenize(grammar, '---\ntitle: 2025年度报告\n---\n\n```\n一、不是标题 98% XX\n```\n\n正文`XX`和一是');
      assert.ok(!lines[1]?.some((t) => has(t.scopes, 'meta.figure') || has(t.scopes, 'constant.numeric.percentage')), JSON.stringify(lines[1]));
      assert.ok(!lines[5]?.some((t) => has(t.scopes, 'markup.heading') || has(t.scopes, 'invalid') || has(t.scopes, 'constant.numeric')), JSON.stringify(lines[5]));
      assert.ok(!has(scopesOf(lines[8] ?? [], 'XX'), 'invalid'));
    });
  });
}
