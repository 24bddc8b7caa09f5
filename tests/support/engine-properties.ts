/**
 * The robustness properties of the whole engine, checked on one input: shared by the property
 * tests in `npm test` (tests/unit/fuzz-*.test.ts) and `npm run fuzz` (scripts/fuzz.ts).
 * Each check throws an Error naming the broken property.
 */
import { analysed } from './analysis';
import type { DocumentSymbol, FoldingRange, Position, Range } from 'vscode-languageserver-types';
import { DEFAULT_CONFIG, buildModel, codeActions, completion, documentSymbols, exportBlocks, flatHeadings, foldingRanges, formatEdits, hover, outline, renderDocument, reportMeta, runRules, statistics, workspaceSymbols, type ReportModel, type RuleDiagnostic } from '../../server/src/engine';

/** Line lengths exactly as LSP counts them (\r\n, \r and \n end a line; UTF-16 columns). */
export function lspLineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function fail(what: string, detail: unknown): never {
  throw new Error(`${what}: ${JSON.stringify(detail)}`);
}

function posOk(p: Position, lens: readonly number[]): boolean {
  const len = lens[p.line];
  return Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && len !== undefined && p.character >= 0 && p.character <= len;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

export function assertRange(r: Range, lens: readonly number[], what: string): void {
  if (!r || !posOk(r.start, lens) || !posOk(r.end, lens) || !before(r.start, r.end)) fail(`${what}: range outside the document or reversed (${lens.length} lines)`, r);
}

export function contains(outer: Range, inner: Range): boolean {
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function checkSymbols(symbols: readonly DocumentSymbol[], lens: readonly number[], parent: DocumentSymbol | undefined): void {
  for (const s of symbols) {
    assertRange(s.range, lens, `symbol ${s.name} range`);
    assertRange(s.selectionRange, lens, `symbol ${s.name} selectionRange`);
    if (!contains(s.range, s.selectionRange)) fail('selectionRange not inside range', s);
    if (typeof s.name !== 'string' || s.name.length === 0) fail('symbol without a name', s);
    if (parent && !contains(parent.range, s.range)) fail(`child ${s.name} not inside parent ${parent.name}`, { parent: parent.range, child: s.range });
    checkSymbols(s.children ?? [], lens, s);
  }
}

function checkFolding(ranges: readonly FoldingRange[], lineCount: number): void {
  for (const f of ranges) {
    if (!(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < lineCount)) fail('folding range outside the document', f);
  }
}

/** Positions to probe (hover and other position-based features): inside, at the ends, and outside. */
function probePositions(lens: readonly number[], seed: number): Position[] {
  const last = lens.length - 1;
  const line = seed % lens.length;
  return [
    { line: 0, character: 0 },
    { line, character: Math.floor((lens[line] ?? 0) / 2) },
    { line, character: lens[line] ?? 0 },
    { line: last, character: lens[last] ?? 0 },
    { line: last + 5, character: 3 },
    { line, character: (lens[line] ?? 0) + 10 },
  ];
}

/** CPU milliseconds since `start` (unlike wall time, not inflated by other processes on a loaded machine). */
function cpuMs(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

function timeAnalysis(text: string): number {
  const t0 = process.cpuUsage();
  const model = buildModel({ text, uri: 'file:///fuzz.report.md', version: 1 });
  runRules(model, DEFAULT_CONFIG);
  documentSymbols(model);
  foldingRanges(model);
  return cpuMs(t0);
}

/** Everything the editor asks of a document. Returns the model and the CPU time the analysis took (ms). */
export function checkEngine(text: string, seed = 0): { model: ReportModel; ms: number } {
  const lens = lspLineLengths(text);
  const t0 = process.cpuUsage();
  const model = buildModel({ text, uri: 'file:///fuzz.report.md', version: 1 });
  const diags = runRules(model, DEFAULT_CONFIG);
  const symbols = documentSymbols(model);
  const folding = foldingRanges(model);
  let ms = cpuMs(t0);
  // CPU time, and a slow run is timed once more with the faster run counting (garbage collection
  // and JIT warm-up vary): a catastrophic regex or a quadratic loop is slow both times.
  if (ms > 300) ms = Math.min(ms, timeAnalysis(text));

  if (model.index.lineCount !== lens.length) fail('line count differs from LSP', { model: model.index.lineCount, lsp: lens.length });
  let fixesChecked = 0;
  for (const d of diags) {
    if (/^internal error in rule/.test(d.finding.message)) fail(`rule ${d.rule.id} threw`, d.finding.message);
    assertRange(d.diagnostic.range, lens, `diagnostic ${d.rule.id}`);
    // Fix edits may be built on demand (renumbering k findings of n items is k·n edits): check the first 50.
    for (const fix of d.finding.fixes ?? []) if (fixesChecked++ < 50) for (const e of fix.edits) assertRange(e.range, lens, `fix edit of ${d.rule.id}`);
  }
  checkSymbols(symbols, lens, undefined);
  checkFolding(folding, lens.length);

  for (const h of model.headings) {
    assertRange(h.headingRange, lens, 'heading range');
    assertRange(h.markerRange, lens, 'marker range');
    assertRange(h.titleRange, lens, 'title range');
  }
  for (const p of model.paragraphs) assertRange(p.range, lens, 'paragraph range');
  for (const t of model.tables) for (const c of [...t.header, ...t.rows.flat()]) assertRange(c.range, lens, 'table cell range');
  if (model.title) assertRange(model.title.range, lens, 'title range');
  if (model.frontMatter) assertRange(model.frontMatter.range, lens, 'front matter range');

  const tree = outline(model);
  const walk = (nodes: typeof tree): void => {
    for (const n of nodes) {
      if (!(n.line >= 1 && n.line <= lens.length)) fail('outline line outside the document', n);
      walk(n.children);
    }
  };
  walk(tree);
  flatHeadings(model);
  workspaceSymbols([model], text.slice(0, seed % 5));
  workspaceSymbols([model], '');

  for (const pos of probePositions(lens, seed)) {
    const h = hover(analysed(model), pos);
    if (h?.range) assertRange(h.range, lens, 'hover range');
    checkPositionFeatures(model, pos, lens);
  }
  checkDocumentFeatures(model, lens, diags);
  return { model, ms };
}

/** Position-based features: completion edits stay inside the document. */
function checkPositionFeatures(model: ReportModel, pos: Position, lens: readonly number[]): void {
  for (const it of completion(model, pos)) {
    const edit = it.textEdit;
    if (edit && 'range' in edit) assertRange(edit.range, lens, 'completion edit');
    for (const e of it.additionalTextEdits ?? []) assertRange(e.range, lens, 'completion additional edit');
  }
}

/** Whole-document features: rendering, formatting, code actions, export blocks and statistics stay inside the document. */
function checkDocumentFeatures(model: ReportModel, lens: readonly number[], diags: readonly RuleDiagnostic[]): void {
  for (const view of ['flow', 'page'] as const) {
    const out = renderDocument(model, { view, diagnostics: diags.slice(0, 20).map((d) => d.diagnostic) });
    if (typeof out.html !== 'string') fail(`render (${view}) gave no html`, out);
    for (const e of out.lineMap) if (!(e.line >= 0 && e.line <= e.endLine && e.endLine < lens.length)) fail(`render (${view}) line map outside the document`, e);
  }
  for (const e of formatEdits(model)) assertRange(e.range, lens, 'formatting edit');
  const whole = { start: { line: 0, character: 0 }, end: { line: lens.length - 1, character: lens[lens.length - 1] ?? 0 } };
  const list = codeActions(analysed(model), { range: whole, diagnostics: [] });
  for (const a of list.slice(0, 50)) for (const edits of Object.values(a.edit?.changes ?? {})) for (const e of edits) assertRange(e.range, lens, 'code action edit');
  if (!Array.isArray(exportBlocks(model))) fail('exportBlocks gave no list', null);
  reportMeta(model);
  for (const f of statistics(model).figures) assertRange(f.range, lens, 'statistics figure');
}

/** A short description of a failing input (inputs can be megabytes long). */
export function describeInput(text: string, max = 400): string {
  const s = JSON.stringify(text);
  return s.length <= max ? s : `${s.slice(0, max)}… (${text.length} characters)`;
}
