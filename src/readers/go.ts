/**
 * Go, through tree-sitter: string literals that are values. Comments, imports, struct tags, map
 * keys, `+` concatenations and the arguments of string searches (`strings.HasPrefix`, ...) are
 * skipped. Strings compared against (`==`, `!=`, `switch` cases, `strings.EqualFold`) name a model
 * without invoking it, as in the ESLint rules. Regions come from `config.WithRegion("...")`,
 * `Region: "..."` / `Region: aws.String("...")` fields and `region := "..."` assignments.
 */
import type { Node } from 'web-tree-sitter';
import { isComparisonName, isResourceName, isSearchName } from '../context/names.js';
import { ancestors } from './tree-sitter.js';
import type { Collection } from '../core/candidate.js';
import { scanStrings } from './tree-strings.js';

const STRINGS = new Set(['interpreted_string_literal', 'raw_string_literal']);
const IMPORTS = new Set(['import_spec']);
const SCOPE_ENDS = new Set(['source_file', 'function_declaration', 'method_declaration', 'func_literal']);
/** Nodes that pass a value through unchanged. */
const WRAPPERS = new Set(['literal_element', 'expression_list', 'parenthesized_expression']);
/** Calls that only wrap a string into a pointer (`aws.String("...")`). */
const STRING_WRAPPERS = new Set(['String', 'StringPtr']);
const RESOURCE_DEPTH = 8;
const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);
/** Anthropic's own Go SDK, where first-party model names are right. */
const ANTHROPIC_IMPORT = /anthropic-sdk-go/;

function stringValue(node: Node, source: string): { text: string; start: number } | null {
  const inner = source.slice(node.startIndex + 1, node.endIndex - 1);
  return node.type === 'interpreted_string_literal' && inner.includes('\\') ? null : { text: inner, start: node.startIndex + 1 };
}

const sameNode = (a: Node | null, b: Node): boolean => a !== null && a.startIndex === b.startIndex && a.endIndex === b.endIndex;

function calleeName(call: Node): string | null {
  const callee = call.childForFieldName('function');
  if (callee?.type === 'identifier') return callee.text;
  if (callee?.type === 'selector_expression') return callee.childForFieldName('field')?.text ?? null;
  return null;
}

/** The outermost node that carries the string's value: `aws.String("x")` for `"x"`. */
function holderOf(node: Node): Node {
  let holder = node;
  for (let parent = holder.parent; parent; parent = holder.parent) {
    if (WRAPPERS.has(parent.type)) holder = parent;
    else if (
      parent.type === 'argument_list' &&
      parent.parent?.type === 'call_expression' &&
      STRING_WRAPPERS.has(calleeName(parent.parent) ?? '')
    ) {
      holder = parent.parent;
    } else break;
  }
  return holder;
}

/** The function of the `strings` package a value is an argument of: `HasPrefix` for `strings.HasPrefix(id, "x")`. */
function stringsFunction(holder: Node): string | null {
  const call = holder.parent?.type === 'argument_list' ? holder.parent.parent : null;
  const callee = call?.type === 'call_expression' ? call.childForFieldName('function') : null;
  if (callee?.type !== 'selector_expression' || callee.childForFieldName('operand')?.text !== 'strings') return null;
  return callee.childForFieldName('field')?.text ?? null;
}

/** Compared against: an operand of `==`/`!=`, a `case` value, an argument of `strings.EqualFold`. */
function isCompared(holder: Node): boolean {
  const parent = holder.parent;
  if (parent?.type === 'binary_expression') return COMPARISONS.has(parent.childForFieldName('operator')?.type ?? '');
  return parent?.type === 'expression_case' || isComparisonName(stringsFunction(holder) ?? '');
}

const keyText = (key: Node, source: string): string =>
  key.type === 'literal_element' && key.firstNamedChild ? keyText(key.firstNamedChild, source) : key.type.endsWith('string_literal') ? source.slice(key.startIndex + 1, key.endIndex - 1) : key.text;

/** The name a string is given to: a keyed element's key, a call's name, an assignment's target. */
function nameOf(node: Node, source: string): string | null {
  const holder = holderOf(node);
  const parent = holder.parent;
  if (!parent) return null;
  switch (parent.type) {
    case 'keyed_element': {
      const key = parent.namedChild(0);
      return key && !sameNode(key, holder) ? keyText(key, source) : null;
    }
    case 'argument_list':
      return parent.parent?.type === 'call_expression' ? calleeName(parent.parent) : null;
    case 'assignment_statement':
    case 'short_var_declaration': {
      const left = parent.childForFieldName('left')?.namedChild(0);
      if (!left) return null;
      return left.type === 'selector_expression' ? (left.childForFieldName('field')?.text ?? null) : left.text;
    }
    case 'var_spec':
    case 'const_spec':
      return parent.childForFieldName('name')?.text ?? null;
    default:
      return null;
  }
}

function isIgnored(node: Node): boolean {
  if (isSearchName(stringsFunction(holderOf(node)) ?? '')) return true;
  const holder = node.parent?.type === 'literal_element' ? node.parent : node;
  const parent = holder.parent;
  if (!parent) return true;
  if (parent.type === 'import_spec' || parent.type === 'field_declaration') return true;
  if (parent.type === 'keyed_element') return sameNode(parent.namedChild(0), holder);
  return parent.type === 'binary_expression' && parent.childForFieldName('operator')?.type === '+';
}

function isResource(node: Node, own: string | null, source: string): boolean {
  if ((own !== null && isResourceName(own)) || isCompared(holderOf(node))) return true;
  for (const ancestor of ancestors(node, RESOURCE_DEPTH)) {
    if (SCOPE_ENDS.has(ancestor.type)) break;
    if (ancestor.type === 'call_expression' && isResourceName(calleeName(ancestor) ?? '')) return true;
    if (ancestor.type === 'composite_literal') {
      const type = ancestor.childForFieldName('type');
      const typeName = type?.type === 'qualified_type' ? type.childForFieldName('name')?.text : type?.text;
      if (typeName && isResourceName(typeName)) return true;
    }
    if (ancestor.type === 'keyed_element') {
      const key = ancestor.namedChild(0);
      if (key && isResourceName(keyText(key, source))) return true;
    }
  }
  return false;
}

export const scanGo = (root: Node, source: string): Collection =>
  scanStrings(root, {
    strings: STRINGS,
    imports: { types: IMPORTS, anthropic: ANTHROPIC_IMPORT },
    bedrockInStrings: false,
    value: (node) => stringValue(node, source),
    nameOf: (node) => nameOf(node, source),
    isIgnored,
    isResource: (node, name) => isResource(node, name, source),
  });
