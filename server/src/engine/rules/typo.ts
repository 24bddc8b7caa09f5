import { t } from '../i18n';
import { typoList, type TypoEntry, type TypoList } from '../data/typos';
import { proseLines } from '../model/prose';
import type { ReportModel } from '../model/types';
import { confirmBoundary, confirmVariant } from './typo-boundary';
import { defineRule, type Finding, type Severity } from './types';

/** The year a document was written in: its front matter `date`, else the year its text names most often. */
export function documentYear(model: ReportModel): number | undefined {
  const date = model.frontMatter?.data?.['date'];
  const fromDate = /(?:19|20)\d\d/.exec(date instanceof Date ? date.toISOString() : String(date ?? ''));
  if (fromDate) return Number(fromDate[0]);
  const counts = new Map<number, number>();
  for (const m of model.text.matchAll(YEAR)) {
    const year = yearValue(m[1] ?? '');
    if (year >= 1900 && year <= 2099) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: number | undefined;
  let most = 0;
  for (const [year, n] of counts) if (n > most || (n === most && best !== undefined && year > best)) [best, most] = [year, n];
  return best;
}

const YEAR = /(?<![0-9０-９〇零一二三四五六七八九])([12１２][0-9０-９]{3}|[一二][〇零○一二三四五六七八九]{3})年/g;
const CN_DIGITS = '〇一二三四五六七八九';

function yearValue(s: string): number {
  let v = 0;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    const d = c >= 0xff10 && c <= 0xff19 ? c - 0xff10 : c >= 0x30 && c <= 0x39 ? c - 0x30 : ch === '零' || ch === '○' ? 0 : CN_DIGITS.indexOf(ch);
    v = v * 10 + d;
  }
  return v;
}

/** GF 1001-2001 was put on trial on 2002-03-31: variant forms are reported in texts of 2002 and later. */
const VARIANT_NORM_YEAR = 2002;
/** The 《简化字总表》 published again on 1986-10-10 restored 叠 覆 像 啰: their 1956 simplifications are wrong from 1987 on. */
const RESTORED_YEAR = 1987;

const SOURCE_NAMES: Record<string, string> = {
  yxc2001: '《第一批异形词整理表》',
  yxc2004: '《264组异形词整理表（草案）》',
};

function messageOf(e: TypoEntry): string {
  if (e.variant) return t('"{0}" is a non-recommended variant form: use "{1}" ({2}).', e.wrong, e.right, SOURCE_NAMES[e.source] ?? e.source);
  return t('"{0}" is written wrong: "{1}".', e.wrong, e.right);
}

/**
 * The wrong forms of one line of prose, leftmost-longest (at one place the longest wrong form; a find
 * inside an earlier one is dropped), boundary entries confirmed at their place.
 */
function findsOf(list: TypoList, text: string): Array<{ index: number; start: number }> {
  const hits = list.automaton.search(text);
  if (hits.length === 0) return [];
  hits.sort((a, b) => a.start - b.start || (list.entries[b.index]?.wrong.length ?? 0) - (list.entries[a.index]?.wrong.length ?? 0));
  const out: Array<{ index: number; start: number }> = [];
  let covered = 0;
  for (const { index, start } of hits) {
    const e = list.entries[index];
    if (!e || start < covered) continue;
    const end = start + e.wrong.length;
    if (e.boundary ? !confirmBoundary(text, start, end) : e.variant && !confirmVariant(text, start, end)) continue;
    covered = end;
    out.push({ index, start });
  }
  return out;
}

/**
 * Words and idioms written wrong (再接再励, 按步就班, 布署 …), from the list in data/typos.tsv: one
 * automaton over every line of prose. Entries marked `boundary` are confirmed at the place (the
 * wrong form must not be two words that happen to meet: 以经济, 发布署名); entries marked `variant`
 * (non-recommended 异形词 such as 成份) are reported at a lower severity, and only in texts written
 * after the norm (front matter date, else the year the text names most often, 2002 or later); entries
 * marked `simp1956` (颠复, 重迭: the simplified forms of 1956–1986) only in texts of 1987 and later.
 */
export const typo = defineRule({
  id: 'typo',
  defaultSeverity: 'warning',
  description: {
    en: 'Words and idioms written wrong (再接再励 → 再接再厉, 布署 → 部署) and non-recommended variant forms (成份 → 成分), from a list with sources.',
    zh: '错别字（再接再励→再接再厉、布署→部署）与非推荐的异形词（成份→成分），词表注明出处。',
  },
  tags: ['proofreading'],
  fixable: 'safe',
  options: {
    variantSeverity: {
      type: 'string',
      default: 'info',
      enum: ['off', 'hint', 'info', 'warning'],
      description: {
        en: 'Severity of non-recommended variant forms (异形词, usual before GF 1001-2001): they are reported in texts written in 2002 or later.',
        zh: '非推荐异形词（GF 1001-2001 之前的通行写法）的提示级别；只检查 2002 年及以后写成的文稿。',
      },
    },
  },
  check(model, options, token) {
    const list = typoList();
    const findings: Finding[] = [];
    const variantSeverity = options.variantSeverity as Severity | 'off';
    let variants: boolean | undefined;
    let year: number | undefined;
    const messages = new Map<number, string>();
    for (const { line, text } of proseLines(model)) {
      if (token?.isCancellationRequested) return [];
      // Kept from the previous version for every line an edit did not touch.
      for (const { index, start } of model.memo.get('typo', text, () => findsOf(list, text))) {
        const e = list.entries[index];
        if (!e) continue;
        const end = start + e.wrong.length;
        // 「颠复」 in a report of 1959 was the standard spelling of its time.
        if (e.simplified1956 && (year ??= documentYear(model) ?? RESTORED_YEAR) < RESTORED_YEAR) continue;
        if (e.variant) {
          if (variantSeverity === 'off') continue;
          variants ??= (documentYear(model) ?? 0) >= VARIANT_NORM_YEAR;
          if (!variants) continue;
        }
        let message = messages.get(index);
        if (message === undefined) messages.set(index, (message = messageOf(e)));
        const range = model.index.range(line, start, end);
        findings.push({
          range,
          message,
          fixes: [{ title: t('Change "{0}" to "{1}"', e.wrong, e.right), edits: [{ range, newText: e.right }], preferred: true }],
          ...(e.variant ? { severity: variantSeverity as Severity } : {}),
        });
      }
    }
    return findings;
  },
});
