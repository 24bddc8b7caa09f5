import type { TextEdit } from 'vscode-languageserver-types';
import { t } from '../i18n';
import { maskInlineSyntax } from '../model/inline-syntax';
import type { Heading } from '../model/types';
import { placeTable } from '../model/memo';
import { defineRule, type Finding } from './types';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
/** Han characters and CJK/full-width punctuation: what makes the side of a mark "Chinese". */
const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—]/u;
const ASCII_WORD = /[A-Za-z0-9]/;
/** Char codes of the half-width marks scanned for: , ; : ? ! ( (「)」 is found through its pair). */
const HALF_CODES = new Set([0x2c, 0x3b, 0x3a, 0x3f, 0x21, 0x28]);
const LINE_KINDS = new Set(['text', 'heading', 'table', 'quote']);

interface Place {
  readonly line: number;
  readonly from: number;
  readonly to: number;
  readonly found: string;
  readonly edits: TextEdit[];
}

function neighbour(s: string, at: number, step: 1 | -1): string {
  for (let i = at + step; i >= 0 && i < s.length; i += step) {
    const ch = s.charAt(i);
    if (ch !== ' ' && ch !== '\t') return ch === '\u0000' ? 'x' : ch;
  }
  return '';
}

/** Spaces after a mark that only the half-width convention needs (「，」 carries its own space). */
function trailingSpaces(s: string, at: number): number {
  let n = 0;
  while (s.charAt(at + 1 + n) === ' ') n++;
  return n > 0 && CJK.test(s.charAt(at + 1 + n)) ? n : 0;
}

/** A place of scanLine, in columns of its line: [from, to, what was found, the edits as [from, to, new text]]. */
type LinePlace = readonly [number, number, string, ReadonlyArray<readonly [number, number, string]>];

/** Half-width marks in Chinese context on one line (its text masked: inline syntax blanked), with their fixes. */
function scanLine(s: string, skip: ReadonlyArray<readonly [number, number]>): LinePlace[] {
  const out: LinePlace[] = [];
  const inSkip = (i: number): boolean => skip.some(([a, b]) => i >= a && i < b);
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  // charCodeAt, not charAt: charAt allocates a string per Chinese character (GC-bound on 1 MB).
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x28) stack.push(i);
    else if (c === 0x29 && stack.length > 0) pairs.set(stack.pop() as number, i);
  }
  for (let i = 0; i < s.length; i++) {
    if (!HALF_CODES.has(s.charCodeAt(i)) || inSkip(i)) continue;
    const ch = s.charAt(i);
    const prev = neighbour(s, i, -1);
    const next = neighbour(s, i, 1);
    if (ch === '(') {
      const close = pairs.get(i);
      if (close === undefined || ASCII_WORD.test(prev)) continue; // GDP(国内生产总值), f(x)
      const inside = s.slice(i + 1, close);
      if (!CJK.test(prev) && !CJK.test(inside)) continue;
      out.push([i, close + 1, '( )', [[i, i + 1, '（'], [close, close + 1, '）']]]);
      continue;
    }
    if (!CJK.test(prev) && !CJK.test(next)) continue; // English or numbers: 1,234  10:30  Why?
    if (/[0-9]/.test(prev) && /[0-9]/.test(next)) continue;
    const spaces = trailingSpaces(s, i);
    out.push([i, i + 1, ch, [[i, i + 1 + spaces, FULL[ch] ?? ch]]]);
  }
  return out;
}

/** The half-width marks and the percent signs of a line (where the first pass saw any). */
function placesOf(raw: string, half: boolean, pct: boolean, skip: ReadonlyArray<readonly [number, number]>): { half: LinePlace[]; percent: Array<readonly [number, string]> } {
  const s = maskInlineSyntax(raw);
  const percent: Array<readonly [number, string]> = [];
  if (pct) for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25 || c === 0xff05) percent.push([i, s.charAt(i)]);
  }
  return { half: half ? scanLine(s, skip) : [], percent };
}

/** What a char code is to the first pass over a line: a half-width mark, a percent sign, a full-width mark (counted for the summary). */
const HALF = 1;
const PCT = 2;
const CLASS = new Uint8Array(0x10000);
for (const c of HALF_CODES) CLASS[c] = HALF;
for (const c of [0x25, 0xff05]) CLASS[c] = PCT;
for (const c of '，；：？！（') CLASS[c.charCodeAt(0)] = 3;

/** The marks of a raw line: HALF when it has a half-width mark, PCT a percent sign, and 4 × the number of full-width marks. */
function classify(raw: string): number {
  let flags = 0;
  let full = 0;
  for (let i = 0; i < raw.length; i++) {
    const k = CLASS[raw.charCodeAt(i)];
    if (k === 0) continue;
    if (k === HALF || k === PCT) flags |= k;
    else full++;
  }
  return flags + full * 4;
}

/**
 * GB/T 15834: Chinese sentences take full-width 「，；：？！（）」. Half-width marks are reported where
 * a Chinese character stands beside them; English, numbers (3.5, 1,234, 10:30), URLs, code and
 * brackets after ASCII words stay quiet. A document written throughout with half-width marks gets one
 * summary finding at the top and hints at each place. 「%」 mixed with 「％」 is reported too.
 */
