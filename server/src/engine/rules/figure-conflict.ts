import type { Figure } from '../model/figures';
import { namedPeriod, paragraphPeriods, reportYear, type ReportYear } from '../model/periods';
import { leadOf, sentencesOf, type Clause, type Sentence } from '../model/statements';
import type { ReportModel, Section } from '../model/types';
import { nounPhraseAfter, nounPhraseBefore, segment as segmentText, type NounPhrase, type Token } from '../model/words';
import { t } from '../i18n';
import { defineRule, type Finding } from './types';

/** Words before a subject that do not change what is counted. */
const FILLER = /^(?:全市|全省|全区|全县|全镇|全乡|全年|今年|年内|一年来|五年来|五年(?=[新累共建完实])|累计|共计|合计|总计|一共|共|组织|先后|已经|已|全面|同时|此外|另外|还|并|认真|扎实|积极|切实|持续|深入)+/u;
/** Statements about a different base, a part, a plan or an average are different figures. */
const DIFFERENT_BASIS = /^\s*比|少支|多支|超支|超收|短收|节余|同比|环比|比上年|较上年|比去年|较去年|年均|每年|人均|平均|其中|分别|增长|增加|减少|下降|提高/u;
/** Plans and targets in the sentence make every figure of it a different figure from an achievement. */
const PLAN = /力争|预计|计划(?=新|建|完成|实施|开工|投资|安排|用于|在|到|于|将)|目标|争取|将要|确保|今后|明年|下一步|下阶段|[将要]安排|将[新建完实开投]|可以|可望|有望|预期(?!寿命)/u;
/** Verbs that open a count and are not part of its subject: 「新建城市书房38个」 and 「城市书房40个」 are one subject. */
const COUNT_VERBS = new Set(['新建', '改扩建', '新改扩建', '建成', '建设', '完成', '实现', '开展', '举办', '实施', '培育', '打造', '创建', '认定', '引进', '改造', '新设', '设立', '组建', '开通', '达到', '达', '有', '为', '是', '累计', '共', '共有']);
/** Verbs of a change: a flow is not the stock it adds to. */
export const CHANGE_VERB = /^(?:新增|净增|增加|增长|减少|下降|新开工)$/u;
/** Words too general to be a subject alone (「完成投资1.75亿元」 is said of every project). */
const GENERIC = new Set(['新增', '达到', '完成', '实现', '增长', '突破', '超过', '建成', '开展', '举办', '发放', '引进', '培训', '帮助', '新建', '改造', '治理', '投资', '达', '有', '为', '是', '办理', '处理', '召开', '组织', '安排', '资金', '金额', '总额', '收入', '产值', '规模', '数量', '人数', '面积', '项目', '企业', '完成投资', '总投资', '计划投资', '安排资金', '下达资金', '筹措资金', '投入资金', '争取资金']);
/** Verbs of spending or raising money: what the money is for is said after it. */
const MONEY_VERB = /(?:安排|投入|下达|拨付|筹措|筹集|落实|争取|发放|支出|使用|兑现|补助|奖补|带动|撬动|节约|节省|拉动|吸引|整合|统筹|拨付资金|安排资金)$/u;
/** Tags of the words of a subject (nouns, names, verbal nouns, 区别词, abbreviations, set phrases). */
const NOMINAL = /^(?:n|nr|nrt|nrfg|ns|nt|nz|ng|vn|an|b|j|l)$/u;

/**
 * Patterns with Unicode property escapes are constants: the build's target (node18) makes each such
 * literal a `new RegExp(…)` call, which a test inside a function would make at every call.
 */
const ALL_HAN = /^\p{Script=Han}+$/u;
const ENDS_HAN = /\p{Script=Han}$/u;
const NOT_HAN = /[^\p{Script=Han}]/u;
const FIGURES_AND_UNITS = /[0-9０-９.．,，%％]+\p{Script=Han}?/gu;

interface Statement {
  readonly figure: Figure;
  readonly key: string;
  readonly sentence: Sentence;
  readonly period: string;
}

/** The last texts `segment` cut here, with their tokens: a figure's lead, its subject and the lead less its fillers are often one string. */
const RECENT = 4;
const recentTexts: string[] = [];
const recentTokens: Array<readonly Token[]> = [];

