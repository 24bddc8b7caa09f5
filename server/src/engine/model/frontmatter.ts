import { parseDocument } from 'yaml';
import type { LineIndex } from './lines';
import type { TextMemo } from './memo';
import type { FrontMatter } from './types';

const FENCE_OPEN = /^(\uFEFF)?---[ \t]*$/;
const FENCE_CLOSE = /^(---|\.\.\.)[ \t]*$/;

/** YAML front matter between `---` lines at the very top of the document. */
export function parseFrontMatter(index: LineIndex, memo?: TextMemo): FrontMatter | undefined {
  const first = index.line(0);
  if (!FENCE_OPEN.test(first.text) || index.lineCount < 2) return undefined;
  let close = -1;
  for (let i = 1; i < index.lineCount; i++) {
    if (FENCE_CLOSE.test(index.line(i).text)) {
      close = i;
      break;
    }
  }
  if (close < 0) {
    return {
      startLine: 0,
      endLine: 0,
      range: index.linesRange(0, 0),
      terminated: false,
      data: undefined,
      error: undefined,
    };
  }
  // Everything here depends on the text from the top through the closing fence only.
  const upTo = index.line(close);
  if (memo) return memo.get('front-matter', index.text.slice(0, upTo.start + upTo.text.length), () => readFrontMatter(index, close));
  return readFrontMatter(index, close);
}

function readFrontMatter(index: LineIndex, close: number): FrontMatter {
  const yamlText = index.text.slice(index.line(1).start, index.line(close).start);
  let data: Record<string, unknown> | undefined;
  let error: FrontMatter['error'];
  try {
    const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false });
    const err = doc.errors[0];
    if (err) {
      // The error's offset in the YAML text gives its line (linePos is only set with prettyErrors).
      const offset = err.pos[0];
      let line = 1;
      for (let i = 0; i < offset && i < yamlText.length; i++) if (yamlText.charCodeAt(i) === 10) line++;
      line = Math.min(Math.max(1, close - 1), line);
      error = { message: err.message.split('\n')[0] ?? err.message, range: index.linesRange(line, line) };
    } else {
      const js: unknown = doc.toJS();
      if (js && typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
      else if (js !== null && js !== undefined) {
        error = { message: 'front matter is not a mapping of fields', range: index.linesRange(1, Math.max(1, close - 1)) };
      } else data = {};
    }
  } catch (e) {
    error = { message: e instanceof Error ? e.message : String(e), range: index.linesRange(1, Math.max(1, close - 1)) };
  }
  return { startLine: 0, endLine: close, range: index.linesRange(0, close), terminated: true, data, error };
}
