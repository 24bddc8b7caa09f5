import { t } from '../i18n';
import { proseLines, type ProseLine } from '../model/prose';
import type { TextMemo } from '../model/memo';
import type { ReportModel } from '../model/types';
import { defineRule, type Finding } from './types';

/** The paired marks checked (GB/T 15834-2011): opener → closer. */
const PAIRS: Record<string, string> = { '《': '》', '“': '”', '‘': '’', '（': '）', '【': '】', '〔': '〕', '「': '」' };
const OPENER_OF: Record<string, string> = Object.fromEntries(Object.entries(PAIRS).map(([o, c]) => [c, o]));
const QUOTES = new Set(['“', '‘', '「']);
const IS_MARK = new Uint8Array(0x10000);
for (const c of [...Object.keys(PAIRS), ...Object.values(PAIRS)]) IS_MARK[c.charCodeAt(0)] = 1;

/** A mark opened on a line can be closed on one of the next lines this far on (titles pasted from web pages sit on a line of their own). */
const CARRY_LINES = 2;
/** 「1）」「a）」「三）」 numbering an item, and 「：）」 a smiley: closing brackets with no opener on purpose. */
const ITEM_LABEL = /(?:^|[\s\u3000，。；：、！？）])[0-9０-９A-Za-zⅰ-ⅹⅠ-Ⅹ一二三四五六七八九十]{1,3}$/;
const SMILEY = /[：；:;]$/;
// eslint-disable-next-line no-control-regex -- MASKED (U+0000) stands for masked characters
const LEADING = /^[\s\u3000>*\-+\u0000]*/;

interface Open {
  readonly ch: string;
  readonly line: number;
  readonly at: number;
  /** Index in the prose lines of the line it was opened on. */
  readonly seq: number;
}

interface Report {
  readonly line: number;
  readonly at: number;
  readonly message: string;
  readonly fix?: { title: string; newText: string };
}

const isLetter = (ch: string): boolean => /[A-Za-z]/.test(ch);

const NO_MARKS: readonly number[] = Object.freeze([]);

/** Where the paired marks of a line are. */
function markPositions(text: string): readonly number[] {
  let out: number[] | undefined;
  for (let i = 0; i < text.length; i++) if (IS_MARK[text.charCodeAt(i)] !== 0) (out ??= []).push(i);
  return out ?? NO_MARKS;
}

/** Every mismatch of the document, in reading order. */
function scan(lines: readonly ProseLine[], memo: TextMemo): Report[] {
  const out: Report[] = [];
  let stack: Open[] = [];
  const unclosed = (o: Open): void => void out.push({ line: o.line, at: o.at, message: t('"{0}" is opened but not closed in this paragraph.', o.ch) });
  for (let seq = 0; seq < lines.length; seq++) {
    const { line, text } = lines[seq] as ProseLine;
    const previous = lines[seq - 1];
    if (stack.length > 0 && previous && line - previous.line > CARRY_LINES + 1) {
      stack.forEach(unclosed);
      stack = [];
    }
    // A quotation over several paragraphs: each paragraph opens with “ and only the last one closes.
    const first = firstMark(text);
    const top = stack[stack.length - 1];
    if (top && top.seq === seq - 1 && top.ch === first && QUOTES.has(first) && continuesQuotation(text)) stack.pop();
    if (stack.length === 0) {
      // (Nothing open and no mark on the line: nothing to read.)
      if (memo.read('unpaired-punctuation', text, markPositions).length === 0) continue;
      // A line that opens and closes its own marks reads the same wherever it is: its reports are
      // kept per text from one version to the next (in column terms; the line is set here).
      const own = memo.get('unpaired-punctuation-line', text, () => {
        const reports: Report[] = [];
        return readMarks(text, 0, 0, [], reports, memo).length === 0 ? reports : undefined;
      });
      if (own) {
        for (const r of own) out.push({ ...r, line });
        continue;
      }
    }
    stack = readMarks(text, line, seq, stack, out, memo);
    if (stack.length === 0) continue;
    if (COMPLETE.test(text)) {
      // A paragraph that ends its sentence closes its marks, but for a quotation the next paragraph
      // opens again with the same mark.
      const next = lines[seq + 1];
      const keep = next && next.line - line <= CARRY_LINES + 1 && firstMark(next.text) === stack[stack.length - 1]?.ch && continuesQuotation(next.text) ? stack.pop() : undefined;
      stack.forEach(unclosed);
      stack = keep ? [{ ...keep, seq }] : [];
      continue;
    }
    // A line cut in mid-sentence (a title pasted on a line of its own): its marks may close on the
    // next lines, for CARRY_LINES lines.
    stack = stack.filter((o) => {
      if (seq - o.seq < CARRY_LINES) return true;
      unclosed(o);
      return false;
    });
  }
  stack.forEach(unclosed);
  return out.sort((a, b) => a.line - b.line || a.at - b.at);
}

