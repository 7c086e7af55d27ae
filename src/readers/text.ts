/**
 * The linear scanner: one pass over the characters, no backtracking, for files without a parser
 * here (shell, `.env`, Dockerfiles, Ruby, Rust, ...) and for files a parser rejects. It finds
 * quoted strings (and, in shell-like files, unquoted words and `KEY=value` values), skips
 * comments, mapping keys (`"id": ...`, `"id" => ...`), joined strings (`"us." + id`) and the
 * arguments of string searches (`.start_with?("...")`, `.contains("...")`), and reads regions from
 * the names the values are given to. A string next to `==`/`!=` (`===`, `!==`; in shell also a
 * lone `=`), after Ruby's `when` or in `equals(...)` is compared against: it names a model
 * without invoking it, as in the ESLint rules.
 */
import { mightBeModelRef } from '../classifier/parse.js';
import { isComparisonName, isRegionName, isResourceName, isSearchName, mentionsBedrock } from '../context/names.js';
import type { Language } from './languages.js';
import { CLAUDE_CODE_USE_BEDROCK, isAssertion, isClaudeCodeModelVariable, roleOfValue } from '../context/sinks.js';
import { inPlace, type Candidate, type Collection } from '../core/candidate.js';

export interface TextDialect {
  /** Quote characters that open a string. */
  readonly quotes: string;
  /** `#` starts a comment (in `words` dialects only at the start of a word). */
  readonly hashComments: boolean;
  /** `//` and `/* ... *\/` are comments. */
  readonly slashComments: boolean;
  /** Unquoted words are values too (shell arguments, `KEY=value`, YAML plain scalars). */
  readonly words: boolean;
}

export const DIALECTS: Readonly<Record<Language, TextDialect>> = {
  javascript: { quotes: '"\'`', hashComments: false, slashComments: true, words: false },
  typescript: { quotes: '"\'`', hashComments: false, slashComments: true, words: false },
  python: { quotes: '"\'', hashComments: true, slashComments: false, words: false },
  go: { quotes: '"`', hashComments: false, slashComments: true, words: false },
  json: { quotes: '"', hashComments: false, slashComments: true, words: false },
  yaml: { quotes: '"\'', hashComments: true, slashComments: false, words: true },
  toml: { quotes: '"\'', hashComments: true, slashComments: false, words: false },
  hcl: { quotes: '"', hashComments: true, slashComments: true, words: false },
  shell: { quotes: '"\'', hashComments: true, slashComments: false, words: true },
  'hash-text': { quotes: '"\'', hashComments: true, slashComments: false, words: false },
  'c-text': { quotes: '"', hashComments: false, slashComments: true, words: false },
  properties: { quotes: '', hashComments: true, slashComments: false, words: true },
  ini: { quotes: '"\'', hashComments: true, slashComments: false, words: true },
  notebook: { quotes: '"', hashComments: false, slashComments: false, words: false },
};

/** A shell default of a region variable: `${AWS_REGION:-eu-west-1}`, `${AWS_DEFAULT_REGION-eu-west-1}`. */
const REGION_DEFAULT = /^\$\{[A-Za-z_]*REGION[A-Za-z_]*:?-([a-z]{2}(?:-[a-z]+)+-\d{1,2})\}$/;

/** A model ID behind a region variable where a profile's geography goes: `${AWS_REGION}.anthropic...`, `$AWS_REGION.meta...`. */
const REGION_PREFIXED = /^\$\{?[A-Za-z_]*REGION[A-Za-z_]*\}?\.([a-z0-9-]+\.[A-Za-z0-9._:-]+)$/;

/** A Java/Kotlin SDK region: `Region.EU_WEST_1`, or `Region.of("eu-west-1")`. */
const SDK_REGION = /\bRegion\.(?:([A-Z]{2}(?:_[A-Z]+)+_\d{1,2})\b|of\(\s*"([a-z]{2}(?:-[a-z]+)+-\d{1,2})"\s*\))/g;
/** RSpec matchers whose argument is an expected value: `expect(ids).to contain_exactly("...")`. */
const RSPEC_MATCHERS = new Set(['eq', 'eql', 'contain_exactly', 'match_array', 'start_with', 'end_with']);

