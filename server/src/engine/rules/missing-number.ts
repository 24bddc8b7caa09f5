import { bareUnitsOf } from '../model/bare-units';
import type { ReportModel } from '../model/types';
import { t } from '../i18n';
import { defineRule, type Finding } from './types';

function finding(model: ReportModel, line: number, col: number, end: number, unit: string): Finding {
  return {
    range: model.index.range(line, col, end),
    message: t('Missing number: "{0}" follows no number.', unit),
    fixes: [{ title: t('Insert the missing number'), edits: [{ range: model.index.range(line, col, col), newText: 'XX' }] }],
    data: { unit },
  };
}

export const missingNumber = defineRule({
  id: 'missing-number',
  defaultSeverity: 'error',
  description: {
    en: 'A measure word or unit with no number: 收到上级交办信访事项件，办结118件; 对全区个景区景点; 家以上企业; 同比增长%.',
    zh: '量词或单位前缺少数字（如“收到上级交办信访事项件”“对全区个景区景点”“家以上企业”“同比增长%”）。',
  },
  tags: ['numbers'],
  fixable: 'suggestion',
  options: {},
  check(model, _options, token) {
    if (token?.isCancellationRequested) return [];
    return bareUnitsOf(model).map((b) => finding(model, b.line, b.start, b.end, b.unit));
  },
});