/** segment(text), taken from the last few calls when the same text comes again (the tokens are never changed). */
function segment(text: string): readonly Token[] {
  const k = recentTexts.indexOf(text);
  if (k >= 0) return recentTokens[k] as readonly Token[];
  const tokens = segmentText(text);
  recentTexts.unshift(text);
  recentTokens.unshift(tokens);
  if (recentTexts.length > RECENT) {
    recentTexts.pop();
    recentTokens.pop();
  }
  return tokens;
}

/** Headings of plans: their figures are targets, not the achievements the review states. */
const PLAN_HEADING = /重点工作|工作安排|工作打算|工作思路|工作计划|下一步|下阶段|明年|今后|主要任务|目标任务|展望|建议/u;

/**
 * The period a statement is about: the years and periods named in the sentence, else the period of its
 * paragraph (set by an earlier paragraph: 「过去的五年…」, 「刚刚过去的2025年…」); a plan heading marks a plan.
 */
function periodOf(model: ReportModel, sentence: Sentence, ry: ReportYear | undefined, planHeadings: Uint8Array, namedTable: string): string {
  // (What the sentence names depends on its text and the report's year alone: kept per text.)
  const named = model.memo.get(namedTable, sentence.text, () => namedPeriod(sentence.text, ry));
  const period = named || (paragraphPeriods(model).get(sentence.paragraph) ?? '');
  return period + '|plan'.repeat(planHeadings[sentence.line] ?? 0);
}

/** Per line, how many of the sections that hold it have a plan heading (one walk of the section tree). */
function planHeadingDepth(model: ReportModel): Uint8Array {
  const depth = new Uint8Array(model.index.lineCount);
  const walk = (sections: readonly Section[]): void => {
    for (const s of sections) {
      if (PLAN_HEADING.test(s.heading.title)) for (let l = s.heading.line; l <= s.endLine && l < depth.length; l++) depth[l] = (depth[l] ?? 0) + 1;
      walk(s.children);
    }
  };
  walk(model.sections);
  return depth;
}

/** The clause's subject words before a figure, less the words that do not change what is counted. */
function subjectBefore(clause: Clause, figure: Figure): string {
  let lead = leadOf(clause, figure).trim().replace(FILLER, '');
  // Reaching verbs right before the figure: 「旅游接待人数达到607万人次」 is of 旅游接待人数.
  lead = lead.replace(/(?:累计|共计|总计|合计)?(?:达到|达|为|是|共|共有|有|累计|突破|超过)$/u, '');
  if (!ALL_HAN.test(lead)) return '';
  // Leading counting verbs, when a noun follows them: 「新建城市书房」 → 城市书房.
  const tokens = segment(lead);
  let first = 0;
  // (Not 新增, 净增: 「新增经营主体370万户」 is a flow, 「经营主体1160.5万户」 a stock.)
  // (An adjective too, when a verb follows it: 「精准识别帮扶监测对象」.)
  const dropable = (x: Token, k: number): boolean =>
    !CHANGE_VERB.test(x.text) && (COUNT_VERBS.has(x.text) || /^(?:v|vd|d|ad|p|c)$/u.test(x.pos) || (x.pos === 'a' && /^v/u.test(tokens[k + 1]?.pos ?? '')));
  // Other verbs go only while four characters stay: 「处理报废车辆」 → 报废车辆, not 车辆.
  const keeps = (k: number): boolean => COUNT_VERBS.has((tokens[k] as Token).text) || lead.length - ((tokens[k + 1] as Token | undefined)?.start ?? lead.length) >= 4;
  while (first < tokens.length - 1 && dropable(tokens[first] as Token, first) && keeps(first) && tokens.slice(first + 1).some((x) => NOMINAL.test(x.pos))) first++;
  return lead.slice((tokens[first] as Token | undefined)?.start ?? 0);
}