export const punctuationWidth = defineRule({
  id: 'punctuation-width',
  defaultSeverity: 'info',
  description: {
    en: 'Half-width `, ; : ? ! ( )` in Chinese sentences (quiet on English, numbers, URLs, code), and `%` mixed with `％`.',
    zh: '中文句子中使用了半角标点，或 % 与 ％ 混用。',
  },
  tags: ['punctuation'],
  fixable: 'safe',
  options: {
    summaryRatio: {
      type: 'number',
      default: 0.8,
      minimum: 0,
      maximum: 1,
      description: {
        en: 'Share of half-width marks among all marks in Chinese text above which the document gets one summary finding and the single places become hints.',
        zh: '中文语境中半角标点占全部标点的比例超过此值时，只在文首给出一条汇总提示，各处降为“建议”级别。',
      },
    },
    summaryMinimum: {
      type: 'integer',
      default: 20,
      minimum: 1,
      description: {
        en: 'Number of half-width marks a document needs at least before it gets the summary finding instead of one finding per place.',
        zh: '至少出现多少处半角标点时，才以一条汇总提示代替逐处提示。',
      },
    },
  },
  check(model, options, token) {
    const places: Place[] = [];
    const markers = new Map<number, Heading>();
    for (const h of model.headings) markers.set(h.line, h);
    let full = 0;
    let percent: Array<{ line: number; at: number; ch: string }> = [];
    for (const line of model.index.lines) {
      if (token?.isCancellationRequested) return [];
      if (!LINE_KINDS.has(model.lineKinds[line.index] ?? '')) continue;
      // One pass over the raw line first: most lines have no half-width mark and no percent sign.
      const raw = line.text;
      // Kept from the previous version for every line an edit did not touch.
      const marks = model.memo.read('punctuation-width', raw, classify);
      full += marks >> 2;
      const half = (marks & HALF) !== 0;
      const pct = (marks & PCT) !== 0;
      if (!half && !pct) continue;
      // The places of the line, kept per text (and per heading marker: a marker is no punctuation).
      const h = markers.get(line.index);
      const [a, b] = h ? [h.markerRange.start.character, h.markerRange.end.character] : [0, 0];
      const skip = h ? [[a, b] as const] : [];
      const table = h ? placeTable('punctuation-width', a, b) : 'punctuation-width-places';
      const found = model.memo.get(table, raw, () => placesOf(raw, half, pct, skip));
      for (const [from, to, mark, edits] of found.half) {
        places.push({ line: line.index, from, to, found: mark, edits: edits.map(([a, b, newText]) => ({ range: model.index.range(line.index, a, b), newText })) });
      }
      for (const [at, ch] of found.percent) percent.push({ line: line.index, at, ch });
    }
    const out: Finding[] = [];
    const ratio = options.summaryRatio;
    const minimum = options.summaryMinimum;
    const summary = places.length >= minimum && places.length / (places.length + full) >= ratio;
    if (summary) {
      const first = places[0] as Place;
      const top = model.index.lines.find((l) => LINE_KINDS.has(model.lineKinds[l.index] ?? '')) ?? model.index.line(first.line);
      out.push({
        range: model.index.range(top.index, 0, top.text.length),
        message: t('This document uses half-width punctuation in Chinese text throughout ({0} places): Chinese text takes full-width marks (GB/T 15834).', places.length),
        fixes: [{ title: t('Convert all {0} half-width marks to full-width', places.length), edits: places.flatMap((p) => p.edits), preferred: false }],
      });
    }
    // Messages are made once per mark: a half-width document has thousands of places.
    const texts = new Map<string, { message: string; title: string }>();
    const textOf = (found: string): { message: string; title: string } => {
      let m = texts.get(found);
      if (m === undefined) {
        const full = found === '( )' ? '（ ）' : (FULL[found] ?? found);
        const message = found === '( )' ? t('Half-width brackets "( )" in Chinese text: use "（ ）".') : t('Half-width "{0}" in Chinese text: use "{1}".', found, full);
        m = { message, title: t('Change "{0}" to "{1}"', found, full) };
        texts.set(found, m);
      }
      return m;
    };
    for (const p of places) {
      out.push({
        range: model.index.range(p.line, p.from, p.to),
        message: textOf(p.found).message,
        fixes: [{ title: textOf(p.found).title, edits: p.edits, preferred: true }],
        ...(summary ? { severity: 'hint' as const } : {}),
      });
    }
    const halfCount = percent.filter((p) => p.ch === '%').length;
    if (halfCount > 0 && halfCount < percent.length) {
      const majority = halfCount > percent.length - halfCount ? '%' : '％';
      percent = percent.filter((p) => p.ch !== majority);
      const minority = majority === '%' ? '％' : '%';
      const message = t('"{0}" mixed with "{1}" in one document: this document mostly uses "{1}".', minority, majority);
      const title = t('Change "{0}" to "{1}"', minority, majority);
      for (const p of percent) {
        out.push({
          range: model.index.range(p.line, p.at, p.at + 1),
          message,
          fixes: [{ title, edits: [{ range: model.index.range(p.line, p.at, p.at + 1), newText: majority }], preferred: true }],
        });
      }
    }
    return out;
  },
});
