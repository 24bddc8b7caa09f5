/** Units and measure words that follow figures in Chinese reports, and what kind of quantity each makes. */

import type { FigureKind } from '../../../../common/protocol';

/**
 * What a figure is (defined with the protocol): count 件 次 人 个 (additive), amount 元 美元 (additive),
 * measure 吨 亩 公里 小时 (physical quantities and durations), percent % ％ ‰ 百分之, points 个百分点,
 * multiple 倍, plain a bare number (收入比2.54).
 */
export type { FigureKind };

/** Measure words of counted things. Longer ones first where they share a prefix. */
export const COUNT_UNITS = [
  '人次', '批次', '户次', '家次', '件次', '架次', '车次', '班次', '场次', '个次', '项次',
  '个', '项', '件', '次', '人', '名', '位', '家', '户', '条', '份', '辆', '篇', '所', '座', '批', '场', '起', '台', '套',
  '部', '本', '册', '支', '块', '处', '栋', '间', '张', '只', '头', '株', '棵', '列', '架', '艘', '节', '门', '类', '组',
  '队', '例', '宗', '笔', '首', '幅', '村', '镇', '乡', '县', '校', '床', '箱', '种', '款', '口', '期',
];

export const AMOUNT_UNITS = ['美元', '欧元', '港元', '元'];

export const MEASURE_UNITS = [
  '平方公里', '平方千米', '平方米', '立方米', '千瓦时', '吉瓦时', '兆瓦时', '千瓦', '吉瓦', '兆瓦', '千伏', '马力', '标准煤', '标箱', '公里', '千米',
  '公顷', '公斤', '千克', '毫米', '厘米', '英寸', '个工作日', '工作日', '个小时', '个月', '小时', '分钟', '周岁', '岁', '吨', '亩', '米', '克', '方', '度', '天', '年',
];

export const PERCENT_UNITS = ['%', '％', '‰'];
export const POINT_UNITS = ['个百分点', '百分点'];

/** Units that are not figures: dates and ordinals written after a number. */
export const NON_FIGURE_FOLLOWERS = /^(?:月|日|号|时|点\d|季度|世纪|年代|届|级|大(?![于])|周年|号线)/u;

const ALL = (
  [
    ...POINT_UNITS.map((u): [string, FigureKind] => [u, 'points']),
    ...PERCENT_UNITS.map((u): [string, FigureKind] => [u, 'percent']),
    ['倍', 'multiple'],
    ...AMOUNT_UNITS.map((u): [string, FigureKind] => [u, 'amount']),
    ...MEASURE_UNITS.map((u): [string, FigureKind] => [u, 'measure']),
    ...COUNT_UNITS.map((u): [string, FigureKind] => [u, 'count']),
  ] as Array<[string, FigureKind]>
).sort((a, b) => b[0].length - a[0].length);

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Alternation of every unit, longest first (for building regular expressions). */
export const UNIT_ALTERNATION = ALL.map(([u]) => escape(u)).join('|');

export function unitKind(unit: string): FigureKind {
  if (unit === '') return 'plain';
  const found = ALL.find(([u]) => u === unit);
  return found ? found[1] : 'measure';
}

/** Additive kinds: parts of a total in these units add up to the total. */
export function isAdditive(kind: FigureKind): boolean {
  return kind === 'count' || kind === 'amount' || kind === 'measure';
}
