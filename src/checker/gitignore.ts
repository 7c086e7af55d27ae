/**
 * `.gitignore` files as git reads them, for the checker's walk (files.ts): each line a pattern
 * relative to the file's folder, the last matching line of a file decides, and a deeper file
 * overrides the files above it. Whole folders are excluded by the walk not descending into them,
 * so, as in git, a negation cannot bring back a file whose folder is excluded.
 *
 * Patterns match without case, as globby (which walked for the checker before, with the `ignore`
 * package's defaults) matched them. Each compiles to one regular expression, tested against the
 * path below the file's folder: a walk tests every entry against every rule of its ignore files,
 * which a glob matcher that splits the path at each call made the larger part of the walk.
 */

/** One line of an ignore file. */
interface Rule {
  readonly pattern: RegExp;
  /** `!pattern`: a match includes the path again. */
  readonly negated: boolean;
  /** `pattern/`: matches folders only. */
  readonly folderOnly: boolean;
}

const escapeRegExp = (c: string): string => (/[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c);

/** A `[...]` class at `open`, as a regular-expression class that never matches `/`; null when it is not closed. */
function bracket(segment: string, open: number): { source: string; end: number } | null {
  let i = open + 1;
  let negated = false;
  if (segment[i] === '!' || segment[i] === '^') {
    negated = true;
    i++;
  }
  let body = '';
  // A `]` first in the class is a member, not its end.
  for (let first = true; i < segment.length; first = false) {
    const c = segment[i]!;
    if (c === ']' && !first) return { source: negated ? `[^/${body}]` : `(?!/)[${body}]`, end: i + 1 };
    if (c === '\\' && i + 1 < segment.length) {
      body += `\\${segment[i + 1]}`;
      i += 2;
    } else {
      body += c === '-' ? '-' : escapeRegExp(c);
      i++;
    }
  }
  return null;
}

/** One path segment of a pattern (no `/`): `*`, `?`, classes and escapes. */
function segmentSource(segment: string): string {
  let source = '';
  for (let i = 0; i < segment.length; ) {
    const c = segment[i]!;
    if (c === '*') {
      // Consecutive asterisks inside a segment are one.
      while (segment[i] === '*') i++;
      source += '[^/]*';
    } else if (c === '?') {
      source += '[^/]';
      i++;
    } else if (c === '[') {
      const klass = bracket(segment, i);
      source += klass ? klass.source : '\\[';
      i = klass ? klass.end : i + 1;
    } else if (c === '\\' && i + 1 < segment.length) {
      source += escapeRegExp(segment[i + 1]!);
      i += 2;
    } else {
      source += escapeRegExp(c);
      i++;
    }
  }
  return source;
}

/** Trailing whitespace goes, unless the last of it is escaped with a backslash (`foo\ `). */
function trimEnd(line: string): string {
  let end = line.length;
  while (end > 0 && /\s/.test(line[end - 1]!)) end--;
  if (end === line.length) return line;
  let backslashes = 0;
  for (let i = end - 1; i >= 0 && line[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1 ? `${line.slice(0, end)} ` : line.slice(0, end);
}

/** One line as a rule, or null for blank lines, comments and patterns that match nothing. */
function ruleOf(raw: string): Rule | null {
  let line = trimEnd(raw);
  if (!line || line.startsWith('#')) return null;
  const negated = line.startsWith('!');
  if (negated) line = line.slice(1);
  const folderOnly = line.endsWith('/') && !line.endsWith('\\/');
  if (folderOnly) line = line.slice(0, -1);
  // A slash at the start or in the middle anchors the pattern to the file's folder; without one
  // it matches at any depth.
  const anchored = line.includes('/');
  if (line.startsWith('/')) line = line.slice(1);
  if (!line) return null;
  const segments = line.split('/');
  let source = anchored ? '' : '(?:.*/)?';
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '**') {
      // `**/x` at any depth, `x/**` everything inside, `x/**/y` zero or more folders between.
      source += last ? (i === 0 ? '.*' : '.+') : '(?:.*/)?';
    } else {
      source += segmentSource(segment) + (last ? '' : '/');
    }
  });
  return { pattern: new RegExp(`^${source}$`, 'i'), negated, folderOnly };
}

/** The rules of one ignore file, and where it stands. */
export class IgnoreFile {
  private readonly rules: readonly Rule[];

  /**
   * @param folder The file's folder, relative to the walk's base (the repository's root, or the
   *   folder walked), with `/` separators; '' for the base itself.
   */
  constructor(
    readonly folder: string,
    text: string,
  ) {
    this.rules = text
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .flatMap((line) => ruleOf(line) ?? []);
  }

  /** Whether the file has rules at all. */
  get empty(): boolean {
    return this.rules.length === 0;
  }

  /**
   * What the file says of a path below its folder (relative to it, `/` separators): true
   * (ignored), false (included again by a negation), null (no rule matches).
   */
  verdict(path: string, folder: boolean): boolean | null {
    for (let i = this.rules.length - 1; i >= 0; i--) {
      const rule = this.rules[i]!;
      if ((!rule.folderOnly || folder) && rule.pattern.test(path)) return !rule.negated;
    }
    return null;
  }
}

/**
 * Whether the ignore files in effect (outermost first) exclude a path, relative to the walk's base
 * with `/` separators: the deepest file with a matching rule decides.
 */
export function isIgnored(files: readonly IgnoreFile[], path: string, folder: boolean): boolean {
  for (let i = files.length - 1; i >= 0; i--) {
    const file = files[i]!;
    const below = file.folder === '' ? path : path.slice(file.folder.length + 1);
    const verdict = file.verdict(below, folder);
    if (verdict !== null) return verdict;
  }
  return false;
}
