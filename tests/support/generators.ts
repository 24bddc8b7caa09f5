/**
 * fast-check arbitraries for report documents: random mixes of every construct of the format
 * (numbered headings at every level and in every variant, run-in headings, inline enumerations,
 * tables with ragged rows, front matter and fences – terminated or not – placeholders, stray
 * markers, traps), random Chinese/ASCII text, hostile characters (BOMs, lone surrogates, NUL,
 * lone CR), CRLF/LF mixes, very long lines, thousands of headings, and random edits of the real
 * example reports (delete, duplicate, swap lines, cut inside a marker, insert junk).
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';

const REAL_DIR = path.join(__dirname, '..', 'fixtures', 'real');

/** The real example reports (tests/fixtures/real/*.txt), read once. */
export const REAL_REPORTS: ReadonlyArray<{ name: string; text: string }> = fs
  .readdirSync(REAL_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: f, text: fs.readFileSync(path.join(REAL_DIR, f), 'utf8') }));

const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '二十', '九十九', '〇', '零', '百'];
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑳';
const FULL_DIGITS = '０１２３４５６７８９';

const cnNum = fc.constantFrom(...CN_NUMERALS);
const arNum = fc.oneof(fc.integer({ min: 0, max: 30 }).map(String), fc.constantFrom('007', '99999999999999999999', '１', '１２', FULL_DIGITS));

/** Text pieces: Chinese prose, ASCII, numbers with units, punctuation, whitespace, hostile characters. */
const CN_WORDS = ['工作', '报告', '坚持', '加强', '推进', '全面', '发展', '经济', '改革', '群众', '党建', '学习', '落实', '建设', '各位代表', '同志们', '五年来', '我们'];
const PUNCT = ['。', '，', '、', '：', '；', '！', '？', '…', '——', '“', '”', '（', '）', '(', ')', '【', '】', '《', '》', '.', ',', ':', ';', '#', '*', '_', '`', '|', '-', '>', '[', ']', '~', '\\', '<', '&'];
const NUMBERS = ['5.5%左右', '2023年', '3、4月份', '12.5亿元', '1,234万元', '增长8.3%', '3.2个百分点', '同比下降0.5%', '100万', '1.1.1', '２０２３年', '第3季度', '1/2', '-3.5'];
const JUNK = ['##paidbegin##', '##paidend##', 'XX', '××', 'xx', 'XXL', '□', '＿＿', '【待补充】', 'TODO', '\uFEFF', '\u0000', '\uD800', '\uDC00', '\uD83D\uDE00', '\r', '\t', '\u3000', '\u00A0', '\u200B', '\u2028', '\uFFFF', '\u0085'];

export const textPiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...CN_WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom(...JUNK) },
  { weight: 1, arbitrary: fc.constantFrom(' ', '  ', '　　') },
);

export const text = (maxPieces = 12): fc.Arbitrary<string> => fc.array(textPiece, { maxLength: maxPieces }).map((a) => a.join(''));

/** Indentation used before markers (spaces, full-width spaces, tabs). */
const indent = fc.constantFrom('', '', '', ' ', '  ', '　　', '\t', '    ', ' 　');

/** A numbering marker of any style the format knows, including malformed variants. */
export const marker: fc.Arbitrary<string> = fc.oneof(
  cnNum.chain((n) => fc.constantFrom(`${n}、`, `${n}.`, `${n}．`, `${n}，`, `${n}`, `${n}是`)),
  cnNum.chain((n) => fc.constantFrom(`（${n}）`, `(${n})`, `（${n})`, `（${n}）、`, `第${n}，`, `第${n}、`, `第${n}`)),
  arNum.chain((n) => fc.constantFrom(`${n}.`, `${n}．`, `${n}、`, `${n}`, `${n}. `)),
  arNum.chain((n) => fc.constantFrom(`（${n}）`, `(${n})`, `${n}）`, `${n})`, `（${n}`)),
  fc.constantFrom(...CIRCLED),
  fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('.') + ' '),
  fc.constantFrom('首先，', '其次，', '再次，', '最后，', '（', '（）', '、', '。', '第'),
);

/** A heading line: optional `#`s, indentation, a marker, a title, and optionally run-in body text. */
export const headingLine: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('', '', '', '# ', '## ', '### ', '###### ', '#', '####### '), indent, marker, text(4), fc.constantFrom('', '', '。', '：', '！', '？', '.'), fc.option(text(10), { nil: undefined }))
  .map(([hashes, ind, m, title, end, body]) => `${hashes}${ind}${m}${title}${end}${body === undefined ? '' : body}`);

