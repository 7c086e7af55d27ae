/**
 * Whole-file pre-filters: one linear regular-expression pass that tells whether a file can name a
 * model at all, so that the files that cannot (almost all of them) are never parsed or walked.
 * Each pattern is a necessary condition of `parseModelRef`: a file without a match has no string
 * the classifier would give a verdict.
 */
import type { Registry } from '../registry/registry.js';

interface Patterns {
  /** A provider prefix and a dot, or `claude-`, anywhere: for any language. */
  readonly anywhere: RegExp;
  /**
   * In JavaScript source: the same at the start of a quoted string, after a geography prefix, or
   * after a `/`; or an escape that might spell one (global: every match is wanted).
   */
  readonly quoted: RegExp;
}

const patterns = new WeakMap<Registry, Patterns>();

/**
 * A hex, unicode or octal escape, which could spell a character of a model reference in a
 * JavaScript string (`\x2e`, `\u0061`). Identity escapes (`\c` for `c`) and line continuations
 * inside a provider's name are not looked for: no-useless-escape flags the first, and neither
 * is written in real code.
 */
const CHARACTER_ESCAPE = /\\[xu0-7]/;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function patternsOf(registry: Registry): Patterns {
  let found = patterns.get(registry);
  if (!found) {
    const providers = [...registry.providers].map(escapeRegExp).join('|');
    found = {
      // Literal alternatives only: one linear pass over the file, no lower-cased copy of it.
      anywhere: new RegExp(`claude-|(?:${providers})\\.`, 'i'),
      // A reference begins its string (`'anthropic.`, `'us.anthropic.`, `'claude-`) or follows a
      // `/` (ARNs, `bedrock/converse/`); the geography is any run of ID characters but the dot.
      quoted: new RegExp(`['"\`/](?:[\\w:-]+\\.)?(?:${providers})\\.|(?<=\\})\\.(?:${providers})\\.|['"\`]claude-|${CHARACTER_ESCAPE.source}`, 'gi'),
    };
    patterns.set(registry, found);
  }
  return found;
}

/** Whether any text (a file of any language) can hold a model reference: `anthropic.`, `claude-`. */
export function mayNameModel(text: string, registry: Registry): boolean {
  return patternsOf(registry).anywhere.test(text);
}

/**
 * Whether source code whose strings are always quoted (JavaScript, TypeScript, Python, Go, JSON)
 * may hold a string that is a model reference: `sourceModelOffsets` finds at least one place.
 */
export function mayQuoteModel(text: string, registry: Registry): boolean {
  const pattern = patternsOf(registry).quoted;
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}

/**
 * Where JavaScript or TypeScript source may hold a string literal that is a model reference: the
 * offsets (ascending) of a provider's name at the start of a string (`'anthropic.`,
 * `'us.anthropic.`, `'claude-`) or after a `/` (ARNs, `bedrock/converse/`), and of escapes that
 * might spell one (`\x2e`, `\u0061`, judged by the string's value). Stricter than `mayNameModel`:
 * `import.meta.url` and `writer.write()` name providers too, but not where a string begins. Most
 * files have none.
 */
export function sourceModelOffsets(text: string, registry: Registry): number[] {
  const pattern = patternsOf(registry).quoted;
  const offsets: number[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) offsets.push(match.index);
  return offsets;
}
