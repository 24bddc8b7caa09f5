import { promises as fsp } from 'fs';
import { fileURLToPath, pathToFileURL } from 'url';
import type { ConfigFiles } from './config-file';
import { buildModel, decodeReport, type ReportModel } from './engine';
import type { CancellationToken } from './engine/util/cancellation';
import { ignoredBy, reportFiles } from './files';

const MAX_FILES = 5000;
const MAX_SIZE = 5_000_000;

/**
 * Report files of the workspace folders, read from disk and cached by modification time. The files
 * are those `report-check <folder>` checks (server/src/files.ts): the default folders and the
 * `ignores` of the nearest .reportrc are skipped.
 */
export class WorkspaceIndex {
  private folders = new Set<string>();
  private readonly cache = new Map<string, { mtimeMs: number; model: ReportModel }>();

  constructor(private readonly configs: ConfigFiles) {}

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
    for (const folder of this.folders) {
      if (files.length >= MAX_FILES || token?.isCancellationRequested) break;
      let found: string[];
      try {
        found = await reportFiles(fileURLToPath(folder));
      } catch {
        continue; // a folder that cannot be read
      }
      for (const f of found) if (files.length < MAX_FILES && !ignoredBy(this.configs.forPath(f), f)) files.push(f);
    }
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
