import type { Range } from 'vscode-languageserver-types';
import { t } from '../i18n';
import type { LineIndex } from '../model/lines';
import { defineRule, type Finding } from './types';

/**
 * Junk pasted from web pages: paywall markers such as 「##paidbegin##」, invisible zero-width
 * characters, U+FFFD replacement characters left by a wrong decoding.
 */
const PATTERNS: Array<{ re: RegExp; message: (found: string) => string; kind: string }> = [
  { re: /##[A-Za-z][A-Za-z0-9_-]{1,30}##/g, message: (s) => t('Stray marker pasted from a web page: "{0}".', s), kind: 'marker' },
  { re: /\[(?:paid|vip)[a-z]*\]|【(?:隐藏内容|付费内容|VIP专享)】/gi, message: (s) => t('Stray marker pasted from a web page: "{0}".', s), kind: 'marker' },
  { re: /(?:\u200b|\u200c|\u200d|\u2060)+|(?<!^)\ufeff/g, message: () => t('Invisible character (zero-width space) pasted into the text.'), kind: 'invisible' },
  { re: /\ufffd+/g, message: () => t('Replacement character "\uFFFD": this text was decoded with the wrong encoding.'), kind: 'replacement' },
];

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

export const strayMarker = defineRule({
  id: 'stray-marker',
  defaultSeverity: 'error',
  description: {
    en: 'Paste junk such as `##paidbegin##`, zero-width characters and U+FFFD.',
    zh: '网页粘贴带入的残留标记（如 ##paidbegin##）和不可见字符。',
  },
  tags: ['paste'],
  fixable: 'safe',
  options: {},
  check(model, _options, token) {
    const findings: Finding[] = [];
    const { index } = model;
    for (const line of index.lines) {
      if (token?.isCancellationRequested) return [];
      const kind = model.lineKinds[line.index];
      if (kind === 'code' || kind === 'blank') continue;
      for (const p of PATTERNS) {
        p.re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = p.re.exec(line.text)) !== null) {
          if (line.index === 0 && m.index === 0 && m[0] === '\ufeff') continue;
          const from = m.index;
          const to = from + m[0].length;
          const message = p.message(m[0]);
          findings.push({
            range: index.range(line.index, from, to),
            message,
            fixes: [{ title: t('Remove "{0}"', p.kind === 'marker' ? m[0] : t('invisible characters')), edits: [{ range: removal(model.index, line.index, from, to), newText: '' }], preferred: true }],
          });
        }
      }
    }
    return findings;
  },
});
