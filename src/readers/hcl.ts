/**
 * Terraform and other HCL, through tree-sitter: plain string literals (no `${...}`), not block
 * labels, object keys, heredocs or comments. The region comes from `region = "..."` attributes
 * (the `provider "aws"` block, or a resource's own `region`), following `var.NAME` to the
 * `default` of `variable "NAME"` in the same file. Strings in IAM `resources`/`Resource` and in
 * foundation-model data sources name a model as a resource.
 */
import type { Node } from 'web-tree-sitter';
import type { Ancestor } from './tree-sitter.js';
import { mightBeModelRef } from '../classifier/parse.js';
import { isRegionName, isResourceName } from '../context/names.js';
import { visitNodes } from './tree-sitter.js';
import { isModelKey } from '../context/sinks.js';
import { inPlace, type Candidate, type Collection } from '../core/candidate.js';

const TYPES = new Set(['string_lit', 'attribute']);
const RESOURCE_DEPTH = 12;
const LITERAL_PARTS = new Set(['quoted_template_start', 'template_literal', 'quoted_template_end']);

/** The text of a plain string literal, or null when it has a template or escapes. */
function literalText(node: Node, source: string): string | null {
  if (node.type !== 'string_lit') return null;
  for (const child of node.namedChildren) {
    if (!child || !LITERAL_PARTS.has(child.type)) return null;
  }
  const text = source.slice(node.startIndex + 1, node.endIndex - 1);
  return text.includes('\\') ? null : text;
}

/** The plain string an expression stands for, if it is one. */
function expressionString(expression: Node | null, source: string): Node | null {
  let node = expression;
  while (node && (node.type === 'expression' || node.type === 'literal_value')) node = node.firstNamedChild;
  return node && literalText(node, source) !== null ? node : null;
}

/** The name of an attribute or object element a value belongs to. */
function keyName(node: Node, source: string): string | null {
  if (node.type === 'attribute') return node.firstNamedChild?.text ?? null;
  if (node.type !== 'object_elem') return null;
  const key = node.childForFieldName('key');
  const literal = expressionString(key, source);
  return literal ? literalText(literal, source) : (key?.text ?? null);
}

/** A block's type and labels: `resource "aws_x" "name"` -> ['resource', 'aws_x', 'name']. */
function blockWords(block: Node, source: string): string[] {
  const words: string[] = [];
  for (const child of block.namedChildren) {
    if (!child) break;
    if (child.type === 'identifier') words.push(child.text);
    else if (child.type === 'string_lit') words.push(literalText(child, source) ?? '');
    else break;
  }
  return words;
}

export function scanHcl(root: Node, source: string): Collection {
  const candidates: Candidate[] = [];
  const regions: string[] = [];
  const variableDefaults = new Map<string, string>();
  const regionVariables: string[] = [];

  const onAttribute = (attribute: Node, ancestors: () => readonly Ancestor[]): void => {
    const name = attribute.firstNamedChild?.text ?? '';
    const value = attribute.namedChild(1);
    const block = name === 'default' ? ancestors()[1]?.node : undefined;
    if (block?.type === 'block') {
      const [kind, variable] = blockWords(block, source);
      const literal = expressionString(value, source);
      if (kind === 'variable' && variable && literal) variableDefaults.set(variable, literalText(literal, source)!);
    }
    if (!isRegionName(name) || !value) return;
    const literal = expressionString(value, source);
    if (literal) regions.push(literalText(literal, source)!);
    else if (/^var\.[A-Za-z_][A-Za-z0-9_-]*$/.test(value.text)) regionVariables.push(value.text.slice(4));
  };

  const onString = (node: Node, lazyAncestors: () => readonly Ancestor[]): void => {
    const text = literalText(node, source);
    if (text === null || !mightBeModelRef(text)) return;
    const ancestors = lazyAncestors();
    const parent = ancestors[0]?.node;
    if (!parent || parent.type === 'block') return;
    let resource = false;
    let inList = false;
    let name: string | null = null as string | null;
    for (const { node: ancestor } of ancestors.slice(0, RESOURCE_DEPTH)) {
      if (ancestor.type === 'tuple') inList = true;
      if (name === null && (ancestor.type === 'attribute' || ancestor.type === 'object_elem')) name = keyName(ancestor, source);
      if (ancestor.type === 'object_elem') {
        const key = ancestor.childForFieldName('key');
        // An object key, not a value.
        if (key && node.startIndex >= key.startIndex && node.endIndex <= key.endIndex) return;
      }
      const named = ancestor.type === 'block' ? blockWords(ancestor, source)[1] : keyName(ancestor, source);
      if (named && isResourceName(named)) resource = true;
    }
    const role = resource ? 'resource' : inList ? 'catalog' : name !== null && isModelKey(name) ? 'setting' : 'unknown';
    candidates.push({ text, start: node.startIndex, end: node.endIndex, fix: inPlace(node.startIndex + 1, text), role });
  };

  visitNodes(root, TYPES, (node, ancestors) => (node.type === 'attribute' ? onAttribute(node, ancestors) : onString(node, ancestors)));
  for (const variable of regionVariables) {
    const region = variableDefaults.get(variable);
    if (region) regions.push(region);
  }
  return { candidates, facts: { regions, usesBedrock: false } };
}