/** The subject a figure counts (its noun phrase), with the previous clause for a short or general one. */
function figureKey(sentence: Sentence, figure: Figure): string | undefined {
  const index = sentence.clauses.findIndex((c) => c.figures.includes(figure));
  const clause = sentence.clauses[index];
  if (!clause || clause.figures[0] !== figure || DIFFERENT_BASIS.test(clause.text)) return undefined;
  if (index > 0 && /^\s*其中/u.test(sentence.clauses[index - 1]?.text ?? '')) return undefined;
  // 「中央财政将安排832亿元，用于…」: money after a verb of spending is named by what follows, not by the words before.
  if (figure.kind === 'amount' && MONEY_VERB.test(leadOf(clause, figure).trim())) return undefined;
  // 「桑龙、城龙、醴娄等7条高速公路」: a count after 等 counts the items just listed, not a figure of the report.
  if (/等$/u.test(leadOf(clause, figure).trim())) return undefined;
  // 「据中央八个工业部的统计」「建成38个城市书房」: a count followed by a noun counts that noun.
  // (A window of the words after it is enough to read the phrase.)
  const after = figure.to - clause.start;
  const rest = clause.text.slice(after, after + 12);
  if (figure.kind === 'count') {
    const afterFigure = rest === '' ? undefined : nounPhraseAfter(rest, 0);
    if (afterFigure) return afterFigure.text.length >= 3 && !GENERIC.has(afterFigure.text) ? afterFigure.text : undefined;
  }
  let subject = subjectBefore(clause, figure);
  // The noun phrase right before the figure is its subject, whatever words come before it:
  // 「新建和改造农村公路38万公里」 and 「农村公路48万公里」 (not a general noun: 「完成投资」 is said of every project).
  const lead = leadOf(clause, figure);
  const leadTokens = ENDS_HAN.test(lead) ? segment(lead) : [];
  const named = leadTokens.length > 0 ? nounPhraseBefore(lead, lead.length, leadTokens) : undefined;
  // (Also after other figures: 「为公交公司等19家企业发放社会保险补贴497.1万元」 is of 社会保险补贴.)
  // The phrase is the object of a verb, not the end of a longer name: 「审议法律议案」 gives 法律议案, but
  // 「省级专精特新中小企业」 is not 「国家级专精特新中小企业」 (新 is a modifier of 中小企业).
  const dropped = named !== undefined && subject.endsWith(named.text) ? segment(subject.slice(0, subject.length - named.text.length)) : [];
  const last = dropped[dropped.length - 1];
  const object = last === undefined || ((/^(?:v|vd|c|p|x|uj)$/u.test(last.pos) || COUNT_VERBS.has(last.text)) && !CHANGE_VERB.test(last.text));
  const phraseSubject = named !== undefined && named.text.length >= 3 && !GENERIC.has(named.text) && (subject === '' || (subject.endsWith(named.text) && object));
  // (After other figures, the 新增 before the phrase stays: 「…行动新增从业人员29.1万人」 is of 新增从业人员.)
  const change = subject === '' && named !== undefined ? leadTokens.filter((x) => x.end <= named.start).pop() : undefined;
  if (phraseSubject) subject = (change && CHANGE_VERB.test(change.text) ? change.text : '') + (named as NounPhrase).text;
  if (subject === '' || GENERIC.has(subject)) {
    // 「建成38个城市书房」: the noun phrase after the figure and its unit.
    const phrase = lead.trim() !== '' && !NOT_HAN.test(lead.trim()) ? nounPhraseAfter(rest, 0) : undefined;
    if (phrase && phrase.text.length >= 2 && !GENERIC.has(phrase.text)) subject = phrase.text;
  }
  if (subject === '' || subject.length > 16) return undefined;
  // 「西安：新增就业12万人」: a topic before a colon is part of the subject.
  const before = sentence.clauses[index - 1];
  const topic = before && (before.delimiter === '：' || before.delimiter === ':') ? `${before.text.trim()}：` : '';
  // A noun phrase of three characters names a thing (公租房, 养老院); a shorter subject needs its statement.
  // So does a subject of nouns alone (「水泥2.3亿吨」「新建改造公厕34座」 → 公厕).
  // (One word alone only as an item of a 、 list or after its verb: not 「…招生2300万人，毕业1380万人」.)
  const words = named !== undefined && subject === named.text ? named.tokens : segment(subject);
  const listed = sentence.clauses[index - 1]?.delimiter === '、' || subject !== leadOf(clause, figure).trim().replace(FILLER, '');
  const nounsOnly = subject.length >= 2 && words.every((x) => NOMINAL.test(x.pos) && x.pos !== 'vn') && (words.length >= 2 || listed);
  if ((subject.length >= 4 || (phraseSubject && subject.length >= 3) || nounsOnly) && !GENERIC.has(subject)) return topic + subject;
  // 「办结118件」「完成投资1.75亿元」: a short or general subject is the same figure only when the statement it follows is the same too.
  // Its first and last words: 「冶金工业部有五十七个建设项目，地方有十四个」 is not 「电力工业部有一百零一个建设项目，地方有十八个」.
  const prev = sentence.clauses[index - 1]?.text.replace(FIGURES_AND_UNITS, '').trim().replace(FILLER, '') ?? '';
  if ([...prev].length < 4) return undefined;
  return `${topic}${[...prev].slice(0, 4).join('')}…${[...prev].slice(-4).join('')}|${subject}`;
}