/** How far the scanner looks back for the name a string is given to. */
const LOOK_BACK = 80;
/** Characters that end an unquoted shell word. */
const WORD_END = new Set([' ', '\t', '\r', '\n', ';', '|', '&', '<', '>', '(', ')', '`', '"', "'"]);

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r';
const isNameChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_-]/.test(c);
/** Characters of a method name, with Ruby's `?` and `!`: `start_with?`. */
const isMethodChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_?!]/.test(c);
/** Shell words before a compared value: `[[ $x == v ]]`, `[ "$x" = v ]`, `[ "$x" != v ]`. */
const SHELL_COMPARISONS = new Set(['==', '!=', '=']);
/** Words before a compared value besides comparison methods: Ruby's `case ... when "..."`. */
const COMPARING_KEYWORDS = new Set(['when']);

export function scanText(source: string, dialect: TextDialect): Collection {
  const candidates: Candidate[] = [];
  const regions: string[] = [];
  let usesBedrock = false;
  const length = source.length;
  /** Claude Code sends ANTHROPIC_MODEL to Bedrock when the file also sets CLAUDE_CODE_USE_BEDROCK=1. */
  const claudeCodeOnBedrock = CLAUDE_CODE_USE_BEDROCK.test(source);
  /** Shell: the previous word on the line, the name of a flag's value (`--region eu-west-1`). */
  let previousWord: string | null = null;

  const nextNonSpace = (from: number): number => {
    let i = from;
    while (i < length && i - from < LOOK_BACK && isSpace(source[i])) i++;
    return i;
  };

  /** A string followed by `:` (not `::`) or `=>` is a mapping key. */
  const isKey = (after: number): boolean => {
    const i = nextNonSpace(after);
    return (source[i] === ':' && source[i + 1] !== ':') || (source[i] === '=' && source[i + 1] === '>');
  };

  /** Joined at run time: `"us." + id` or `prefix + "..."`. */
  const isJoined = (before: number, after: number): boolean => {
    let i = before;
    while (i >= 0 && before - i < LOOK_BACK && isSpace(source[i])) i--;
    return source[i] === '+' || source[nextNonSpace(after)] === '+';
  };

  /** The name a quoted value at `quote` is given to: `name = "..."`, `name: "..."`, `name("...")`, `"name": "..."`. */
  const nameBefore = (quote: number): string | null => {
    const floor = Math.max(0, quote - LOOK_BACK);
    let i = quote - 1;
    while (i >= floor && isSpace(source[i])) i--;
    if (source[i] === '>' && source[i - 1] === '=') i -= 2;
    else if (source[i] === '=' || source[i] === ':' || source[i] === '(') i--;
    else return null;
    while (i >= floor && isSpace(source[i])) i--;
    const close = source[i];
    if (close !== undefined && dialect.quotes.includes(close)) {
      const open = source.lastIndexOf(close, i - 1);
      return open >= floor ? source.slice(open + 1, i) : null;
    }
    const end = i + 1;
    while (i >= floor && isNameChar(source[i])) i--;
    const name = source.slice(i + 1, end);
    // `Region::new("eu-west-1")`: the type names the value, not the constructor.
    if (name === 'new' && source[i] === ':' && source[i - 1] === ':') {
      const typeEnd = i - 1;
      let j = typeEnd - 1;
      while (j >= floor && isNameChar(source[j])) j--;
      return source.slice(j + 1, typeEnd);
    }
    return name || null;
  };

  /** `==` or `!=` (also `===`, `!==`) right before `before` or right after `after`, across spaces. */
  const isBesideEquality = (before: number, after: number): boolean => {
    let i = before;
    while (i >= 0 && before - i < LOOK_BACK && isSpace(source[i])) i--;
    const j = nextNonSpace(after);
    return (source[i] === '=' && (source[i - 1] === '=' || source[i - 1] === '!')) || ((source[j] === '=' || source[j] === '!') && source[j + 1] === '=');
  };

  /** The method or keyword right before a quote: `start_with?` of `.start_with?("x")` or `.start_with? "x"`. */
  const callBefore = (quote: number): string => {
    const floor = Math.max(0, quote - LOOK_BACK);
    let i = quote - 1;
    while (i >= floor && isSpace(source[i])) i--;
    if (source[i] === '(') i--;
    const end = i + 1;
    while (i >= floor && isMethodChar(source[i])) i--;
    return source.slice(i + 1, end);
  };

  // Java and Kotlin SDK regions: `Region.EU_WEST_1`, `Region.of("eu-west-1")`.
  if (!dialect.words) {
    for (const match of source.matchAll(SDK_REGION)) regions.push(match[1] ? match[1].toLowerCase().replace(/_/g, '-') : match[2]!);
  }

  const consider = (text: string, start: number, end: number, valueStart: number, name: string | null, compared = false, asserted = false): void => {
    if (mentionsBedrock(text)) usesBedrock = true;
    if (name !== null && isRegionName(name)) regions.push(REGION_DEFAULT.exec(text)?.[1] ?? text);
    const afterRegion = REGION_PREFIXED.exec(text);
    if (afterRegion && mightBeModelRef(afterRegion[1]!)) {
      // `${AWS_REGION}.anthropic...`: a region where the geography goes; never rewritten.
      candidates.push({ text: afterRegion[1]!, start, end, fix: null, role: 'unknown', display: text, regionAsGeography: true });
      return;
    }
    if (!mightBeModelRef(text) || text.includes('\\')) return;
    const role = compared ? 'lookup' : asserted ? 'test' : name !== null && claudeCodeOnBedrock && isClaudeCodeModelVariable(name) ? 'sent' : roleOfValue(name, false, name !== null && isResourceName(name));
    candidates.push({ text, start, end, fix: inPlace(valueStart, text), role });
  };

  let i = 0;
  let wordStart = true;
  while (i < length) {
    const c = source[i]!;
    if (c === '\n') {
      previousWord = null;
      wordStart = true;
      i++;
    } else if (isSpace(c)) {
      wordStart = true;
      i++;
    } else if (dialect.hashComments && c === '#' && (!dialect.words || wordStart)) {
      const eol = source.indexOf('\n', i);
      i = eol < 0 ? length : eol;
    } else if (dialect.slashComments && c === '/' && source[i + 1] === '/') {
      const eol = source.indexOf('\n', i);
      i = eol < 0 ? length : eol;
    } else if (dialect.slashComments && c === '/' && source[i + 1] === '*') {
      const close = source.indexOf('*/', i + 2);
      i = close < 0 ? length : close + 2;
    } else if (dialect.quotes.includes(c)) {
      i = quoted(i, c);
      wordStart = false;
    } else if (dialect.words) {
      i = word(i);
      wordStart = false;
    } else {
      const start = i;
      while (i < length && isNameChar(source[i])) i++;
      if (i === start) i++;
      else if (!usesBedrock && mentionsBedrock(source.slice(start, i))) usesBedrock = true;
      wordStart = true;
    }
  }
  return { candidates, facts: { regions, usesBedrock } };

  /** Scans a string opened at `open`; strings end at the end of their line. Returns the next index. */
  function quoted(open: number, quote: string): number {
    const escapes = !(dialect.words && quote === "'");
    let j = open + 1;
    while (j < length) {
      const d = source[j];
      if (d === quote) break;
      if (d === '\n') return j;
      j += escapes && d === '\\' ? 2 : 1;
    }
    if (j >= length) return length;
    const text = source.slice(open + 1, j);
    const next = j + 1;
    if (isKey(next)) {
      previousWord = text;
      return next;
    }
    let name: string | null;
    let compared = isBesideEquality(open - 1, next);
    let asserted = false;
    if (dialect.words) {
      // `KEY="value"` or `--flag "value"`.
      let w = open - 1;
      while (w >= 0 && !WORD_END.has(source[w]!)) w--;
      const prefix = source.slice(w + 1, open);
      name = prefix.endsWith('=') ? prefix.slice(0, -1) : prefix === '' ? previousWord : null;
      compared ||= prefix === '' && SHELL_COMPARISONS.has(previousWord ?? '');
      previousWord = text;
    } else {
      name = nameBefore(open);
      const call = callBefore(open);
      // A piece of an ID searched for: not judged at all.
      if (isSearchName(call)) return next;
      compared ||= isComparisonName(call) || COMPARING_KEYWORDS.has(call);
      asserted = isAssertion(call) || RSPEC_MATCHERS.has(call);
    }
    if (!isJoined(open - 1, next)) consider(text, open, next, open + 1, name, compared, asserted);
    return next;
  }

  /** Scans an unquoted word at `start` (shell-like dialects). Returns the next index. */
  function word(start: number): number {
    let j = start;
    while (j < length && !WORD_END.has(source[j]!)) j++;
    if (j === start) return j + 1;
    const text = source.slice(start, j);
    if (text.endsWith(':')) {
      // A YAML key.
      previousWord = text.slice(0, -1);
      return j;
    }
    const equals = text.indexOf('=');
    if (equals > 0) {
      const value = text.slice(equals + 1);
      if (value) consider(value, start + equals + 1, j, start + equals + 1, text.slice(0, equals));
    } else {
      consider(text, start, j, start, previousWord, SHELL_COMPARISONS.has(previousWord ?? ''));
    }
    previousWord = text;
    return j;
  }
}
