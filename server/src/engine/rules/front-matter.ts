import { t } from '../i18n';
import { defineRule, type Finding } from './types';

/** Front matter that is not terminated by `---` or is not valid YAML. */
export const frontMatter = defineRule({
  id: 'front-matter',
  defaultSeverity: 'error',
  description: {
    en: 'Front matter that is not terminated or not valid YAML.',
    zh: '文档头（front matter）未结束或不是有效的 YAML。',
  },
  tags: ['front-matter'],
  fixable: 'none',
  options: {},
  check(model) {
    const fm = model.frontMatter;
    const out: Finding[] = [];
    if (!fm) return out;
    if (!fm.terminated) {
      out.push({ range: fm.range, message: t('Front matter is not terminated: add a line "---" after its fields.') });
    } else if (fm.error) {
      out.push({ range: fm.error.range, message: t('Front matter is not valid YAML: {0}', fm.error.message) });
    }
    return out;
  },
});
