import { CIRCLED_CLASS, parseArabic, parseChineseNumeral, parseCircled } from '../util/numerals';
import type { LineIndex } from './lines';
import type { TextMemo } from './memo';
import { sectionAt } from './sections';
import type { Enumeration, EnumerationFamily, EnumerationItem, Paragraph, Section } from './types';

/** What may stand right before an inline marker: the start of the text, punctuation or space. */
const BOUNDARY = /[。；;：:，,、！？!?\s\u3000“"‘（(]/u;
const ORDER_WORDS: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 最后: 99 };

// The boundary is checked by hand on the character before a match: a lookbehind at the front of
// the pattern is evaluated at every position of every paragraph (most of the model's time).
const MARKER_RE = new RegExp(
  [
    `(?<shi>[一二三四五六七八九十]{1,3})是`,
    // 「第一，」, and 「第一步」「第一条」「第一点」「第一批」 (with or without a mark after them) in one family
    `(?<di>第[一二三四五六七八九十]{1,3})(?:[步条点批][，、：,:]?|[，、：,:])`,
    `(?<order>首先|其次|再次|最后)[，,：:]?`,
    `(?<paren>[（(][0-9]{1,2}[）)])`,
    `(?<circled>[${CIRCLED_CLASS}])`,
  ].join('|'),
  'gu',
);

interface RawItem {
  family: EnumerationFamily;
  value: number;
  marker: string;
  paragraph: Paragraph;
  start: number; // column
  end: number; // column after marker
}

/** A marker found in a paragraph's text: its place in that text (columns relative to the paragraph). */
export interface Match {
  readonly family: EnumerationFamily;
  readonly value: number;
  readonly marker: string;
  readonly index: number;
}

/** The markers of a paragraph, placed on its line (read once per text, kept across versions when a memo is given). */
function scan(p: Paragraph, listItem: boolean, memo: TextMemo | undefined): RawItem[] {
  const found = memo ? memo.get(listItem ? 'enumeration-markers-item' : 'enumeration-markers', p.text, () => enumerationMarkers(p.text, listItem)) : enumerationMarkers(p.text, listItem);
  if (found.length === 0) return [];
  const base = p.range.start.character;
  return found.map((m) => ({ family: m.family, value: m.value, marker: m.marker, paragraph: p, start: base + m.index, end: base + m.index + m.marker.length }));
}

const NO_MATCHES: readonly Match[] = Object.freeze([]);

export function enumerationMarkers(text: string, listItem = false): readonly Match[] {
  let out: Match[] | undefined;
  MARKER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKER_RE.exec(text)) !== null) {
    const g = m.groups ?? {};
    if (!g['circled'] && m.index > 0 && !BOUNDARY.test(text.charAt(m.index - 1))) {
      MARKER_RE.lastIndex = m.index + 1;
      continue;
    }
    let family: EnumerationFamily;
    let value: number | undefined;
    if (g['shi']) {
      family = 'shi';
      value = parseChineseNumeral(g['shi']);
    } else if (g['di']) {
      family = 'di';
      value = parseChineseNumeral(g['di'].slice(1));
    } else if (g['order']) {
      family = 'order';
      value = ORDER_WORDS[g['order']];
    } else if (g['paren']) {
      family = 'paren';
      value = parseArabic(g['paren'].slice(1, -1));
    } else {
      family = 'circled';
      value = parseCircled(g['circled'] ?? '');
    }
    if (value === undefined || value === 0) continue;
    (out ??= []).push({ family, value, marker: m[0], index: m.index });
  }
  // The number of a numbered list item (「①……；」「②……；」) is the list's, not an enumeration's, unless
  // the item goes on with more items of its kind in the same line (「（1）全面；（2）建设；」: the line is
  // the enumeration, whatever the numbers).
  const first = out?.[0];
  if (listItem && out && first?.index === 0 && !out.some((x, k) => k > 0 && x.family === first.family)) out.shift();
  return out && out.length > 0 ? out : NO_MATCHES;
}

function label(index: LineIndex, item: RawItem, endCol: number): string {
  const text = index.line(item.paragraph.line).text;
  const rest = text.slice(item.start, endCol);
  const stop = rest.slice(item.marker.length).search(/[，。；：,;:！？]/);
  const cut = stop < 0 ? rest : rest.slice(0, item.marker.length + stop);
  return [...cut].length > 40 ? [...cut].slice(0, 40).join('') + '…' : cut;
}

/**
 * Inline enumerations: 「一是……二是……」, 「第一，……第二，……」, 「首先……其次……最后……」,
 * 「（1）……（2）……」, 「①……②……」 in body text. A sequence lives inside one section; it may run
 * over several paragraphs (2016 Hailar: 一是/二是/三是 each open a paragraph); it restarts at 1.
 */
export function findEnumerations(paragraphs: readonly Paragraph[], sections: readonly Section[], index: LineIndex, listItems: ReadonlySet<number> = new Set(), memo?: TextMemo): Enumeration[] {
  const result: Enumeration[] = [];
  const open = new Map<string, { section: Section | undefined; items: RawItem[] }>();
  const flush = (key: string): void => {
    const seq = open.get(key);
    open.delete(key);
    if (!seq) return;
    const family = key.split('@')[0] as EnumerationFamily;
    if (seq.items.length < 2) return;
    if (family === 'order' && seq.items[0]?.value !== 1) return;
    const items: EnumerationItem[] = seq.items.map((it, k) => {
      const next = seq.items[k + 1];
      const sameParagraph = next && next.paragraph === it.paragraph;
      const endCol = sameParagraph ? next.start : it.paragraph.range.end.character;
      const end = { line: it.paragraph.line, character: endCol };
      const markerRange = index.range(it.paragraph.line, it.start, it.end);
      return {
        marker: it.marker,
        value: it.value,
        line: it.paragraph.line,
        markerRange,
        label: label(index, it, endCol),
        range: { start: markerRange.start, end },
      };
    });
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    result.push({ family, items, section: seq.section, range: { start: first.range.start, end: last.range.end } });
  };

  for (const p of paragraphs) {
    const section = sectionAt(sections, p.line);
    for (const item of scan(p, p.runinOf === undefined && listItems.has(p.line), memo)) {
      const key = `${item.family}@${section ? section.heading.line : -1}`;
      // A sequence ends when we leave its section.
      for (const [k, seq] of open) if (seq.section !== section) flush(k);
      const seq = open.get(key);
      if (seq && item.value === 1 && item.family !== 'order') flush(key);
      if (seq && item.family === 'order' && item.value === 1) flush(key);
      const cur = open.get(key) ?? { section, items: [] };
      cur.items.push(item);
      open.set(key, cur);
    }
  }
  for (const k of [...open.keys()]) flush(k);
  result.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return result;
}
