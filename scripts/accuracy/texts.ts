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
  /** 'corpus' (published, no truth) or 'examples' (with truth). */
  readonly set: 'corpus' | 'examples';
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

/** The truth file of an example report. */
export function truthOf(name: string): { outline: Array<{ level: number; number: string; title: string; line: number; marker: string; runin: boolean }>; real_defects: Array<{ line: number; kind: string; text: string }> } {
  return JSON.parse(fs.readFileSync(path.join(sharedDir(), 'examples', 'truth', name.replace(/\.txt$/, '.json')), 'utf8')) as ReturnType<typeof truthOf>;
}
