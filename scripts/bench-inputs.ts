/**
 * Inputs of `npm run bench`: reports of a given size built from the real examples' body text
 * under renumbered sections (一、 → （一） → 1. → （1）), plus the real examples as they are.
 */
import * as fs from 'fs';
import * as path from 'path';
import { toChineseNumeral } from '../server/src/engine/util/numerals';

const REAL_DIR = path.join(__dirname, '..', 'tests', 'fixtures', 'real');

export const REAL = fs
  .readdirSync(REAL_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: f.replace(/\.txt$/, ''), text: fs.readFileSync(path.join(REAL_DIR, f), 'utf8') }));

/** Body paragraphs of the real reports (long lines without a leading marker). */
const PARAGRAPHS = REAL.flatMap((r) => r.text.split(/\r?\n/))
  .map((l) => l.replace(/^[\s\u3000]+/, ''))
  .filter((l) => l.length > 60 && !/^[一二三四五六七八九十（(0-9０-９第①-⑩]/.test(l));

/**
 * A report of about `size` characters: 一、 sections holding （一） subsections holding 1. items
 * with real paragraphs, some run-in headings, 一是……二是…… enumerations and a table per section.
 */
export function generateReport(size: number, options: { distinct?: boolean } = {}): string {
  const out: string[] = ['---', 'title: 基准测试工作报告', 'author: 基准', 'date: 2026-01-01', '---', '', '各位代表：', ''];
  let length = out.join('\n').length;
  let p = 0;
  // Past the first round of the real paragraphs, `distinct` makes each one another text: its
  // clauses rotated and the last digit of each number changed (a real report does not repeat
  // its paragraphs, and the engine reads a text it has already read in the same version only once).
  const para = (): string => {
    const round = Math.floor(p / PARAGRAPHS.length);
    const text = PARAGRAPHS[p++ % PARAGRAPHS.length] ?? '';
    return options.distinct && round > 0 ? distinctVariant(text, round) : text;
  };
  const push = (line: string): void => {
    out.push(line);
    length += line.length + 1;
  };
  // Enough sections for the size, within the numbering range (≤ 99 per level).
  const perLevel1 = Math.max(1, Math.ceil(size / 20));
  const subs = Math.min(20, Math.max(2, Math.ceil(perLevel1 / 2500)));
  const items = Math.min(20, Math.max(1, Math.ceil(perLevel1 / subs / 600)));
  for (let i = 1; length < size && i <= 99; i++) {
    push(`${toChineseNumeral(i)}、第${toChineseNumeral(i)}部分工作回顾`);
    push(para());
    for (let j = 1; j <= subs && length < size; j++) {
      if (j % 3 === 0) push(`（${toChineseNumeral(j)}）坚持统筹推进。${para()}`);
      else push(`（${toChineseNumeral(j)}）第${toChineseNumeral(j)}项重点任务`);
      for (let k = 1; k <= items && length < size; k++) {
        push(`${k}.具体措施${k}`);
        push(k % 4 === 0 ? `一是${para().slice(0, 40)}；二是${para().slice(0, 40)}；三是${para().slice(0, 40)}。` : para());
      }
    }
    push('');
    push('| 指标 | 2025年 | 2026年 | 增长 |');
    push('| --- | --- | --- | --- |');
    push(`| 地区生产总值（亿元） | ${100 + i}.5 | ${110 + i}.2 | 9.6% |`);
    push(`| 一般公共预算收入（亿元） | ${20 + i}.1 | ${22 + i}.3 | 10.9% |`);
    push('');
  }
  return out.join('\n').slice(0, size);
}

/** Another text of the same kind: clauses rotated by `round`, the last digit of each number moved on by it. */
function distinctVariant(text: string, round: number): string {
  const clauses = text.match(/[^，。；]+[，。；]?/gu) ?? [text];
  const k = round % clauses.length;
  const rotated = [...clauses.slice(k), ...clauses.slice(0, k)].join('');
  return rotated.replace(/[0-9]+/g, (n) => n.slice(0, -1) + String((Number(n.slice(-1)) + round) % 10));
}
