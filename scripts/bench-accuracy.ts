/**
 * `npm run bench:accuracy`: how accurate the rules are on real text. A script, not a test: it prints
 * figures (record a run in docs/accuracy.md).
 *
 * 1. Precision: every rule on the 41 published reports of ../shared/corpus, which are carefully
 *    edited: nearly every warning or error there is a false alarm. Per rule and per 50,000 characters.
 *    On the 5 examples: findings beyond their known defects (tests/fixtures/real/expected.json).
 * 2. The outline of each example against its truth/*.json.
 * 3. Recall: each injector (scripts/accuracy/injectors/) makes one defect at a time in the real texts
 *    (a count's number deleted, a part of a total altered, …); the share its rule finds at the place.
 *
 * 4. With `--extra <folder>` (repeatable): precision on the .txt files of another folder of published
 *    reports (reports the rules were not tuned on), per rule and per 50,000 characters, printed apart
 *    from the corpus's; `--list <rule>` lists that rule's findings there too (`--list loud`: every
 *    warning and error of any rule). The default run is unchanged.
 *
 *   node -r ./tests/register.js scripts/bench-accuracy.ts [--max N] [--list <rule>] [--misses <injector> [--show N]] [--only <injector>] [--no-recall] [--extra <folder>]… [--json]
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildModel, DEFAULT_CONFIG, flatHeadings, RULES, runRules, type Rule, type RuleDiagnostic } from '../server/src/engine';
import { INJECTORS, type Defect, type Injector } from './accuracy/injectors';
import { loadFolder, loadMarkdown, loadTexts, markdownTruthOf, truthOf, type BenchText } from './accuracy/texts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const MAX = Number(option('--max') ?? 1500);
const LIST = option('--list');
const MISSES = option('--misses');
const ONLY = option('--only');
const SHOW = Number(option('--show') ?? 40);
const JSON_OUT = args.includes('--json');
/** Precision only: no injector is run (a quick look while working on false alarms). */
const NO_RECALL = args.includes('--no-recall');
/** Every folder given with --extra. */
const EXTRA = args.flatMap((a, i) => (a === '--extra' && args[i + 1] !== undefined ? [args[i + 1] as string] : []));
const PER = 50_000;

const log = (s = ''): void => {
  if (!JSON_OUT) process.stdout.write(s + '\n');
};
const pad = (s: string | number, n: number): string => String(s).padEnd(n);
const lpad = (s: string | number, n: number): string => String(s).padStart(n);

interface Precision {
  readonly chars: number;
  readonly byRule: Record<string, { error: number; warning: number; info: number; hint: number }>;
  readonly findings: Array<{ file: string; d: RuleDiagnostic }>;
}

function precision(texts: readonly BenchText[]): Precision {
  const byRule: Precision['byRule'] = Object.fromEntries(RULES.map((r) => [r.id, { error: 0, warning: 0, info: 0, hint: 0 }]));
  const findings: Precision['findings'] = [];
  let chars = 0;
  for (const t of texts) {
    chars += t.text.length;
    for (const d of runRules(t.model, DEFAULT_CONFIG)) {
      const counts = byRule[d.rule.id];
      if (counts) counts[d.severity]++;
      findings.push({ file: t.name, d });
    }
  }
  return { chars, byRule, findings };
}

const loud = (c: { error: number; warning: number }): number => c.error + c.warning;

function printPrecision(p: Precision, where = '../shared/corpus'): void {
  log(`## Precision on ${where}: ${p.findings.length} findings on ${p.chars.toLocaleString('en')} characters`);
  log();
  log(`${pad('rule', 24)}${lpad('error', 7)}${lpad('warning', 9)}${lpad('info', 6)}${lpad('hint', 6)}${lpad('w+e / 50k', 11)}`);
  let total = 0;
  for (const r of RULES) {
    const c = p.byRule[r.id] ?? { error: 0, warning: 0, info: 0, hint: 0 };
    total += loud(c);
    if (c.error + c.warning + c.info + c.hint === 0) continue;
    log(`${pad(r.id, 24)}${lpad(c.error, 7)}${lpad(c.warning, 9)}${lpad(c.info, 6)}${lpad(c.hint, 6)}${lpad(((loud(c) * PER) / p.chars).toFixed(2), 11)}`);
  }
  log(`${pad('all rules', 24)}${lpad('', 28)}${lpad(((total * PER) / p.chars).toFixed(2), 11)}  (${total} warnings and errors)`);
  const byTag = new Map<string, number>();
  for (const r of RULES) for (const tag of r.tags) byTag.set(tag, (byTag.get(tag) ?? 0) + loud(p.byRule[r.id] ?? { error: 0, warning: 0 }));
  log(`by tag (w+e / 50k): ${[...byTag].map(([tag, n]) => `${tag} ${((n * PER) / p.chars).toFixed(2)}`).join(', ')}`);
  log();
}

