import type { Range, TextEdit } from 'vscode-languageserver-types';
import { t } from '../i18n';
import type { LineIndex } from '../model/lines';
import { mayHoldJunk } from '../model/markers';
import { defineRule, type Finding } from './types';

type Kind = 'marker' | 'invisible' | 'replacement';

/**
 * Junk pasted from web pages: paywall markers such as 「##paidbegin##」, invisible zero-width
 * characters, U+FFFD replacement characters left by a wrong decoding.
 */
const PATTERNS: Array<{ re: RegExp; kind: Kind }> = [
  { re: /##[A-Za-z][A-Za-z0-9_-]{1,30}##/g, kind: 'marker' },
  { re: /\[(?:paid|vip)[a-z]*\]|【(?:隐藏内容|付费内容|VIP专享)】/gi, kind: 'marker' },
  { re: /(?:\u200b|\u200c|\u200d|\u2060)+|(?<!^)\ufeff/g, kind: 'invisible' },
  { re: /\ufffd+/g, kind: 'replacement' },
];

/** The invisible characters by name (Unicode's names, lower case), in the messages. */
const NAMES: Record<string, string> = {
  '\u200b': 'zero-width space',
  '\u200c': 'zero-width non-joiner',
  '\u200d': 'zero-width joiner',
  '\u2060': 'word joiner',
  '\ufeff': 'zero-width no-break space (byte-order mark)',
};

/** 「"zero-width joiner" (U+200D)」 for each character of a run, once each. */
function invisibleNames(run: string): string {
  return [...new Set(run)].map((c) => t('"{0}" (U+{1})', t(NAMES[c] ?? 'invisible character'), c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'))).join(', ');
}

/**
 * Joiners that belong where they are: in an emoji sequence (👩‍💻: a joiner after a pictograph or
 * its variation selector), and between letters of the scripts that shape with them (Arabic,
 * Indic), never between Chinese characters or at a word's edge.
 */
const PICTOGRAPH_END = /(?:\p{Extended_Pictographic}|\u{fe0f}|\p{Emoji_Modifier})$/u;
const SHAPED_LETTER = /[\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Gujarati}\p{Script=Gurmukhi}\p{Script=Sinhala}\p{Script=Syriac}\p{Script=Mongolian}\p{M}]/u;
function joinerInPlace(text: string, from: number, to: number): boolean {
  const run = text.slice(from, to);
  if (!/^[\u200c\u200d]+$/.test(run)) return false;
  const before = text.slice(Math.max(0, from - 2), from);
  if (PICTOGRAPH_END.test(before)) return true;
  return SHAPED_LETTER.test(before.slice(-1)) && SHAPED_LETTER.test(text.charAt(to));
}

/**
 * What removing the junk at [from, to) of a line removes: the junk, or the whole line with its line
 * break when nothing but white space would be left (a blank line left behind would end a table or
 * split a paragraph the junk sat in).
 */
function removal(index: LineIndex, line: number, from: number, to: number): Range {
  const text = index.line(line).text;
  if ((text.slice(0, from) + text.slice(to)).trim() !== '') return index.range(line, from, to);
  if (line + 1 < index.lineCount) return { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
  if (line > 0) return { start: { line: line - 1, character: index.line(line - 1).text.length }, end: { line, character: text.length } };
  return index.range(line, 0, text.length);
}

/** The junk of a line: [from, to, text, kind] of each match, in the order of PATTERNS (a joiner in its place left out). */
function junkOf(text: string): ReadonlyArray<readonly [number, number, string, Kind]> {
  const out: Array<readonly [number, number, string, Kind]> = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(text)) !== null) {
      const from = m.index;
      const to = from + m[0].length;
      if (p.kind === 'invisible' && joinerInPlace(text, from, to)) continue;
      out.push([from, to, m[0], p.kind]);
    }
  }
  return out;
}

