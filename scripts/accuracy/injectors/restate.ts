/**
 * figure-conflict: restates a figure of a paragraph with another value in a later paragraph of the same
 * section, as reports restate a figure — the subject and the unit again, in a short sentence of its own at
 * the end of that paragraph: 「新建城市书房38个」 … 「城市书房48个。」 — the subject with its modifiers and without
 * the verb before it, as the example (「新增境内上市公司62家」 … 「境内上市公司72家。」). Only figures whose subject is a noun phrase the report names once (not 「安排300亿元」, a
 * duration, a change or a part), and only into a paragraph of the same period (a five-year total is not
 * restated among the year's figures). The choice does not ask the rule: the rule may miss any of them.
 */
import { figuresOf } from '../../../server/src/engine';
import { paragraphPeriods } from '../../../server/src/engine/model/periods';
import { sectionAt } from '../../../server/src/engine/model/sections';
import { CHANGE_WORDS, clauseOf, leadOf, sentencesOf } from '../../../server/src/engine/model/statements';
import type { Paragraph, ReportModel } from '../../../server/src/engine/model/types';
import { nounPhraseBefore, segment } from '../../../server/src/engine/model/words';
import { CHANGE_VERB } from '../../../server/src/engine/rules/figure-conflict';
import { alterLeadingDigit } from './alter-part';
import type { Defect, Injector } from './types';
import type { BenchText } from '../texts';

export const restate: Injector = {
  id: 'restate',
  rule: 'figure-conflict',
  description: 'a figure restated with another value (its first digit changed) at the end of a later paragraph of the same section: 「新建城市书房38个」 … 「城市书房48个。」',
  defects: (t) => restatements(t, true),
  // The same restatements with the same value: a figure stated twice alike is no conflict.
  controls: (t) => restatements(t, false),
};

function* restatements(t: BenchText, alter: boolean): Iterable<Defect> {
  const periods = paragraphPeriods(t.model);
  const sentences = sentencesOf(t.model);
  const paragraphs = t.model.paragraphs;
  for (const f of figuresOf(t.model).all) {
    if (f.approx !== 'exact' || f.source !== 'text' || !f.paragraph || !KINDS.has(f.kind) || DURATION.test(f.unit)) continue;
    // Figures in digits: a Chinese numeral is as often part of a name (中央八项规定, 十六届人大四次会议).
    if (!/[0-9０-９]/u.test(f.numberText)) continue;
    const sentence = sentences.find((s) => s.figures.includes(f));
    const clause = sentence && clauseOf(sentence, f);
    if (!sentence || !clause || CHANGE_WORDS.test(clause.text) || /其中|分别/u.test(sentence.text)) continue;
    // Not a count of the noun that follows it (「辐射全国85个城市」 counts 城市, and the restatement would not say so).
    const rest = clause.text.slice(f.range.end.character - clause.start);
    if (rest !== '' && /^(?:n|nz|ns|nt|j|l|vn|b)$/u.test(segment(rest)[0]?.pos ?? '')) continue;
    const lead = leadOf(clause, f);
    // The subject must name a thing: a noun phrase right before the figure (not 「安排」「连续」「取消」).
    const phrase = nounPhraseBefore(lead, lead.length);
    if (!phrase || phrase.text.length < 2 || GENERAL.has(phrase.text)) continue;
    // Not a phrase cut out of a longer word or after a numeral (「每万人拥有量」, 「两所大学」).
    if (/[零〇一二两三四五六七八九十百千万亿每所个]/u.test(lead.charAt(phrase.start - 1) + phrase.text.charAt(0))) continue;
    // Restated as reports do: the subject with its modifiers, without the verb before it (「新建城市书房38个」 →
    // 「城市书房」, 「新增境内上市公司62家」 → 「境内上市公司」, not 「上市公司」).
    const tokens = segment(lead);
    let cut = -1;
    // (新增 stays: 「新增经营主体」 is a flow, not the 「经营主体」 it adds to.)
    tokens.forEach((x, k) => {
      if (/^(?:v|vd|vg|p|c|d|ad|u[a-z]*|x|r)$/u.test(x.pos) || VERB_NAMES.has(x.text)) cut = CHANGE_VERB.test(x.text) ? k - 1 : k;
    });
    const object = lead.slice(tokens[cut + 1]?.start ?? lead.length).trim();
    // A short object is restated with its verb (「开工建设岗位」 is no subject, 「新增就业岗位」 is).
    const withVerb = lead.trim().replace(/^(?:全年|今年|年内|累计|共计|共|先后|已|全面)+/u, '');
    const subject = object.length >= 4 ? object : withVerb.length <= 8 ? withVerb : '';
    if (!subject.endsWith(phrase.text) || subject.length < 3) continue;
    if (!/^\p{Script=Han}{2,16}$/u.test(subject)) continue;
    // A subject the report states more than once is no single figure.
    if (t.text.indexOf(subject) !== t.text.lastIndexOf(subject)) continue;
    const target = laterParagraph(t.model, paragraphs, f.paragraph, periods);
    if (!target) continue;
    const altered = alter ? alterLeadingDigit(f.numberText) : f.numberText;
    if (!altered) continue;
    const figureText = altered + f.text.slice(f.numberText.length);
    const insert = `${subject}${figureText}。`;
    const line = t.model.index.line(target.line);
    const at = t.model.index.offsetAt({ line: target.line, character: target.range.end.character });
    const from = target.range.end.character + subject.length;
    yield {
      text: t.text.slice(0, at) + insert + t.text.slice(at),
      line: target.line,
      from,
      to: from + figureText.length,
      what: `${f.text} (line ${f.line + 1}) restated as ${subject}${figureText} after …${line.text.slice(Math.max(0, target.range.end.character - 12), target.range.end.character)}`,
    };
  }
}

const KINDS = new Set(['count', 'amount', 'measure']);
/** Verbs jieba tags as names (新建 is a district) or abbreviations (改扩建). */
const VERB_NAMES = new Set(['新建', '改扩建']);
/** Durations and ages are not restated figures (「连续5年」「走过了60年」). */
const DURATION = /^(?:年|个月|月|天|日|小时|分钟|周岁|岁|个工作日|工作日)$/u;
/** Nouns too general to be restated alone. */
const GENERAL = new Set(['投资', '资金', '金额', '总额', '收入', '规模', '数量', '人数', '面积', '项目', '企业']);

/** The next body paragraph in the same innermost section, of the same period, not a plan. */
function laterParagraph(model: ReportModel, paragraphs: readonly Paragraph[], p: Paragraph, periods: Map<Paragraph, string>): Paragraph | undefined {
  const section = sectionAt(model.sections, p.line);
  const i = paragraphs.indexOf(p);
  for (let k = i + 1; k < paragraphs.length; k++) {
    const q = paragraphs[k] as Paragraph;
    if (sectionAt(model.sections, q.line) !== section) return undefined;
    // A paragraph that ends its sentence (not 「…以下工作：」 or a line cut in the middle).
    if (q.runinOf || q.text.trim().length < 10 || !/[。！？]$/u.test(q.text.trimEnd())) continue;
    return periods.get(q) === periods.get(p) ? q : undefined;
  }
  return undefined;
}
