import { sentencesOf } from '../model/statements';
import { t } from '../i18n';
import { defineRule, type Finding } from './types';

/**
 * Rates and shares that cannot exceed 100 %. Growth (增长率, 增速, 涨幅) may, and so may rates measured
 * against a plan (完成率, 开工率, 落实率: 「招商引资完成率112％」 is an over-fulfilled target), so they are not listed.
 */
const CAPPED =
  /(?:满意|覆盖|办结|合格|达标|普及|入学|参保|出勤|通过|及格|优良|执行|到位|知晓|建成|处置|化解|结案|回复|答复|入园|巩固|升学|就业|签约|接通|受理|上线|在线|投保|接种|检出|治愈|正确|准确|成功|有效|收集|处理|城镇化|绿化|办理|利用|使用|参合|覆盖|留存|保有|录取|整改|兑现|见面|响应|清零|销号|参与|好评|安装)率|满意度|占比|比重|比例|份额|占[^，。；、]{0,12}?的?(?:比重|比例)?/gu;
/** A share of a plan, a budget or an earlier period can exceed it: 「支出占预算数的106.48％」「收入占上年的112％」. */
const OVER_BASE = /预算(?!支出|收入)|计划|任务|目标|指标|定额|核定|上年|去年|同期|基期/u;
const CHANGE = /增长|增加|增幅|增速|提高|提升|上升|下降|降低|减少|回落|同比|环比|年均|幅度/u;

export const percentRange = defineRule({
  id: 'percent-range',
  defaultSeverity: 'error',
  description: {
    en: 'A rate or share over 100 %: 满意率达108％ (growth over 100 % is fine).',
    zh: '不可能超过100%的比率或占比超过了100%（如“满意率达108％”）；增长率不在此列。',
  },
  tags: ['numbers'],
  fixable: 'none',
  options: {},
  check(model, _options, token) {
    const out: Finding[] = [];
    for (const sentence of sentencesOf(model)) {
      if (token?.isCancellationRequested) return [];
      for (const f of sentence.figures) {
        if (f.kind !== 'percent' || Math.max(f.value, f.high ?? 0) <= 100) continue;
        // The words before the figure in its statement, back to the last ，；： (a 、 list shares one subject).
        const lead = sentence.text.slice(0, f.from - sentence.start);
        const cut = Math.max(lead.lastIndexOf('，'), lead.lastIndexOf('；'), lead.lastIndexOf('：'), lead.lastIndexOf(','));
        const subject = lead.slice(cut + 1);
        let keyword: RegExpExecArray | undefined;
        CAPPED.lastIndex = 0;
        for (let m = CAPPED.exec(subject); m; m = CAPPED.exec(subject)) keyword = m;
        if (!keyword) continue;
        const between = subject.slice(keyword.index + keyword[0].length);
        // 「满意率提高8个百分点」 is a change; 「满意率提升至98.98％」 is the rate itself.
        if (CHANGE.test(between) && !/(?:至|到|为)$/u.test(between)) continue;
        if (CHANGE.test(keyword[0])) continue;
        if (keyword[0].startsWith('占') && OVER_BASE.test(subject.slice(keyword.index))) continue;
        out.push({
          range: f.range,
          message: t('"{0}" cannot exceed 100%, but it is {1}.', keyword[0].replace(/的$/u, ''), f.text),
          data: { value: f.value },
        });
      }
    }
    return out;
  },
});
