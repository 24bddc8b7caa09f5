/**
 * Writes a file without ever losing what was there: the bytes go to a temporary file beside the
 * target, which is flushed and then renamed over the target. On any failure — a full disk, a
 * quota, a file-size limit — the temporary file is removed and the target is left as it was.
 * Used by the CLI (`report-export`, `report-check --fix`) and by the client's export commands
 * (no engine import here: the client bundle stays small, and each side passes its own translator).
 *
 * What an existing target keeps and what is refused:
 * - a symbolic link is followed: the file it points to is replaced, the link stays;
 * - the target's permission bits are kept (a 0600 file stays 0600), and its owner and group when
 *   the process may set them (`keepOwner: 'required'` refuses to write otherwise);
 * - a read-only target (no write permission for us, or no write bit at all) is refused, as is a
 *   target that is not a regular file (a device, a pipe) and a folder;
 * - `keepLinks` refuses a file with other hard links (the rename would separate them);
 * - `unchangedSince` refuses when the file is no longer what was read (size, mtime, content), so a
 *   save made meanwhile by an editor is never overwritten.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** engine `t` in the CLI, `vscode.l10n.t` in the client: the English text is the key. */
export type Translate = (message: string, ...args: Array<string | number>) => string;

/** Error codes of refusals decided here (the others are the file system's errno codes). */
export type RefusalCode = 'EREADONLY' | 'ENOTREGULAR' | 'EOWNER' | 'EHARDLINKS' | 'ECHANGED';

/** A refusal to write: `code` says why; nothing was written. */
export class WriteRefused extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly target: string,
  ) {
    super(`${code}: ${target}`);
  }
}

/** A user-facing reason for a failed write, by errno or refusal code. */
export function describeWriteError(e: unknown, target: string, t: Translate): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EBUSY':
    case 'ETXTBSY':
      return t('{0} is open in another program (Word?) or locked: close it and export again', target);
    case 'EPERM':
    case 'EACCES':
      return t('{0} cannot be written: permission denied (is it open in another program, or read-only?)', target);
    case 'EREADONLY':
      return t('{0} is read-only: it was not replaced (make it writable, or choose another name)', target);
    case 'ENOTREGULAR':
      return t('{0} is not a regular file (a device or a pipe): it was not replaced', target);
    case 'EOWNER':
      return t('{0} belongs to another user, and the rewritten file could not keep that owner: it was not replaced', target);
    case 'EHARDLINKS':
      return t('{0} has other hard links, which a rewrite would separate from it: it was not replaced', target);
    case 'ECHANGED':
      return t('{0} changed on disk while it was being processed (saved by an editor?): nothing was written, run again', target);
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
    case 'EFBIG':
      return t('{0} cannot be written: the file is larger than the system allows (a file-size limit)', target);
    default:
      return t('{0} cannot be written: {1}', target, e instanceof Error ? e.message : String(e));
  }
}

/** What a file was when it was read: checked again right before it is replaced. */
export interface FileSnapshot {
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
  /** SHA-256 of the bytes read. */
  readonly hash: string;
}

export function snapshotOf(stat: fs.Stats, bytes: Uint8Array): FileSnapshot {
  return { dev: stat.dev, ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs, hash: sha256(bytes) };
}

function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

export interface AtomicWriteOptions {
  /** 'required': refuse when the target's owner and group cannot be kept; 'try' (default): keep them when allowed. */
  readonly keepOwner?: 'required' | 'try';
  /** Refuse a target with other hard links. */
  readonly keepLinks?: boolean;
  /** Refuse unless the target is still exactly what was read. */
  readonly unchangedSince?: FileSnapshot;
  /** Runs after the temporary file is written, right before the target is checked and replaced (tests stage a concurrent save here). */
  readonly beforeReplace?: () => void;
}

const errno = (code: string, message: string): NodeJS.ErrnoException => Object.assign(new Error(message), { code });

/** The file a write to `target` replaces (symbolic links followed) and its status; no status for a new file. */
function resolveTarget(target: string): { file: string; stat: fs.Stats | undefined } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { file: path.resolve(target), stat: undefined };
    throw e;
  }
  const file = fs.lstatSync(target).isSymbolicLink() ? fs.realpathSync(target) : path.resolve(target);
  if (stat.isDirectory()) throw errno('EISDIR', `${target} is a directory`);
  if (!stat.isFile()) throw new WriteRefused('ENOTREGULAR', target);
  return { file, stat };
}

function isReadOnly(file: string, stat: fs.Stats): boolean {
  // Root may write anything: a file without any write bit is read-only on purpose all the same.
  if ((stat.mode & 0o222) === 0) return true;
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

function stillAsRead(file: string, snapshot: FileSnapshot): boolean {
  let now: fs.Stats;
  try {
    now = fs.statSync(file);
  } catch {
    return false;
  }
  if (now.dev !== snapshot.dev || now.ino !== snapshot.ino || now.size !== snapshot.size || now.mtimeMs !== snapshot.mtimeMs) return false;
  return sha256(fs.readFileSync(file)) === snapshot.hash;
}

/**
 * Writes `bytes` to `target` through a temporary file and a rename; throws the file system's
 * error (errno code kept) or a {@link WriteRefused}. The target is never left half-written.
 */
export function writeFileAtomic(target: string, bytes: Uint8Array, options: AtomicWriteOptions = {}): void {
  const { file, stat } = resolveTarget(target);
  if (stat && isReadOnly(file, stat)) throw new WriteRefused('EREADONLY', target);
  if (stat && options.keepLinks && stat.nlink > 1) throw new WriteRefused('EHARDLINKS', target);
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    // A new file gets the usual permissions (0666 less the umask); a replaced one keeps its own.
    fd = fs.openSync(temp, 'wx', stat ? 0o600 : 0o666);
    let off = 0;
    while (off < bytes.byteLength) off += fs.writeSync(fd, bytes, off, bytes.byteLength - off);
    if (stat) keepOwnerAndMode(fd, stat, target, options.keepOwner ?? 'try');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    options.beforeReplace?.();
    if (options.unchangedSince && !stillAsRead(file, options.unchangedSince)) throw new WriteRefused('ECHANGED', target);
    fs.renameSync(temp, file);
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
  syncFolder(dir);
}

function keepOwnerAndMode(fd: number, stat: fs.Stats, target: string, keepOwner: 'required' | 'try'): void {
  const uid = typeof process.geteuid === 'function' ? process.geteuid() : undefined;
  const gid = typeof process.getegid === 'function' ? process.getegid() : undefined;
  if (uid !== undefined && (stat.uid !== uid || stat.gid !== gid)) {
    try {
      fs.fchownSync(fd, stat.uid, stat.gid);
    } catch {
      if (keepOwner === 'required') throw new WriteRefused('EOWNER', target);
    }
  }
  fs.fchmodSync(fd, stat.mode & 0o7777);
}

/** Makes the rename durable where the platform allows it (a folder cannot be opened for fsync on Windows). */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
