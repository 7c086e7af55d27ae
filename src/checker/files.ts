/**
 * Which files a check reads, and how: paths are expanded with globby (honouring `.gitignore`,
 * skipping dependency and VCS folders), files of unknown types are left out, and binaries,
 * files over 5 MB and minified bundles are skipped with a note, never silently.
 *
 * No single file ends the run. A file or folder that cannot be read, that vanishes before it is
 * read, whose name is not UTF-8 or whose path is too long for the system, a named pipe, socket or
 * device, and a symbolic link to a folder met in a walk are each left out with a note. Symbolic
 * links to files are followed, and each file is checked once: a link to a file that is checked
 * under its own name (or through an earlier link) is left out with a note.
 */
import fs, { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync, statSync, type Dirent, type Stats } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { IgnoreFile, isIgnored } from './gitignore.js';
import { escapeControl } from '../util/escape.js';
import { errnoCode, fsReason } from '../util/fs-error.js';
import { stampOf, type FileStamp } from '../util/write-in-place.js';
import { languageOf, type Language } from '../readers/languages.js';

/** Folders of installed dependencies, tool caches and version control: never the project's code. */
export const SKIPPED_FOLDERS = ['node_modules', '.git', '.venv', 'site-packages', '.terraform', '.tox', '__pycache__'];
const SKIPPED: ReadonlySet<string> = new Set(SKIPPED_FOLDERS);

const MAX_BYTES = 5 * 1024 * 1024;
/** Files at least this large are checked for minified content. */
const MINIFIED_MIN_BYTES = 64 * 1024;
/** Average characters per line above which a file is treated as minified or generated. */
const MINIFIED_LINE_LENGTH = 1000;
/** How much of a file is sniffed for NUL bytes. */
const SNIFF_BYTES = 8000;
/** `O_NONBLOCK`: opening a named pipe for reading must not wait for a writer (undefined on Windows). */
const NONBLOCK = constants.O_NONBLOCK ?? 0;

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface SourceFile {
  readonly path: string;
  readonly language: Language;
}

/** A path left out of the check, and why: `warning` when something is wrong, `note` when left out on purpose. */
export interface Skipped {
  readonly path: string;
  readonly reason: string;
  readonly level: Level;
  readonly folder?: boolean;
}

type Level = 'warning' | 'note';

/** Why a file is not checked. */
export interface Skip {
  readonly skip: string;
  readonly level: Level;
}

export interface FileList {
  /** The files to check, sorted by path. */
  readonly files: SourceFile[];
  /** Files and folders that were found but cannot be checked, sorted by path. */
  readonly skipped: Skipped[];
}

export interface FindOptions {
  /** A glob pattern that matches no file to check is a usage error, as in ESLint (default true). */
  readonly errorOnUnmatchedPattern?: boolean;
}

/**
 * A path as it is shown: relative to the working directory, with forward slashes. A path below
 * the directory (as walked: absolute and normalized) is cut, not passed to `relative`, which
 * resolves both paths again: a check shows every file's name.
 */
export function displayName(path: string, cwd: string): string {
  const below = path.length > cwd.length + 1 && path[cwd.length] === sep && path.startsWith(cwd) ? path.slice(cwd.length + 1) : relative(cwd, path);
  return sep === '/' ? below : below.split(sep).join('/');
}

interface EntryType {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
}

function notRegular(type: EntryType): string {
  const kind = type.isFIFO() ? 'a named pipe (FIFO)' : type.isSocket() ? 'a socket' : type.isDirectory() ? 'a folder' : 'a device';
  return `it is ${kind}, not a regular file`;
}

/** Why a path cannot be read, from the error of a file system call; other errors are rethrown. */
function unreadable(error: unknown, path: string): string {
  const reason = fsReason(error);
  if (reason === null) throw error;
  const code = errnoCode(error);
  // The name was decoded with replacement characters: the file exists under bytes that no UTF-8 string names.
  if (code === 'ENOENT' && path.includes('\uFFFD')) return 'its name is not valid UTF-8, so it cannot be opened by name';
  return code === 'ENOENT' ? reason : `it cannot be read: ${reason}`;
}

