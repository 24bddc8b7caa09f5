import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position, type Range } from 'vscode-languageserver-types';
import { t } from '../i18n';
import { INDENT_RE, standardMarker } from '../model/markers';
import type { Enumeration, EnumerationFamily, Heading, ReportModel } from '../model/types';
import type { CancellationToken } from '../util/cancellation';
import { renumberMarker } from '../model/sibling-runs';
import { parseChineseNumeral, toChineseNumeral, toCircled } from '../util/numerals';
import { REPORT_TEMPLATES } from '../../../../common/templates';

/** Characters after which the client should ask again: an opening bracket (（四）), a clause end (三是). */
export const COMPLETION_TRIGGERS = ['（', '(', '；', '。', '：'];

/** Lines where nothing is offered: code, tables, front matter, quotes. */
const NO_COMPLETION = new Set(['code', 'table', 'frontmatter', 'quote']);

/**
 * Completion in a report: the skeletons in an empty document; at the start of a line, the next
 * numbering marker in context (sibling, first child, next marker of each enclosing level); inside
 * a paragraph with 「一是……二是……」, the next inline marker. Most likely first.
 */
export function completion(model: ReportModel, position: Position, token?: CancellationToken): CompletionItem[] {
  if (token?.isCancellationRequested) return [];
  if (!/[^\s\uFEFF]/u.test(model.text)) return templateItems(model, model.index.positionAt(model.index.offsetAt(position))); // clamped: a stale client may ask past the end
  const line = position.line;
  if (line < 0 || line >= model.index.lineCount || NO_COMPLETION.has(model.lineKinds[line] ?? 'blank')) return [];
  const text = model.index.line(line).text;
  const col = Math.min(position.character, text.length);
  const before = text.slice(0, col);
  const indent = INDENT_RE.exec(before)?.[0].length ?? 0;
  const typed = before.slice(indent);
  const heading = model.headings.find((h) => h.line === line);
  const items: Candidate[] = [];
  if (!heading) items.push(...markerCandidates(model, line).filter((c) => c.text.startsWith(typed)).map((c) => ({ ...c, from: indent })));
  if (!heading || col >= heading.headingRange.end.character) {
    const inline = inlineCandidate(model, line, before);
    if (inline) {
      if (inline.first) items.unshift(inline);
      else items.push(inline);
    }
  }
  // An editor that auto-closes 「（」 leaves 「）」 after the cursor: replace it too.
  const after = text.charAt(col);
  const end = (c: Candidate): number => (/[）)]/.test(after) && c.text.endsWith(after) ? col + 1 : col);
  return items.map((c, i) => toItem(c, i, { start: { line, character: c.from }, end: { line, character: end(c) } }));
}

interface Candidate {
  text: string;
  detail: string;
  /** Column where the text to replace starts. */
  from: number;
  /** Rank before the heading markers. */
  first?: boolean;
}

function toItem(c: Candidate, rank: number, range: Range): CompletionItem {
  return {
    label: c.text,
    kind: CompletionItemKind.EnumMember,
    detail: c.detail,
    sortText: String(rank).padStart(3, '0'),
    filterText: c.text,
    preselect: rank === 0,
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range, newText: c.text },
  };
}

function templateItems(model: ReportModel, position: Position): CompletionItem[] {
  const end = model.index.positionAt(model.text.length);
  const range: Range = { start: { line: 0, character: 0 }, end: end.line > position.line || end.character > position.character ? end : position };
  return REPORT_TEMPLATES.map((tpl, i) => ({
    label: tpl.name,
    kind: CompletionItemKind.Snippet,
    detail: t('Report skeleton'),
    documentation: tpl.description,
    sortText: String(i).padStart(3, '0'),
    filterText: [tpl.name, ...tpl.prefixes].join(' '),
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: tpl.body },
  }));
}

/** The headings that enclose a line, outermost first (the line's own heading excluded). */
function enclosing(model: ReportModel, line: number): Heading[] {
  const stack: Heading[] = [];
  for (const h of model.headings) {
    if (h.line >= line) break;
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= h.level) stack.pop();
    stack.push(h);
  }
  return stack;
}

/** The marker of `h`'s sibling numbered `value`, in `h`'s own style (「（三）」 → 「（四）」, 「3、」 → 「4、」, 「第二，」 → 「第三，」), with its `#`s. */
export function markerWithValue(h: Heading, value: number): string | undefined {
  if (h.style === 'none') return undefined;
  const md = h.mdDepth > 0 ? '#'.repeat(h.mdDepth) + ' ' : '';
  return md + renumberMarker(h, value, { dropExtraPunct: true });
}

