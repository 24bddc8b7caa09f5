import type { Hover, Position } from 'vscode-languageserver-types';
import { t } from '../i18n';
import { flattenSections } from '../model/sections';
import type { Analysis } from '../analysis';
import type { ReportModel, Section } from '../model/types';
import { countReport, type CharCount } from '../../../../common/wordcount';

/** Text of a section: from its heading (marker included) to its last line. */
function sectionText(model: ReportModel, s: Section): string {
  const { index } = model;
  const start = index.offsetAt({ line: s.heading.line, character: s.heading.markerRange.start.character });
  const end = index.offsetAt({ line: s.endLine, character: index.line(s.endLine).text.length });
  return model.text.slice(start, end);
}

function counts(model: ReportModel, s: Section): { without: CharCount; withPunct: CharCount } {
  const text = sectionText(model, s);
  return { without: countReport(text, { countPunctuation: false }), withPunct: countReport(text, { countPunctuation: true }) };
}

/** Marker and title, with Markdown's special characters escaped (titles such as 「守##paidbegin##底线」 exist). */
const name = (s: Section): string => (s.heading.marker + s.heading.title).trim().replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);

/** Hover on a section heading: its path 「二、… › （三）…」 and the characters of it and of each sub-section. */
export function sectionHover(analysis: Analysis, position: Position): Hover | null {
  const { model } = analysis;
  const section = flattenSections(model.sections).find((s) => {
    const r = s.heading.headingRange;
    return r.start.line === position.line && position.character >= r.start.character && position.character <= r.end.character;
  });
  if (!section) return null;
  const path: string[] = [];
  for (let s: Section | undefined = section; s; s = s.parent) path.unshift(name(s));
  const c = counts(model, section);
  const lines = [
    `**${path.join(' › ')}**`,
    '',
    t('{0} characters ({1} with punctuation), lines {2}–{3}', c.without.characters, c.withPunct.characters, section.heading.line + 1, section.endLine + 1),
  ];
  if (section.children.length > 0) {
    lines.push('', t('Sub-sections:'));
    for (const child of section.children) {
      const cc = counts(model, child);
      lines.push(`- ${name(child)}: ${t('{0} characters ({1} with punctuation)', cc.without.characters, cc.withPunct.characters)}`);
    }
  }
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range: section.heading.headingRange };
}
