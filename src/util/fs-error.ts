/**
 * A failed file system call, in words: the checker turns these into a note about one file and goes
 * on, where a raw errno would end the whole run. The code stays in brackets, for searching.
 */
const WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'it no longer exists',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'a loop of symbolic links',
  ENAMETOOLONG: 'its path is longer than the system allows',
  ENOTDIR: 'a part of its path is not a folder',
  EISDIR: 'it is a folder',
  EROFS: 'the file system is read-only',
  EIO: 'an input/output error',
  ENXIO: 'no device or reader behind it',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EBUSY: 'it is busy',
  ETXTBSY: 'it is busy',
  EFBIG: 'it is too large',
};

/** The error's errno code, or null when it is not a file system error (a bug, to be rethrown). */
export function errnoCode(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return error instanceof Error && typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : null;
}

/** Why a file system call failed (`permission denied (EACCES)`), or null for an error of another kind. */
export function fsReason(error: unknown): string | null {
  const code = errnoCode(error);
  if (code === null) return null;
  return `${WORDS[code] ?? 'it cannot be accessed'} (${code})`;
}
