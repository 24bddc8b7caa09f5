/**
 * Units with no number: a measure word, a unit or a percent sign where a count's number should be
 * (「对全区个景区景点」「重点项目个」「家以上企业」「完成投资亿元以上」「增长%」). Read with the word
 * layer: a measure-word character is a candidate only when the segmentation leaves it a word of its
 * own (个 in 个人, 项 in 项目, 家 in 企业家 are parts of words), and no numeral, demonstrative or vague
 * quantity stands before it (几个, 多家, 各项, 每个, 这条, 第三批).
 *
 * Only clauses holding a candidate character are segmented, once per paragraph text (kept from one
 * version of the document to the next through the model's memo); a character inside a word that is
 * no unit (国家, 支持, 项目: `wordAt`, the few characters around it routed alone) is no candidate.
 */
import { notACount } from './bare-unit-words';
import { derivedCache } from './derived';
import type { Paragraph, ReportModel } from './types';
import { getLexicon, segment, tagOf, wordAt, type Token } from './words';

export interface BareUnit {
  readonly line: number;
  /** Columns of the unit as written (「个」, 「亿元」, 「%」, 「个百分点」). */
  readonly start: number;
  readonly end: number;
  readonly unit: string;
  readonly paragraph: Paragraph;
}

/** Measure words that stand alone only after a number or a determiner (jieba's q, and 件 项 条 元 吨 …). */
const MEASURE = new Set([
  '个', '个月', '项', '件', '家', '条', '次', '场次', '座', '张', '篇', '份', '辆', '艘', '架', '株', '棵', '册', '亩', '公里', '平方米', '平方公里', '立方米', '公顷', '千瓦', '千瓦时', '吨', '元', '美元', '欧元', '港元', '倍', '家次', '件次', '户次', '批次', '个次',
]);
/** Measure words that may stand between two nouns only as a count's measure word (「对全区个景区」「中央项规定」). */
const BETWEEN_NOUNS = new Set(['个', '项', '家', '条', '座', '件', '篇']);
/** Measure words of counted names in quotation marks (「“两个确立”」「“三项制度”」). */
const IN_NAMES = new Set(['个', '项', '条', '件', '篇', '张', '大', '场', '支', '台']);
/** Measure words that are also nouns, verbs or particles (户, 人, 所, 种, 批): bare only in a plain counting context. */
const AMBIGUOUS = new Set(['户', '所', '部', '处', '批', '栋', '支', '名', '场', '位', '张', '人次', '类', '台', '块', '套']);
/** Measure words and units, bare or after 万/亿. */
const UNITS = new Set([...MEASURE, ...AMBIGUOUS]);
/** Units after 万/亿 (「万人」「亿人次」「万套」「万种」). */
const MULT_UNITS = new Set([...UNITS, '人', '套', '种', '类', '头', '台', '只', '间', '口', '条', '列']);
const PERCENT = new Set(['%', '％', '‰']);
const MULT_RE = /^(?:万亿|千万|百万|万|亿)$/u;
const MULT_UNIT_RE = /^(?:万亿|千万|百万|万|亿)(.+)$/u;
/** What may follow a count's number and unit: 「家以上」「个左右」. */
const POST = new Set(['以上', '左右', '余', '多', '以下', '以内', '上下']);
/** Words before a measure word that stand for its number: demonstratives, vague quantities, ordinals. */
const DETERMINERS = new Set([
  '这', '那', '哪', '每', '各', '该', '本', '此', '首', '某', '数量', '数目', '整', '全', '逐', '多', '几', '数', '若干', '上', '下', '前', '后', '同', '另', '诸', '历', '其', '余', '好', '半', '第', '头', '末', '次', '当', '成', '以上', '这些', '那些', '哪些', '一些', '有些', '某些', '其他', '其它', '其余', '任何', '所有', '个别', '每一', '逐个', '多少', '若干个', '大批', '一批', '整整',
]);
/** The last character of a numeral: the number is there (二十, 三千, 两, 几). */
const NUMERAL_END = /[0-9０-９〇零一二两三四五六七八九十百千万亿几半]$/u;
/** Words after which a measure word is named rather than counted: 「单位：万元」「按批次」「以亿元计」. */
const LABEL_WORDS = new Set(['单位', '计量', '按', '以', '用', '折合', '换算', '每', '按照', '计']);
/** Old suffix words the segmenter may leave apart: 信访件, 投诉件, 督办件, 名次… (the character before the unit). */
const SUFFIX_OF: Record<string, string> = {
  件: '访诉递文条事软硬邮稿证部零配物附要信函快急组构铸元器工批计来原样大小整挂摆插控用收寄发督办',
  次: '层名档车班场批人架户首其再此本多屡依逐初历每上下这那该主位席轮频届年航版渐数',
  项: '事各专单分立款强弱选条重要逐本此该多全子细缺漏列弃进销定',
  条: '各每逐教便面纸链线萧苗金信柳枝封欠借收头词本此该下上专',
  份: '身股月年省部成备每各本名缘辈县',
  名: '姓签命报提排点署题实联匿冒知著有出闻扬盛威美英功虚地人书罪更改记具化别乳小大学域榜本正除列落挂声芳同重指成莫',
};
/** Report words jieba's 2013 dictionary lacks, with their tags (获批 v, 户厕 n …). */
const EXTRA_TAGS = new Map([
  ['获批', 'v'],
  ['办结', 'v'],
  ['户厕', 'n'],
  ['托位', 'n'],
  ['新设', 'v'],
  ['家次', 'q'],
  ['等次', 'n'],
]);
const EXTRA_WORDS = new Map([
  ['获批', 2000],
  ['托位', 2000],
  ['新设', 2000],
  ['办结', 2000],
  ['户厕', 500],
  ['家次', 500],
  ['等次', 2000],
  ...['人次', '件次', '户次', '批次', '架次', '车次', '场次', '班次', '个次', '项次'].map((w): [string, number] => [w, 5000]),
]);
const SEGMENT_OPTIONS = { extraWords: EXTRA_WORDS, extraTags: EXTRA_TAGS };
const VERB_NAMES = new Set(['新建', '改扩建', '新设']);
/** Verbs of reaching a number: what follows them is the number (「增加到户」「将达所」「高层达栋」). */
const REACH = new Set(['达', '达到', '将达', '高达', '已达', '累计达', '增加到', '增至', '增长到', '提高到', '扩大到', '发展到', '上升到', '减少到', '下降到', '降至', '减至', '降到', '升至', '共有', '共计', '合计', '总计', '累计', '计有', '总数']);
/** Verbs that count what they make or do (「出台政府规章部」「新增床位张」). */
const COUNTING_VERB_WORDS = new Set(['新增', '新建', '建成', '出台', '制定', '修订', '制定修订', '审议', '举办', '开展', '培育', '引进', '认定', '完成', '实施', '发放', '选派', '表彰', '招录', '录用', '开行', '开通', '新设', '增设', '设立', '组建', '打造', '创建', '推出', '发布', '颁布', '办理', '接待', '获批']);
/** Verbs that open a clause of counted things: 「新建、改扩建酒店家」. */
const COUNTING_START = /^\s*(?:新建|改扩建|改建|扩建|新增|建成|完成|实施|培育|引进|认定|创建|打造|组建|设立|新设|开工|投产|改造|提升)/u;
/** Verbs that count people: 「社区工作者达到人」「吸纳培养积极分子人」. */
const COUNTING_VERBS = new Set(['达到', '达', '新增', '增加', '增至', '培养', '培训', '吸纳', '引进', '招录', '招聘', '安置', '转移', '帮助', '资助', '救助', '慰问', '录取', '发展', '选派', '表彰', '认定', '接待', '服务', '覆盖', '惠及', '就业', '再就业', '参加', '参与', '共有', '有']);
/** Tags of words that name a thing (a noun phrase a count is of). */
const NOMINAL = new Set(['n', 'nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'ng', 'vn', 'an', 'b', 'j', 'l', 'i', 'nrt', 's']);
/** Tags of names before 人 that make the people of a place or a group (西藏人, 大庆人, 康巴人), never a count. */
const PEOPLE_OF = new Set(['ns', 'nr', 'nrt', 'nrfg', 'nz']);

/**
 * Patterns with Unicode property escapes are constants: the build's target (node18) makes each such
 * literal a `new RegExp(…)` call, which a test inside a function would make at every call.
 */
const HAS_HAN = /\p{Script=Han}/u;
const ENDS_HAN = /\p{Script=Han}$/u;
const UNIT_LABEL_BEFORE = /(?:^|[^\p{Script=Han}])单位[：:]?$/u;
const BY_STANDARD = /^\s*(?:按照|按|根据|依据|依照|对照|统计|以)\p{Script=Han}{0,8}$/u;
const NUMERAL_AND_HAN_END = /[千百万十][\p{Script=Han}]$/u;

/** Character classes of the scan, by UTF-16 code unit (one table instead of a regex test per character). */
const CLASS = new Uint8Array(65536);
const CLAUSE_END_CHAR = 1;
/** First characters of the units, for a quick test before segmenting. */
const FIRST_CHAR = 2;
const NUMERAL_CHAR = 4;
for (const c of '，,、：:。！？!?；;（）()【】') CLASS[c.charCodeAt(0)] = CLAUSE_END_CHAR;
/** What bareAt takes for a unit by itself, besides UNITS: 人 (and 人次), 种 (at the end of its clause only: 「增至种，」, not the verb of 「种粮食」). */
const ALONE = ['人', '种'];
for (const u of [...UNITS, ...PERCENT, '万', '亿', '百', ...ALONE]) CLASS[u.charCodeAt(0)]! |= FIRST_CHAR;
/** First characters of units that are no unit alone (公 of 公里, 平 of 平方米), and those units: a candidate only where one is written. */
const LONG_ONLY = new Map<number, string[]>();
for (const u of UNITS) {
  const c = u.charCodeAt(0);
  if (u.length > 1 && !UNITS.has(u.charAt(0)) && !ALONE.includes(u.charAt(0))) LONG_ONLY.set(c, [...(LONG_ONLY.get(c) ?? []), u]);
}
for (const c of '0123456789０１２３４５６７８９〇零一二两三四五六七八九十百千万亿几半') CLASS[c.charCodeAt(0)]! |= NUMERAL_CHAR;
/** First characters of the tokens bareAt may take as a unit (with hiddenJia's words ending in 家, the only ones it tries). */
const UNIT_TOKEN_FIRST = new Uint8Array(65536);
for (const u of [...UNITS, ...PERCENT, '百分点', '个', '次', '种', '人', '到', '至', '余', '案件', '万', '千', '百', '亿']) UNIT_TOKEN_FIRST[u.charCodeAt(0)] = 1;

const CACHE = derivedCache<BareUnit[]>();

/** Every bare unit of the body paragraphs (memoised per model; per paragraph text across versions). */
export function bareUnitsOf(model: ReportModel): BareUnit[] {
  let list = CACHE.get(model);
  if (!list) {
    list = [];
    for (const p of model.paragraphs) {
      const found = model.memo.get<ReadonlyArray<readonly [number, number, string]>>('bare-units', p.text, () => scanBareUnits(p.text));
      const base = p.range.start.character;
      for (const [s, e, unit] of found) list.push({ line: p.line, start: base + s, end: base + e, unit, paragraph: p });
    }
    CACHE.set(model, list);
  }
  return list;
}

/** Bare units of a text: [start, end, unit] in UTF-16 offsets. */
export function scanBareUnits(text: string): Array<readonly [number, number, string]> {
  const out: Array<readonly [number, number, string]> = [];
  // One pass: clause ends, the first character of the clause that may begin a unit, and characters
  // of traditional script (the dictionary is in simplified script: traditional text is cut badly, 國|家
  // leaves 家 free; a text with two of them has no bare unit, whatever was found before the second).
  let start = 0;
  let first = -1;
  let traditional = 0;
  for (let i = 0; i <= text.length; i++) {
    const cls = i < text.length ? (CLASS[text.charCodeAt(i)] as number) : CLAUSE_END_CHAR;
    if (cls !== CLAUSE_END_CHAR) {
      if ((cls & TRADITIONAL_CHAR) !== 0 && ++traditional >= 2) return [];
      if (first < 0 && (cls & FIRST_CHAR) !== 0) first = i;
      continue;
    }
    if (first >= 0 && hasCandidate(text, start, first, i)) scanClause(text, start, i, out);
    start = i + 1;
    first = -1;
  }
  return out;
}

/** Characters of traditional script that simplified text never has (国 for 國, 个 for 個 …). */
const TRADITIONAL_CHAR = 8;
for (const c of '國們這個來對說發經會爲為與實還時從將並關於歲義農黨當應過選舉縣鄉億萬點際産') CLASS[c.charCodeAt(0)]! |= TRADITIONAL_CHAR;

/** What may follow a bare 人: the end of its clause, 次, or 以上/左右/余 … (人民, 人才, 个人 are words, never bare). */
function afterRen(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c === 0x6b21 /* 次 */ || c === 0x4f59 /* 余 */) return true;
  const d = text.charCodeAt(at + 1);
  if (c === 0x4ee5 /* 以 */) return d === 0x4e0a /* 上 */ || d === 0x4e0b /* 下 */ || d === 0x5185 /* 内 */;
  return (c === 0x5de6 /* 左 */ && d === 0x53f3) /* 右 */ || (c === 0x4e0a /* 上 */ && d === 0x4e0b) /* 下 */;
}

/** One of `units` is written at text[at] and ends by `to`. */
function writesOneOf(text: string, at: number, to: number, units: readonly string[]): boolean {
  for (const u of units) if (at + u.length <= to && text.startsWith(u, at)) return true;
  return false;
}

/** A candidate in the clause text[from, to), looked for from `first` on. */
function hasCandidate(text: string, from: number, first: number, to: number): boolean {
  for (let i = first; i < to; i++) {
    const code = text.charCodeAt(i);
    if ((CLASS[code]! & FIRST_CHAR) === 0) continue;
    // After a number the unit has its number (「3.5万」「12个」); this test is only a filter, bareAt decides.
    if (i > from && (CLASS[text.charCodeAt(i - 1)]! & NUMERAL_CHAR) !== 0) continue;
    if (code === 0x4eba /* 人 */ && i + 1 < to && !afterRen(text, i + 1)) continue;
    if (code === 0x79cd /* 种 */ && i + 1 < to) continue;
    // 平 of 水平, 公 of 公共, 美 of 美丽: a token there is no unit (bareAt takes only these units from them).
    const long = LONG_ONLY.get(code);
    if (long !== undefined && !writesOneOf(text, i, to, long)) continue;
    // 百 only as 百分点, not after 「1.2个」.
    if (code === 0x767e /* 百 */ && (!text.startsWith('分点', i + 1) || (i > from && text.charCodeAt(i - 1) === 0x4e2a /* 个 */ && i - 2 >= 0 && (CLASS[text.charCodeAt(i - 2)]! & NUMERAL_CHAR) !== 0))) continue;
    if (inWord(text, wordAt(text, i, SEGMENT_OPTIONS), i)) continue;
    return true;
  }
  return false;
}

/** Tokens that bareAt may take for a unit when they start at the candidate: the units, and 万/亿 with or without one. */
const UNIT_TOKENS = new Set([...UNITS, ...PERCENT, '百分点', '种', '人']);

/**
 * The candidate at `at` is part of a word that bareAt never takes for a unit (国家, 支持, 项目, 个人):
 * then it alone does not make its clause worth segmenting. bareAt's units are tokens that start
 * with the unit (个, 亿元, 百分点), and the forms that hold it inside: 余份, 到户, 草|案件, 企业家.
 */
function inWord(text: string, tok: { readonly start: number; readonly end: number } | undefined, at: number): boolean {
  if (tok === undefined || tok.end - tok.start === 1) return false; // a window too long to route; the unit alone
  const t = text.slice(tok.start, tok.end);
  if (tok.start === at) return !UNIT_TOKENS.has(t) && !/^(?:万|亿|千万|百万)/u.test(t) && !t.endsWith('家');
  return !/^[余到至]/u.test(t) && t !== '案件' && !(t.endsWith('家') && tok.end === at + 1);
}

function scanClause(text: string, from: number, to: number, out: Array<readonly [number, number, string]>): void {
  const clause = text.slice(from, to);
  // jieba tags 新建 as a place (a district) and 改扩建 as an abbreviation: in reports they are verbs.
  const tokens = segment(clause, SEGMENT_OPTIONS).map((t) => (VERB_NAMES.has(t.text) ? { ...t, pos: 'v' } : t));
  for (let k = 0; k < tokens.length; k++) {
    const found = bareAt(text, from, tokens, k);
    if (found) {
      out.push([from + found.start, from + found.end, found.unit]);
      k = found.next - 1;
    }
  }
}

interface Found {
  readonly start: number;
  readonly end: number;
  readonly unit: string;
  /** Index of the first token after the unit. */
  readonly next: number;
}

/** Words before 万/亿 that make them the number itself: 「突破万亿元」「近亿元」「上万人」. */
/** Tags of single characters that begin names, and the measure-word characters that end them. */
const NAME_TAGS = new Set(['nr', 'nrt', 'ns', 'nz', 'a', 'ng', 'zg', 'x']);
const NAME_UNITS = new Set(['家', '张', '元', '台', '场', '座', '条']);
/** (Not 达, 达到: 「成交额达亿元」 has lost its number; 「近亿元」「上万人」 are the number.) */
const MULT_AS_NUMBER = new Set(['突破', '超过', '超', '过', '逾', '近', '上', '数', '几', '破', '迈上', '跨上', '迈过', '站上', '成', '千', '百', '十']);
/** Verbs before 个 that leave out 一: 「是个有核国家」「有个好收成」. */
const COLLOQUIAL_GE = /(?:有|是|为|成|做|当|像|算|来|打|过|起|了|到|出|找|开|立)$/u;

function bareAt(text: string, from: number, tokens: readonly Token[], k: number): Found | undefined {
  const tok = tokens[k] as Token;
  // Only a token that starts like a unit, or a word ending in 家 (hiddenJia), can be one.
  if (UNIT_TOKEN_FIRST[tok.text.charCodeAt(0)] === 0 && !(tok.text.length >= 2 && tok.text.endsWith('家'))) return undefined;
  let p = k - 1;
  while (p >= 0 && /^\s+$/u.test((tokens[p] as Token).text)) p--;
  const prev = tokens[p];
  let last = k;
  let unit: string;
  let multiplied = false;
  if (PERCENT.has(tok.text)) {
    unit = tok.text;
  } else if (tok.text === '百分点' || (tok.text === '个' && tokens[k + 1]?.text === '百分点')) {
    if (tok.text === '百分点' && prev?.text === '个') return undefined; // seen at 个
    unit = tok.text === '个' ? '个百分点' : '百分点';
    if (tok.text === '个') last = k + 1;
  } else if (tok.text === '次' && prev && prev.end === tok.start && prev.text.length >= 2 && /[件户家架批车场班个项]$/u.test(prev.text) && !NUMERAL_END.test(prev.text.slice(-2, -1))) {
    // 「提示单件次」 cut 提示|单件|次: the unit 件次 with no number.
    if (!hasFigures(text)) return undefined;
    return { start: prev.end - 1, end: tok.end, unit: prev.text.slice(-1) + '次', next: k + 1 };
  } else if (UNITS.has(tok.text) || tok.text === '种' || tok.text === '人') {
    unit = tok.text;
  } else if (/^[到至][户家所个人]$/u.test(tok.text) && prev !== undefined && /^(?:增加|增长|发展|提高|扩大|上升|减少|下降|增)$/u.test(prev.text) && (tokens[k + 1] === undefined || POST.has(tokens[k + 1]?.text ?? ''))) {
    // 「从1832户增加到户」 cut 增加|到户: the unit of 到户 with no number.
    return { start: tok.end - 1, end: tok.end, unit: tok.text.slice(1), next: k + 1 };
  } else if (/^余./u.test(tok.text) && UNITS.has(tok.text.slice(1)) && prev !== undefined && prev.end === tok.start && (NOMINAL.has(prev.pos) || prev.pos === 'v') && prev.text.length >= 2 && !NUMERAL_END.test(prev.text)) {
    // 「发放宣传资料余份」 cut 资料|余份: 余 and its unit, the number gone.
    return { start: tok.start, end: tok.end, unit: tok.text.slice(1), next: k + 1 };
  } else if (tok.text === '案件' && prev !== undefined && /[草提议]$/u.test(prev.text) && prev.end === tok.start && strictlyCounts(text, '件') && (tokens[k + 1] === undefined || POST.has(tokens[k + 1]?.text ?? ''))) {
    // 「审议地方性法规草案件」 cut 草|案件: the 件 of 草案 with no number.
    return { start: tok.end - 1, end: tok.end, unit: '件', next: k + 1 };
  } else if (hiddenJia(text, from, tokens, k)) {
    // 「新设外资企业家。」「四星级饭店家、」: the count's 家 joined to the noun before it (企业家, 店家, 厂家).
    return { start: tok.end - 1, end: tok.end, unit: '家', next: k + 1 };
  } else {
    const m = MULT_UNIT_RE.exec(tok.text);
    const next = tokens[k + 1];
    if (/^(?:千万|百万)/u.test(tok.text)) return undefined; // 「千万吨」「百万亩」: the number itself
    // 万家 is 万家灯火 and 千家万户, except at the end of an item after a noun: 「科技型中小企业万家」.
    const jiaItem = m?.[1] === '家' && (tokens[k + 1] === undefined || tokens[k + 1]?.text === '、') && prev !== undefined && NOMINAL.has(prev.pos) && prev.text.length >= 2;
    if (m && MULT_UNITS.has(m[1] ?? '') && (m[1] !== '家' || jiaItem)) unit = tok.text;
    else if (MULT_RE.test(tok.text) && next && MULT_UNITS.has(next.text) && next.start === tok.end && next.text !== '家') {
      unit = tok.text + next.text;
      last = k + 1;
    } else return undefined;
    multiplied = true;
  }
  const start = tok.start;
  const end = (tokens[last] as Token).end;
  const after = tokens[last + 1];
  const result: Found = { start, end, unit, next: last + 1 };
  // (The tests up to notACount only rule the place out: the cheap ones first. Most units have their number.)
  const before = text.slice(Math.max(0, from + start - 8), from + start).replace(/[ \t\u3000]+$/u, '');
  const beforeChar = before.slice(-1);
  // A number, a letter or a compound unit right before (「25l亿元」「10蒸吨」「1.2个百分点」).
  if (beforeChar !== '' && (NUMERAL_END.test(beforeChar) || /[A-Za-z.．]/u.test(beforeChar))) return undefined;
  if (prev && prev.end - prev.start === 1 && /[0-9０-９]/u.test(text.charAt(from + prev.start - 1))) return undefined;
  // 「支支串飞」「个个争先」: a doubled measure word means every one.
  if (after?.text.startsWith(unit) && after.start === end) return undefined;
  // 「劳动人民是很少有份的」: 有 and a measure word before 的 is a phrase (有份, 有个), not a count.
  if (prev !== undefined && /^(?:有|是|没有)$/u.test(prev.text) && after?.text === '的') return undefined;
  // Part of a word, a name, a label or a compound unit, or a number written otherwise (bare-unit-words.ts).
  if (notACount({ text, from, tokens, k, last, unit, multiplied })) return undefined;
  // 「省委十一届次全会」「十一届十次、次全会」: the session's number.
  if (unit === '次' && prev && /届$/u.test(prev.text) && (after === undefined || /^(?:全会|会议|全体会议|会|、)/u.test(text.slice(from + after.start)))) return result;
  if (unit === '次' && prev?.text === '、' && /届[零〇一二两三四五六七八九十]+次、$/u.test(text.slice(Math.max(0, from + start - 12), from + start)) && after !== undefined && /^(?:全会|会议)/u.test(text.slice(from + after.start))) return result;
  const afterFigure = prev !== undefined && UNITS.has(prev.text) && NUMERAL_END.test(text.slice(Math.max(0, from + prev.start - 1), from + prev.start));
  // 「排名前%的学科」「居全国前位」: 前 needs its number.
  if (prev?.text === '前' && (PERCENT.has(unit) || unit === '位') && HAS_HAN.test(before.slice(-2, -1))) return result;
  // 「发放宣传资料余份」「旅客余万人次」: 余 after a noun or a verb holds the place of a number (not 其余, 多余).
  const before2 = tokens[p - 1];
  if (prev?.text === '余' && before2 !== undefined && (nominal(before2) || before2.pos === 'v') && !NUMERAL_END.test(before2.text)) return result;
  // 「首批个未来产业先导区」: a batch, then a count with its number gone.
  if (prev && /^首[批届期轮]$/u.test(prev.text) && after !== undefined && !POST.has(after.text)) return result;
  if (prev && (prev.pos === 'm' || DETERMINERS.has(prev.text) || NUMERAL_END.test(prev.text) || (UNITS.has(prev.text) && !afterFigure) || prev.text === '之')) return undefined;
  if ((prev && LABEL_WORDS.has(prev.text)) || UNIT_LABEL_BEFORE.test(before)) return undefined;
  // 「分批次推出」「分层次」: 分 and a unit of two characters is “in batches” (not 「分个部分」, which has lost its number).
  if (prev?.text === '分' && unit.length >= 2 && !multiplied) return undefined;
  if (prev?.text === '等' && unit === '项') return undefined; // 「文化、教育、卫生等项事业」: 等项 is the older 各项
  const postAfter = after !== undefined && POST.has(after.text);
  const atStart = prev === undefined;
  const delimiterBefore = from > 0 ? text.charAt(from - 1) : '';
  const clauseEnd = after === undefined;
  // A title: 「话剧《生命册》」.
  if (after?.text === '》' || inTitle(text, from + start)) return undefined;
  // 「按照生产批次，」「根据统计口径，以亿元计」: a clause that names the measure.
  if (clauseEnd && BY_STANDARD.test(text.slice(from, from + start))) return undefined;

  if (PERCENT.has(unit) || unit.endsWith('百分点')) {
    if (atStart) {
      // 「、%」 an empty item; 「，%的社区」 a clause that starts with the share of something.
      // (「增长5%、%以上」: 以上 may close the empty item.)
      const itemEnd = clauseEnd || (postAfter && tokens[last + 2] === undefined);
      if (delimiterBefore === '、') return itemEnd && emptyItemAfterFigure(text, from) ? result : undefined;
      return /[，,；;]/u.test(delimiterBefore) && after !== undefined && after.pos !== 'x' ? result : undefined;
    }
    if (prev.pos === 'x') {
      // 「6.5%－%」: the upper end of a range.
      if (/^\s+$/u.test(prev.text)) return ENDS_HAN.test(before) ? result : undefined;
      return /[－—～~-]/u.test(prev.text) && /[0-9０-９][%％]\s*[－—～~-]$/u.test(text.slice(Math.max(0, from + start - 8), from + start)) ? result : undefined;
    }
    return HAS_HAN.test(prev.text) ? result : undefined;
  }
  if (multiplied && prev && MULT_AS_NUMBER.has(prev.text)) return undefined;
  // 「技术合同成交额达亿元」「国家高新技术企业达到万家」: after a verb of reaching a number.
  if (multiplied && prev && REACH.has(prev.text) && hasFigures(text)) return result;
  // 「千企万户」「千家万户」「百村千企」: numerals paired in a set phrase, not a count.
  if (multiplied && NUMERAL_AND_HAN_END.test(before)) return undefined;
  const ambiguous = AMBIGUOUS.has(unit);
  if (atStart && (ambiguous || unit === '人' || unit === '种') && !countsIn(text, unit)) return undefined;
  // 「十一届十次、次全会」: the second session of a list, its number gone.
  if (atStart && unit === '次' && delimiterBefore === '、' && /届[零〇一二两三四五六七八九十]+次$/u.test(text.slice(Math.max(0, from - 13), Math.max(0, from - 1))) && after !== undefined && /^(?:全会|会议)/u.test(text.slice(from + after.start))) return result;
  if (atStart) {
    // 「、亿元」: an empty item of a list; 「，个地方企业」: a clause that opens with its count's measure word.
    // (「新增4个国家生态文明建设示范区、个“两山”实践创新基地」: the next item opens with a quoted name.)
    if (delimiterBefore === '、') return (clauseEnd && emptyItemAfterFigure(text, from)) || (after !== undefined && !ambiguous && unit !== '人' && unit !== '种' && (startsItem(after) || (/^[“「]$/u.test(after.text) && IN_NAMES.has(unit))) && itemHasFigure(text, from)) ? result : undefined;
    // 「业主委员会（物业管理委员会）个，」: the count after a parenthesis.
    if (/[）)]/u.test(delimiterBefore) && clauseEnd && !ambiguous) return result;
    if (from === 0 || !/[，,；;。]/u.test(delimiterBefore) || multiplied || unit === '人' || unit === '种') return undefined;
    if (ambiguous && unit !== '所') return undefined;
    // 「，个“二线口岸”正式启用」: the count of a quoted name.
    if (after && /^[“「]$/u.test(after.text) && IN_NAMES.has(unit)) return result;
    return after && (startsItem(after) || postAfter) ? result : undefined;
  }
  if (prev.pos === 'x') {
    // 「“个意识”」: an opening quotation mark, then the measure word of a counted name.
    if (!IN_NAMES.has(unit)) return undefined;
    // 「［4］张“零关税”清单」: a note's number in brackets, then a count with its number gone.
    if (/^[］】]$/u.test(prev.text) && /[［【][0-9０-９]+$/u.test(text.slice(Math.max(0, from + prev.start - 6), from + prev.start)) && after !== undefined && (nominal(after) || /^[“「]/u.test(after.text))) return result;
    if (/[“「《‘]/u.test(prev.text)) return result;
    // 「“考核、督查、激励”项机制」「“15分钟生活服务圈”个」: after a quoted name, before its noun or at the end.
    return /[”」》’]/u.test(prev.text) && (after === undefined || nominal(after)) ? result : undefined;
  }
  // A single character of a name before a character that makes names: 兰张, 曹家堡, 大元.
  if (prev.end - prev.start === 1 && NAME_TAGS.has(prev.pos) && NAME_UNITS.has(unit)) return undefined;
  // A second measure word after a complete figure: 「12类件民生实事」「12批项」 (not 「9条次干道」, 「2家次」).
  if (afterFigure && unit !== '次') return result;
  if (!multiplied && !strictlyCounts(text, unit) && splitWord(tokens, k)) return undefined;
  const nounNext = after !== undefined && nominal(after);
  // Or an adjective of the noun that follows: 「为栋老旧高层建筑」「等处易积水点位」.
  const nounComes = nounNext ? (after as Token).text.length > 1 : after?.pos === 'a' && [tokens[last + 2], tokens[last + 3]].some((x) => x !== undefined && nominal(x) && x.text.length > 1);
  // 「规模以上工业企业从1832户增加到户」「工人技术学校将达所」: after a verb of reaching a number, the unit alone.
  if ((REACH.has(prev.text) || /^(?:突破|超过|超|逾|近|约)$/u.test(prev.text)) && (clauseEnd || postAfter || (nounNext && (after as Token).text.length > 1))) return result;
  // 「对外贸易法修订草案等部法律议案」「宛平城等处重点区域」: 等 closes a list, its count follows.
  if (prev.text === '等' && prev.pos !== 'x' && nounComes && unit !== '项') return result;
  // 「为户低收入农牧户」「使户居民家庭」「为名困难家庭高校毕业生」: a preposition, then the count of what follows.
  // (Not 「对台工作」: Taiwan.)
  if (/^(?:为|使|对|向|给|帮助|支持|惠及)$/u.test(prev.text) && nounComes && unit !== '类' && unit !== '种' && unit !== '台') return result;
  // 「中职学校由所优化整合为47所」「企业从户增加到810户」: the count a change starts from.
  if (/^[由从]$/u.test(prev.text) && after !== undefined && /^v/u.test(after.pos) && strictlyCounts(text, unit)) return result;
  // 「新建所公立幼儿园」「建成所学校」: a verb of building, then schools.
  if (unit === '所' && prev.pos === 'v' && prev.text.length >= 2 && after !== undefined && /[校学园院]/u.test(text.slice(from + after.start, from + after.start + 6).split(/[，,、；;。]/u)[0] ?? '')) return result;
  // 「专精特新中小企业户」「举办大型活动场」: a noun, then at the end of an item the unit the paragraph counts in.
  // 「建成保障性住房套」「老楼加装电梯台」: or after a verb and its object, in a paragraph of figures.
  if (clauseEnd && AMBIGUOUS.has(unit) && unit !== '类' && (nominal(prev) || prev.pos === 'j') && prev.text.length >= 2) {
    if (strictlyCounts(text, unit)) return result;
    if (/^[套台栋处所户座]$/u.test(unit) && hasFigures(text) && tokens.slice(0, k - 1).some((t) => t.pos === 'v' && t.text.length >= 2)) return result;
    // 「新增医疗卫生机构床位张」「出台政府规章部」「举办大型活动场」: the same after a verb that counts.
    if (/^[张部场名位批支]$/u.test(unit) && hasFigures(text) && tokens.slice(0, k - 1).some((t) => COUNTING_VERB_WORDS.has(t.text))) return result;
  }
  // 类 is mostly a suffix (民生保障类项目, 居住类价格, 表演类金钟奖): bare only after a verb of dividing.
  if (unit === '类' && !/^(?:分为|划分为|分成|归为|归纳为|梳理出|分)$/u.test(prev.text)) return undefined;
  // 「为群众所认可」「不受任何外来压力所左右」: the 所 of the passive.
  if (unit === '所' && /[受为被][^，,。；;]*$/u.test(text.slice(from, from + start))) return undefined;
  const nounAfter = after !== undefined && nominal(after);
  if (multiplied) {
    // 「亿元以上项目」 is a class of projects, 「万元地区生产总值」 a rate: the number is not missing.
    if (postAfter) return tokens[last + 2] !== undefined && nominal(tokens[last + 2] as Token) ? undefined : result;
    return nounAfter && prev.pos !== 'v' && prev.pos !== 'p' ? undefined : result;
  }
  // 「人多且穷的国家」: many people, not a count.
  if (unit === '人' && after?.text === '多') return undefined;
  if (postAfter) return result;
  const suffixOf = SUFFIX_OF[unit];
  if (suffixOf && suffixOf.includes(prev.text.slice(-1)) && !/^(?:共计|合计|总计|共有|累计|共)$/u.test(prev.text)) return undefined;
  // (Not after a verb of two characters that counts: 「完成个老旧小区改造」「设立个自贸试验区」.)
  if (unit === '个' && prev.pos === 'v' && COLLOQUIAL_GE.test(prev.text) && (prev.text.length === 1 || /^(?:[还只没都就也又]有|成为|变成|算是|就是|还是|也是|都是|像是)$/u.test(prev.text)) && after !== undefined && !nominal(after)) return undefined;
  // 「十一届次全会」「人大次会议」: the session number.
  if (unit === '次' && after !== undefined && /^(?:会议|全会|全委|常委会)/u.test(text.slice(from + after.start))) return result;
  // 「学到家」: a 家 after a verb at the end of a clause counts only where the paragraph counts.
  if (unit === '家' && clauseEnd && prev.pos.startsWith('v') && !countsIn(text, unit)) return undefined;
  if (unit === '倍') return after === undefined || after.pos === 'x' || ['多', '半', '的'].includes(after.text) ? result : undefined; // not 「收入倍差」
  // Units that are also nouns, verbs or particles: bare only where the paragraph counts in them.
  if ((ambiguous || unit === '人' || unit === '种') && !countsIn(text, unit)) return undefined;
  if (unit === '人') {
    // 「新增“两院”院士人。」「社区工作者达到人。」: 人 ends the clause after a noun or a counting verb.
    // (Not the people of a place or a group, 「西藏人」「大庆人」「康巴人」, nor the object of a verb, 「教育人、塑造人」.)
    if (PEOPLE_OF.has(prev.pos) || (prev.pos === 'vn' && !COUNTING_VERBS.has(prev.text))) return undefined;
    return clauseEnd && prev.text.length >= 2 && (nominal(prev) || COUNTING_VERBS.has(prev.text)) ? result : undefined;
  }
  // 「两个市场种资源」, not 「适合种粮食」 or 「牧草种源」 (种 and one character: a word the dictionary lacks).
  if (unit === '种') return nounAfter && prev.pos !== 'v' && (after as Token).text.length >= 2 ? result : undefined;
  // After a noun, 所 ends names of institutes (煤化所, 郑商所): bare only before a noun of schools or at the end.
  if (unit === '所' && prev.pos !== 'v') return (nounAfter && (after as Token).pos !== 'vn' && /(?:校|学|园|院|中|小)/u.test(after?.text ?? '')) || (clauseEnd && /(?:校|学|园|中|院|室)$/u.test(prev.text)) ? result : undefined;
  if (ambiguous) {
    // 重点户, 为群众所认可, 种粮食, 旅游人次: bare only after a verb of two characters or more, at the end or before a noun.
    // 「转预备党员名」: 名 at the end after a noun.
    if (unit === '名' && clauseEnd && nominal(prev) && prev.text.length >= 2) return result;
    if (prev.pos !== 'v' || prev.text.length < 2) return undefined;
    // 「完成困难重度残疾人家庭无障碍改造户」: at the end of a clause that counts.
    if ((unit === '户' || unit === '处') && clauseEnd && hasFigures(text) && tokens.slice(0, k - 1).some((t) => COUNTING_VERB_WORDS.has(t.text))) return result;
    if (unit === '户' || unit === '处') return nounAfter && (after as Token).text.length > 1 ? result : undefined;
    if (unit === '所') return after !== undefined && !/^(?:v|vn|vd|d|ad|p|uj|x)$/u.test(after.pos) ? result : clauseEnd ? result : undefined;
    // 「举办名中医惠老服务活动1000场」: the clause counts its noun later; the unit before the noun is a word (名中医).
    if (nounAfter && FIGURES_RE.test(text.slice(from + end, from + (tokens[tokens.length - 1] as Token).end))) return undefined;
    if (unit === '批' || unit === '张') return nounAfter && !postAfter && (after as Token).pos !== 'vn' && (after as Token).text.length > 1 ? result : undefined;
    return after === undefined || (nounAfter && (after as Token).text.length > 1) ? result : undefined;
  }
  if (nounAfter && nominal(prev) && !BETWEEN_NOUNS.has(unit)) return undefined;
  // 「明确公共项。」: at the end after a noun only where the paragraph counts.
  if (clauseEnd && nominal(prev) && !hasFigures(text) && !COUNTING_START.test(text.slice(from))) return undefined;
  if (unit === '次' && nounAfter) return undefined; // 次中心, 次干道
  if (prev.pos === 'q' || prev.pos === 'mq') return undefined;
  return result;
}

