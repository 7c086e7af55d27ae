/**
 * The comments that hold suppression directives, in any language, without a parser: one search
 * for the directive's word (`bedrock-lint-`, and `eslint-` in JavaScript and TypeScript), then a
 * look back on that line for a comment marker of the file's language right before it. The readers
 * stay as they are (they skip comments and need not keep them), and a file a parser rejects keeps
 * its suppressions. Linear: each search starts where the last one ended.
 *
 * What it cannot tell: a string that holds a comment marker and a directive (`x = "# bedrock-lint-
 * disable"`) counts as a comment. Directives are meant to be written in comments, so this is rare
 * and errs toward silencing what the line's author asked to silence.
 */
import type { Comment } from './directives.js';
import type { Language } from '../readers/languages.js';

/** How a language writes comments: markers that run to the end of the line, and block pairs. */
export interface CommentSyntax {
  readonly line: readonly string[];
  readonly block: readonly (readonly [open: string, close: string])[];
}

const C_BLOCK = [['/*', '*/']] as const;

/** Comment syntaxes by family, for the languages the checker reads and those it may come to read. */
export const COMMENT_SYNTAX = {
  /** Python, YAML, TOML, shell, `.env`, Dockerfiles, Ruby. */
  hash: { line: ['#'], block: [] },
  /** JavaScript, TypeScript, Go, JSONC, Rust, Java, Kotlin, C#, Swift, ... */
  slash: { line: ['//'], block: C_BLOCK },
  /** Terraform and HCL. */
  hcl: { line: ['#', '//'], block: C_BLOCK },
  /** SQL, Lua, Haskell. */
  dashes: { line: ['--'], block: C_BLOCK },
  /** INI and `.cfg` files. */
  ini: { line: [';', '#'], block: [] },
  /** Java `.properties`. */
  properties: { line: ['#', '!'], block: [] },
  /** XML, HTML, Markdown. */
  markup: { line: [], block: [['<!--', '-->']] },
} as const satisfies Record<string, CommentSyntax>;

/** Every language the checker reads names its comment syntax, so that a new one cannot be forgotten. */
const SYNTAX_OF: Readonly<Record<Language, CommentSyntax>> = {
  javascript: COMMENT_SYNTAX.slash,
  typescript: COMMENT_SYNTAX.slash,
  python: COMMENT_SYNTAX.hash,
  go: COMMENT_SYNTAX.slash,
  json: COMMENT_SYNTAX.slash,
  yaml: COMMENT_SYNTAX.hash,
  toml: COMMENT_SYNTAX.hash,
  hcl: COMMENT_SYNTAX.hcl,
  shell: COMMENT_SYNTAX.hash,
  'hash-text': COMMENT_SYNTAX.hash,
  'c-text': COMMENT_SYNTAX.slash,
  properties: COMMENT_SYNTAX.properties,
  ini: { line: [';', '#'], block: [] },
  // A notebook's comments are in its cells' JSON strings: the Python reader's comments are not kept.
  notebook: { line: [], block: [] },
};

export const commentSyntaxOf = (language: Language): CommentSyntax => SYNTAX_OF[language];

/** The words a directive starts with: ESLint's family only where ESLint reads the file too. */
const directiveWords = (language: Language): readonly string[] =>
  language === 'javascript' || language === 'typescript' ? ['bedrock-lint-', 'eslint-'] : ['bedrock-lint-'];

/**
 * The comments of `text` that start with a directive word, each with its text after the marker
 * (up to the end of the line, or to the block's close) and the lines it spans (`lineOf`: the
 * 1-based line of an offset, as the caller counts lines for its findings). In source order.
 */
export function directiveComments(text: string, language: Language, lineOf: (offset: number) => number): Comment[] {
  const found: { at: number; comment: Comment }[] = [];
  const syntax = SYNTAX_OF[language];
  const lineEnd = new NextMatch(text, /[\n\r\u2028\u2029]/g);
  const closes = new Map(syntax.block.map(([, close]) => [close, new NextMatch(text, close)]));
  for (const word of directiveWords(language)) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
      // A directive word inside a longer word (`typescript-eslint-...`) is not one; a marker must be right before it.
      if (at > 0 && /\w/.test(text[at - 1]!)) continue;
      let before = at;
      while (before > 0 && (text[before - 1] === ' ' || text[before - 1] === '\t')) before--;
      const close = markerBefore(text, before, syntax);
      if (close === undefined) continue;
      const end = (close === null ? lineEnd : closes.get(close)!).after(at);
      const line = lineOf(at);
      const endLine = close === null ? line : lineOf(end);
      found.push({ at, comment: { text: ` ${text.slice(at, end)}`, line, endLine } });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ comment }) => comment);
}

/** The close of the comment whose marker ends at `end`: null for a line comment; undefined: no marker there. */
function markerBefore(text: string, end: number, syntax: CommentSyntax): string | null | undefined {
  for (const [open, close] of syntax.block) if (text.endsWith(open, end)) return close;
  for (const marker of syntax.line) if (text.endsWith(marker, end)) return null;
  return undefined;
}

/**
 * The next occurrence of a string or pattern at or after an offset (the text's length when there
 * is none), remembering the last answer: offsets asked for between a search's start and its
 * answer get the same answer without a new search, so many directives on one long line, or
 * inside one unclosed block, cost one search in all.
 */
class NextMatch {
  private from = -1;
  private at = -1;

  constructor(
    private readonly text: string,
    private readonly target: string | RegExp,
  ) {}

  after(offset: number): number {
    if (offset >= this.from && offset <= this.at) return this.at;
    this.from = offset;
    if (typeof this.target === 'string') {
      const at = this.text.indexOf(this.target, offset);
      this.at = at < 0 ? this.text.length : at;
    } else {
      this.target.lastIndex = offset;
      this.at = this.target.exec(this.text)?.index ?? this.text.length;
    }
    return this.at;
  }
}
