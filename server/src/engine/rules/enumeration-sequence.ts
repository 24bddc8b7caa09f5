import type { TextEdit } from 'vscode-languageserver-types';
import { t } from '../i18n';
import type { Enumeration, EnumerationItem, ReportModel } from '../model/types';
import { CN_NUMERAL_CHARS, toChineseNumeral, toCircled } from '../util/numerals';
import { defineRule, type Finding } from './types';

const ORDER_WORDS: Record<number, string> = { 1: '首先', 2: '其次', 3: '再次' };
const LAST = 99; // 最后
const CN_NUMERAL_RE = new RegExp(`[${CN_NUMERAL_CHARS}]+`);

/** The item's marker with its number replaced by `value`, or undefined when there is no word for it. */
export function renumberItem(e: Enumeration, item: EnumerationItem, value: number): string | undefined {
  switch (e.family) {
    case 'shi':
    case 'di':
      return item.marker.replace(CN_NUMERAL_RE, toChineseNumeral(value));
    case 'paren':
      return item.marker.replace(/[0-9]+/, String(value));
    case 'circled':
      return toCircled(value);
    default: {
      const word = ORDER_WORDS[value];
      return word ? item.marker.replace(/^(首先|其次|再次)/, word) : undefined;
    }
  }
}

function edits(e: Enumeration, from: number, start: number): TextEdit[] {
  const out: TextEdit[] = [];
  e.items.slice(from).forEach((item, k) => {
    if (item.value === LAST) return;
    const text = renumberItem(e, item, start + k);
    if (text !== undefined && text !== item.marker) out.push({ range: item.markerRange, newText: text });
  });
  return out;
}

/** Lines looked back for an enumeration's earlier items written elsewhere. */
const LOOK_BACK = 40;

/**
 * The item before the first one is written where the enumeration's scan does not read it: in the heading of
 * its section (the 1985 report's 「第一、必须坚持……」 is a heading, 「第二、既要搞活经济……。我们……」 body text),
 * or as another word for the first (the 1955 report's 「首先，」 … 「第二，」 … 「第三，」). Looked for from the
 * section's heading (at most LOOK_BACK lines back) to the first item.
 */
function startsEarlier(model: ReportModel, e: Enumeration, first: EnumerationItem): boolean {
  const previous = renumberItem(e, first, first.value - 1)?.replace(/[，、：,:]$/u, '');
  const words = [previous, ...(first.value === 2 && (e.family === 'di' || e.family === 'shi') ? ['首先', '其一'] : [])].filter((w): w is string => !!w);
  if (words.length === 0) return false;
  const at = first.markerRange.start;
  const from = Math.max(e.section?.heading.line ?? 0, at.line - LOOK_BACK);
  for (let l = from; l <= at.line; l++) {
    const text = model.index.line(l).text;
    const upTo = l === at.line ? at.character : text.length;
    for (const w of words) {
      for (let i = text.indexOf(w); i >= 0 && i < upTo; i = text.indexOf(w, i + 1)) {
        // At the start of the line or after a mark (not 「同第一个五年计划」 inside a sentence).
        const before = text.slice(0, i).replace(/[\s\u3000]+$/u, '');
        if ((before === '' || /[。；;：:，,！？!?（(“]$/u.test(before)) && /^[，、：,:\s]|^$/u.test(text.slice(i + w.length, i + w.length + 1))) return true;
      }
    }
  }
  return false;
}

function label(e: Enumeration, item: EnumerationItem, value: number): string {
  return (renumberItem(e, item, value) ?? '').replace(/[，、：,:]$/, '');
}

/**
 * Inline enumerations in body text — 「一是……二是……四是」, 「第一……第三」, 「首先……其次……其次」,
 * 「（1）……（3）」 — count 1, 2, 3…: a gap, a duplicate or an order mistake is reported once where
 * it happens and the count goes on from the number found. 「最后」 closes any sequence.
 */
export const enumerationSequence = defineRule({
  id: 'enumeration-sequence',
  defaultSeverity: 'warning',
  description: {
    en: 'Inline enumerations that skip, repeat or reorder: 一是……二是……四是, 第一……第三, 首先……其次……其次.',
    zh: '段内列举（一是……二是……、第一……第二……、首先……其次……）跳号、重复或顺序颠倒。',
  },
  tags: ['structure'],
  fixable: 'safe',
  options: {},
  check(model, _options, token) {
    const out: Finding[] = [];
    for (const e of model.enumerations) {
      if (token?.isCancellationRequested) return [];
      let expected = 1;
      let first = true;
      const seen = new Set<number>();
      const head = e.items[0];
      if (head && head.value > 1 && startsEarlier(model, e, head)) expected = head.value;
      e.items.forEach((item, i) => {
        if (item.value === LAST) return;
        if (item.value !== expected) {
          const want = label(e, item, expected);
          const found = item.marker.replace(/[，、：,:]$/, '');
          if (want === '') return;
          const message =
            i === 0
              ? t('The enumeration does not start at 1: expected "{0}" here, found "{1}".', want, found)
              : seen.has(item.value)
                ? t('Repeated item in the enumeration: expected "{0}" here, found "{1}" again.', want, found)
                : item.value > expected
                  ? t('The enumeration skips a number: expected "{0}" here, found "{1}".', want, found)
                  : t('The enumeration is out of order: expected "{0}" here, found "{1}".', want, found);
          // The edits are built on demand: built eagerly, k findings among n items cost k·n edits
          // (fuzz: 「一是，二是，二是……」 with 4,000 items took over 10 s).
          const from = expected;
          const own = renumberItem(e, item, from);
          const fix = { title: t('Renumber the enumeration from here: "{0}"', want), preferred: first, get edits(): TextEdit[] { return edits(e, i, from); } };
          out.push({
            range: item.markerRange,
            message,
            ...(own !== undefined && own !== item.marker ? { fixes: [fix] } : {}),
          });
          first = false;
          expected = item.value;
        }
        seen.add(item.value);
        expected++;
      });
    }
    return out;
  },
});