/**
 * The paired marks of one line read against the marks still open (`stack`, opened on earlier lines):
 * mismatches go to `out`; the marks open at the end of the line are returned.
 */
function readMarks(text: string, line: number, seq: number, open: readonly Open[], out: Report[], memo: TextMemo): Open[] {
  let stack = open.slice();
  const unclosed = (o: Open): void => void out.push({ line: o.line, at: o.at, message: t('"{0}" is opened but not closed in this paragraph.', o.ch) });
  // Openers reported unclosed because an outer mark closed first (「（《…）》」): their closer is no second finding.
  const crossed: string[] = [];
  // The paired marks of the line (kept from the previous version for every line an edit did not touch).
  for (const i of memo.read('unpaired-punctuation', text, markPositions)) {
    const ch = text.charAt(i);
    const closer = PAIRS[ch];
    if (closer !== undefined) {
      if (ch === '“') nestingCheck(stack, out);
      stack.push({ ch, line, at: i, seq });
      continue;
    }
    const opener = OPENER_OF[ch] as string;
    if (ch === '’' && isLetter(text.charAt(i - 1))) continue; // Xi’an, People’s
    if (ch === '’' && /^[0-9０-９]{2}(?![0-9０-９])/.test(text.slice(i + 1, i + 4)) && stack[stack.length - 1]?.ch !== '‘') continue; // 「中国’99昆明世界园艺博览会」: a year's apostrophe
    const innermost = stack[stack.length - 1];
    if (innermost?.ch === opener) {
      stack.pop();
      continue;
    }
    const depth = findLast(stack, opener);
    if (depth >= 0) {
      for (const o of stack.slice(depth + 1)) {
        unclosed(o);
        crossed.push(o.ch);
      }
      stack = stack.slice(0, depth);
      continue;
    }
    const c = crossed.indexOf(opener);
    if (c >= 0) {
      crossed.splice(c, 1);
      continue;
    }
    const before = text.slice(Math.max(0, i - 6), i);
    if (ch === '）' && (ITEM_LABEL.test(before) || SMILEY.test(before))) continue;
    if (innermost && innermost.seq === seq && !closedLater(text, i, innermost.ch)) {
      // 「“六五’」「“纲要（草案）》」: a mark closed with the wrong one.
      const right = PAIRS[innermost.ch] as string;
      if (QUOTES.has(innermost.ch) && QUOTES.has(opener)) out.push({ line, at: i, message: t('"{0}" is closed with "{1}": use "{2}".', innermost.ch, ch, right), fix: { title: t('Change "{0}" to "{1}"', ch, right), newText: right } });
      else out.push({ line, at: i, message: t('"{0}" is closed with "{1}", which does not pair with it.', innermost.ch, ch) });
      stack.pop();
      continue;
    }
    if ((ch === '”' || ch === '’') && opensAgain(text, i, ch)) {
      // 「一个”五讲四美”的」: the opening mark typed as a closing one.
      out.push({ line, at: i, message: t('"{0}" opens a quotation here: use "{1}".', ch, opener), fix: { title: t('Change "{0}" to "{1}"', ch, opener), newText: opener } });
      stack.push({ ch: opener, line, at: i, seq });
      continue;
    }
    out.push({ line, at: i, message: t('"{0}" is closed but was not opened in this paragraph.', ch) });
  }
  return stack;
}

