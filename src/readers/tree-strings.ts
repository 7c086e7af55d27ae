/**
 * What the tree-sitter scanners share: walk the string literals of a tree, take the regions the
 * file states from the names the strings are given to, and keep as candidates the strings that
 * might name a model and are values. Each language says what its strings, names, ignored
 * positions and resource contexts look like.
 */
import type { Node } from 'web-tree-sitter';
import { mightBeModelRef } from '../classifier/parse.js';
import { isRegionName, mentionsBedrock } from '../context/names.js';
import { visitNodes } from './tree-sitter.js';
import { inPlace, type Candidate, type Collection } from '../core/candidate.js';

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
  /** The value of a plain literal and where it starts, or null (placeholders, escapes, ...). */
  value(node: Node): { text: string; start: number } | null;
  /** The name the string is given to (keyword argument, key, assignment target, ...). */
  nameOf(node: Node): string | null;
  /** Whether the string is not a value the program uses as a model ID (a key, a docstring, ...). */
  isIgnored(node: Node): boolean;
  /** Whether the string names a model as a resource. */
  isResource(node: Node, name: string | null): boolean;
}

/** Scans the strings and imports of a tree. */
export function scanStrings(root: Node, language: StringLanguage): Collection {
  const candidates: Candidate[] = [];
  const regions: string[] = [];
  let usesBedrock = false;
  let usesAnthropic = false;
  const imports = language.imports;
  visitNodes(root, new Set([...language.strings, ...(imports?.types ?? [])]), (node) => {
    if (imports?.types.has(node.type)) {
      if (mentionsBedrock(node.text)) usesBedrock = true;
      else if (imports.anthropic.test(node.text)) usesAnthropic = true;
      return;
    }
    const value = language.value(node);
    if (!value) return;
    if (language.bedrockInStrings && mentionsBedrock(value.text)) usesBedrock = true;
    const name = language.nameOf(node);
    if (name !== null && isRegionName(name)) regions.push(value.text);
    if (!mightBeModelRef(value.text) || language.isIgnored(node)) return;
    candidates.push({
      text: value.text,
      start: node.startIndex,
      end: node.endIndex,
      fix: inPlace(value.start, value.text),
      role: language.isResource(node, name) ? 'resource' : 'unknown',
    });
  });
  return { candidates, facts: { regions, usesBedrock: usesBedrock && !usesAnthropic } };
}