/** Figures in the text: digits, or a Chinese numeral before a measure word (「十五个」). */
const FIGURES_RE = /[0-9０-９]|[一二两三四五六七八九十百千万亿]{1,6}(?:[个项件家条名次所户人元种座台]|万|亿)/u;
/**
 * Questions asked of the whole paragraph at each candidate, answered once per paragraph text (a long line
 * with many candidates stays linear).
 */
let askedOf = '';
const answers = new Map<string, boolean>();
function once(text: string, question: string, answer: () => boolean): boolean {
  if (text !== askedOf) {
    askedOf = text;
    answers.clear();
  }
  let a = answers.get(question);
  if (a === undefined) answers.set(question, (a = answer()));
  return a;
}

/** Inside a title 「《…》」 at a position (a title is short: looked for within 60 characters). */
function inTitle(text: string, at: number): boolean {
  const window = text.slice(Math.max(0, at - 60), at);
  return window.lastIndexOf('《') > window.lastIndexOf('》');
}

function hasFigures(text: string): boolean {
  return once(text, 'figures', () => FIGURES_RE.test(text));
}

/** The paragraph counts: in this unit elsewhere (「8所」「120人」「三种」), or in figures around the place. */
function countsIn(text: string, unit: string): boolean {
  if (unit !== '所' && hasFigures(text)) return true;
  return once(text, `counts:${unit}`, () => {
    for (let at = text.indexOf(unit); at >= 0; at = text.indexOf(unit, at + 1)) {
      if (at > 0 && NUMERAL_END.test(text.charAt(at - 1))) return true;
    }
    return false;
  });
}

