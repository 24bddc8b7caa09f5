import { leadOf, sentencesOf, type Clause, type Sentence } from '../model/statements';
import type { ReportModel } from '../model/types';
import { t } from '../i18n';
import { defineRule, type Finding } from './types';

/** Measure words checked at the end of a clause, longest first. 人, 元 and 户 alone end too many words (脱贫户) to check. */
const UNITS = ['万人次', '人次', '件次', '批次', '户次', '家次', '万元', '亿元', '万件', '万人', '万亩', '万吨', '万个', '件', '次', '家', '项', '个', '条', '份', '辆', '篇', '名'];

/** Last characters of UNITS: a quick test before trying each. */
const UNIT_LAST = new Set(UNITS.map((u) => u.charCodeAt(u.length - 1)));

/** Words that end with a measure word and are not a missing count: 文件, 事项, 用户… */
const WORDS: Record<string, string> = {
  件: '访诉递文案条事软硬邮稿证部零配物附要信函快急组构铸元器工批计来原样大小整挂摆插控用收寄发',
  次: '层名档车班场批人架户首其再此本多屡依逐初历每上下这那该主位席轮频届年航版渐数',
  家: '国大专农人回全居东商厂买卖行自老成安持治齐管亲娘皇公独名画发起当店船玩赢输庄本到在离作业术学想',
  项: '事各专单分立款强弱选条重要逐本此该多全子细缺漏列弃进销',
  个: '各整这那哪某每单逐半几多两真',
  条: '各每逐教便面纸链线萧苗金信柳枝封欠借收头词本此该下上专',
  份: '身股月年省部成备每各本名缘辈县',
  辆: '车',
  篇: '诗长短中开终续名通全首每下上',
  名: '姓签命报提排点署题实联匿冒知著有出闻扬盛威美英功虚地人书罪更改记具化别乳小大学域榜本正除列落挂声芳同重指成莫',
};
/** Characters before a unit that make it vague rather than missing: 几件, 多家, 各项, 超亿元. */
const VAGUE = /[零〇一二两三四五六七八九十百千万亿几多余数每各本该此这那首整逐同全某若干累超逾近约上]$/u;
const TOTAL_VERB = /(?:共计|合计|总计|共有|累计|(?<![公])共)$/u;
const HAN = /\p{Script=Han}$/u;
const PERCENT_RE = /(?<=[\p{Script=Han}、])(?<![0-9０-９.．%％零〇一二两三四五六七八九十百千几])(个百分点|[%％])/gu;

function check(model: ReportModel): Finding[] {
  const out: Finding[] = [];
  for (const sentence of sentencesOf(model)) {
    for (const clause of sentence.clauses) {
      const f = clauseFinding(model, sentence, clause);
      if (f) out.push(f);
    }
  }
  for (const p of model.paragraphs) {
    if (p.text.indexOf('%') < 0 && p.text.indexOf('％') < 0 && p.text.indexOf('个百分点') < 0) continue;
    PERCENT_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = PERCENT_RE.exec(p.text)) !== null) {
      // After 、 only when a percentage precedes it (「增长40.9％、％」), not in 「单位：亿元、%」.
      if (p.text.charAt(m.index - 1) === '、' && !/[0-9０-９][%％]\s*$/u.test(p.text.slice(0, m.index - 1))) continue;
      if (/单位[：:]/u.test(p.text.slice(Math.max(0, m.index - 20), m.index))) continue;
      out.push(finding(model, p.line, p.range.start.character + m.index, m[0]));
    }
  }
  return out;
}

/** A clause that ends with a measure word and holds no number, where the sentence counts in that unit. */
function clauseFinding(model: ReportModel, sentence: Sentence, clause: Clause): Finding | undefined {
  if (clause.figures.length > 0 || clause.delimiter === '') return undefined;
  const text = clause.text.trimEnd();
  if (!UNIT_LAST.has(text.charCodeAt(text.length - 1))) return undefined;
  const unit = UNITS.find((u) => text.endsWith(u));
  if (!unit) return undefined;
  const before = text.slice(0, text.length - unit.length);
  const index = sentence.clauses.indexOf(clause);
  // 「分别达到845亿元、亿元」: an empty item in a 、 list.
  const emptyItem = before.trim() === '' && index > 0 && sentence.clauses[index - 1]?.delimiter === '、';
  if (!HAN.test(before) && !emptyItem) return undefined;
  // 「按照生产批次，抽检120批次」: a phrase naming the measure, not counting in it.
  if (/^\s*(?:按照|按|根据|依据|依照|对照|统计|以|对|从|在|针对|关于)/u.test(before)) return undefined;
  const totalVerb = TOTAL_VERB.test(before);
  if (!totalVerb) {
    if (VAGUE.test(before) && !emptyItem) return undefined;
    const last = before.slice(-1);
    if ((WORDS[unit.slice(-1)] ?? '').includes(last) && unit.length === 1) return undefined;
    // An item of a 、 list is checked only after a numbered item: 「例会8次、常务会议次」, not 「脱贫户、监测户1200户」.
    // Or before a numbered item whose noun does not end with the unit: 「简报件、会议纪要28件」, not 「信访件、投诉件120件」.
    const prev = sentence.clauses[index - 1];
    const next = sentence.clauses[index + 1];
    const afterNumbered = prev !== undefined && prev.delimiter === '、' && prev.figures.length > 0;
    const nextFigure = next?.figures.find((f) => sameUnit(f.unit, f.multiplier, unit));
    const beforeNumbered = next !== undefined && nextFigure !== undefined && !leadOf(next, nextFigure).endsWith(unit.slice(-1));
    if (clause.delimiter === '、' && !afterNumbered && !beforeNumbered) return undefined;
    // The sentence must count in this unit elsewhere: 「收到…事项件，办结118件」.
    const counted = sentence.clauses.some((c) => c !== clause && c.figures.some((f) => f.approx !== 'range' && sameUnit(f.unit, f.multiplier, unit)));
    if (!counted) return undefined;
  }
  return finding(model, sentence.line, clause.start + before.length, unit);
}

function sameUnit(figureUnit: string, multiplier: number, unit: string): boolean {
  if (/^[万亿]/u.test(unit)) return figureUnit === unit.slice(1) && multiplier > 1;
  return figureUnit === unit;
}

function finding(model: ReportModel, line: number, col: number, unit: string): Finding {
  return {
    range: model.index.range(line, col, col + unit.length),
    message: t('Missing number: "{0}" follows no number.', unit),
    fixes: [{ title: t('Insert the missing number'), edits: [{ range: model.index.range(line, col, col), newText: 'XX' }] }],
    data: { unit },
  };
}

export const missingNumber = defineRule({
  id: 'missing-number',
  defaultSeverity: 'error',
  description: {
    en: 'A measure word or unit with no number: 收到上级交办信访事项件，办结118件; 同比增长%.',
    zh: '量词或单位前缺少数字（如“收到上级交办信访事项件”“同比增长%”）。',
  },
  tags: ['numbers'],
  fixable: 'suggestion',
  options: {},
  check(model, _options, token) {
    if (token?.isCancellationRequested) return [];
    return check(model);
  },
});
