import type { Hover, Position } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis';
import type { CancellationToken } from '../util/cancellation';
import { figureHover } from './figure-hover';
import { sectionHover } from './section-hover';

/** One source of hover content (a heading's path and size, a figure's reading, a total's arithmetic…). */
export type HoverProvider = (analysis: Analysis, position: Position, token?: CancellationToken) => Hover | null;

/** Hover providers, asked in order; their contents are joined. Each lives in its own file. */
const PROVIDERS: HoverProvider[] = [sectionHover, figureHover];

/** Hover on an analysed version: what every provider says at the position. */
export function hover(analysis: Analysis, position: Position, token?: CancellationToken): Hover | null {
  const parts: string[] = [];
  let range: Hover['range'];
  for (const provider of PROVIDERS) {
    if (token?.isCancellationRequested) return null;
    const h = provider(analysis, position, token);
    if (!h) continue;
    range ??= h.range;
    const c = h.contents;
    if (typeof c === 'string') parts.push(c);
    else if (Array.isArray(c)) parts.push(...c.map((x) => (typeof x === 'string' ? x : x.value)));
    else parts.push(c.value);
  }
  if (parts.length === 0) return null;
  return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, ...(range ? { range } : {}) };
}