export interface Conflict {
  readonly first: Figure;
  readonly second: Figure;
}

/** An exact count, amount or quantity: a figure that can be stated twice. */
const counted = (f: Figure): boolean => f.approx === 'exact' && (f.kind === 'count' || f.kind === 'amount' || f.kind === 'measure');

/** A statement of a sentence, as its text gives it: the figure's index, its subject, subject and unit, and whether a plan word comes before it. */
interface StatementSpec {
  readonly k: number;
  readonly key: string;
  readonly id: string;
  readonly planned: boolean;
}

function statementSpecs(sentence: Sentence): StatementSpec[] {
  const specs: StatementSpec[] = [];
  if (!sentence.figures.some(counted)) return specs;
  // A plan word makes a plan of what follows it in the sentence (「完成…197名，力争明年…」: the 197 is a result).
  const planFrom = PLAN.exec(sentence.text)?.index;
  sentence.figures.forEach((figure, k) => {
    if (!counted(figure)) return;
    const key = figureKey(sentence, figure);
    if (!key) return;
    const clause = sentence.clauses.find((c) => c.figures.includes(figure));
    const planned = planFrom !== undefined && clause !== undefined && planFrom < clause.end - sentence.start;
    specs.push({ k, key, id: `${key}#${figure.unit}${figure.per}`, planned });
  });
  return specs;
}

/** The statements of exact counts, amounts and quantities that name their subject, by subject and unit. */
function figureStatements(model: ReportModel): Map<string, Statement[]> {
  const byKey = new Map<string, Statement[]>();
  const periods = paragraphPeriods(model);
  const ry = reportYear(model);
  const planHeadings = planHeadingDepth(model);
  const namedTable = `named-period:${ry === undefined ? '' : `${ry.year}:${ry.planFrom}`}`;
  for (const sentence of sentencesOf(model)) {
    if (!sentence.figures.some(counted)) continue; // most sentences: no figure to state twice, and no look-up
    // What the sentence states depends on its text alone: read once, kept from one version of the document to the next.
    const specs = model.memo.get<readonly StatementSpec[]>('figure-statements', sentence.text, () => statementSpecs(sentence));
    if (specs.length === 0) continue; // most sentences: nothing to state twice
    // A plan and a result are different figures; two plans of the same period are compared.
    const planParagraph = (periods.get(sentence.paragraph) ?? '').startsWith('plan');
    let period: string | undefined;
    for (const { k, key, id, planned } of specs) {
      const figure = sentence.figures[k];
      if (!figure) continue;
      const list = byKey.get(id) ?? [];
      period ??= periodOf(model, sentence, ry, planHeadings, namedTable);
      const plan = planParagraph || planned;
      list.push({ figure, key, sentence, period: plan && !period.includes('plan') ? `${period}|plan` : period });
      byKey.set(id, list);
    }
  }
  // (Slices of this document's text: not kept past its analysis.)
  recentTexts.length = 0;
  recentTokens.length = 0;
  return byKey;
}

/** The same subject and unit stated twice, in two paragraphs of the same period, with different exact values. */
export function figureConflicts(model: ReportModel): Conflict[] {
  const out: Conflict[] = [];
  for (const all of figureStatements(model).values()) {
    // Exactly two statements of one period, in two paragraphs: more would mean a generic phrase.
    const byPeriod = new Map<string, Statement[]>();
    for (const st of all) {
      const list = byPeriod.get(st.period);
      if (list) list.push(st);
      else byPeriod.set(st.period, [st]);
    }
    for (const list of byPeriod.values()) {
      const [a, b] = list;
      if (list.length !== 2 || !a || !b || a.sentence.paragraph === b.sentence.paragraph || a.figure.value === b.figure.value) continue;
      out.push({ first: a.figure, second: b.figure });
    }
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
