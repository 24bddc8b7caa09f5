/**
 * Writes an exported file without ever leaving a half-written one: the bytes go to a temporary
 * file beside the target, which is flushed and then renamed over the target. On any failure the
 * temporary file is removed and the target is left as it was. Used by the CLI and by the client
 * (no engine import here: the client bundle stays small, and each side passes its own translator).
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** engine `t` in the CLI, `vscode.l10n.t` in the client: the English text is the key. */
export type Translate = (message: string, ...args: Array<string | number>) => string;

/** A user-facing reason for a failed write, by errno code. */
export function describeWriteError(e: unknown, target: string, t: Translate): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EBUSY':
    case 'ETXTBSY':
      return t('{0} is open in another program (Word?) or locked: close it and export again', target);
    case 'EPERM':
    case 'EACCES':
      return t('{0} cannot be written: permission denied (is it open in another program, or read-only?)', target);
    case 'EROFS':
      return t('{0} cannot be written: the file system is read-only', target);
    case 'ENOENT':
      return t('{0} cannot be written: the folder does not exist', target);
    case 'ENOTDIR':
      return t('{0} cannot be written: a part of the path is a file, not a folder', target);
    case 'EISDIR':
    case 'ENOTEMPTY':
    case 'EEXIST':
      return t('{0} cannot be written: a folder of that name is in the way', target);
    case 'ENOSPC':
    case 'EDQUOT':
      return t('{0} cannot be written: the disk is full', target);
    default:
      return t('{0} cannot be written: {1}', target, e instanceof Error ? e.message : String(e));
  }
}

/** Writes `bytes` to `target` through a temporary file and a rename; throws the file system's error (errno code kept). */
export function writeFileAtomic(target: string, bytes: Uint8Array): void {
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx');
    let off = 0;
    while (off < bytes.byteLength) off += fs.writeSync(fd, bytes, off, bytes.byteLength - off);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, target);
  } catch (e) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // already failing
      }
    }
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // nothing more to clean
    }
    throw e;
  }
}
