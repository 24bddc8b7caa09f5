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

const STOPS = new Set(['。', '！', '？', '；', '：']);
const END_RE = /[。！？；：:]/gu;

const NO_MATCHES: readonly RegExpExecArray[] = Object.freeze([]);

/** The count claims of a paragraph's text (「6个方面」「三项任务」), in order. */
function claimMatches(text: string): readonly RegExpExecArray[] {
  let matches: RegExpExecArray[] | undefined;
  CLAIM_RE.lastIndex = 0;
  for (let m = CLAIM_RE.exec(text); m; m = CLAIM_RE.exec(text)) {
    if (m.index > 0 && NOT_AFTER.test(text.charAt(m.index - 1))) {
      CLAIM_RE.lastIndex = m.index + 1;
      continue;
    }
    (matches ??= []).push(m);
  }
  return matches ?? NO_MATCHES;
}

/** Sentences that announce a count, with the list that follows them. */
export function countClaims(model: ReportModel): CountClaim[] {
  const out: CountClaim[] = [];
  const lists = new ListIndex(model);
  for (const p of model.paragraphs) {
    // The claims of a paragraph come in order: where their sentences start and end is found by
    // moving forward, never by searching the paragraph again (one long line stays linear).
    let scanned = 0;
    let sentenceStart = 0;
    let endRel = -2; // offset of the next stop at or after the claim; -2: not looked up yet
    const contentEnd = p.text.trimEnd().length;
    let announcesFor = '';
    let announces = false;
    // (Read once per paragraph text: kept from the previous version for every paragraph an edit did not touch.)
    const matches = model.memo.read('count-claim', p.text, claimMatches);
    for (const [mi, m] of matches.entries()) {
      const numeral = m[1] ?? '';
      const claimed = parseArabic(numeral) ?? parseChineseNumeral(numeral);
      if (!claimed || claimed < 2) continue;
      for (; scanned <= m.index; scanned++) if (STOPS.has(p.text.charAt(scanned))) sentenceStart = scanned + 1;
      if (endRel !== -1 && endRel < m.index) {
        END_RE.lastIndex = m.index;
        endRel = END_RE.exec(p.text)?.index ?? -1;
      }
      const stop = endRel < 0 ? '' : p.text.charAt(endRel);
      const sentenceEnd = endRel < 0 ? p.text.length : endRel + 1;
      const key = `${sentenceStart}:${sentenceEnd}`;
      if (key !== announcesFor) {
        announcesFor = key;
        announces = ANNOUNCES.test(p.text.slice(sentenceStart, sentenceEnd));
      }
      // A list that follows is announced by the claim of the sentence closest to it: in 「围绕…6个方面重点方向，…实现以下8个方面主要目标。」
      // the sub-sections are the 8, not the 6.
      const next = matches[mi + 1];
      if (next && next.index < sentenceEnd) continue;
      // 「重点做好十方面工作。」 right before its first sub-heading announces the sub-sections too.
      const endsParagraph = sentenceEnd >= contentEnd;
      const announced = stop === '：' || stop === ':' || announces;
      if (!announced && !endsParagraph) continue;
      const list = listAfter(model, lists, p, p.range.start.character + sentenceEnd, announced, endsParagraph);
      if (!list) continue;
      const col = p.range.start.character + m.index;
      out.push({ range: model.index.range(p.line, col, col + m[0].length), claimed, text: m[0], ...list });
    }
  }
  return out;
}

/** The sub-sections and enumerations of a model, found by line (a claim looks up what follows it). */
class ListIndex {
  private readonly byLine = new Map<number, Enumeration[]>();
  private readonly runs = new Map<readonly Section[], Section[]>();

  constructor(readonly model: ReportModel) {
    for (const e of model.enumerations) {
      const first = e.items[0];
      if (!first) continue;
      const list = this.byLine.get(first.line);
      if (list) list.push(e);
      else this.byLine.set(first.line, [e]);
    }
  }

  /** Enumerations whose first item is on a line, in document order. */
  startingOn(line: number): readonly Enumeration[] {
    return this.byLine.get(line) ?? [];
  }

  /** The first of `children` (in document order) whose heading is below a line. */
  firstAfter(children: readonly Section[], line: number): Section | undefined {
    let lo = 0;
    let hi = children.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((children[mid]?.heading.line ?? 0) <= line) lo = mid + 1;
      else hi = mid;
    }
    return children[lo];
  }

  /** The announced run of sub-sections: from the first until the numbering restarts (a second list of 1. 2. 3.). */
  runOf(children: readonly Section[]): Section[] {
    let run = this.runs.get(children);
    if (!run) {
      run = [];
      for (const c of children) {
        const last = run[run.length - 1];
        if (last && c.heading.value > 0 && c.heading.value <= last.heading.value) break;
        run.push(c);
      }
      this.runs.set(children, run);
    }
    return run;
  }
}

/** The list announced at a place: the sub-sections that follow, or an inline enumeration right after it. */
function listAfter(model: ReportModel, lists: ListIndex, p: Paragraph, column: number, announced: boolean, endsParagraph: boolean): Pick<CountClaim, 'items' | 'kind'> | undefined {
  const section = sectionAt(model.sections, p.line);
  const nextLine = nextContentLine(model, p.line);
  const children = section ? section.children : model.sections;
  const firstChild = lists.firstAfter(children, p.line);
  if (firstChild && firstChild.heading.line === nextLine && endsParagraph) {
    // Every sub-section must follow the claim (the claim is the section's introduction).
    if ((children[0]?.heading.line ?? Infinity) < p.line) return undefined;
    if (!section && (model.sections[0]?.heading.line ?? Infinity) < p.line) return undefined;
    return { items: lists.runOf(children).map((c) => c.heading.markerRange), kind: 'sections' };
  }
  if (!announced) return undefined;
  // The enumeration starts right after the sentence, or opens the next paragraph when the sentence ends this one
  // (「设置了29项主要指标，包括：……」 is not announcing the 一是…十三是 of the next paragraph).
  const enumeration =
    lists.startingOn(p.line).find((e) => {
      const c = e.items[0]?.markerRange.start.character ?? -1;
      return c >= column && c <= column + 2;
    }) ?? (endsParagraph && nextLine >= 0 ? lists.startingOn(nextLine)[0] : undefined);
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
