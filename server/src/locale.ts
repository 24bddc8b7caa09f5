/**
 * The locale of the environment (LC_ALL, then LC_MESSAGES, then LANG, then the runtime's), for the
 * language of messages: the CLI's default, and the server's when the client sends no `locale`.
 */
export function envLocale(): string | undefined {
  const env = process.env;
  return env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || Intl.DateTimeFormat().resolvedOptions().locale;
}
