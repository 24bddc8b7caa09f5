import { promises as fsp } from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { buildModel, decodeReport, type ReportModel } from './engine';
import type { CancellationToken } from './engine/util/cancellation';

const REPORT_FILE = /\.report(\.md)?$/;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out']);
const MAX_FILES = 5000;
const MAX_SIZE = 5_000_000;

/** Report files of the workspace folders, read from disk and cached by modification time. */
export class WorkspaceIndex {
  private folders = new Set<string>();
  private readonly cache = new Map<string, { mtimeMs: number; model: ReportModel }>();

  setFolders(uris: string[]): void {
    this.folders = new Set(uris.filter((u) => u.startsWith('file:')));
  }

  changeFolders(added: string[], removed: string[]): void {
    for (const u of removed) this.folders.delete(u);
    for (const u of added) if (u.startsWith('file:')) this.folders.add(u);
  }

  /** Models of the workspace's report files except those given (already open). */
  async models(exclude: Set<string>, token?: CancellationToken): Promise<ReportModel[]> {
    const files: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      if (files.length >= MAX_FILES || token?.isCancellationRequested) return;
      let entries;
      try {
        entries = await fsp.readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(p);
        } else if (e.isFile() && REPORT_FILE.test(e.name)) files.push(p);
        if (files.length >= MAX_FILES) return;
      }
    };
    for (const folder of this.folders) await walk(fileURLToPath(folder));
    const out: ReportModel[] = [];
    for (const file of files) {
      if (token?.isCancellationRequested) break;
      const uri = pathToFileURL(file).toString();
      if (exclude.has(uri)) continue;
      try {
        const stat = await fsp.stat(file);
        if (stat.size > MAX_SIZE) continue;
        const cached = this.cache.get(file);
        if (cached && cached.mtimeMs === stat.mtimeMs) {
          out.push(cached.model);
          continue;
        }
        const decoded = decodeReport(await fsp.readFile(file));
        if (decoded.binary) continue;
        const model = buildModel({ text: decoded.text, uri });
        this.cache.set(file, { mtimeMs: stat.mtimeMs, model });
        out.push(model);
      } catch {
        // unreadable file: skip it
      }
    }
    return out;
  }
}
