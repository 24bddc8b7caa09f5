import * as l10n from '@vscode/l10n';
import zhBundle from '../../../../l10n/bundle.l10n.zh-cn.json';

export type Lang = 'en' | 'zh';

let current: Lang = 'en';

/** Chooses the language of messages: Chinese for zh-* locales, English otherwise. */
export function setLanguage(locale: string | undefined): Lang {
  current = locale && /^zh/i.test(locale) ? 'zh' : 'en';
  l10n.config({ contents: current === 'zh' ? (zhBundle as Record<string, string>) : {} });
  return current;
}

export function language(): Lang {
  return current;
}

/** A localised message: the English text is the key, `{0}` … are replaced by the arguments. */
export function t(message: string, ...args: Array<string | number>): string {
  return l10n.t(message, ...args);
}