/** The paragraph counts in this very unit: 「5户」「100所」 after a numeral somewhere in it. */
function strictlyCounts(text: string, unit: string): boolean {
  return once(text, `strictly:${unit}`, () => {
    for (let at = text.indexOf(unit); at >= 0; at = text.indexOf(unit, at + 1)) {
      if (at > 0 && NUMERAL_END.test(text.charAt(at - 1)) && text.charAt(at - 1) !== '几') return true;
    }
    return false;
  });
}

/** Words that may open a counted item: nouns, and the 县 (zg), 本科 (r) jieba tags otherwise. */
function startsItem(t: Token): boolean {
  return nominal(t) || t.pos === 'zg' || t.pos === 'ng' || t.pos === 'r' || t.pos === 'm' || t.pos === 'eng';
}

/** The item before a 、 holds a figure: 「新增2个国家区域医疗中心、个国家临床重点专科」. */
function itemHasFigure(text: string, from: number): boolean {
  // (The item before, back to its 、 ， ； or 。 — within a window: an item is short.)
  const before = text.slice(Math.max(0, from - 1 - 60), Math.max(0, from - 1));
  const cut = Math.max(before.lastIndexOf('、'), before.lastIndexOf('，'), before.lastIndexOf('；'), before.lastIndexOf('。'));
  return /[0-9０-９]/u.test(before.slice(cut + 1));
}

