import type { Token } from 'markdown-it';
import type { Range } from 'vscode-languageserver-types';
import { reusedBlockTokens, withoutParagraphText } from './block-reuse';
import { findEnumerations } from './enumerations';
import { parseFrontMatter } from './frontmatter';
import { recogniseHeading, type HeadingContext, type PreviousHeadings, type Takeover } from './headings';
import { LineIndex, sameLineTexts } from './lines';
import { listItemLines } from './list-items';
import { blockMarkdown } from './markdown';
import { TextMemo } from './memo';
import { buildSections } from './sections';
import { parseTable } from './tables';
import type { FrontMatter, Heading, LineKind, Paragraph, ReportModel, Table, Title } from './types';

export interface ModelInput {
  readonly text: string;
  readonly uri?: string;
  readonly version?: number;
  /**
   * The model of the previous version of the same document: what did not change (paragraphs,
   * lines) is taken from it instead of being read again. Results are the same either way.
   */
  readonly previous?: ReportModel;
  /**
   * The previous model will not be read again (the server's case: each version replaces the one
   * before): its paragraphs that an edit only moved to other lines are taken over as they are, with
   * their new lines, and so is everything read from them (figures, sentences), which reads its line
   * from its paragraph. The previous model's own paragraphs then stand on the new lines. Without it,
   * only paragraphs that stayed on their lines are taken over and the previous model stays as it was.
   */
  readonly takeOver?: boolean;
}

/** Models whose paragraphs a later version took over on other lines: their lines are no longer theirs. */
const LENT = new WeakSet<ReportModel>();

const BLANK_RE = /^[\s\u3000\uFEFF]*$/u;
/**
 * An item of a Markdown ordered list: 「1. 甲」, 「2) 乙」 (a number, 「.」 or 「)」, a space); full-width
 * digits and 「．」 too, so that making them half-width (numbering-style's fix) changes nothing.
 */
const ORDERED_ITEM = /^[ \t]{0,3}[0-9０-９]{1,9}[.．)][ \t]+\S/;