/** The files and notes of one `findFiles` call. */
class Collector {
  readonly files = new Map<string, Language>();
  readonly skipped = new Map<string, Skipped>();
  private readonly links: (SourceFile & { target: Stats })[] = [];

  constructor(private readonly cwd: string) {}

  skip(path: string, reason: string, level: Level, folder = false): void {
    if (!this.skipped.has(path)) this.skipped.set(path, { path, reason, level, ...(folder ? { folder } : {}) });
  }

  /** A path found by a walk or named by the user; returns whether it is a file to check (or would be). */
  entry(path: string, type: EntryType): boolean {
    if (type.isDirectory()) return false;
    if (type.isSymbolicLink()) return this.link(path);
    const language = languageOf(path);
    if (!language) return false;
    if (type.isFile()) this.files.set(path, language);
    else this.skip(path, notRegular(type), 'note');
    return true;
  }

  /** A symbolic link: a file behind it is checked (once), a folder behind it is not walked. */
  private link(path: string): boolean {
    let target: Stats;
    try {
      target = statSync(path);
    } catch (error) {
      if (!languageOf(path)) return false;
      const dangling = errnoCode(error) === 'ENOENT';
      this.skip(path, dangling ? 'it is a symbolic link to nothing (its target does not exist)' : unreadable(error, path), 'warning');
      return true;
    }
    if (target.isDirectory()) {
      this.skip(path, 'it is a symbolic link to a folder, which is not followed (name the folder itself to check it)', 'note', true);
      return true;
    }
    const language = languageOf(path);
    if (!language) return false;
    if (target.isFile()) this.links.push({ path, language, target });
    else this.skip(path, notRegular(target), 'note');
    return true;
  }

  /**
   * Walks a glob pattern from `cwd` with globby (loaded here, on first use: a check of folders,
   * the common case, does without it); returns how many files to check it matched.
   */
  async walk(pattern: string, cwd: string): Promise<number> {
    const readdir = (path: string, ...rest: unknown[]): void => {
      const callback = rest.pop() as (error: Error | null, entries: unknown[]) => void;
      const onRead = (error: Error | null, entries: unknown[]): void => {
        if (!error) return callback(null, entries);
        // A folder gone before it was listed held nothing to check (the base of a pattern that matches nothing, say).
        if (errnoCode(error) !== 'ENOENT') this.skip(resolve(cwd, path), unreadable(error, path), 'warning', true);
        callback(null, []);
      };
      (fs.readdir as (...args: unknown[]) => void)(path, ...rest, onRead);
    };
    const { globby } = await import('globby');
    const entries = await globby(pattern, {
      cwd,
      gitignore: true,
      dot: true,
      absolute: true,
      onlyFiles: false,
      objectMode: true,
      followSymbolicLinks: false,
      ignore: SKIPPED_FOLDERS.flatMap((folder) => [`**/${folder}`, `**/${folder}/**`]),
      // A folder that cannot be listed is a note, not the end of the walk.
      fs: { ...fs, readdir: readdir as typeof fs.readdir },
    });
    let matched = 0;
    for (const { path, dirent } of entries) if (this.entry(path, dirent)) matched++;
    return matched;
  }

