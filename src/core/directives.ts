/**
 * Inline suppressions: the comments that silence a rule on a line, the next line, or a block,
 * in the manner of ESLint's directives. Two families: ESLint's own (`eslint-disable-line
 * aws-bedrock/rule`), which the checker honours in JavaScript and TypeScript so that it agrees
 * with ESLint, and `bedrock-lint-disable...` (`rule` with or without the `aws-bedrock/` prefix)
 * in every language. Readers hand over comments; the judge asks whether a finding is silenced.
 */

export interface Comment {
  /** The comment's text without its markers (`//`, `#`, `/* *\/`). */
  readonly text: string;
  /** 1-based lines where the comment starts and ends. */
  readonly line: number;
  readonly endLine: number;
}

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface Directive {
  /** `eslint-...` or `bedrock-lint-...`. */
  readonly family: 'eslint' | 'bedrock-lint';
  readonly kind: DirectiveKind;
  /** Rule names without prefix; empty: every rule. */
  readonly rules: readonly string[];
  /** The line of the comment that holds it. */
  readonly line: number;
  /** The lines it silences (`disable-line`, `disable-next-line`); null for block directives. */
  readonly target: number | null;
  /** The text after ` -- `, why the finding is silenced; null without one. */
  readonly reason: string | null;
}

const DIRECTIVE = /^\s*(eslint|bedrock-lint)-(disable-next-line|disable-line|disable|enable)(?=\s|$)([\s\S]*)$/;
const PREFIX = 'aws-bedrock/';

/**
 * The directives of a comment, or null. ESLint's family names this plugin's rules with their
 * prefix (other plugins' rules are ignored); an ESLint directive that names no rule silences all.
 */
export function parseDirective(comment: Comment): Directive | null {
  const match = DIRECTIVE.exec(comment.text);
  if (!match) return null;
  const [, family, kind, rest = ''] = match;
  const [list = '', ...why] = rest.split(/\s--(?:\s|$)/);
  const reason = why.join(' -- ').trim() || null;
  const names = list.trim() ? list.split(',').map((name) => name.trim()).filter(Boolean) : [];
  let rules: string[];
  if (family === 'eslint') {
    rules = names.filter((name) => name.startsWith(PREFIX)).map((name) => name.slice(PREFIX.length));
    // `eslint-disable-line other/rule`: not about this plugin.
    if (names.length > 0 && rules.length === 0) return null;
  } else {
    rules = names.map((name) => (name.startsWith(PREFIX) ? name.slice(PREFIX.length) : name));
  }
  const target = kind === 'disable-line' ? comment.line : kind === 'disable-next-line' ? comment.endLine + 1 : null;
  return { family: family as Directive['family'], kind: kind as DirectiveKind, rules, line: comment.line, target, reason };
}

/** Answers whether a rule is silenced on a line, from a file's directives. */
export class Suppressions {
  private readonly directives: readonly Directive[];
  /** Directives that silenced at least one finding (for reporting unused ones). */
  readonly used = new Set<Directive>();

  constructor(comments: readonly Comment[]) {
    this.directives = comments.flatMap((comment) => parseDirective(comment) ?? []);
  }

  get all(): readonly Directive[] {
    return this.directives;
  }

  /** The directive that silences `rule` on `line`, or null. */
  silencing(rule: string, line: number): Directive | null {
    const names = (d: Directive): boolean => d.rules.length === 0 || d.rules.includes(rule);
    let block: Directive | null = null;
    for (const directive of this.directives) {
      if (directive.target !== null) {
        if (directive.target === line && names(directive)) {
          this.used.add(directive);
          return directive;
        }
        continue;
      }
      if (directive.line > line) continue;
      // Later block directives win: `disable` then `enable` of the same rule re-enables it.
      if (directive.kind === 'disable' && names(directive)) block = directive;
      else if (directive.kind === 'enable' && names(directive)) block = null;
    }
    if (block) this.used.add(block);
    return block;
  }
}