/** Inline enumerations inside a paragraph. */
export const enumerationLine: fc.Arbitrary<string> = fc
  .tuple(
    indent,
    fc.constantFrom<[(i: number) => string]>(
      [(i) => `${CN_NUMERALS[i % CN_NUMERALS.length] ?? '一'}是`],
      [(i) => `第${CN_NUMERALS[i % CN_NUMERALS.length] ?? '一'}，`],
      [(i) => ['首先，', '其次，', '再次，', '最后，'][i % 4] ?? '最后，'],
      [(i) => `（${i + 1}）`],
      [(i) => CIRCLED[i % CIRCLED.length] ?? '①'],
    ),
    fc.array(text(5), { minLength: 1, maxLength: 6 }),
    fc.boolean(),
  )
  .map(([ind, [item], parts, shuffled]) => {
    const order = parts.map((_, i) => (shuffled ? (i * 7) % (parts.length + 1) : i));
    return ind + parts.map((p, i) => `${item(order[i] ?? i)}${p}；`).join('');
  });

/** A GFM table, with ragged rows, missing separators and escaped pipes. */
export const table: fc.Arbitrary<string[]> = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.array(fc.array(text(2), { maxLength: 7 }), { maxLength: 6 }), fc.boolean(), fc.boolean())
  .map(([cols, rows, withSep, outerPipes]) => {
    const row = (cells: string[]): string => (outerPipes ? `| ${cells.join(' | ')} |` : cells.join(' | '));
    const header = row(Array.from({ length: cols }, (_, i) => `列${i}`));
    const sep = row(Array.from({ length: cols }, (_, i) => (i % 2 ? ':---:' : '---')));
    return [header, ...(withSep ? [sep] : []), ...rows.map((r) => row(r.map((c) => c.replace(/\r|\n/g, ''))))];
  });

/** YAML front matter: valid, invalid, or unterminated. */
export const frontMatter: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.array(
      fc.oneof(
        text(3).map((t) => `title: ${t}`),
        fc.constantFrom('author: 张三', 'unit: 某某县政府办公室', 'date: 2023-12-31', 'kind: 述职报告', 'title:', 'title: [unclosed', ': bad', '  - item', 'title: "引号', 'a: b: c', '\t tab: x', '---x'),
      ),
      { maxLength: 5 },
    ),
    fc.constantFrom('---', '---', '...', '', '--- '),
  )
  .map(([lines, close]) => ['---', ...lines, ...(close ? [close] : [])]);

/** Fenced code, terminated or not. */
export const fence: fc.Arbitrary<string[]> = fc
  .tuple(fc.constantFrom('```', '~~~', '````', '``` yaml'), fc.array(fc.oneof(text(4), headingLine), { maxLength: 4 }), fc.boolean())
  .map(([open, body, closed]) => [open, ...body, ...(closed ? [open.replace(/ .*/, '')] : [])]);

/** Any block of lines. */
export const block: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 8, arbitrary: headingLine.map((l) => [l]) },
  { weight: 8, arbitrary: fc.tuple(indent, text(16)).map(([i, t]) => [i + t]) },
  { weight: 3, arbitrary: enumerationLine.map((l) => [l]) },
  { weight: 2, arbitrary: table },
  { weight: 1, arbitrary: frontMatter },
  { weight: 1, arbitrary: fence },
  { weight: 3, arbitrary: fc.constantFrom<string[]>([''], ['', ''], ['　　'], ['---'], ['***'], ['> 引用一、标题'], ['- 列表 一、项目'], ['1. 列表项'], ['<div>'], ['（'], ['政 府 工 作 报 告']) },
);

const EOLS = ['\n', '\r\n', '\r'];

/** Joins lines with one end-of-line style, or a random mix of them. */
export function joinLines(lines: readonly string[], eolSeed: number, mixed: boolean): string {
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) out += mixed ? EOLS[(eolSeed + i * 31) % 3] : EOLS[eolSeed % 3];
    out += lines[i];
  }
  return out;
}

/** A generated report: blocks of every kind, an EOL style (or a mix), maybe a BOM. */
export const generatedReport = (maxBlocks = 30): fc.Arbitrary<string> =>
  fc
    .tuple(fc.option(frontMatter, { nil: undefined, freq: 4 }), fc.array(block, { maxLength: maxBlocks }), fc.nat(2), fc.boolean(), fc.constantFrom('', '', '', '\uFEFF'), fc.boolean())
    .map(([fm, blocks, eol, mixed, bom, finalEol]) => bom + joinLines([...(fm ?? []), ...blocks.flat()], eol, mixed) + (finalEol ? '\n' : ''));

/** One edit of a list of lines. Indices are taken modulo the length when applied. */
export type LineEdit =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; at: number; other: number }
  | { kind: 'cut'; at: number; col: number }
  | { kind: 'insert'; at: number; col: number; text: string }
  | { kind: 'join'; at: number };

