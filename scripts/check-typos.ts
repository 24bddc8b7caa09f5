/**
 * Checks the word list of the `typo` rule (server/src/engine/data/typos.tsv):
 *  1. parses and validates it (format, duplicates, wrong = right, a wrong form inside a right form of
 *     the list, undefined source codes, overlapping entries);
 *  2. searches every text of the shared corpus, the shared examples and tests/fixtures/real for every
 *     wrong form, in one pass per text (an Aho-Corasick automaton), and prints each occurrence with
 *     10 characters of context either side; occurrences that were investigated are marked with their
 *     verdict (KNOWN below), any other one makes the run fail;
 *  3. prints the number of entries per source.
 *
 *   node -r ./tests/register.js scripts/check-typos.ts [--tsv <file>] [--quiet] [dir…]
 *   (default dirs: ../shared/corpus ../shared/examples tests/fixtures/real; exit 1 on an error or an
 *   unexplained occurrence)
 */
import * as fs from 'fs';
import * as path from 'path';
import { Automaton } from '../server/src/engine/util/automaton';
import { explain, KNOWN } from './check-typos-known';

export { Automaton };

export interface TypoEntry {
  wrong: string;
  right: string;
  source: string;
  notes: string[];
  line: number;
}

export interface ParsedList {
  entries: TypoEntry[];
  sources: Map<string, string>;
  errors: string[];
  warnings: string[];
}

const SOURCE_LINE = /^# source (\S+) = (.+)$/;
const HAN = /^\p{Script=Han}+$/u;

/** Parses the TSV text and validates it; never throws. */
export function parseTypos(text: string): ParsedList {
  const entries: TypoEntry[] = [];
  const sources = new Map<string, string>();
  const errors: string[] = [];
  const warnings: string[] = [];
  if (text.charCodeAt(0) === 0xfeff) errors.push('line 1: byte order mark');
  const lines = text.split('\n');
  const byWrong = new Map<string, TypoEntry>();
  lines.forEach((raw, i) => {
    const n = i + 1;
    if (raw.endsWith('\r')) errors.push(`line ${n}: CR line end`);
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    if (line.startsWith('#')) {
      const m = SOURCE_LINE.exec(line);
      const [, code, name] = m ?? [];
      if (code !== undefined && name !== undefined) {
        if (sources.has(code)) errors.push(`line ${n}: source ${code} defined twice`);
        sources.set(code, name);
      }
      return;
    }
    const cols = line.split('\t');
    if (cols.length < 3 || cols.length > 4) return void errors.push(`line ${n}: ${cols.length} columns, not 3 or 4`);
    if (cols.some((c) => c !== c.trim() || c === '')) return void errors.push(`line ${n}: empty column or stray space`);
    const [wrong = '', right = '', source = '', note] = cols;
    if (!HAN.test(wrong) || !HAN.test(right)) errors.push(`line ${n}: ${wrong}/${right} is not Han characters only`);
    if (wrong === right) errors.push(`line ${n}: wrong form = right form (${wrong})`);
    const entry: TypoEntry = { wrong, right, source, notes: note ? note.split(/;\s*/) : [], line: n };
    const dup = byWrong.get(wrong);
    if (dup) errors.push(`line ${n}: ${wrong} already on line ${dup.line}`);
    else byWrong.set(wrong, entry);
    entries.push(entry);
  });
  for (const e of entries) {
    if (!sources.has(e.source)) errors.push(`line ${e.line}: source ${e.source} is not defined`);
  }
  const used = new Set(entries.map((e) => e.source));
  for (const code of sources.keys()) if (!used.has(code)) warnings.push(`source ${code} is defined but unused`);
  // A wrong form inside a right form of the list would be reported in the correction itself.
  const hits = new Automaton(entries.map((e) => e.wrong));
  for (const e of entries) {
    for (const { index } of hits.search(e.right)) {
      const w = entries[index];
      if (!w || (w === e && e.wrong === e.right)) continue;
      errors.push(`line ${w.line}: wrong form ${w.wrong} occurs in the right form ${e.right} (line ${e.line})`);
    }
    for (const { index } of hits.search(e.wrong)) {
      const inner = entries[index];
      if (inner && inner !== e) warnings.push(`line ${e.line}: ${e.wrong} contains the wrong form ${inner.wrong} (line ${inner.line})`);
    }
  }
  return { entries, sources, errors, warnings };
}

