/**
 * Terraform and other HCL, through tree-sitter: plain string literals (no `${...}`), not block
 * labels, object keys, heredocs or comments. The region comes from `region = "..."` attributes
 * (the `provider "aws"` block, or a resource's own `region`), following `var.NAME` to the
 * `default` of `variable "NAME"` in the same file. Strings in IAM `resources`/`Resource` and in
 * foundation-model data sources name a model as a resource.
 */
import type { Node } from 'web-tree-sitter';
import { mightBeModelRef } from '../classifier/parse.js';
import { isRegionName, isResourceName } from '../context/names.js';
import { ancestors, visitNodes } from './tree-sitter.js';
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

  const onAttribute = (attribute: Node): void => {
    const name = attribute.firstNamedChild?.text ?? '';
    const value = attribute.namedChild(1);
    const block = attribute.parent?.parent;
    if (name === 'default' && block?.type === 'block') {
      const [kind, variable] = blockWords(block, source);
      const literal = expressionString(value, source);
      if (kind === 'variable' && variable && literal) variableDefaults.set(variable, literalText(literal, source)!);
    }
    if (!isRegionName(name) || !value) return;
    const literal = expressionString(value, source);
    if (literal) regions.push(literalText(literal, source)!);
    else if (/^var\.[A-Za-z_][A-Za-z0-9_-]*$/.test(value.text)) regionVariables.push(value.text.slice(4));
  };

  const onString = (node: Node): void => {
    const text = literalText(node, source);
    const parent = node.parent;
    if (text === null || !mightBeModelRef(text) || !parent || parent.type === 'block') return;
    let resource = false;
    for (const ancestor of ancestors(node, RESOURCE_DEPTH)) {
      if (ancestor.type === 'object_elem') {
        const key = ancestor.childForFieldName('key');
        // An object key, not a value.
        if (key && node.startIndex >= key.startIndex && node.endIndex <= key.endIndex) return;
      }
      const name = ancestor.type === 'block' ? blockWords(ancestor, source)[1] : keyName(ancestor, source);
      if (name && isResourceName(name)) resource = true;
    }
    candidates.push({ text, start: node.startIndex, end: node.endIndex, fix: inPlace(node.startIndex + 1, text), role: resource ? 'resource' : 'unknown' });
  };

  visitNodes(root, TYPES, (node) => (node.type === 'attribute' ? onAttribute(node) : onString(node)));
  for (const variable of regionVariables) {
    const region = variableDefaults.get(variable);
    if (region) regions.push(region);
  }
  return { candidates, facts: { regions, usesBedrock: false } };
}
