import type { Figure } from '../model/figures';
import { sectionAt } from '../model/sections';
import { leadOf, sentencesOf, type Sentence } from '../model/statements';
import type { ReportModel, Section } from '../model/types';
import { t } from '../i18n';
import { defineRule, type Finding } from './types';

/** Words before a subject that do not change what is counted. */
const FILLER = /^(?:全年|今年|年内|一年来|累计|共计|合计|总计|一共|共|组织|先后|已经|已|全面|同时|此外|另外|还|并|认真|扎实|积极|切实)+/u;
/** Statements about a different base, a part, a plan or an average are different figures. */
const DIFFERENT_BASIS = /同比|环比|比上年|较上年|比去年|较去年|年均|每年|人均|平均|其中|力争|预计|计划|目标|争取|拟|确保|分别|增长|增加|减少|下降|提高/u;
/** Plans and targets in the sentence make every figure of it a different figure from an achievement. */
const PLAN = /力争|预计|计划|目标|争取|将要|确保|今后|明年|下一步|下阶段/u;
const YEAR = /(?:19|20)[0-9]{2}(?=年)/gu;
const GENERIC = new Set(['新增', '达到', '完成', '实现', '增长', '突破', '超过', '建成', '开展', '举办', '发放', '引进', '培训', '帮助', '新建', '改造', '治理', '投资', '达', '有', '为', '是', '办理', '处理', '召开', '组织']);

interface Statement {
  readonly figure: Figure;
  readonly key: string;
  readonly sentence: Sentence;
  readonly years: string;
}

/** Headings of plans: their figures are targets, not the achievements the review states. */
const PLAN_HEADING = /重点工作|工作安排|工作打算|工作思路|工作计划|下一步|下阶段|明年|今后|主要任务|目标任务|展望|建议/u;
const PERIOD = /十[一二三四五六七八九]五/gu;

/** The period a statement is about: years and 「十四五」 periods named in it or in its headings, and whether it is a plan. */
function yearsOf(model: ReportModel, sentence: Sentence): string {
  const years = new Set<string>([...(sentence.text.match(YEAR) ?? []), ...(sentence.text.match(PERIOD) ?? [])]);
  for (let s: Section | undefined = sectionAt(model.sections, sentence.line); s; s = s.parent) {
    for (const y of [...(s.heading.title.match(YEAR) ?? []), ...(s.heading.title.match(PERIOD) ?? [])]) years.add(y);
    if (PLAN_HEADING.test(s.heading.title)) years.add('plan');
  }
  return [...years].sort().join(',');
}

/** The subject a figure counts: the words right before it in its clause, plus the previous clause for short ones. */
function keyOf(sentence: Sentence, figure: Figure, clauseIndex: ReadonlyMap<Figure, number>): string | undefined {
  const index = clauseIndex.get(figure) ?? -1;
  const clause = sentence.clauses[index];
  if (!clause || clause.figures[0] !== figure || DIFFERENT_BASIS.test(clause.text)) return undefined;
  if (index > 0 && /^\s*其中/u.test(sentence.clauses[index - 1]?.text ?? '')) return undefined;
  const lead = leadOf(clause, figure).trim().replace(FILLER, '');
  if (!/^\p{Script=Han}+$/u.test(lead) || GENERIC.has(lead) || lead.length > 16) return undefined;
  // 「西安：新增就业12万人」: a topic before a colon is part of the subject.
  const before = sentence.clauses[index - 1];
  const topic = before && (before.delimiter === '：' || before.delimiter === ':') ? `${before.text.trim()}：` : '';
  if (lead.length >= 4) return topic + lead;
  // 「办结118件」: a short verb is the same figure only when the statement it follows is the same too.
  const prev = sentence.clauses[index - 1]?.text.replace(/[0-9０-９.．,，%％]+\p{Script=Han}?/gu, '').trim() ?? '';
  if ([...prev].length < 4) return undefined;
  return `${topic}${[...prev].slice(-4).join('')}|${lead}`;
}

export interface Conflict {
  readonly first: Figure;
  readonly second: Figure;
}

/** The same subject and unit stated twice, in two paragraphs, with different exact values. */
export function figureConflicts(model: ReportModel): Conflict[] {
  const byKey = new Map<string, Statement[]>();
  for (const sentence of sentencesOf(model)) {
    if (PLAN.test(sentence.text) || sentence.figures.length === 0) continue;
    // The clause of each figure, and the period of the sentence: once per sentence, not per figure.
    const clauseIndex = new Map<Figure, number>();
    sentence.clauses.forEach((c, i) => c.figures.forEach((f) => clauseIndex.has(f) || clauseIndex.set(f, i)));
    let years: string | undefined;
    for (const figure of sentence.figures) {
      if (figure.approx !== 'exact' || (figure.kind !== 'count' && figure.kind !== 'amount' && figure.kind !== 'measure')) continue;
      const key = keyOf(sentence, figure, clauseIndex);
      if (!key) continue;
      const k = `${key}#${figure.unit}${figure.per}`;
      const list = byKey.get(k) ?? [];
      years ??= yearsOf(model, sentence);
      list.push({ figure, key, sentence, years });
      byKey.set(k, list);
    }
  }
  const out: Conflict[] = [];
  for (const list of byKey.values()) {
    // Exactly two statements, in two paragraphs, of the same period: more would mean a generic phrase.
    if (list.length !== 2) continue;
    const [a, b] = list;
    if (!a || !b || a.sentence.paragraph === b.sentence.paragraph || a.years !== b.years) continue;
    if (a.figure.value === b.figure.value) continue;
    out.push({ first: a.figure, second: b.figure });
  }
  return out.sort((x, y) => x.second.line - y.second.line);
}

export const figureConflict = defineRule({
  id: 'figure-conflict',
  defaultSeverity: 'warning',
  description: {
    en: 'The same figure stated twice in one report with different values (集中学习29次 … 集中学习30次).',
    zh: '同一数据在报告中前后出现两次且数值不同。',
  },
  tags: ['numbers'],
  fixable: 'none',
  options: {},
  check(model, _options, token) {
    if (token?.isCancellationRequested) return [];
    return figureConflicts(model).map(
      (c): Finding => ({
        range: c.second.range,
        message: t('{0} here, but {1} at line {2}: the same figure with different values.', c.second.text, c.first.text, c.first.line + 1),
        related: [{ location: { uri: model.uri, range: c.first.range }, message: t('stated as {0} here', c.first.text) }],
      }),
    );
  },
});
