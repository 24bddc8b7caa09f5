/**
 * Measure words and units that stand with no number before them in correct text: part of a compound
 * unit after a figure (「四十万载重吨」「三百二十亿人公里」), of a name or an abbreviation the
 * dictionary lacks (「长株潭」「“个转企、企升规”」「“大中小微个”」), of a word made with the unit
 * (「亩均」「举报件办结率」「分批次」「次差公路」), a label (「第十三款卯项」), a bare magnitude
 * that is the number itself (「带动万名青年」「亿元以上重大产业项目」「万亿元规模」), alternative units
 * in brackets (「万辆（艘、架、列）次」) or a letter standing for the number (「“M”个」). Each is a
 * class of text found in published reports the rules were not tuned on (docs/accuracy.md,
 * "Generalisation"); the caller (bare-units.ts) asks before it decides that a number is missing.
 */
import { tagOf, type Token } from './words';

/** A candidate unit in its clause: tokens of the clause, the unit's tokens [k, last]. */
export interface UnitPlace {
  /** The paragraph text and where the clause starts in it. */
  readonly text: string;
  readonly from: number;
  readonly tokens: readonly Token[];
  readonly k: number;
  readonly last: number;
  readonly unit: string;
  /** The unit carries 万/亿 (「万名」「亿元」). */
  readonly multiplied: boolean;
}

/**
 * Patterns with Unicode property escapes are constants: the build's target (node18) makes each such
 * literal a `new RegExp(…)` call, which a test inside a function would make at every call.
 */
const ALL_HAN = /^\p{Script=Han}+$/u;
const RATE_AFTER = /^\p{Script=Han}{1,3}率(?:[0-9０-９]|达|为|超|提|保|居|、|，|。|$)/u;
const JIA_LIST_END = /(\p{Script=Han}{1,3}家)[+＋、和与及]\p{Script=Han}{0,4}$/u;
const COUNT_BEFORE_OPEN = /[0-9０-９零一二两三四五六七八九十百千万亿][\p{Script=Han}]{1,2}$/u;
const SHORT_HAN = /^\p{Script=Han}{1,2}$/u;

/**
 * The first part of a compound unit after a figure: transport and capacity units (人公里, 吨公里, 载重吨,
 * 标准箱, 千瓦时) and grades (「30万吨级条帚门航道」「5A级景区」: what follows the grade is a name).
 */