/** 企业家, 店家, 厂家 at the end of an item, where the paragraph counts in 家: the noun (企业, 饭店, 工厂) and a bare 家. */
function hiddenJia(text: string, from: number, tokens: readonly Token[], k: number): boolean {
  const tok = tokens[k] as Token;
  if (tok.text.length < 2 || !tok.text.endsWith('家') || !NOMINAL.has(tok.pos)) return false;
  // 国家, 大家, 专家, 人家: words in their own right (「工业— 农业国家」), not a noun and a count's 家.
  if (frequentWord(tok.text, 5000)) return false;
  const after = tokens[k + 1];
  if (after !== undefined && !POST.has(after.text)) return false;
  const head = tok.text.slice(0, -1);
  const joined = (tokens[k - 1]?.text ?? '') + head;
  if (!(head.length >= 2 && isNoun(head)) && !isNoun(joined.slice(-2)) && !isNoun(joined)) return false;
  // 「外资企业家」「四星级饭店家」, not 「服务企业家」: a modifier before, no verb.
  const prev = tokens[k - 1];
  // (After a verb too, in a clause that counts: 「新增入驻企业家」.)
  const counting = tokens.slice(0, k).some((t) => COUNTING_VERB_WORDS.has(t.text));
  if (prev === undefined || prev.pos === 'x' || (prev.pos.startsWith('v') && !counting)) return false;
  // (The paragraph counts in 家, or the item is one of a 、 list of counts: 「…专精特新中小企业100户、高新技术企业家。」.)
  const listed = from > 0 && text.charAt(from - 1) === '、' && hasFigures(text.slice(Math.max(0, from - 20), from));
  return (once(text, 'jia', () => /[0-9０-９]家/u.test(text)) || listed || (counting && hasFigures(text))) && !/(?:精神|队伍)/u.test(text.slice(from + tok.end, from + tok.end + 3));
}

