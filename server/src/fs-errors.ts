import { t } from './engine';

/** A one-line reason for a file-system error, in the user's language. */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return t('no such file or directory');
  if (code === 'EACCES' || code === 'EPERM') return t('permission denied');
  if (code === 'EISDIR') return t('is a directory');
  if (code === 'EEXIST') return t('a file of that name is in the way');
  if (code === 'ENOTDIR') return t('a part of the path is a file, not a folder');
  return e instanceof Error ? e.message : String(e);
}
