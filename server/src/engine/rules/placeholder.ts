import { t } from '../i18n';
import { defineRule, type Finding } from './types';

/**
 * Stand-ins left in a draft: 「党的XX大」, 「××」, 「X月X日」, 「□□」, 「＿＿」, 「【待补充】」, 「TODO」.
 * An X inside a Latin word (XXL, XXX-Large, Xbox) or a single X before a noun (X光, X射线) is not one.
 */
const PATTERNS: RegExp[] = [
  /(?<![A-Za-z0-9_\-./@])(?:[Xx]{2,}|[×]{2,}|[Ｘｘ]{2,})(?![A-Za-z0-9_\-@])/g,
  /(?<![A-Za-z0-9])[XxＸｘ×](?=[年月日号])/g,
  /□+/g,
  /＿{2,}|(?<![\w`])_{3,}(?![\w`])/g,
  /【\s*(?:待补充|待定|待填|待核实|待确认|此处(?:填写|补充|插入)[^】]{0,20}|填写[^】]{0,10}|XX+|××+)\s*】/g,
  /(?<![A-Za-z])(?:TODO|TBD|FIXME)(?![A-Za-z])/g,
];

/** The first characters of every pattern above (a pattern added there adds its first character here). */
const PLACEHOLDER_START = /[XxＸｘ×□＿_【TF]/u;

export const placeholder = defineRule({
  id: 'placeholder',
  defaultSeverity: 'warning',
  description: {
    en: 'Placeholders left in the text: `XX`, `××`, `X月X日`, `□`, `＿＿`, `【待补充】`, `TODO`.',
    zh: '正文中遗留的 XX、××、□、【待补充】 等占位符。',
  },
  tags: ['proofreading'],
  fixable: 'none',
  options: {},
  check(model, _options, token) {
    const findings: Finding[] = [];
    const { index } = model;
    for (const line of index.lines) {
      if (token?.isCancellationRequested) return [];
      const kind = model.lineKinds[line.index];
      if (kind === 'code' || kind === 'blank' || kind === 'frontmatter' || kind === 'hr') continue;
      // (Only a line with a character a placeholder begins with is read; kept from the previous version for every line an edit did not touch.)
      if (!PLACEHOLDER_START.test(line.text)) continue;
      for (const [from, found] of model.memo.read('placeholder', line.text, placeholdersOf)) {
        findings.push({
          range: index.range(line.index, from, from + found.length),
          message: t('Placeholder "{0}" left in the text: fill in the real content.', found),
        });
      }
    }
    return findings;
  },
});

/** The placeholders of a line: [column, text] of each, in the order of PATTERNS (one per column). */
function placeholdersOf(text: string): ReadonlyArray<readonly [number, string]> {
  const out: Array<readonly [number, string]> = [];
  const seen = new Set<number>(checkboxes(text));
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (seen.has(m.index)) continue;
      seen.add(m.index);
      if (insideCodeSpan(text, m.index)) continue;
      out.push([m.index, m[0]]);
    }
  }
  return out;
}

/**
 * The 「□」 of a form's options are checkboxes, not blanks: 「□满意 □基本满意 □不满意」 — two or more
 * single boxes on the line, each before an option's text.
 */
function checkboxes(text: string): number[] {
  if (text.indexOf('□') < 0) return [];
  const boxes = [...text.matchAll(/(?<=^|[\s\u3000：:，,；;（()）])□(?=[^\s□_＿\d])/gu)].map((m) => m.index);
  return boxes.length >= 2 ? boxes : [];
}

function insideCodeSpan(text: string, at: number): boolean {
  let ticks = 0;
  for (let i = 0; i < at; i++) if (text.charAt(i) === '`') ticks++;
  return ticks % 2 === 1;
}
