/**
 * Differential check of the engine's output, for changes meant to make it faster without changing
 * what it finds: records every finding (rule, severity, range, message, fixes, related, data),
 * document symbols, folding ranges and the model's figures, sentences and bare units on about
 * 1,500 inputs, then compares a later run with the record.
 *
 *   node -r ./tests/register.js scripts/differential.ts --record /tmp/diff.json.gz
 *   node -r ./tests/register.js scripts/differential.ts --compare /tmp/diff.json.gz
 *
 * Inputs: the real reports of tests/fixtures/real, the reports of ../shared/corpus and
 * ../shared/examples (when present), the bench's generated reports, fast-check samples of the fuzz
 * mixture (fixed seed), windows of the corpus reports with lines deleted, duplicated, swapped and
 * figures altered (fixed seed), and edit sequences analysed incrementally as the server does
 * (each version built from the previous one's model).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import * as crypto from 'crypto';
import fc from 'fast-check';
import { buildModel, DEFAULT_CONFIG, documentSymbols, figuresOf, foldingRanges, runRules, type ReportModel } from '../server/src/engine';
import { sentencesOf } from '../server/src/engine/model/statements';
import { bareUnitsOf } from '../server/src/engine/model/bare-units';
import { anyReport, editedRealReport } from '../tests/support/generators';
import { generateReport } from './bench-inputs';

const ROOT = path.join(__dirname, '..');

function readDir(dir: string): Array<{ name: string; text: string }> {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: `${path.basename(dir)}/${f}`, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A window of a report's lines, edited: lines deleted, duplicated, swapped, figures altered. */
function perturb(text: string, random: () => number): string {
  let lines = text.split(/\r\n|\r|\n/);
  const size = 5 + Math.floor(random() * 120);
  const from = Math.floor(random() * Math.max(1, lines.length - size));
  lines = lines.slice(from, from + size);
  const edits = 1 + Math.floor(random() * 8);
  for (let e = 0; e < edits && lines.length > 0; e++) {
    const i = Math.floor(random() * lines.length);
    const line = lines[i] ?? '';
    switch (Math.floor(random() * 6)) {
      case 0:
        lines.splice(i, 1);
        break;
      case 1:
        lines.splice(i, 0, line);
        break;
      case 2: {
        const j = Math.floor(random() * lines.length);
        lines[i] = lines[j] ?? '';
        lines[j] = line;
        break;
      }
      case 3:
        lines[i] = line.replace(/[0-9]+(?:\.[0-9]+)?/g, (m) => (random() < 0.5 ? m : String(Math.round(Number(m) * (0.5 + random()) * 10) / 10)));
        break;
      case 4: {
        const at = Math.floor(random() * (line.length + 1));
        lines[i] = line.slice(0, at) + line.slice(at + 1 + Math.floor(random() * 6));
        break;
      }
      default: {
        const at = Math.floor(random() * (line.length + 1));
        const bits = ['12.5%', '，', '。', '万元', '增长', '一是', '（一）', '3个', '其中', '合计', '的的', '“', '）', '2023年13月'];
        lines[i] = line.slice(0, at) + (bits[Math.floor(random() * bits.length)] ?? '') + line.slice(at);
      }
    }
  }
  return lines.join(random() < 0.8 ? '\n' : '\r\n');
}

interface Input {
  readonly name: string;
  readonly text: string;
  /** Earlier versions, analysed in turn before `text` (each built from the previous model). */
  readonly history?: readonly string[];
}

function inputs(): Input[] {
  const real = readDir(path.join(ROOT, 'tests', 'fixtures', 'real'));
  const corpus = readDir(path.join(ROOT, '..', 'shared', 'corpus'));
  const examples = readDir(path.join(ROOT, '..', 'shared', 'examples'));
  const out: Input[] = [...real, ...corpus, ...examples];
  for (const size of [3_000, 30_000, 100_000, 1_000_000]) out.push({ name: `generated ${size}`, text: generateReport(size) });
  fc.sample(anyReport, { seed: 20261202, numRuns: 700 }).forEach((text, i) => out.push({ name: `anyReport #${i}`, text }));
  fc.sample(editedRealReport, { seed: 17, numRuns: 200 }).forEach((text, i) => out.push({ name: `editedRealReport #${i}`, text }));
  const random = rng(1202);
  const sources = [...real, ...corpus];
  for (let i = 0; i < 450; i++) {
    const src = sources[Math.floor(random() * sources.length)];
    if (src) out.push({ name: `perturbed ${src.name} #${i}`, text: perturb(src.text, random) });
  }
  // Edit sequences: type and delete characters, Enter and Backspace, in a report analysed incrementally.
  for (let i = 0; i < 60; i++) {
    const src = sources[Math.floor(random() * sources.length)];
    if (!src) continue;
    let text = perturb(src.text, random);
    const history: string[] = [];
    for (let k = 0; k < 6; k++) {
      history.push(text);
      const at = Math.floor(random() * (text.length + 1));
      const r = random();
      text = r < 0.3 ? text.slice(0, at) + '\n' + text.slice(at) : r < 0.5 ? text.slice(0, at) + text.slice(at + 1) : r < 0.8 ? text.slice(0, at) + '，增长5.2%' + text.slice(at) : text.slice(0, at) + '一是' + text.slice(at);
    }
    out.push({ name: `incremental ${src.name} #${i}`, text, history });
  }
  return out;
}

