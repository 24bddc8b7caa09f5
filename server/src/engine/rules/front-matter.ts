import { t } from '../i18n';
import type { Finding, Rule } from './types';

/** Front matter that is not terminated by `---` or is not valid YAML. */
export const frontMatter: Rule = {
  id: 'front-matter',
  defaultSeverity: 'error',
  description: 'Front matter that is not terminated or not valid YAML.',
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
};
