import type { Range } from 'vscode-languageserver-types';
import { sectionAt } from '../model/sections';
import type { Enumeration, Paragraph, ReportModel, Section } from '../model/types';
import { parseArabic, parseChineseNumeral } from '../util/numerals';
import { t } from '../i18n';
import { defineRule, type Finding } from './types';

/** 「八个方面」「9个方面」「三点」「五项任务」: a number of items. */
const CLAIM_RE = /([0-9０-９]{1,2}|[二两三四五六七八九十]{1,3})(?:个)?(方面|点|项任务|项工作|项措施|项重点工作|大任务|个重点|件事|条措施|条意见|个问题|项)/gu;
/** Not after these (「第三项」, 「123项」): checked by hand before a match — a lookbehind at the front of the pattern is tried at every position. */
const NOT_AFTER = /[第0-9０-９零〇一二两三四五六七八九十]/u;
/** The sentence announces a list: it ends with a colon or says 以下/如下/下列. */
const ANNOUNCES = /以下|如下|下列|下面|下述/u;

export interface CountClaim {
  readonly range: Range;
  readonly claimed: number;
  readonly text: string;
  /** The items that follow: sub-section headings or inline enumeration markers. */
  readonly items: readonly Range[];
  readonly kind: 'sections' | 'enumeration';
}

/** Sentences that announce a count, with the list that follows them. */
export function countClaims(model: ReportModel): CountClaim[] {
  const out: CountClaim[] = [];
  for (const p of model.paragraphs) {
    const matches: RegExpExecArray[] = [];
    CLAIM_RE.lastIndex = 0;
    for (let m = CLAIM_RE.exec(p.text); m; m = CLAIM_RE.exec(p.text)) {
      if (m.index > 0 && NOT_AFTER.test(p.text.charAt(m.index - 1))) {
        CLAIM_RE.lastIndex = m.index + 1;
        continue;
      }
      matches.push(m);
    }
    for (const m of matches) {
      const numeral = m[1] ?? '';
      const claimed = parseArabic(numeral) ?? parseChineseNumeral(numeral);
      if (!claimed || claimed < 2) continue;
      const sentenceStart = Math.max(...['。', '！', '？', '；', '：'].map((c) => p.text.lastIndexOf(c, m.index))) + 1;
      const rest = p.text.slice(m.index);
      const endRel = rest.search(/[。！？；：:]/u);
      const stop = endRel < 0 ? '' : rest.charAt(endRel);
      const sentence = p.text.slice(sentenceStart, endRel < 0 ? p.text.length : m.index + endRel + 1);
      const sentenceEnd = endRel < 0 ? p.text.length : m.index + endRel + 1;
      // A list that follows is announced by the claim of the sentence closest to it: in 「围绕…6个方面重点方向，…实现以下8个方面主要目标。」
      // the sub-sections are the 8, not the 6.
      if (matches.some((o) => o.index > m.index && o.index < sentenceEnd)) continue;
      // 「重点做好十方面工作。」 right before its first sub-heading announces the sub-sections too.
      const endsParagraph = p.text.slice(sentenceEnd).trim() === '';
      const announced = stop === '：' || stop === ':' || ANNOUNCES.test(sentence);
      if (!announced && !endsParagraph) continue;
      const list = listAfter(model, p, p.range.start.character + sentenceEnd, announced, endsParagraph);
      if (!list) continue;
      const col = p.range.start.character + m.index;
      out.push({ range: model.index.range(p.line, col, col + m[0].length), claimed, text: m[0], ...list });
    }
  }
  return out;
}

/** The list announced at a place: the sub-sections that follow, or an inline enumeration right after it. */
function listAfter(model: ReportModel, p: Paragraph, column: number, announced: boolean, endsParagraph: boolean): Pick<CountClaim, 'items' | 'kind'> | undefined {
  const section = sectionAt(model.sections, p.line);
  const nextLine = nextContentLine(model, p.line);
  const children = section ? section.children : model.sections;
  const firstChild = children.find((c) => c.heading.line > p.line);
  if (firstChild && firstChild.heading.line === nextLine && endsParagraph) {
    // Every sub-section must follow the claim (the claim is the section's introduction).
    if (children.some((c) => c.heading.line < p.line)) return undefined;
    if (!section && model.sections.some((s) => s.heading.line < p.line)) return undefined;
    // The announced run: from the first sub-section until the numbering restarts (a second list of 1. 2. 3.).
    const run: Section[] = [];
    for (const c of children) {
      const last = run[run.length - 1];
      if (last && c.heading.value > 0 && c.heading.value <= last.heading.value) break;
      run.push(c);
    }
    return { items: run.map((c) => c.heading.markerRange), kind: 'sections' };
  }
  if (!announced) return undefined;
  // The enumeration starts right after the sentence, or opens the next paragraph when the sentence ends this one
  // (「设置了29项主要指标，包括：……」 is not announcing the 一是…十三是 of the next paragraph).
  const enumeration = model.enumerations.find((e: Enumeration) => {
    const first = e.items[0];
    if (!first) return false;
    if (first.line === p.line) return first.markerRange.start.character >= column && first.markerRange.start.character <= column + 2;
    return first.line === nextLine && endsParagraph;
  });
  if (!enumeration) return undefined;
  return { items: enumeration.items.map((i) => i.markerRange), kind: 'enumeration' };
}

function nextContentLine(model: ReportModel, line: number): number {
  for (let l = line + 1; l < model.lineKinds.length; l++) if (model.lineKinds[l] !== 'blank') return l;
  return -1;
}

export const countClaim = defineRule({
  id: 'count-claim',
  defaultSeverity: 'warning',
  description: {
    en: 'A sentence announcing a number of items (以下八个方面) followed by a different number of sub-sections or items.',
    zh: '宣称的条目数（如“以下八个方面”）与其后所列条目数不一致。',
  },
  tags: ['numbers', 'structure'],
  fixable: 'none',
  options: {},
  check(model, _options, token) {
    if (token?.isCancellationRequested) return [];
    return countClaims(model)
      .filter((c) => c.items.length !== c.claimed)
      .map(
        (c): Finding => ({
          range: c.range,
          message:
            c.kind === 'sections'
              ? t('"{0}" announces {1} items, but {2} sub-sections follow.', c.text, c.claimed, c.items.length)
              : t('"{0}" announces {1} items, but the list that follows has {2}.', c.text, c.claimed, c.items.length),
          related: c.items.map((r, i) => ({ location: { uri: model.uri, range: r }, message: t('item {0}', i + 1) })),
        }),
      );
  },
});
