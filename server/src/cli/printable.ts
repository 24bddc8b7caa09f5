/**
 * What the command-line tools print of text they did not write themselves — report text, titles,
 * file names, messages that quote the report — cannot drive the terminal: C0 controls (but tab),
 * DEL and C1 controls are written as visible escapes (`\x1B`, `\n`, `\x9B`). A title holding
 * `ESC]0;…BEL` cannot set the window title, `ESC[2J` cannot clear the screen, and a file name
 * with a line break cannot forge an output line.
 */

/** Cc: U+0000–U+001F, U+007F–U+009F; tab stays. */
const CONTROLS = /(?!\t)\p{Cc}/gu;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r' };

const escape = (c: string): string => NAMED[c] ?? `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

/** Text for a terminal line: controls escaped. */
export function printable(text: string): string {
  return text.replace(CONTROLS, escape);
}

/** A cell of CSV output: controls escaped, but tab and line breaks (which CSV quotes). */
export function printableCell(text: string): string {
  return text.replace(/(?![\t\n\r])\p{Cc}/gu, escape);
}

/**
 * JSON text with DEL and the C1 controls written as `\u` escapes (JSON.stringify escapes only the
 * C0 ones): the same data, and nothing a terminal would act on when the JSON is printed.
 */
export function printableJson(json: string): string {
  return json.replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