/** A line that ends a sentence (「。」「！」「？」「；」「：」「……」, a closing quote after them). */
const COMPLETE = /[。！？；：…][”’」』）]*[\s\u3000]*$/;

/** The first character of a line after its indentation and list or quote markers. */
function firstMark(text: string): string {
  return text.charAt((LEADING.exec(text)?.[0] ?? '').length);
}

/**
 * The paragraph goes on with a quotation of the paragraph before: its first mark opens a quotation
 * that stays open to its end or closes only there (「“……。”」), not a short quote (「“四人帮”是……」).
 */
function continuesQuotation(text: string): boolean {
  const at = (LEADING.exec(text)?.[0] ?? '').length;
  const ch = text.charAt(at);
  const closer = PAIRS[ch] as string;
  let depth = 0;
  for (let j = at + 1; j < text.length; j++) {
    const c = text.charAt(j);
    if (c === ch) depth++;
    else if (c === closer && depth-- === 0) return /^[。！？…；\s\u3000]*$/.test(text.slice(j + 1));
  }
  return true;
}

function findLast(stack: readonly Open[], ch: string): number {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k]?.ch === ch) return k;
  return -1;
}

/** The opener `ch` still open at `i` is closed later on the line (its closer at depth 0). */
function closedLater(text: string, i: number, ch: string): boolean {
  const closer = PAIRS[ch] as string;
  let depth = 0;
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charAt(j);
    if (c === ch) depth++;
    else if (c === closer && depth-- === 0) return true;
  }
  return false;
}

/** The same closing quote comes again later on the line before any opening one: this one opens. */
function opensAgain(text: string, i: number, ch: string): boolean {
  const opener = OPENER_OF[ch] as string;
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charAt(j);
    if (c === opener) return false;
    if (c === ch) return true;
  }
  return false;
}

/** 「‘…“…”…’」 at the outer level: single quotes enclosing double ones where no double quote encloses them. */
function nestingCheck(stack: readonly Open[], out: Report[]): void {
  for (let k = stack.length - 1; k >= 0; k--) {
    const o = stack[k] as Open;
    if (o.ch === '“') return;
    if (o.ch === '‘') {
      if (stack.slice(0, k).some((x) => x.ch === '“')) return;
      if (!out.some((r) => r.line === o.line && r.at === o.at)) out.push({ line: o.line, at: o.at, message: t('Single quotation marks enclose double ones: the outer level takes "“ ”", the inner "‘ ’" (GB/T 15834).') });
      return;
    }
  }
}

/**
 * Paired marks (《》 “” ‘’ （） 【】 〔〕 「」) opened and not closed, or closed without being opened,
 * within a paragraph; a quotation closed with the wrong mark; single quotes outside double ones.
 * A quotation over several paragraphs follows the Chinese convention (each paragraph opens with “,
 * only the last one closes). Markdown syntax, code and numbering markers are not punctuation.
 */
export const unpairedPunctuation = defineRule({
  id: 'unpaired-punctuation',
  defaultSeverity: 'warning',
  description: {
    en: 'Paired marks (《》 “” ‘’ （） 【】 〔〕 「」) opened and not closed, or closed without being opened, in a paragraph; quotes nested the wrong way round.',
    zh: '成对标点（《》“”‘’（）【】〔〕「」）在段内有开无合、有合无开，或引号嵌套颠倒。',
  },
  tags: ['proofreading', 'punctuation'],
  fixable: 'suggestion',
  options: {},
  check(model: ReportModel, _options, token) {
    if (token?.isCancellationRequested) return [];
    const findings: Finding[] = [];
    for (const r of scan(proseLines(model), model.memo)) {
      const range = model.index.range(r.line, r.at, r.at + 1);
      findings.push({ range, message: r.message, ...(r.fix ? { fixes: [{ title: r.fix.title, edits: [{ range, newText: r.fix.newText }] }] } : {}) });
    }
    return findings;
  },
});
