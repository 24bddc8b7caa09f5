import * as l10n from '@vscode/l10n';

export type Lang = 'en' | 'zh';

/**
 * Chinese translations, one file per area under l10n/zh-cn/ (the English text is the key).
 * esbuild bundles every file the pattern matches; the build also merges them into
 * l10n/bundle.l10n.zh-cn.json for the client's vscode.l10n.
 */
const AREAS = ['core', 'structure', 'numbers', 'writing', 'preview', 'export', 'proofreading', 'files'];

function loadZh(): Record<string, string> {
  const bundle: Record<string, string> = {};
  for (const area of AREAS) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      Object.assign(bundle, require(`../../../../l10n/zh-cn/${area}.json`) as Record<string, string>);
    } catch {
      // an area without translations yet
    }
  }
  return bundle;
}

let current: Lang = 'en';
let zh: Record<string, string> | undefined;

/** Chooses the language of messages: Chinese for zh-* locales, English otherwise. */
export function setLanguage(locale: string | undefined): Lang {
  current = locale && /^zh/i.test(locale) ? 'zh' : 'en';
  if (current === 'zh') zh ??= loadZh();
  l10n.config({ contents: current === 'zh' ? (zh ?? {}) : {} });
  return current;
}

export function language(): Lang {
  return current;
}

/** A localised message: the English text is the key, `{0}` … are replaced by the arguments. */
export function t(message: string, ...args: Array<string | number>): string {
  return l10n.t(message, ...args);
}

/** The Chinese bundle (for tests that check every message has a translation). */
export function chineseBundle(): Record<string, string> {
  zh ??= loadZh();
  return zh;
}