/** `n` code points of context either side of [start, end), line breaks shown as ⏎. */
function context(text: string, start: number, end: number, n = 10): string {
  const before = Array.from(text.slice(Math.max(0, start - 2 * n), start)).slice(-n).join('');
  const after = Array.from(text.slice(end, end + 2 * n)).slice(0, n).join('');
  const clean = (s: string) => s.replace(/\r?\n/g, '⏎');
  return `${clean(before)}【${text.slice(start, end)}】${clean(after)}`;
}

function textsIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) out.push(...textsIn(p));
    else if (/\.(txt|md|report)$/.test(name) && name !== 'README.md') out.push(p);
  }
  return out;
}

function main(): number {
  const root = path.resolve(__dirname, '..');
  const args = process.argv.slice(2);
  const quiet = args.includes('--quiet');
  const t = args.indexOf('--tsv');
  const tsv = t >= 0 && args[t + 1] ? path.resolve(args[t + 1] as string) : path.join(root, 'server/src/engine/data/typos.tsv');
  const dirArgs = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--tsv');
  const dirs = dirArgs.length > 0 ? dirArgs.map((d) => path.resolve(d))
    : [path.resolve(root, '../shared/corpus'), path.resolve(root, '../shared/examples'), path.join(root, 'tests/fixtures/real')];

  const list = parseTypos(fs.readFileSync(tsv, 'utf8'));
  for (const e of list.errors) console.log(`error: ${e}`);
  if (!quiet) for (const w of list.warnings) console.log(`warning: ${w}`);

  const automaton = new Automaton(list.entries.map((e) => e.wrong));
  const files = dirs.flatMap(textsIn);
  let chars = 0;
  let unexplained = 0;
  const used = new Set<number>();
  const perVerdict = new Map<string, number>();
  const perEntry = new Map<string, number>();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    chars += text.length;
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
    for (const { index, start } of automaton.search(text)) {
      const e = list.entries[index];
      if (!e) continue;
      let line = lineStarts.length - 1;
      while ((lineStarts[line] ?? 0) > start) line--;
      const found = explain(path.basename(file), text, start, e.wrong);
      if (found) {
        used.add(found.index);
        perVerdict.set(found.known.verdict, (perVerdict.get(found.known.verdict) ?? 0) + 1);
      } else unexplained++;
      perEntry.set(e.wrong, (perEntry.get(e.wrong) ?? 0) + 1);
      const flags = [e.source, ...e.notes.filter((x) => x === 'boundary' || x === 'variant')].join(' ');
      console.log(`${path.relative(root, file)}:${line + 1}:${start - (lineStarts[line] ?? 0) + 1}  ${e.wrong}→${e.right} [${flags}]  ${context(text, start, start + e.wrong.length)}`);
      console.log(`    ${found ? `${found.known.verdict}: ${found.known.why}` : 'UNEXPLAINED: investigate, then fix the list or record the verdict in scripts/check-typos-known.ts'}`);
    }
  }
  const stale = KNOWN.filter((_, i) => !used.has(i));
  for (const k of stale) console.log(`warning: known occurrence «${k.context}» was not found`);

  const perSource = new Map<string, number>();
  for (const e of list.entries) perSource.set(e.source, (perSource.get(e.source) ?? 0) + 1);
  console.log(`\nentries: ${list.entries.length} (boundary: ${list.entries.filter((e) => e.notes.includes('boundary')).length})`);
  for (const [code, n] of [...perSource].sort((a, b) => b[1] - a[1])) console.log(`  ${code.padEnd(9)} ${String(n).padStart(4)}`);
  const occurrences = [...perEntry.values()].reduce((a, b) => a + b, 0);
  console.log(`texts: ${files.length} (${chars} UTF-16 units); occurrences: ${occurrences} of ${perEntry.size} entries, ${unexplained} unexplained`);
  for (const [v, n] of perVerdict) console.log(`  ${v.padEnd(9)} ${String(n).padStart(4)}`);
  console.log(`errors: ${list.errors.length}, warnings: ${list.warnings.length + stale.length}`);
  return list.errors.length > 0 || unexplained > 0 || files.length === 0 ? 1 : 0;
}

if (require.main === module) process.exitCode = main();
