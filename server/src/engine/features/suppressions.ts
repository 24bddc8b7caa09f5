import type { ReportModel } from '../model/types';

/**
 * Inline comments that silence rules, as in markdownlint:
 *   <!-- report-disable [rule-id …] -->            from this line on (all rules without an id)
 *   <!-- report-enable [rule-id …] -->             from this line on
 *   <!-- report-disable-next-line [rule-id …] -->  the next line only
 *   <!-- report-disable-line [rule-id …] -->       this line only
 * Ids are separated by spaces or commas.
 */
const COMMENT_RE = /<!--\s*report-(disable-next-line|disable-line|disable|enable)((?:[\s,]+[A-Za-z][\w-]*)*)\s*-->/g;

type Kind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line';

interface Directive {
  readonly line: number;
  readonly kind: Kind;
  /** Rule ids; empty for all rules. */
  readonly ids: readonly string[];
}

export interface Suppressions {
  /** True when findings of `ruleId` starting on `line` are silenced. */
  isSuppressed(ruleId: string, line: number): boolean;
  readonly directives: readonly Directive[];
}

export function parseDirectives(model: ReportModel): Directive[] {
  const out: Directive[] = [];
  if (!model.text.includes('report-')) return out;
  for (const line of model.index.lines) {
    if (!line.text.includes('<!--')) continue;
    const kind = model.lineKinds[line.index];
    if (kind === 'code' || kind === 'frontmatter') continue;
    COMMENT_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = COMMENT_RE.exec(line.text)) !== null) {
      const ids = (m[2] ?? '').split(/[\s,]+/).filter((s) => s.length > 0);
      out.push({ line: line.index, kind: m[1] as Kind, ids });
    }
  }
  return out;
}

export function suppressions(model: ReportModel): Suppressions {
  const directives = parseDirectives(model);
  const ranged = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  const lineOnly = directives.filter((d) => d.kind === 'disable-line' || d.kind === 'disable-next-line');
  const covers = (d: Directive, ruleId: string): boolean => d.ids.length === 0 || d.ids.includes(ruleId);
  return {
    directives,
    isSuppressed(ruleId, line) {
      for (const d of lineOnly) {
        const target = d.kind === 'disable-line' ? d.line : d.line + 1;
        if (target === line && covers(d, ruleId)) return true;
      }
      // The last disable/enable that applies to this rule on or before the line decides.
      let off = false;
      for (const d of ranged) {
        if (d.line > line) break;
        if (covers(d, ruleId)) off = d.kind === 'disable';
      }
      return off;
    },
  };
}