export const lineEdit: fc.Arbitrary<LineEdit> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
  // Cutting within the first few characters lands inside an indentation or a marker.
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), col: fc.oneof(fc.nat(6), fc.nat()) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), col: fc.oneof(fc.nat(6), fc.nat()), text: fc.oneof(textPiece, marker, fc.constantFrom('\n', '\r\n', '\r', '---', '```', '|')) }),
  fc.record({ kind: fc.constant('join' as const), at: fc.nat() }),
);

export function applyLineEdits(source: readonly string[], edits: readonly LineEdit[]): string[] {
  const lines = [...source];
  for (const e of edits) {
    if (lines.length === 0) lines.push('');
    const i = e.at % lines.length;
    const line = lines[i] ?? '';
    switch (e.kind) {
      case 'delete':
        lines.splice(i, 1);
        break;
      case 'duplicate':
        lines.splice(i, 0, line);
        break;
      case 'swap': {
        const j = e.other % lines.length;
        lines[i] = lines[j] ?? '';
        lines[j] = line;
        break;
      }
      case 'cut': {
        // Skip the indentation so that small columns fall inside the marker.
        const lead = line.length - line.replace(/^[\s\u3000]+/u, '').length;
        lines[i] = line.slice(0, Math.min(line.length, lead + (e.col % (line.length + 1))));
        break;
      }
      case 'insert': {
        const col = e.col % (line.length + 1);
        lines[i] = line.slice(0, col) + e.text + line.slice(col);
        break;
      }
      case 'join':
        lines.splice(i, 2, line + (lines[i + 1] ?? ''));
        break;
    }
  }
  return lines;
}

/**
 * A real example report (or a window of 5–80 of its lines, which keeps a case cheap), edited at
 * random, with its original or a different line ending style.
 */
export const editedRealReport: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...REAL_REPORTS),
    fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 4, arbitrary: fc.integer({ min: 5, max: 80 }) }),
    fc.nat(),
    fc.array(lineEdit, { minLength: 1, maxLength: 20 }),
    fc.nat(2),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([report, window, at, edits, eol, mixed, keepEol]) => {
    let lines = report.text.split(/\r\n|\r|\n/);
    if (window > 0) {
      const from = at % Math.max(1, lines.length - window);
      lines = lines.slice(from, from + window);
    }
    lines = applyLineEdits(lines, edits);
    return keepEol ? lines.join('\n') : joinLines(lines, eol, mixed);
  });

/** Large inputs: a 10,000-character line, thousands of headings, deep nesting, long runs of markers. */
export const largeReport: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(textPiece, fc.integer({ min: 10_000, max: 12_000 })).map(([p, n]) => (p || '字').repeat(Math.ceil(n / Math.max(1, (p || '字').length))).slice(0, n)),
  fc.tuple(marker, fc.integer({ min: 10_000, max: 11_000 })).map(([m, n]) => `${m}${'标题'.repeat(n / 2)}。${'正文，'.repeat(n / 3)}`),
  fc.tuple(fc.integer({ min: 4_000, max: 5_000 }), fc.nat(2)).map(([n, eol]) =>
    joinLines(Array.from({ length: n }, (_, i) => ['一、标题', '（一）小节。正文', '1.条目', '（1）细目', '## 第二章', `${i}.${i % 7}.${i % 3} 小节`][i % 6] ?? ''), eol, false),
  ),
  fc.integer({ min: 1_000, max: 3_000 }).map((n) => Array.from({ length: n }, (_, i) => `${'1.'.repeat((i % 40) + 1)}1 深层`).join('\n')),
  fc.integer({ min: 2_000, max: 6_000 }).map((n) => `一是${'，二是'.repeat(n)}。`),
  fc.integer({ min: 2_000, max: 6_000 }).map((n) => '|'.repeat(n) + '\n' + '|---'.repeat(n) + '\n' + '| x '.repeat(n)),
  fc.integer({ min: 2_000, max: 6_000 }).map((n) => '---\n' + 'a: b\n'.repeat(n)),
  fc.integer({ min: 2_000, max: 6_000 }).map((n) => '（'.repeat(n) + '\n' + '（一'.repeat(n) + '\n' + '第'.repeat(n) + '\n' + '1.'.repeat(n)),
  fc.integer({ min: 2_000, max: 6_000 }).map((n) => 'X'.repeat(n) + '\n' + '#'.repeat(n) + '\n' + ' '.repeat(n) + '。'),
);

/** Everything: mostly small generated reports and edited real ones, sometimes large inputs. */
export const anyReport: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: generatedReport() },
  { weight: 4, arbitrary: editedRealReport },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: largeReport },
);

/** The mixture of `npm run fuzz`: as anyReport, with large inputs rarer (1 in 100) so 100,000 cases stay affordable. */
export const fuzzReport: fc.Arbitrary<string> = fc.oneof(
  { weight: 60, arbitrary: generatedReport() },
  { weight: 25, arbitrary: editedRealReport },
  { weight: 14, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: largeReport },
);
