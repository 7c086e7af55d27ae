/**
 * What the tree-sitter scanners share: walk the string literals of a tree, take the regions the
 * file states from the names the strings are given to, and keep as candidates the strings that
 * might name a model and are values. Each language says what its strings, names, ignored
 * positions and resource contexts look like.
 */
import type { Node } from 'web-tree-sitter';
import { mightBeModelRef } from '../../classifier/parse.js';
import { isRegionName } from '../context.js';
import { visitNodes } from '../tree-sitter.js';
import type { Candidate } from '../types.js';

export interface StringLanguage {
  /** Node types of string literals. */
  readonly strings: ReadonlySet<string>;
  /** The value of a plain literal and where it starts, or null (placeholders, escapes, ...). */
  value(node: Node): { text: string; start: number } | null;
  /** The name the string is given to (keyword argument, key, assignment target, ...). */
  nameOf(node: Node): string | null;
  /** Whether the string is not a value the program uses as a model ID (a key, a docstring, ...). */
  isIgnored(node: Node): boolean;
  /** Whether the string names a model as a resource. */
  isResource(node: Node, name: string | null): boolean;
}

export interface StringScan {
  readonly candidates: Candidate[];
  readonly regions: string[];
}

/**
 * Scans the strings of a tree. `onNode` sees every node of the types in `others` and every
 * string value, for the facts a language gathers itself (imports).
 */
export function scanStrings(
  root: Node,
  language: StringLanguage,
  others: ReadonlySet<string> = new Set(),
  onNode: (node: Node, value: string | null) => void = () => {},
): StringScan {
  const candidates: Candidate[] = [];
  const regions: string[] = [];
  const types = new Set([...language.strings, ...others]);
  visitNodes(root, types, (node) => {
    if (!language.strings.has(node.type)) {
      onNode(node, null);
      return;
    }
    const value = language.value(node);
    if (!value) return;
    onNode(node, value.text);
    const name = language.nameOf(node);
    if (name !== null && isRegionName(name)) regions.push(value.text);
    if (!mightBeModelRef(value.text) || language.isIgnored(node)) return;
    candidates.push({
      text: value.text,
      start: node.startIndex,
      end: node.endIndex,
      valueStart: value.start,
      resource: language.isResource(node, name),
    });
  });
  return { candidates, regions };
}
