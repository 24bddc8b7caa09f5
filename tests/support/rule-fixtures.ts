/**
 * The fixtures of one rule: tests/fixtures/rules/<id>/positive-*.report.md (real-style text with
 * every range the rule must report marked ⟦like this⟧; ⟦⟧ marks an empty range) and
 * negative-*.report.md (text on which the rule must report nothing). The markers are not part of
 * the text the rule sees.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Range } from 'vscode-languageserver-types';

export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'rules');

export interface RuleFixture {
  readonly name: string;
  readonly text: string;
}

export function ruleFixtures(id: string): { positive: RuleFixture[]; negative: RuleFixture[] } {
  const dir = path.join(FIXTURES, id);
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
  const read = (prefix: string): RuleFixture[] => files.filter((f) => f.startsWith(prefix) && f.endsWith('.report.md')).map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
  return { positive: read('positive-'), negative: read('negative-') };
}

const OPEN = '⟦';
const CLOSE = '⟧';

/** The text without its markers, and the ranges they marked (0-based lines, UTF-16 columns; CRLF and CR end lines). */
export function expectedRanges(marked: string): { text: string; ranges: Range[] } {
  let text = '';
  const ranges: Range[] = [];
  let line = 0;
  let character = 0;
  let open: { line: number; character: number } | undefined;
  for (let i = 0; i < marked.length; i++) {
    const c = marked.charAt(i);
    if (c === OPEN) {
      if (open) throw new Error(`nested ${OPEN} at ${line + 1}:${character + 1}`);
      open = { line, character };
      continue;
    }
    if (c === CLOSE) {
      if (!open) throw new Error(`${CLOSE} without ${OPEN} at ${line + 1}:${character + 1}`);
      ranges.push({ start: open, end: { line, character } });
      open = undefined;
      continue;
    }
    text += c;
    if (c === '\n' || (c === '\r' && marked.charAt(i + 1) !== '\n')) {
      line++;
      character = 0;
    } else if (c !== '\r') {
      character++;
    }
  }
  if (open) throw new Error(`unclosed ${OPEN} at ${open.line + 1}:${open.character + 1}`);
  return { text, ranges };
}
