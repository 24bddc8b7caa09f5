import * as fs from 'fs';
import * as iconv from 'iconv-lite';
import { applyEdits, buildModel, nonOverlapping, runRules, type DecodedText, type EngineConfig, type ReportModel, type RuleDiagnostic } from './engine';

/** One fix applied by `report-check --fix`. */
export interface AppliedFix {
  readonly rule: string;
  /** 1-based position in the text as it was before this pass. */
  readonly line: number;
  readonly column: number;
  readonly title: string;
}

/** Preferred fixes that do not overlap an earlier one, with the findings they belong to. */
function pickFixes(found: readonly RuleDiagnostic[]): { fixes: AppliedFix[]; edits: Parameters<typeof applyEdits>[1] } {
  const fixes: AppliedFix[] = [];
  const all: Array<Parameters<typeof applyEdits>[1][number]> = [];
  for (const d of found) {
    const fix = d.finding.fixes?.find((f) => f.preferred);
    if (!fix || fix.edits.length === 0) continue;
    const kept = nonOverlapping([...all, ...fix.edits]);
    if (kept.length !== all.length + fix.edits.length) continue; // overlaps a fix already taken
    all.push(...fix.edits);
    const s = d.finding.range.start;
    fixes.push({ rule: d.rule.id, line: s.line + 1, column: s.character + 1, title: fix.title });
  }
  return { fixes, edits: all };
}

/**
 * Applies the preferred fixes until none is left (a fix may uncover another; at most 5 passes).
 * Returns the new model and findings, and what was fixed.
 */
export function fixText(model: ReportModel, config: EngineConfig): { model: ReportModel; findings: RuleDiagnostic[]; applied: AppliedFix[] } {
  const applied: AppliedFix[] = [];
  let current = model;
  let findings = runRules(current, config);
  for (let pass = 0; pass < 5; pass++) {
    const { fixes, edits } = pickFixes(findings);
    if (fixes.length === 0) break;
    applied.push(...fixes);
    current = buildModel({ text: applyEdits(current.index, edits), uri: current.uri });
    findings = runRules(current, config);
  }
  return { model: current, findings, applied };
}

/** Writes the fixed text back in the file's own encoding (BOM, UTF-16 or GB18030 kept). */
export function writeBack(file: string, text: string, decoded: DecodedText): void {
  let bytes: Buffer;
  switch (decoded.encoding) {
    case 'utf-8-bom':
      bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
      break;
    case 'utf-16le':
      bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      break;
    case 'utf-16be':
      bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
      break;
    case 'gb18030':
      bytes = iconv.encode(text, 'gb18030');
      break;
    default:
      bytes = Buffer.from(text, 'utf8');
  }
  fs.writeFileSync(file, bytes);
}