/** Everything the engine says about one model, as pieces of JSON (a renumbering fix can hold thousands of edits: the pieces are hashed, not joined). */
function describe(model: ReportModel, emit: (part: string, value: unknown) => void): void {
  for (const d of runRules(model, DEFAULT_CONFIG)) {
    emit('finding', [d.rule.id, d.severity, d.finding.range, d.finding.message, d.finding.related, d.finding.data]);
    for (const f of d.finding.fixes ?? []) emit('fix', [f.title, f.preferred ?? false, f.edits]);
  }
  emit('symbols', documentSymbols(model));
  emit('folding', foldingRanges(model));
  for (const f of figuresOf(model).all) emit('figure', [f.text, f.numberText, f.number, f.multiplier, f.value, f.high, f.unit, f.per, f.kind, f.approx, f.qualifier, f.decimals, f.line, f.range, f.numberRange, f.source, f.paragraph?.line]);
  for (const s of sentencesOf(model)) emit('sentence', [s.line, s.start, s.end, s.text, s.figures.length, s.clauses.map((c) => [c.start, c.end, c.delimiter, c.text, c.figures.length])]);
  for (const b of bareUnitsOf(model)) emit('bare', [b.line, b.start, b.end, b.unit]);
}

/** One input's result: a hash of everything, counts per part, and the parts in full when they are small. */
interface Result {
  hash: string;
  counts: Record<string, number>;
  parts?: string[];
}

function run(input: Input): Result {
  let previous: ReportModel | undefined;
  for (const text of input.history ?? []) {
    previous = buildModel({ text, previous, takeOver: true });
    runRules(previous, DEFAULT_CONFIG);
  }
  const model = buildModel({ text: input.text, previous, takeOver: true });
  const hash = crypto.createHash('sha256');
  const counts: Record<string, number> = {};
  let parts: string[] | undefined = [];
  let size = 0;
  describe(model, (part, value) => {
    const json = `${part} ${JSON.stringify(value)}\n`;
    hash.update(json);
    counts[part] = (counts[part] ?? 0) + 1;
    size += json.length;
    if (size > 400_000) parts = undefined;
    parts?.push(json);
  });
  return { hash: hash.digest('hex'), counts, ...(parts ? { parts } : {}) };
}

function main(): void {
  const argv = process.argv.slice(2);
  const mode = argv[0];
  const file = argv[1];
  if ((mode !== '--record' && mode !== '--compare') || !file) {
    console.error('usage: differential.ts --record <file> | --compare <file>');
    process.exitCode = 2;
    return;
  }
  const all = inputs();
  const t0 = performance.now();
  const results: Record<string, Result> = {};
  for (const input of all) results[input.name] = run(input);
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  if (mode === '--record') {
    fs.writeFileSync(file, zlib.gzipSync(JSON.stringify(results)));
    console.log(`recorded ${all.length} inputs in ${seconds} s to ${file}`);
    return;
  }
  const recorded = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')) as Record<string, Result>;
  let differ = 0;
  for (const input of all) {
    const was = recorded[input.name];
    const now = results[input.name];
    if (was?.hash === now?.hash) continue;
    differ++;
    if (differ > 5) continue;
    console.log(`DIFFERS: ${input.name}\n  counts was ${JSON.stringify(was?.counts)}\n  counts now ${JSON.stringify(now?.counts)}`);
    if (was?.parts && now?.parts) {
      const gone = was.parts.filter((p) => !now.parts?.includes(p)).slice(0, 3);
      const added = now.parts.filter((p) => !was.parts?.includes(p)).slice(0, 3);
      for (const p of gone) console.log(`  - ${p.slice(0, 400)}`);
      for (const p of added) console.log(`  + ${p.slice(0, 400)}`);
    }
  }
  const missing = Object.keys(recorded).filter((k) => !(k in results)).length;
  console.log(`compared ${all.length} inputs in ${seconds} s: ${differ} differ, ${missing} recorded inputs absent`);
  if (differ > 0 || missing > 0) process.exitCode = 1;
}

main();