/** Builds the report model of a document once; rules and features only read it. */
export function buildModel(input: ModelInput): ReportModel {
  const { text } = input;
  const memo = new TextMemo(input.previous?.memo);
  const lender = input.previous && !LENT.has(input.previous) ? input.previous : undefined;
  const previousParagraphs = lender && new Map(lender.paragraphs.filter((p) => !p.runinOf).map((p) => [p.line, p]));
  const index = new LineIndex(text, input.previous?.index);
  const lineCount = index.lineCount;
  // The line of the previous version a line was on: below the edit, moved by the lines it added or removed.
  // (A line in the edited stretch keeps its number only where that was not a line of the bottom run:
  // nothing is taken over twice.)
  const kept = input.takeOver ? index.kept : undefined;
  const oldLine = (line: number): number => {
    if (!kept || kept.delta === 0) return line;
    if (line >= lineCount - kept.bottom) return line - kept.delta;
    return line < lineCount - kept.delta - kept.bottom ? line : -1;
  };
  const takeover: Takeover = { oldLine, taken: { moved: false } };
  const previousHeadings: PreviousHeadings | undefined = lender && { byLine: new Map(lender.headings.map((h) => [h.line, h])), index: lender.index, takeover };
  const frontMatter = parseFrontMatter(index, memo);
  const kinds: LineKind[] = new Array<LineKind>(lineCount);
  for (let i = 0; i < lineCount; i++) kinds[i] = BLANK_RE.test(index.line(i).text) ? 'blank' : 'text';

  const bodyStart = frontMatter?.terminated ? frontMatter.endLine + 1 : 0;
  for (let i = 0; i < bodyStart; i++) kinds[i] = 'frontmatter';

  // markdown-it sees the body with the front matter blanked out, so its line maps are document lines.
  // (When the front matter is all there is, there is no body: index.line() would clamp to its last line.)
  const body = bodyStart === 0 ? text : bodyStart < lineCount ? text.slice(index.line(bodyStart).start) : '';
  // (An edit inside paragraphs keeps the previous version's block tokens: see block-reuse.ts.)
  const tokens = reusedBlockTokens(input.previous, index, bodyStart) ?? withoutParagraphText(blockMarkdown().parse('\n'.repeat(bodyStart) + body, {}));
  const mdHeadingLines = new Map<number, number>();
  const notHeadings = new Set<number>();
  const tables: Table[] = [];
  const nestedItems = new Map<number, boolean>();
  classifyLines(tokens, kinds, mdHeadingLines, notHeadings, tables, index, nestedItems, lender && { model: lender, takeover });
  // In a document structured with `#` (or setext) headings, 「1. 甲」 is an item of an ordered list, as
  // Markdown reads it; in text pasted from Word, or under a `#` title only, it is a numbered heading.
  const mdDepths = [...mdHeadingLines.entries()].sort((a, b) => a[0] - b[0]).map(([, depth]) => depth);
  const structuredWithHashes = mdDepths.length > 1 || (mdDepths.length === 1 && mdDepths[0] !== 1);
  // (Read from the line, whatever its number: markdown-it lets only a 「1.」 list interrupt a paragraph,
  // and renumbering must not turn an item into a heading.)
  if (structuredWithHashes) for (let i = bodyStart; i < lineCount; i++) if (kinds[i] === 'text' && ORDERED_ITEM.test(index.line(i).text)) notHeadings.add(i);
  // An ordered item nested in a bullet list, or in a `#`-structured document in any list, is a list item.
  for (const [line, underBullet] of nestedItems) if (structuredWithHashes || underBullet) notHeadings.add(line);

  const baseKinds = kinds.slice();
  const paragraphs: ParagraphSource = { previous: previousParagraphs, takeover };
  let scan = scanHeadings({ index, kinds, mdHeadingLines, notHeadings, bodyStart, memo, paragraphs, previousHeadings, frontMatter, excluded: new Set() });
  let sections = buildSections(scan.headings, index, kinds);
  // Numbered list items are body text: read the document again without them (their numbers would
  // otherwise take part in the levels of the headings after them).
  const items = listItemLines(sections, index, memo);
  if (items.size > 0) {
    for (let i = 0; i < kinds.length; i++) kinds[i] = baseKinds[i] ?? 'text';
    scan = scanHeadings({ index, kinds, mdHeadingLines, notHeadings, bodyStart, memo, paragraphs, previousHeadings, frontMatter, excluded: items });
    sections = buildSections(scan.headings, index, kinds);
  }
  if (takeover.taken.moved && lender) LENT.add(lender);
  const { headings, title } = scan;
  const enumerations = findEnumerations(scan.paragraphs, sections, index, items, memo);
  return {
    uri: input.uri ?? 'untitled:report',
    version: input.version ?? 0,
    text,
    index,
    lineKinds: kinds,
    frontMatter,
    title,
    headings,
    sections,
    paragraphs: scan.paragraphs,
    enumerations,
    tables,
    tokens,
    memo,
  };
}


interface ScanInput {
  readonly index: LineIndex;
  readonly kinds: LineKind[];
  readonly mdHeadingLines: ReadonlyMap<number, number>;
  readonly notHeadings: ReadonlySet<number>;
  readonly bodyStart: number;
  readonly memo: TextMemo;
  readonly paragraphs: ParagraphSource;
  /** The previous version's headings: one whose line did not change is taken as it is. */
  readonly previousHeadings: PreviousHeadings | undefined;
  readonly frontMatter: FrontMatter | undefined;
  /** Lines read as body text whatever their number (the items of a numbered list). */
  readonly excluded: ReadonlySet<number>;
}

/** The previous version's paragraphs, by their lines there, to take over. */
interface ParagraphSource {
  readonly previous: ReadonlyMap<number, Paragraph> | undefined;
  readonly takeover: Takeover;
}

