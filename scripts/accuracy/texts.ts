/**
 * The texts of the accuracy benchmark: the 41 published reports of ../shared/corpus (clean and
 * carefully edited: a warning on them is almost always a false alarm) and the 5 real reports of
 * ../shared/examples (with truth/*.json). Found beside the project (../shared) or in SHARED_DIR.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildModel, type ReportModel } from '../../server/src/engine';

export interface BenchText {
  /** File name without the folder. */
  readonly name: string;
  /** 'corpus' (published, no truth), 'examples' (with truth), 'markdown' (hand-written Markdown of tests/fixtures/markdown, with truth) or 'extra' (a folder given with --extra, no truth). */
  readonly set: 'corpus' | 'examples' | 'markdown' | 'extra';
  readonly text: string;
  readonly model: ReportModel;
}

export function sharedDir(): string {
  const candidates = [process.env['SHARED_DIR'], path.join(__dirname, '..', '..', '..', 'shared'), path.join(__dirname, '..', '..', 'shared')].filter((d): d is string => !!d);
  const found = candidates.find((d) => fs.existsSync(path.join(d, 'corpus')));
  if (!found) throw new Error(`the benchmark texts are not here: set SHARED_DIR to the folder holding corpus/ and examples/ (looked in ${candidates.join(', ')})`);
  return found;
}

export function loadTexts(set: 'corpus' | 'examples'): BenchText[] {
  const dir = path.join(sharedDir(), set);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      return { name, set, text, model: buildModel({ text, uri: `file:///${set}/${name}` }) };
    });
}

/** The .txt files of any folder (`--extra`: other published reports, read for precision only). */
export function loadFolder(dir: string): BenchText[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      return { name, set: 'extra' as const, text, model: buildModel({ text, uri: `file:///extra/${name}` }) };
    });
}

/** The truth file of an example report. */
export function truthOf(name: string): { outline: Array<{ level: number; number: string; title: string; line: number; marker: string; runin: boolean }>; real_defects: Array<{ line: number; kind: string; text: string }> } {
  return JSON.parse(fs.readFileSync(path.join(sharedDir(), 'examples', 'truth', name.replace(/\.txt$/, '.json')), 'utf8')) as ReturnType<typeof truthOf>;
}

const MARKDOWN_DIR = path.join(__dirname, '..', '..', 'tests', 'fixtures', 'markdown');

/** The Markdown reports written by hand for the tests (tests/fixtures/markdown), with truth/*.json. */
export function loadMarkdown(): BenchText[] {
  return fs
    .readdirSync(MARKDOWN_DIR)
    .filter((f) => f.endsWith('.report.md'))
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(MARKDOWN_DIR, name), 'utf8');
      return { name, set: 'markdown' as const, text, model: buildModel({ text, uri: `file:///markdown/${name}` }) };
    });
}

/** The outline truth of a hand-written Markdown report. */
export function markdownTruthOf(name: string): Pick<ReturnType<typeof truthOf>, 'outline'> {
  return JSON.parse(fs.readFileSync(path.join(MARKDOWN_DIR, 'truth', name.replace(/\.report\.md$/, '.json')), 'utf8')) as Pick<ReturnType<typeof truthOf>, 'outline'>;
}