  /**
   * Walks a folder as a globby walk of `**` did, without its cost (most of a check's time on a
   * large tree went to globby's .gitignore filter, which stats every entry): every entry
   * but the SKIPPED_FOLDERS, honouring the .gitignore files in the folder and below it, and, in a
   * git repository, those from the repository's root down to the folder, which can exclude the
   * folder itself. Returns how many files to check it found.
   */
  walkFolder(folder: string): number {
    const { base, files: outer } = this.outerIgnoreFiles(folder);
    const start = relative(base, folder).split(sep).join('/');
    // The folder, or one above it, excluded by the files above it: nothing below it is checked.
    const names = start ? start.split('/') : [];
    for (let depth = 1; depth <= names.length; depth++) {
      const above = outer.filter((file) => (file.folder ? file.folder.split('/').length : 0) < depth);
      if (isIgnored(above, names.slice(0, depth).join('/'), true)) return 0;
    }
    let matched = 0;
    const pending: { path: string; rel: string; ignores: readonly IgnoreFile[] }[] = [{ path: folder, rel: start, ignores: outer }];
    for (let next = pending.pop(); next; next = pending.pop()) {
      const { path, rel } = next;
      let entries: Dirent[];
      try {
        entries = readdirSync(path, { withFileTypes: true });
      } catch (error) {
        // A folder gone before it was listed held nothing to check.
        if (errnoCode(error) !== 'ENOENT') this.skip(path, unreadable(error, path), 'warning', true);
        continue;
      }
      let ignores = next.ignores;
      // The walked folder's own .gitignore is one of the outer ones.
      if (path !== folder && entries.some((entry) => entry.name === '.gitignore' && !entry.isDirectory())) {
        const own = this.ignoreFile(join(path, '.gitignore'), rel);
        if (own) ignores = [...ignores, own];
      }
      for (const entry of entries) {
        if (SKIPPED.has(entry.name)) continue;
        const child = join(path, entry.name);
        const childRel = rel ? `${rel}/${entry.name}` : entry.name;
        const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && isFolderPath(child));
        if (ignores.length && isIgnored(ignores, childRel, isFolder)) continue;
        if (entry.isDirectory()) pending.push({ path: child, rel: childRel, ignores });
        else if (this.entry(child, entry)) matched++;
      }
    }
    return matched;
  }

  /**
   * Where a walk of `folder` reads paths from (the git repository's root, else the folder) and the
   * .gitignore files from there down to the folder (inclusive): the same files globby read.
   */
  private outerIgnoreFiles(folder: string): { base: string; files: IgnoreFile[] } {
    let root: string | null = null;
    for (let dir = folder; ; dir = dirname(dir)) {
      try {
        const git = statSync(join(dir, '.git'));
        // A folder, or a file pointing to one (a worktree, a submodule).
        if (git.isDirectory() || git.isFile()) {
          root = dir;
          break;
        }
      } catch {
        // Not a repository's root; look further up.
      }
      if (dirname(dir) === dir) break;
    }
    const base = root ?? folder;
    const files: IgnoreFile[] = [];
    const rel = relative(base, folder).split(sep).join('/');
    const names = rel ? rel.split('/') : [];
    for (let i = 0; i <= names.length; i++) {
      const at = names.slice(0, i).join('/');
      const file = this.ignoreFile(join(base, ...names.slice(0, i), '.gitignore'), at);
      if (file) files.push(file);
    }
    return { base, files };
  }

  /** An ignore file's rules, or null when it has none or does not exist (one that cannot be read is a note). */
  private ignoreFile(path: string, folder: string): IgnoreFile | null {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      const code = errnoCode(error);
      if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'EISDIR') {
        this.skip(path, `${unreadable(error, path)}, so its patterns are not applied`, 'warning');
      }
      return null;
    }
    const file = new IgnoreFile(folder, text);
    return file.empty ? null : file;
  }

  /** The files, the links to files not checked otherwise, and the notes, each sorted by path. */
  result(): FileList {
    if (this.links.length) {
      const byInode = new Map<string, string>();
      const key = (stats: Stats): string => `${stats.dev}:${stats.ino}`;
      for (const path of this.files.keys()) {
        try {
          byInode.set(key(statSync(path)), path);
        } catch {
          // Read (and noted) later.
        }
      }
      for (const link of this.links.sort((a, b) => (a.path < b.path ? -1 : 1))) {
        const checked = byInode.get(key(link.target));
        if (checked === undefined) {
          byInode.set(key(link.target), link.path);
          this.files.set(link.path, link.language);
        } else if (checked !== link.path) {
          this.skip(link.path, `it is a link to ${displayName(checked, this.cwd)}, which is checked under that name`, 'note');
        }
      }
    }
    const byPath = <T>(entries: Iterable<[string, T]>): [string, T][] => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return {
      files: byPath(this.files).map(([path, language]) => ({ path, language })),
      skipped: byPath(this.skipped).map(([, skipped]) => skipped),
    };
  }
}

