/**
 * Which files a check reads, and how: paths are expanded with globby (honouring `.gitignore`,
 * skipping dependency and VCS folders), files of unknown types are left out, and binaries,
 * files over 5 MB and minified bundles are skipped with a note, never silently.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { globby, isDynamicPattern } from 'globby';
import { languageOf, type Language } from '../readers/languages.js';

/** Folders of installed dependencies, tool caches and version control: never the project's code. */
export const SKIPPED_FOLDERS = ['node_modules', '.git', '.venv', 'site-packages', '.terraform', '.tox', '__pycache__'];

const MAX_BYTES = 5 * 1024 * 1024;
/** Files at least this large are checked for minified content. */
const MINIFIED_MIN_BYTES = 64 * 1024;
/** Average characters per line above which a file is treated as minified or generated. */
const MINIFIED_LINE_LENGTH = 1000;
/** How much of a file is sniffed for NUL bytes. */
const SNIFF_BYTES = 8000;

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface SourceFile {
  readonly path: string;
  readonly language: Language;
}

const globOptions = (cwd: string) => ({
  cwd,
  gitignore: true,
  dot: true,
  absolute: true,
  onlyFiles: true,
  followSymbolicLinks: false,
  ignore: SKIPPED_FOLDERS.map((folder) => `**/${folder}/**`),
});

/**
 * The files to check under `paths` (relative to `cwd`): directories are walked, files given by
 * name are checked even when ignored, glob patterns are expanded. A path that does not exist is
 * a usage error.
 */
export async function findFiles(paths: readonly string[], cwd: string): Promise<SourceFile[]> {
  const found = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      if (!isDynamicPattern(path)) throw new UsageError(`no such file or directory: ${path}`);
      for (const file of await globby(path, globOptions(cwd))) found.add(file);
      continue;
    }
    if (stats.isDirectory()) {
      for (const file of await globby('**/*', globOptions(absolute))) found.add(file);
    } else {
      found.add(absolute);
    }
  }
  const files: SourceFile[] = [];
  for (const path of [...found].sort()) {
    const language = languageOf(path);
    if (language) files.push({ path, language });
  }
  return files;
}

export interface Source {
  /** The text, without a byte-order mark. */
  readonly text: string;
  readonly bom: boolean;
  /** Whether the bytes are valid UTF-8, so that a fixed file can be written back losslessly. */
  readonly lossless: boolean;
}

/** Reads a file as text, or says why it is skipped. */
export function readSource(path: string): Source | { skip: string } {
  const size = statSync(path).size;
  if (size > MAX_BYTES) return { skip: `larger than ${MAX_BYTES / 1024 / 1024} MB` };
  const bytes = readFileSync(path);
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return { skip: 'binary (contains NUL bytes)' };
  const decoded = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const bom = decoded.startsWith('\uFEFF');
  const text = bom ? decoded.slice(1) : decoded;
  if (size >= MINIFIED_MIN_BYTES) {
    let lines = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    const average = Math.round(text.length / lines);
    if (average > MINIFIED_LINE_LENGTH) return { skip: `looks minified or generated (${average} characters per line)` };
  }
  return { text, bom, lossless: Buffer.from(decoded, 'utf8').equals(bytes) };
}