interface Place {
  readonly line: number;
  readonly from: number;
  readonly to: number;
  readonly found: string;
  readonly kind: Kind;
  readonly edit: TextEdit;
}

function message(p: Place): string {
  if (p.kind === 'marker') return t('Stray marker pasted from a web page: "{0}".', p.found);
  if (p.kind === 'replacement') return t('Replacement character "\uFFFD": this text was decoded with the wrong encoding.');
  return t('Invisible character {0} pasted into the text.', invisibleNames(p.found));
}

/**
 * Paste junk: paywall markers, invisible characters, replacement characters. A document with
 * invisible characters on many of its paragraphs (text copied from some web sites has one in every
 * paragraph) gets one finding for all of them, with one fix that removes them all.
 */
export const strayMarker = defineRule({
  id: 'stray-marker',
  defaultSeverity: 'error',
  description: {
    en: 'Paste junk such as `##paidbegin##`, zero-width characters and U+FFFD.',
    zh: '网页粘贴带入的残留标记（如 ##paidbegin##）和不可见字符。',
  },
  tags: ['paste'],
  fixable: 'safe',
  options: {
    summaryMinimum: {
      type: 'integer',
      default: 5,
      minimum: 2,
      description: {
        en: 'Number of paragraphs with invisible characters from which the document gets one finding for all of them (each place is then a hint).',
        zh: '含不可见字符的段落达到此数量时，合并为一条提示（各处降为“建议”级别）。',
      },
    },
  },
  check(model, options, token) {
    const places: Place[] = [];
    const { index } = model;
    let textLines = 0;
    for (const line of index.lines) {
      if (token?.isCancellationRequested) return [];
      const kind = model.lineKinds[line.index];
      if (kind === 'code' || kind === 'blank') continue;
      if (kind !== 'frontmatter') textLines++;
      // (Only a line with a character junk begins with is read; kept from the previous version for every line an edit did not touch.)
      if (!mayHoldJunk(line.text)) continue;
      for (const [from, to, found, kind] of model.memo.read('stray-marker', line.text, junkOf)) {
        if (line.index === 0 && from === 0 && found === '\ufeff') continue;
        places.push({ line: line.index, from, to, found, kind, edit: { range: removal(index, line.index, from, to), newText: '' } });
      }
    }
    const invisible = places.filter((p) => p.kind === 'invisible');
    const invisibleLines = new Set(invisible.map((p) => p.line)).size;
    // Text copied from some web sites (Wikisource among them) carries invisible characters in paragraph
    // after paragraph: one finding with one fix for all, and each place a hint, not dozens of errors.
    const summary = invisibleLines >= options.summaryMinimum;
    const findings: Finding[] = [];
    if (summary) {
      const first = invisible[0] as Place;
      const chars = invisible.reduce((n, p) => n + p.found.length, 0);
      findings.push({
        range: index.range(first.line, first.from, first.to),
        message: t('{0} invisible characters ({1}) pasted into {2} of the {3} paragraphs of this document.', chars, invisibleNames(invisible.map((p) => p.found).join('')), invisibleLines, textLines),
        fixes: [{ title: t('Remove all {0} invisible characters', chars), edits: invisible.map((p) => p.edit), preferred: true }],
        related: invisible.slice(1, 200).map((p) => ({ location: { uri: model.uri, range: index.range(p.line, p.from, p.to) }, message: t('invisible character') })),
      });
    }
    for (const p of places) {
      const hint = summary && p.kind === 'invisible';
      if (hint && p === invisible[0]) continue; // the summary stands there
      findings.push({
        range: index.range(p.line, p.from, p.to),
        message: message(p),
        // Under the summary a place is a hint, and its removal is the summary's fix (fix-all takes that one).
        fixes: [{ title: t('Remove "{0}"', p.kind === 'marker' ? p.found : t('invisible characters')), edits: [p.edit], preferred: !hint }],
        ...(hint ? { severity: 'hint' as const } : {}),
      });
    }
    return findings;
  },
});