/**
 * The files to check under `paths` (relative to `cwd`): directories are walked, files given by
 * name are checked even when ignored, glob patterns are expanded. A path that does not exist is
 * a usage error, and so is a pattern that matches no file to check (unless allowed in `options`).
 */
export async function findFiles(paths: readonly string[], cwd: string, options: FindOptions = {}): Promise<FileList> {
  const collector = new Collector(cwd);
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let stats: Stats;
    try {
      stats = lstatSync(absolute);
    } catch (error) {
      const code = errnoCode(error);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        collector.skip(absolute, unreadable(error, absolute), 'warning');
      } else if (!(await import('globby')).isDynamicPattern(path)) {
        throw new UsageError(`no such file or directory: ${escapeControl(path)}`);
      } else if (!(await collector.walk(path, cwd)) && options.errorOnUnmatchedPattern !== false) {
        throw new UsageError(
          `no files match the pattern '${escapeControl(path)}' (files of other types, and those in .gitignore or dependency folders, ` +
            'are left out); check it for typos, or pass --no-error-on-unmatched-pattern.',
        );
      }
      continue;
    }
    const folder = stats.isDirectory() || (stats.isSymbolicLink() && isFolderPath(absolute));
    if (folder) collector.walkFolder(absolute);
    else collector.entry(absolute, stats);
  }
  return collector.result();
}

function isFolderPath(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Keeps a byte-order mark in the text (readSource takes it off and remembers it); stateless between calls. */
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

export interface Source {
  /** The text, without a byte-order mark. */
  readonly text: string;
  readonly bom: boolean;
  /** Whether the bytes are valid UTF-8, so that a fixed file can be written back losslessly. */
  readonly lossless: boolean;
  /** What was read, for `--fix` to make sure that nothing changed the file before it writes it. */
  readonly stamp: FileStamp;
}

/**
 * The bytes of an open file, read to its end: `size` (from the fstat before) is the first guess,
 * so that the read needs no other fstat, as readFileSync would make; a file that grew is read on.
 */
function readAll(fd: number, size: number): Buffer {
  let buffer = Buffer.allocUnsafe(size + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      const larger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) return buffer.subarray(0, length);
    length += read;
  }
}

/**
 * Reads a file as text, or says why it is skipped. The file is opened once, and what is read is
 * what was checked: a file replaced by a folder or a named pipe after it was listed is noted, not
 * waited on.
 */
export function readSource(path: string): Source | Skip {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | NONBLOCK);
  } catch (error) {
    return { skip: unreadable(error, path), level: 'warning' };
  }
  try {
    const stats = fstatSync(fd, { bigint: true });
    if (!stats.isFile()) return { skip: notRegular(stats), level: 'note' };
    if (stats.size > BigInt(MAX_BYTES)) return { skip: `larger than ${MAX_BYTES / 1024 / 1024} MB`, level: 'note' };
    const bytes = readAll(fd, Number(stats.size));
    if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return { skip: 'binary (contains NUL bytes)', level: 'note' };
    // The state before the read: a file that changes while it is read then fails the check
    // before a fix is written, as one changed afterwards does.
    const stamp = stampOf(stats, bytes);
    const decoded = UTF8.decode(bytes);
    const bom = decoded.startsWith('\uFEFF');
    const text = bom ? decoded.slice(1) : decoded;
    if (bytes.length >= MINIFIED_MIN_BYTES) {
      let lines = 1;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
      const average = Math.round(text.length / lines);
      if (average > MINIFIED_LINE_LENGTH) return { skip: `looks minified or generated (${average} characters per line)`, level: 'note' };
    }
    // isUtf8 rather than encoding the text again to compare: the same answer, without a copy of every file.
    return { text, bom, lossless: isUtf8(bytes), stamp };
  } catch (error) {
    return { skip: unreadable(error, path), level: 'warning' };
  } finally {
    closeSync(fd);
  }
}