function listFindings(p: Precision, texts: readonly BenchText[], rule: string, where = 'the corpus'): void {
  const byName = new Map(texts.map((t) => [t.name, t]));
  log(`## Findings of ${rule} on ${where}`);
  for (const { file, d } of p.findings.filter((f) => (rule === 'loud' ? f.d.severity === 'error' || f.d.severity === 'warning' : f.d.rule.id === rule))) {
    const r = d.finding.range;
    const line = byName.get(file)?.model.index.line(r.start.line).text ?? '';
    const end = r.end.line === r.start.line ? r.end.character : line.length;
    log(`${file}:${r.start.line + 1}:${r.start.character + 1} ${rule === 'loud' ? `${d.rule.id} ` : ''}${d.severity} ${d.finding.message}`);
    log(`    …${line.slice(Math.max(0, r.start.character - 30), r.start.character)}⟦${line.slice(r.start.character, end)}⟧${line.slice(end, end + 30)}…`);
  }
  log();
}

/** Findings on the examples that tests/fixtures/real/expected.json does not list (its known defects). */
function beyondKnown(examples: readonly BenchText[]): string[] {
  const expected = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'tests', 'fixtures', 'real', 'expected.json'), 'utf8')) as Record<string, Array<{ rule: string; line: number; text: string }> | string>;
  const out: string[] = [];
  for (const t of examples) {
    const list = expected[t.name];
    const known = (Array.isArray(list) ? list : []).map((e) => `${e.rule}@${e.line}:${e.text}`);
    for (const d of runRules(t.model, DEFAULT_CONFIG)) {
      const r = d.finding.range;
      const line = t.model.index.line(r.start.line).text;
      const key = `${d.rule.id}@${r.start.line + 1}:${line.slice(r.start.character, r.end.line === r.start.line ? r.end.character : undefined)}`;
      const at = known.indexOf(key);
      if (at >= 0) known.splice(at, 1);
      else out.push(`${t.name}:${r.start.line + 1}:${r.start.character + 1} ${d.rule.id} ${d.severity}: ${d.finding.message}`);
    }
  }
  return out;
}

function outlineAgreement(examples: readonly BenchText[], truthFor: (name: string) => Pick<ReturnType<typeof truthOf>, 'outline'> = truthOf): Array<{ file: string; truth: number; same: number; extra: number }> {
  return examples.map((t) => {
    const truth = truthFor(t.name).outline.map((h) => JSON.stringify([h.level, h.number, h.marker, h.title, h.line, h.runin]));
    const got = flatHeadings(t.model).map((h) => JSON.stringify([h.level, h.number, h.marker, h.title, h.line, h.runin]));
    const same = got.filter((g) => truth.includes(g)).length;
    return { file: t.name, truth: truth.length, same, extra: got.length - same };
  });
}

interface Recall {
  readonly injector: Injector;
  readonly made: number;
  readonly tried: number;
  readonly found: number;
  readonly misses: Array<{ file: string; defect: Defect }>;
  readonly controls: number;
  readonly alarms: number;
}

/** A finding of the rule on the defect's line that touches its span. */
function foundAt(found: readonly RuleDiagnostic[], d: Defect): boolean {
  return found.some((x) => {
    const r = x.finding.range;
    if (r.start.line > d.line || r.end.line < d.line) return false;
    const from = r.start.line === d.line ? r.start.character : 0;
    const to = r.end.line === d.line ? r.end.character : Number.MAX_SAFE_INTEGER;
    return from <= d.to + 1 && to >= d.from - 1;
  });
}

function recall(injector: Injector, texts: readonly BenchText[]): Recall {
  const rule = RULES.find((r) => r.id === injector.rule) as Rule | undefined;
  if (!rule) throw new Error(`${injector.id}: no rule ${injector.rule}`);
  const all: Array<{ t: BenchText; d: Defect }> = [];
  for (const t of texts) for (const d of injector.defects(t)) all.push({ t, d });
  // An even sample across all texts when there are more defects than --max.
  const step = Math.max(1, all.length / MAX);
  const sample: typeof all = [];
  for (let i = 0; i < all.length && sample.length < MAX; i += step) {
    const item = all[Math.floor(i)];
    if (item) sample.push(item);
  }
  let found = 0;
  const misses: Recall['misses'] = [];
  for (const { t, d } of sample) {
    // Built from the unaltered text's model: only the altered paragraph is read again.
    const model = buildModel({ text: d.text, uri: t.model.uri, previous: t.model });
    const diags = runRules(model, DEFAULT_CONFIG, undefined, [rule]);
    if (foundAt(diags, d)) found++;
    else misses.push({ file: t.name, defect: d });
  }
  // Controls: the same places left correct, where any finding of the rule at the place is a false alarm.
  let controls = 0;
  let alarms = 0;
  for (const t of injector.controls ? texts : []) {
    for (const d of injector.controls?.(t) ?? []) {
      controls++;
      const model = buildModel({ text: d.text, uri: t.model.uri, previous: t.model });
      if (foundAt(runRules(model, DEFAULT_CONFIG, undefined, [rule]), d)) alarms++;
    }
  }
  return { injector, made: all.length, tried: sample.length, found, misses, controls, alarms };
}

