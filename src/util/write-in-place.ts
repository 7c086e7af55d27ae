/**
 * Rewrites a file in place, on the same inode, for `--fix`: the file keeps its owner, group, mode,
 * ACLs, extended attributes and hard links, and a single file bind-mounted into a container stays
 * writable (it cannot be renamed over). A temporary file renamed over the original (see
 * atomic-write.ts, used for snapshots) would give it the fixer's owner, break its hard links and
 * need a writable folder.
 *
 * The price is atomicity: a crash, a power loss or a full disk during the write can leave the
 * file partly written. The window is kept small: only the bytes from the first change on are
 * written, in one positioned write, then flushed to disk (fdatasync). Just before writing, the
 * file is checked to be the one that was read (same device and inode, size, modification time
 * and content); if anything else wrote to it in between, nothing is written.
 */
import { closeSync, constants, fdatasyncSync, fstatSync, ftruncateSync, openSync, readSync, statSync, writeSync, type BigIntStats } from 'node:fs';
import { fsReason } from './fs-error.js';

/** What a file was when it was read: enough to tell, before writing it, that nobody changed it since. */
export interface FileStamp {
  readonly dev: bigint;
  readonly ino: bigint;
  readonly size: bigint;
  readonly mtimeNs: bigint;
  /** The bytes that were read. */
  readonly bytes: Uint8Array;
}

export const stampOf = (stats: BigIntStats, bytes: Uint8Array): FileStamp => ({
  dev: stats.dev,
  ino: stats.ino,
  size: stats.size,
  mtimeNs: stats.mtimeNs,
  bytes,
});

export type Rewrite =
  | { readonly written: true; /** Set when the file changed while it was written. */ readonly warning: string | null }
  | { readonly written: false; readonly reason: string };

/** `O_NONBLOCK`: a FIFO swapped in for the file does not block the open (undefined on Windows). */
const NONBLOCK = constants.O_NONBLOCK ?? 0;
/** The owner's write permission bit. */
const OWNER_WRITE = 0o200n;

/** Whether the open file holds exactly `bytes`. */
function holds(fd: number, bytes: Uint8Array): boolean {
  // One byte more than expected, to notice a file that has grown.
  const buffer = Buffer.alloc(bytes.length + 1);
  let read = 0;
  for (let n; read < buffer.length && (n = readSync(fd, buffer, read, buffer.length - read, read)) > 0; ) read += n;
  return read === bytes.length && buffer.subarray(0, read).equals(bytes);
}

function commonPrefix(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  let i = 0;
  while (i < length && a[i] === b[i]) i++;
  return i;
}

function writeAll(fd: number, content: Uint8Array, from: number): void {
  for (let at = from; at < content.length; ) at += writeSync(fd, content, at, content.length - at, at);
}

const unchanged = (stats: BigIntStats, stamp: FileStamp): boolean =>
  stats.dev === stamp.dev && stats.ino === stamp.ino && stats.size === stamp.size && stats.mtimeNs === stamp.mtimeNs;

/**
 * Replaces the content of the file at `path` (a symbolic link is followed) with `content`, if the
 * file is still what `stamp` says was read. A file without its owner's write permission is
 * refused: it was made read-only on purpose, and the superuser could write it anyway.
 */
export function rewriteInPlace(path: string, stamp: FileStamp, content: Uint8Array): Rewrite {
  let fd: number;
  try {
    if ((statSync(path, { bigint: true }).mode & OWNER_WRITE) === 0n) return { written: false, reason: 'it is read-only' };
    fd = openSync(path, constants.O_RDWR | NONBLOCK);
  } catch (error) {
    const reason = fsReason(error);
    if (reason === null) throw error;
    return { written: false, reason };
  }
  let writing = false;
  try {
    const before = fstatSync(fd, { bigint: true });
    if (!before.isFile() || !unchanged(before, stamp) || !holds(fd, stamp.bytes)) {
      return { written: false, reason: 'it changed after it was read' };
    }
    writing = true;
    writeAll(fd, content, commonPrefix(stamp.bytes, content));
    if (content.length < stamp.bytes.length) ftruncateSync(fd, content.length);
    fdatasyncSync(fd);
    const after = fstatSync(fd, { bigint: true });
    const warning = after.size === BigInt(content.length) ? null : 'it changed while it was being written; check its content';
    return { written: true, warning };
  } catch (error) {
    const reason = fsReason(error);
    if (reason === null) throw error;
    return { written: false, reason: writing ? `writing it failed, and it may be partly written: ${reason}` : reason };
  } finally {
    closeSync(fd);
  }
}