/** The title, the headings and the paragraphs of the body, line by line. */
function scanHeadings(input: ScanInput): { headings: Heading[]; paragraphs: Paragraph[]; title: Title | undefined } {
  const { index, kinds, mdHeadingLines, notHeadings, bodyStart, memo, previousHeadings, frontMatter, excluded } = input;
  const source = input.paragraphs;
  const lineCount = index.lineCount;
  const headings: Heading[] = [];
  const paragraphs: Paragraph[] = [];
  const context: HeadingContext = { lastAtLevel: new Map() };
  let title: Title | undefined = titleFromFrontMatter(frontMatter, index);
  let seenContent = false;

  for (let line = bodyStart; line < lineCount; line++) {
    const kind = kinds[line];
    if (kind !== 'text' && kind !== 'heading') continue;
    const mdDepth = mdHeadingLines.get(line) ?? 0;
    const heading = excluded.has(line) || notHeadings.has(line) ? undefined : recogniseHeading(index, line, mdDepth, context, memo, previousHeadings);
    if (heading && heading.style === 'none' && heading.mdDepth === 1 && !title && headings.length === 0) {
      title = { text: heading.title, range: heading.titleRange, line, source: 'heading' };
      kinds[line] = 'heading';
      seenContent = true;
      continue;
    }
    if (!heading && !title && !seenContent && isTitleLine(index, kinds, line)) {
      const t = index.line(line).text;
      const start = t.length - t.trimStart().length;
      title = { text: t.trim(), range: index.range(line, start, start + t.trim().length), line, source: 'line' };
      seenContent = true;
      continue;
    }
    seenContent = true;
    if (heading) {
      kinds[line] = 'heading';
      headings.push(heading);
      context.lastAtLevel.set(heading.level, heading);
      context.bodyDi = undefined;
      if (heading.mdDepth > 0) {
        context.atx = heading;
        context.atxBase = undefined;
      } else if (context.atx && context.atxBase === undefined) context.atxBase = heading.markerLevel;
      for (const level of [...context.lastAtLevel.keys()]) if (level > heading.level) context.lastAtLevel.delete(level);
      if (heading.runin) {
        const bodyStartCol = heading.headingRange.end.character;
        const lineText = index.line(line).text;
        const lead = /^[ \t\u3000]*/.exec(lineText.slice(bodyStartCol))?.[0].length ?? 0;
        const end = lineText.trimEnd().length;
        paragraphs.push({ line, range: index.range(line, bodyStartCol + lead, end), text: lineText.slice(bodyStartCol + lead, end), runinOf: heading });
      }
      continue;
    }
    if (kind === 'text') {
      // The same line text gives the previous version's string, not a new slice: the memo tables
      // keyed by paragraph texts then find it by identity.
      const { start, end, body } = memo.read('paragraph-body', index.line(line).text, paragraphBody);
      // A paragraph the edit did not touch is the previous version's object: what was derived
      // from it (figures, sentences) is reused as it is.
      const old = source.previous?.get(source.takeover.oldLine(line));
      if (old && old.text === body && old.range.start.character === start) {
        if (old.line !== line) {
          // Moved, not changed (the takeOver option): the same object on its new line.
          moveParagraph(old, line, index.range(line, start, end));
          source.takeover.taken.moved = true;
        }
        paragraphs.push(old);
      } else paragraphs.push({ line, range: index.range(line, start, end), text: body, runinOf: undefined });
    }
  }

  return { headings, paragraphs, title };
}

/** Moves a table taken over from the previous version `delta` lines down (new ranges: the old ones may be held). */
function moveTable(t: Table, delta: number, index: LineIndex): void {
  const mutable = t as { startLine: number; endLine: number; range: Range };
  mutable.startLine += delta;
  mutable.endLine += delta;
  mutable.range = index.linesRange(t.startLine, t.endLine);
  for (const row of [t.header, ...t.rows]) {
    for (const cell of row) {
      const r = cell.range;
      (cell as { range: Range }).range = index.range(r.start.line + delta, r.start.character, r.end.character);
    }
  }
}

/** Puts a paragraph taken over from the previous version on its new line (a new range: the old one may be held). */
function moveParagraph(p: Paragraph, line: number, range: Range): void {
  const mutable = p as { line: number; range: Range };
  mutable.line = line;
  mutable.range = range;
}

/** A paragraph's text: its line without the indent and the trailing spaces. */
function paragraphBody(lineText: string): { start: number; end: number; body: string } {
  const start = lineText.length - lineText.replace(/^[\s\u3000\uFEFF]+/u, '').length;
  const end = lineText.replace(/[\s\u3000]+$/u, '').length;
  return { start, end, body: lineText.slice(start, end) };
}

/** The previous version's model and where its lines went. */
interface Lender {
  readonly model: ReportModel;
  readonly takeover: Takeover;
}