function main(): void {
  const started = Date.now();
  const corpus = loadTexts('corpus');
  const examples = loadTexts('examples');
  log(`# npm run bench:accuracy — ${new Date().toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg()[0]?.toFixed(2)}`);
  log();
  const p = precision(corpus);
  printPrecision(p);
  if (LIST) listFindings(p, corpus, LIST);
  const extras = EXTRA.map((dir) => {
    const texts = loadFolder(dir);
    const q = precision(texts);
    printPrecision(q, dir);
    if (LIST) listFindings(q, texts, LIST, dir);
    return { dir, files: texts.length, p: q };
  });

  const beyond = beyondKnown(examples);
  log(`## The 5 examples: ${beyond.length} finding(s) beyond their known defects (tests/fixtures/real/expected.json)`);
  for (const b of beyond) log(`  ${b}`);
  log();

  const outline = outlineAgreement(examples);
  log('## Outline of the examples against truth/*.json');
  for (const o of outline) log(`  ${pad(o.file, 48)} ${o.same}/${o.truth} headings as in the truth, ${o.extra} more`);
  log();

  // Markdown written by hand (tests/fixtures/markdown): its outline, and what the rules find on it (correct text: nothing).
  const markdown = loadMarkdown();
  const mdOutline = outlineAgreement(markdown, markdownTruthOf);
  const mdFindings = markdown.flatMap((t) => runRules(t.model, DEFAULT_CONFIG).map((d) => `${t.name}:${d.finding.range.start.line + 1}:${d.finding.range.start.character + 1} ${d.rule.id} ${d.severity}: ${d.finding.message}`));
  log('## Outline of the hand-written Markdown reports (tests/fixtures/markdown) against truth/*.json');
  for (const o of mdOutline) log(`  ${pad(o.file, 48)} ${o.same}/${o.truth} headings as in the truth, ${o.extra} more`);
  const mdTotal = mdOutline.reduce((a, o) => a + o.truth, 0);
  const mdSame = mdOutline.reduce((a, o) => a + o.same, 0);
  log(`  agreement: ${mdSame}/${mdTotal} (${mdTotal ? ((100 * mdSame) / mdTotal).toFixed(1) : '—'} %); ${mdFindings.length} finding(s) of the rules on them${mdFindings.length ? ':' : ''}`);
  for (const f of mdFindings) log(`  ${f}`);
  log();

  log(`## Recall: one defect at a time in the corpus and the examples (at most ${MAX} per kind)`);
  log();
  log(`${pad('defect', 26)}${pad('rule', 22)}${lpad('made', 7)}${lpad('tried', 7)}${lpad('found', 7)}${lpad('recall', 9)}`);
  const texts = [...corpus, ...examples];
  const recalls: Recall[] = [];
  for (const injector of INJECTORS) {
    if ((ONLY && injector.id !== ONLY) || NO_RECALL) continue;
    const r = recall(injector, texts);
    recalls.push(r);
    log(`${pad(injector.id, 26)}${pad(injector.rule, 22)}${lpad(r.made, 7)}${lpad(r.tried, 7)}${lpad(r.found, 7)}${lpad(r.tried ? `${((100 * r.found) / r.tried).toFixed(1)} %` : '—', 9)}${r.controls ? `   (controls: ${r.alarms} false alarms on ${r.controls})` : ''}`);
  }
  log();
  for (const r of recalls) {
    if (MISSES !== r.injector.id) continue;
    log(`## Misses of ${r.injector.id} (first ${Math.min(SHOW, r.misses.length)} of ${r.misses.length})`);
    for (const { file, defect } of r.misses.slice(0, SHOW)) {
      const line = defect.text.split(/\r\n|\r|\n/)[defect.line] ?? '';
      log(`${file}:${defect.line + 1}: ${defect.what}`);
      log(`    …${line.slice(Math.max(0, defect.from - 30), defect.from)}⟦${line.slice(defect.from, defect.to)}⟧${line.slice(defect.to, defect.to + 30)}…`);
    }
    log();
  }
  log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (JSON_OUT) {
    const summary = (q: Precision): { characters: number; per50k: number; byRule: Record<string, unknown> } => ({
      characters: q.chars,
      per50k: (Object.values(q.byRule).reduce((a, c) => a + loud(c), 0) * PER) / q.chars,
      byRule: Object.fromEntries(Object.entries(q.byRule).map(([id, c]) => [id, { ...c, per50k: (loud(c) * PER) / q.chars }])),
    });
    process.stdout.write(
      JSON.stringify(
        {
          corpus: summary(p),
          ...(extras.length > 0 ? { extra: extras.map((e) => ({ folder: e.dir, files: e.files, ...summary(e.p) })) } : {}),
          examples: { beyondKnown: beyond, outline },
          markdown: { outline: mdOutline, findings: mdFindings },
          recall: recalls.map((r) => ({ injector: r.injector.id, rule: r.injector.rule, made: r.made, tried: r.tried, found: r.found, recall: r.tried ? r.found / r.tried : null, controls: r.controls, alarms: r.alarms })),
        },
        null,
        2,
      ) + '\n',
    );
  }
}

main();