/**
 * The measure word is the end of a word the segmentation cut: the character before it makes a frequent
 * word with it (受援国|家 is 受援国家, 国家), or it stands among single characters of a word the
 * dictionary lacks (厚|植|家|国 of 厚植家国情怀, 泛|铝|件 of 泛铝件).
 */
function splitWord(tokens: readonly Token[], k: number): boolean {
  const tok = tokens[k] as Token;
  const prev = tokens[k - 1];
  if (!prev || prev.pos === 'x' || prev.pos === 'm') return false;
  // Units that are also words of their own (套, 所, 户 …) join more readily: 排成|套 of 成套装备.
  if (prev.text.length >= 2 && frequentWord(prev.text.slice(-1) + tok.text, AMBIGUOUS.has(tok.text) ? 100 : 5000)) return true;
  const pprev = tokens[k - 2];
  const single = (t: Token | undefined): boolean => t !== undefined && t.end - t.start === 1 && HAS_HAN.test(t.text) && t.pos !== 'x';
  // A noun character after an adjective or verb character: 厚/a 植/n 家, 泛/v 铝/n 件 (not 已/d 达/v 个, 哈克村/ns 等/u 个).
  return single(prev) && single(pprev) && (prev.pos === 'n' || prev.pos === 'ng') && /^(?:a|v|ad|vd|d)$/u.test((pprev as Token).pos) && !DETERMINERS.has((pprev as Token).text);
}

/** A two-character word of the lexicon of at least that frequency (国家 79,133, 大家 19,128, 成套 154). */
function frequentWord(word: string, frequency: number): boolean {
  const lex = getLexicon();
  const node = lex.find(word);
  return node >= 0 && lex.logProb(node) - lex.unknownLogProb >= Math.log(frequency);
}

function isNoun(word: string): boolean {
  const tag = tagOf(word);
  return tag !== undefined && NOMINAL.has(tag);
}

function nominal(t: Token): boolean {
  return NOMINAL.has(t.pos);
}

/** 「增长64.8％、％」「845亿元、亿元」: the item before the 、 holds a figure. */
function emptyItemAfterFigure(text: string, from: number): boolean {
  const before = text.slice(Math.max(0, from - 12), from);
  return /[0-9０-９零一二两三四五六七八九十百千][^，,、；;。]{0,6}、$/u.test(before) && !/单位/u.test(before);
}