function classifyLines(tokens: Token[], kinds: LineKind[], mdHeadingLines: Map<number, number>, notHeadings: Set<number>, tables: Table[], index: LineIndex, nestedItems: Map<number, boolean>, lender: Lender | undefined): void {
  let quoteDepth = 0;
  // A table with the same texts as in the previous version, on the same lines (or on the lines an edit
  // only moved it to, with takeOver), is that version's object.
  const previous = lender?.model;
  const previousTables = previous && previous.tables.length > 0 ? new Map(previous.tables.map((t) => [t.startLine, t])) : undefined;
  const sameTable = (from: number, last: number): Table | undefined => {
    const start = lender ? lender.takeover.oldLine(from) : -1;
    const old = start < 0 ? undefined : previousTables?.get(start);
    if (!old || !previous || !lender || old.endLine - old.startLine !== last - from || !sameLineTexts(previous.index, index, from, last, from - start)) return undefined;
    if (old.startLine !== from) {
      moveTable(old, from - old.startLine, index);
      lender.takeover.taken.moved = true;
    }
    return old;
  };
  // The lists open around a token, outermost first: an ordered item nested in another list
  // (「- 2. 甲」 then 「    3. 乙」) is an item of that list, however far it is indented.
  const lists: string[] = [];
  for (const token of tokens) {
    const map = token.map;
    if (token.type === 'blockquote_open') quoteDepth++;
    if (token.type === 'blockquote_close') quoteDepth--;
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') lists.push(token.type);
    if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') lists.pop();
    if (token.type === 'list_item_open' && map && lists.length > 1 && lists[lists.length - 1] === 'ordered_list_open') nestedItems.set(map[0], lists[0] === 'bullet_list_open');
    if (!map) continue;
    const [from, to] = map;
    const mark = (kind: LineKind): void => {
      for (let i = from; i < to && i < kinds.length; i++) if (kinds[i] !== 'blank' || kind === 'code') kinds[i] = kind;
    };
    if (quoteDepth > 0) {
      if (token.type === 'blockquote_open' && quoteDepth === 1) mark('quote');
      continue;
    }
    switch (token.type) {
      case 'fence':
        mark('code');
        break;
      case 'hr':
        mark('hr');
        break;
      case 'heading_open':
        mark('heading');
        mdHeadingLines.set(from, Number(token.tag.slice(1)) || 1);
        // A setext heading's underline (「===」, 「---」) is a rule under the title, not text.
        if (to - from > 1 && kinds[to - 1] !== 'blank') kinds[to - 1] = 'hr';
        break;
      case 'html_block':
        // Raw HTML is shown as text, but a numbered line inside it is no heading.
        for (let i = from; i < to; i++) notHeadings.add(i);
        break;
      case 'table_open': {
        mark('table');
        const table = sameTable(from, to - 1) ?? parseTable(index, from, to - 1);
        if (table) tables.push(table);
        break;
      }
      default:
        break;
    }
  }
}

function titleFromFrontMatter(fm: FrontMatter | undefined, index: LineIndex): Title | undefined {
  const value = fm?.data?.['title'];
  if (!fm || (typeof value !== 'string' && typeof value !== 'number') || String(value).trim() === '') return undefined;
  for (let i = fm.startLine + 1; i < fm.endLine; i++) {
    const t = index.line(i).text;
    const m = /^title[ \t]*:[ \t]*/.exec(t);
    if (m) {
      const start = m[0].length;
      return { text: String(value).trim(), range: index.range(i, start, Math.max(start, t.trimEnd().length)), line: i, source: 'frontmatter' };
    }
  }
  return { text: String(value).trim(), range: index.linesRange(fm.startLine, fm.startLine), line: fm.startLine, source: 'frontmatter' };
}

/** A short first line with no number, not a salutation (「各位代表：」), followed by body text. */
function isTitleLine(index: LineIndex, kinds: LineKind[], line: number): boolean {
  const t = index.line(line).text.trim();
  if (t.length === 0 || [...t].length > 40) return false;
  if (/[：:，,。！!？?；;、…]$/.test(t)) return false;
  // Paste junk such as 「##paidbegin##」 is not a title (removing it must not change the outline).
  if (t.startsWith('#')) return false;
  for (let i = line + 1; i < kinds.length; i++) {
    if (kinds[i] === 'blank') continue;
    return kinds[i] === 'text' || kinds[i] === 'heading';
  }
  return false;
}
