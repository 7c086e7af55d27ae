/**
 * What the tree-sitter readers share: walk the string literals of a tree with their ancestors,
 * take the regions the file states from the names the strings are given to, and keep as candidates
 * the strings that might name a model, with their roles. Each language says what its strings,
 * names and contexts look like, from the ancestors the walk hands it (never climbing `parent`,
 * which tree-sitter answers by walking down from the root).
 */
import type { Node } from 'web-tree-sitter';
import { mightBeModelRef } from '../classifier/parse.js';
import { isRegionName, mentionsBedrock } from '../context/names.js';
import { visitNodes, type Ancestor } from './tree-sitter.js';
import { inPlace, type Candidate, type Collection, type Role } from '../core/candidate.js';

/** What a language reader says of one string. */
export interface StringContext {
  /** The name the string is given to (keyword argument, key, assignment target, ...), or null. */
  readonly name: string | null;
  /** Whether the string is a region (a region name's value, an environment fallback of a region variable). */
  readonly region?: boolean;
  /** What the code does with it; null: not a value the program uses as a model ID (a key, a docstring, ...). */
  readonly role: Role | null;
  /** The regions of the client it is sent through, when the file says. */
  readonly regions?: readonly string[];
}

export interface StringLanguage {
  /** Node types of string literals. */
  readonly strings: ReadonlySet<string>;
  /**
   * Node types of imports (one that mentions Bedrock shows the file talks to Bedrock), and the
   * imports of Anthropic's own SDK, where first-party model names are right.
   */
  readonly imports?: { readonly types: ReadonlySet<string>; readonly anthropic: RegExp };
  /** Whether a string value that mentions Bedrock (`"bedrock-runtime"`) shows it too. */
  readonly bedrockInStrings: boolean;
  /**
   * The value of a plain literal and where it starts, or null (placeholders, escapes, ...);
   * `fixable: false` for a value that is not written verbatim (an ARN template's).
   */
  value(node: Node): { text: string; start: number; fixable?: false; display?: string; regionAsGeography?: boolean } | null;
  /** The string's name, role and whether it states a region, from its ancestors (nearest first). */
  contextOf(node: Node, ancestors: readonly Ancestor[], value: string): StringContext;
}

/** Scans the strings and imports of a tree. */
export function scanStrings(root: Node, language: StringLanguage): Collection {
  const candidates: Candidate[] = [];
  const regions: string[] = [];
  let usesBedrock = false;
  let usesAnthropic = false;
  const imports = language.imports;
  visitNodes(root, new Set([...language.strings, ...(imports?.types ?? [])]), (node, ancestors) => {
    if (imports?.types.has(node.type)) {
      if (mentionsBedrock(node.text)) usesBedrock = true;
      else if (imports.anthropic.test(node.text)) usesAnthropic = true;
      return;
    }
    const value = language.value(node);
    if (!value) return;
    if (language.bedrockInStrings && mentionsBedrock(value.text)) usesBedrock = true;
    const mayBeModel = mightBeModelRef(value.text);
    // Most strings are neither a region nor a model: no context to read.
    if (!mayBeModel && !/^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/.test(value.text)) return;
    const context = language.contextOf(node, ancestors(), value.text);
    if (context.region || (context.name !== null && isRegionName(context.name))) regions.push(value.text);
    if (!mayBeModel || context.role === null) return;
    candidates.push({
      text: value.text,
      start: node.startIndex,
      end: node.endIndex,
      fix: value.fixable === false ? null : inPlace(value.start, value.text),
      ...(value.display !== undefined ? { display: value.display } : {}),
      ...(value.regionAsGeography ? { regionAsGeography: true } : {}),
      role: context.role,
      ...(context.regions?.length ? { regions: context.regions } : {}),
    });
  });
  return { candidates, facts: { regions, usesBedrock: usesBedrock && !usesAnthropic } };
}

/** The first ancestor past the wrappers in `through` (parentheses, conditionals, ...), and its index. */
export function holderIndex(ancestors: readonly Ancestor[], through: ReadonlySet<string>): number {
  let index = 0;
  while (index < ancestors.length && through.has(ancestors[index]!.node.type)) index++;
  return index;
}