/** The first child marker under `parent`: in the style the document already uses at that level, else the standard one. */
function firstChild(model: ReportModel, parent: Heading | undefined): string | undefined {
  if (parent?.style === 'none') return undefined;
  if (parent?.style === 'decimal') return `${parent.number}.1`;
  // Levels of markers (GB/T 9704): under a 「## 一、」 heading the first sub-section is 「（一）」.
  const level = (parent?.markerLevel ?? 0) + 1;
  if (level > 4) return undefined;
  const model1 = model.headings.find((h) => h.markerLevel === level && h.style !== 'none' && h.style !== 'decimal' && h.mdDepth === 0);
  return (model1 && markerWithValue(model1, 1)) ?? standardMarker(level, 1, toChineseNumeral);
}

/** Heading markers that may start `line`, most likely first. */
function markerCandidates(model: ReportModel, line: number): Omit<Candidate, 'from'>[] {
  const stack = enclosing(model, line);
  const deepest = stack[stack.length - 1];
  const out: Omit<Candidate, 'from'>[] = [];
  const push = (text: string | undefined, detail: string): void => {
    if (text && !out.some((c) => c.text === text)) out.push({ text, detail });
  };
  const child = firstChild(model, deepest);
  const childDetail = deepest ? t('First sub-section of {0}', deepest.marker + deepest.title) : t('First section');
  // Right under a heading that has no body yet, its first sub-section is the most likely.
  const bare = deepest && !deepest.runin && bodyBetween(model, deepest.line + 1, line) === false;
  if (bare) push(child, childDetail);
  for (let i = stack.length - 1; i >= 0; i--) {
    const h = stack[i];
    if (h) push(markerWithValue(h, h.value + 1), t('Next section after {0}', h.marker + h.title));
  }
  if (!bare && (!deepest || deepest.markerLevel < 4)) push(child, childDetail);
  return out;
}

/** True when a non-blank, non-heading line lies in [from, to). */
function bodyBetween(model: ReportModel, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const k = model.lineKinds[i];
    if (k !== 'blank' && k !== 'heading') return true;
  }
  return false;
}

const BOUNDARY_RE = /(?:^|[。；;：:，,、！？!?\s\u3000])$/u;

function nextInline(family: EnumerationFamily, value: number, last: string): string | undefined {
  const n = value + 1;
  switch (family) {
    case 'shi':
      return `${toChineseNumeral(n)}是`;
    case 'di':
      return `第${toChineseNumeral(n)}${last.slice(-1)}`;
    case 'order':
      return value >= 3 ? undefined : value === 1 ? '其次，' : '再次，';
    case 'paren':
      return last.startsWith('（') ? `（${n}）` : `(${n})`;
    case 'circled':
      return toCircled(n);
  }
}

const SHI_RE = /(?<=^|[。；;：:，,、\s\u3000])([一二三四五六七八九十]{1,3})是/gu;

/**
 * The next inline enumeration marker (「三是」 after 「一是……二是……」) when the cursor is at a clause
 * boundary after it on the same line, or at the start of a paragraph when the items open paragraphs.
 */
function inlineCandidate(model: ReportModel, line: number, before: string): Candidate | undefined {
  let best: { family: EnumerationFamily; value: number; marker: string; paragraphStart: boolean } | undefined;
  for (const e of model.enumerations as Enumeration[]) {
    const last = e.items[e.items.length - 1];
    if (!last || last.line > line || (last.line === line && last.markerRange.end.character > before.length)) continue;
    const lineText = model.index.line(last.line).text;
    const paragraphStart = (INDENT_RE.exec(lineText)?.[0].length ?? 0) === last.markerRange.start.character;
    // From an earlier line only when each item opens a paragraph and no heading comes in between.
    if (last.line < line && (!paragraphStart || model.headings.some((h) => h.line > last.line && h.line <= line))) continue;
    best = { family: e.family, value: last.value, marker: last.marker, paragraphStart };
  }
  if (!best) {
    // A single 「一是」 earlier on this line: the model only records sequences of two or more.
    const found = [...before.matchAll(SHI_RE)].at(-1);
    const v = found?.[1] ? parseChineseNumeral(found[1]) : undefined;
    if (v) best = { family: 'shi', value: v, marker: found?.[0] ?? '', paragraphStart: false };
  }
  if (!best) return undefined;
  const text = nextInline(best.family, best.value, best.marker);
  if (!text) return undefined;
  // What has been typed of the marker already (「三」 of 「三是」), after a clause boundary.
  for (let k = Math.min(text.length - 1, before.length); k >= 0; k--) {
    const typed = before.slice(before.length - k);
    const head = before.slice(0, before.length - k);
    if (!text.startsWith(typed) || !BOUNDARY_RE.test(head)) continue;
    const atLineStart = head.trim() === '';
    if (atLineStart && !best.paragraphStart) return undefined;
    return { text, detail: t('Next item of the enumeration'), from: before.length - k, first: true };
  }
  return undefined;
}