const COMPOUND_HEAD = /[0-9０-９〇零一二两三四五六七八九十百千万亿](?:人|吨|车|座|架|艘|载重|标准|千瓦|[\p{Script=Han}A-Za-z]{0,2}级)$/u;
/** The heavenly stems and earthly branches: labels of items (「卯项」「甲类」「子目」). */
const STEMS_BRANCHES = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';
const LABELLED_UNITS = new Set(['项', '款', '条', '类', '级', '号', '组', '节', '目', '种', '等']);
/** Nouns of places that make a name with X家 (「喇家遗址」「王家村」「李家庄」). */
const PLACE_AFTER_JIA = /^(?:遗址|村|庄|湾|沟|坪|寨|堡|岭|坡|河|山|嘴|营|屯|窑|桥|坝|巷|湖|洲|镇|集|铺|岗|台子)/u;
/** One-character verbs of going and staying that make 家 a home (「到家业务」「回家」「居家」). */
const HOME_VERBS = new Set(['到', '回', '在', '离', '居', '返', '住', '归', '送', '进', '出', '持', '管', '当', '看', '成', '安', '养', '治', '兴']);
/** Measure words of counted things (not amounts or quantities), of which a bare 万/千 is one 万 (「万名青年」「千家企业」). */
const COUNT_WORDS = /^(?:名|人|个|家|户|件|项|条|台|套|所|座|只|头|间|位|支|辆|艘)$/u;
/** Tags of words that name a thing. */
const NOMINAL = new Set(['n', 'nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'ng', 'vn', 'an', 'b', 'j', 'l', 'i', 's']);
/** Tags of a single character that may start a name or an abbreviation (not a function word, verb or numeral). */
const NAME_START_TAGS = new Set(['a', 'ng', 'nr', 'nrt', 'ns', 'nz', 'zg', 'x', 'b', 'j']);

const han = (t: Token | undefined): boolean => t !== undefined && ALL_HAN.test(t.text);
const single = (t: Token | undefined): boolean => t !== undefined && t.end - t.start === 1 && han(t);
const nominal = (t: Token | undefined): boolean => t !== undefined && (NOMINAL.has(t.pos) || (t.pos === 't' && t.text.length >= 2));

/** True when the unit at this place is part of a word, a name, a label or a compound unit, or has its number in another form. */
export function notACount(pl: UnitPlace): boolean {
  const { text, from, tokens, k, last, unit } = pl;
  const tok = tokens[k] as Token;
  const prev = tokens[k - 1];
  const after = tokens[last + 1];
  const end = (tokens[last] as Token).end;
  const rest = text.slice(from + end);
  const lead = text.slice(0, from + tok.start);
  // 「四十万载重吨」「三百二十亿人公里」「30万吨级条帚门航道」: the word before is the first part of the figure's unit.
  if (COMPOUND_HEAD.test(lead)) return true;
  // 「亩均投资」「户均」: the unit of a per-unit figure.
  if (rest.startsWith('均')) return true;
  // 「举报件办结率」「信访件满意率」: the unit is the noun of a rate.
  if (RATE_AFTER.test(rest)) return true;
  // 「第十三款卯项」「甲类」: a label before the unit.
  if (prev !== undefined && single(prev) && STEMS_BRANCHES.includes(prev.text) && LABELLED_UNITS.has(unit)) return true;
  // 「次差公路」: 次 as “inferior”, before an adjective.
  if (unit === '次' && single(after) && (after?.pos === 'a' || after?.pos === 'b')) return true;
  // 「喇家遗址」「王家村」: X家 and a noun of places is a place name.
  if (unit === '家' && single(prev) && PLACE_AFTER_JIA.test(rest)) return true;
  // 「到家业务」「回家」: 家 as a home after a verb of going or staying.
  // (Not after a verb of change: 「合作社发展到家」 has lost its number.)
  if (unit === '家' && single(prev) && prev?.pos.startsWith('v') && HOME_VERBS.has(prev.text) && !(tokens[k - 2]?.pos ?? '').startsWith('v')) return true;
  // 「“科学家+企业家+投资家”」: an item of a list whose other items end with 家 as words.
  if (unit === '家' && prev !== undefined && prev.text.length >= 2 && listOfJia(lead)) return true;
  // 「长株潭」: the unit between single characters that start a name the dictionary lacks.
  if (single(prev) && NAME_START_TAGS.has(prev?.pos ?? '') && single(after) && nominal(after)) return true;
  // 「不论是座商或摊贩」: the unit and one character are a noun, an item of a list joined by 或/和.
  if (single(after) && nominal(after) && /^(?:或|和|与|及|或者|还是)$/u.test(tokens[last + 2]?.text ?? '') && (prev === undefined || /^(?:c|p|x)$/u.test(prev.pos))) return true;
  if (abbreviation(pl, prev, after)) return true;
  // 「「记录篇」React 脚手架搭建过程」「《下卷》」: a part of a work named in quotes or a title, not a count of parts.
  if (/^(?:篇|章|卷|编|集|册|辑)$/u.test(unit) && after !== undefined && /^[」』》”’】）]$/u.test(after.text) && prev !== undefined && han(prev)) return true;
  // 「建设“1”个省级中心，指导建设“M”个设区市分中心」: a quoted letter or digit stands for the number.
  if (/[“"‘「][A-Za-zＡ-Ｚａ-ｚ0-9０-９+＋]{1,3}[”"’」]$/u.test(lead)) return true;
  // 「万辆（艘、架、列）次」: alternative units in brackets after a figure's unit, and the unit after them.
  if (inUnitBrackets(text, from + tok.start, end - tok.start)) return true;
  if (pl.multiplied && bareMagnitude(pl, prev, after)) return true;
  return false;
}

/** The text before ends with an item of a list that is a noun ending with 家 (「科学家+企业家+投资」), not a count (「三家、」). */
function listOfJia(lead: string): boolean {
  const m = JIA_LIST_END.exec(lead.slice(-16));
  const word = m?.[1] ?? '';
  return [word.slice(-3), word.slice(-2)].some((w) => w.length >= 2 && tagOf(w) === 'n' && !/[0-9０-９〇零一二两三四五六七八九十百千万亿几多]/u.test(w.slice(0, -1)));
}

/**
 * Abbreviations made of single characters: 「个转企、小升规」 (个 for 个体户: one-character words joined by a
 * one-character verb) and a quoted list of initials ending with the unit 「“大中小微个”」.
 */
function abbreviation(pl: UnitPlace, prev: Token | undefined, after: Token | undefined): boolean {
  const { tokens, last } = pl;
  const next2 = tokens[last + 2];
  // (Not 「“个有之”」「“个走在前”」, counted names that have lost their number: the last character is a noun before a mark.)
  const next3 = tokens[last + 3];
  if (single(after) && after?.pos === 'v' && single(next2) && /^(?:n|ng|j)$/u.test(next2?.pos ?? '') && (next3 === undefined || /^[、，,（(]$/u.test(next3.text))) return true;
  if (after?.text === '”' || after?.text === '」') {
    // Back to the opening quote: a short span of initials (no word of two characters but 大中小-like 区别词).
    let q = pl.k - 1;
    while (q >= 0 && tokens[q]?.text !== '“' && tokens[q]?.text !== '「' && pl.k - q <= 6) q--;
    if (q < 0 || pl.k - q > 6 || q === pl.k - 1) return false;
    const inside = tokens.slice(q + 1, pl.k);
    return prev !== undefined && single(prev) && inside.length >= 2 && inside.every((t) => han(t) && (t.text.length === 1 || t.pos === 'b'));
  }
  return false;
}

/** The unit at [at, at + length) is inside brackets of alternative units after a figure's unit, or right after them. */
export function inUnitBrackets(text: string, at: number, length: number): boolean {
  const open = openingOfUnitList(text, at);
  if (open < 1) return false;
  const close = text.indexOf('）', open);
  if (close < open || at > close + 1) return false;
  // Before the bracket: a number and its unit (「2813.8万辆」).
  if (!COUNT_BEFORE_OPEN.test(text.slice(Math.max(0, open - 6), open))) return false;
  const items = text.slice(open + 1, close).split(/[、，,]/u);
  if (!items.every((x) => SHORT_HAN.test(x))) return false;
  return at < close || length <= 2;
}

const HAN = /^\p{Script=Han}$/u;

/**
 * The 「（」 before `at` (text.lastIndexOf('（', at)) when what lies between could be items of a list
 * of units (characters of Han script and 、，, in items of one or two), else -1. It looks back
 * only as far as such a list goes: a candidate on a long line without brackets costs a few steps,
 * not the line.
 */
function openingOfUnitList(text: string, at: number): number {
  if (text.charCodeAt(at) === 0xff08) return at;
  let run = 0;
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0xff08) return i; // （
    if (c === 0xff09) {
      // ）: the bracket's own end right before the unit; another one ends an earlier bracket.
      if (i === at - 1) continue;
      return -1;
    }
    if (c === 0x3001 || c === 0xff0c || c === 0x2c) {
      run = 0;
      continue;
    }
    const pair = c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
    if (!HAN.test(pair ? text.slice(i - 1, i + 1) : text.charAt(i)) || ++run > 2) return -1;
    if (pair) i--;
  }
  return -1;
}

/**
 * A bare 万/亿 that is the number itself: one 万 of a counted noun after a verb (「带动万名青年」), a threshold
 * that names a class (「亿元以上重大产业项目」「万吨标准煤以上的企业」), a scale (「达到万亿元规模」). At the end
 * of a clause (「完成投资亿元。」) or before 以上 there, the number is gone. (The first is ambiguous: a number
 * deleted before 万名 leaves the same text, 「实施1万名老年人白内障复明工程」 → 「实施万名…」; it is read as one 万.)
 */
function bareMagnitude(pl: UnitPlace, prev: Token | undefined, after: Token | undefined): boolean {
  const { tokens, last, unit } = pl;
  // 「带动万名青年入乡发展」「惠及千家企业」: after a verb, one 万 of the counted noun that follows.
  const counted = /^(?:万|千)(.+)$/u.exec(unit)?.[1];
  if (counted !== undefined && COUNT_WORDS.test(counted) && prev !== undefined && prev.pos.startsWith('v') && prev.text.length >= 2 && nominal(after) && (after as Token).text.length >= 2) return true;
  // 「万亿元规模」「千亿级」: the scale named after the magnitude.
  if (after !== undefined && /^(?:规模|级|量级|级别|体量|台阶)$/u.test(after.text)) return true;
  // 「亿元以上重大产业项目」「万吨标准煤以上的企业」: a threshold, then the class it names.
  let q = last + 1;
  while (q < tokens.length && q <= last + 2 && nominal(tokens[q]) && !/^(?:以上|以下)$/u.test(tokens[q]?.text ?? '')) q++;
  if (!/^(?:以上|以下)$/u.test(tokens[q]?.text ?? '')) return false;
  const next = tokens[q + 1];
  if (next?.text === '的') return true;
  for (let r = q + 1; r < tokens.length && r <= q + 3; r++) {
    const t = tokens[r] as Token;
    if (nominal(t) && t.text.length >= 2) return true;
    if (t.pos !== 'a' && t.pos !== 'b' && t.pos !== 'vn') return false;
  }
  return false;
}
