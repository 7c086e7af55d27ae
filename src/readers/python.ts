/**
 * Python, through tree-sitter: strings that are values. Comments, docstrings and other bare
 * string statements, dictionary keys, implicit and `+` concatenations, f-strings with
 * placeholders, type annotations, `Literal[...]` types and the arguments of string searches
 * (`.startswith(...)`, `.find(...)`, ...) are skipped. Strings compared against (`==`, `in`, a
 * `case` pattern) name a model without invoking it, as in the ESLint rules. Regions come from
 * `region_name=` (boto3, LangChain), `aws_region_name=` (LiteLLM) and `region = "..."`-style
 * assignments and dict entries.
 * First-party Anthropic names are judged only in files that use Bedrock and not Anthropic's SDK.
 */
import type { Node } from 'web-tree-sitter';
import { isResourceName, isSearchName } from '../context/names.js';
import { ancestors } from './tree-sitter.js';
import type { Collection } from '../core/candidate.js';
import { scanStrings } from './tree-strings.js';

const STRINGS = new Set(['string']);
const IMPORTS = new Set(['import_statement', 'import_from_statement']);
/** Imports of SDKs of Anthropic's own API, where first-party model names are right. */
const ANTHROPIC_IMPORT = /\b(?:import|from)\s+(?:anthropic|langchain_anthropic)\b/;
const SCOPE_ENDS = new Set(['module', 'function_definition', 'class_definition', 'lambda']);
const RESOURCE_DEPTH = 8;
/** Containers a compared or searched-for string may sit in: `m in ("a", "b")`, `m.startswith(("a", "b"))`. */
const CONTAINERS = new Set(['tuple', 'list', 'set', 'parenthesized_expression']);

/** The value of a plain string literal (no placeholders, escapes or bytes prefix), or null. */
function stringValue(node: Node, source: string): { text: string; start: number } | null {
  if (node.type !== 'string') return null;
  const open = node.firstChild;
  const close = node.lastChild;
  if (open?.type !== 'string_start' || close?.type !== 'string_end') return null;
  if (/[bB]/.test(open.text)) return null;
  for (const child of node.children) {
    if (child?.type === 'interpolation' || child?.type === 'escape_sequence') return null;
  }
  return { text: source.slice(open.endIndex, close.startIndex), start: open.endIndex };
}

const sameNode = (a: Node | null, b: Node): boolean => a !== null && a.startIndex === b.startIndex && a.endIndex === b.endIndex;

/** The name a string is given to: keyword argument, dict key, assignment target. */
function nameOf(node: Node, source: string): string | null {
  const parent = node.parent;
  if (!parent) return null;
  switch (parent.type) {
    case 'keyword_argument':
      return parent.childForFieldName('name')?.text ?? null;
    case 'pair': {
      const key = parent.childForFieldName('key');
      return key && !sameNode(key, node) ? (stringValue(key, source)?.text ?? key.text) : null;
    }
    case 'assignment': {
      const left = parent.childForFieldName('left');
      if (!left || sameNode(left, node)) return null;
      if (left.type === 'attribute') return left.childForFieldName('attribute')?.text ?? null;
      if (left.type === 'subscript') {
        const index = left.childForFieldName('subscript');
        return index ? (stringValue(index, source)?.text ?? null) : null;
      }
      return left.text;
    }
    default:
      return null;
  }
}

/** The outermost container a string sits in (itself when it is in none). */
function holderOf(node: Node): Node {
  let holder = node;
  while (holder.parent && CONTAINERS.has(holder.parent.type)) holder = holder.parent;
  return holder;
}

/** Whether a string (or its container) is an argument of a string search: `m.startswith("...")`. */
function isSearchedFor(holder: Node): boolean {
  const call = holder.parent?.type === 'argument_list' ? holder.parent.parent : null;
  const callee = call?.type === 'call' ? call.childForFieldName('function') : null;
  return callee?.type === 'attribute' && isSearchName(callee.childForFieldName('attribute')?.text ?? '');
}

/** Whether a string is not a value the program passes on as a model ID. */
function isIgnored(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return true;
  if (isSearchedFor(holderOf(node))) return true;
  switch (parent.type) {
    case 'expression_statement':
    case 'concatenated_string':
      return true;
    case 'pair':
      return sameNode(parent.childForFieldName('key'), node);
    case 'binary_operator':
      return parent.childForFieldName('operator')?.type === '+';
    case 'subscript':
      // `Literal["..."]`: a type, not a value.
      return /(?:^|\.)Literal$/.test(parent.childForFieldName('value')?.text ?? '');
    default:
      for (const ancestor of ancestors(node, RESOURCE_DEPTH)) {
        if (ancestor.type === 'type') return true;
        if (SCOPE_ENDS.has(ancestor.type)) break;
      }
      return false;
  }
}

function calleeName(call: Node): string | null {
  const callee = call.childForFieldName('function');
  if (callee?.type === 'identifier') return callee.text;
  if (callee?.type === 'attribute') return callee.childForFieldName('attribute')?.text ?? null;
  return null;
}

/**
 * IAM `Resource` entries, `modelIdentifier=` and calls that look a foundation model up; strings
 * compared against (`==`, `!=`, `in`, `not in` operands, `case` patterns).
 */
function isResource(node: Node, own: string | null, source: string): boolean {
  if (own !== null && isResourceName(own)) return true;
  if (holderOf(node).parent?.type === 'comparison_operator') return true;
  for (const ancestor of ancestors(node, RESOURCE_DEPTH)) {
    if (SCOPE_ENDS.has(ancestor.type)) break;
    if (ancestor.type === 'case_pattern') return true;
    if (ancestor.type === 'call' && isResourceName(calleeName(ancestor) ?? '')) return true;
    if (ancestor.type === 'keyword_argument' || ancestor.type === 'pair') {
      const name = ancestor.childForFieldName(ancestor.type === 'pair' ? 'key' : 'name');
      if (name && isResourceName(stringValue(name, source)?.text ?? name.text)) return true;
    }
  }
  return false;
}

export const scanPython = (root: Node, source: string): Collection =>
  scanStrings(root, {
    strings: STRINGS,
    imports: { types: IMPORTS, anthropic: ANTHROPIC_IMPORT },
    bedrockInStrings: true,
    value: (node) => stringValue(node, source),
    nameOf: (node) => nameOf(node, source),
    isIgnored,
    isResource: (node, name) => isResource(node, name, source),
  });
