/**
 * Go, through tree-sitter: string literals that are values, with what the code does with them.
 * Comments, imports, struct tags, map keys, `+` concatenations and the arguments of string searches
 * (`strings.HasPrefix`, ...) are skipped. Roles: the `ModelId` field of a Bedrock request
 * (`bedrockruntime.ConverseInput{ModelId: aws.String("...")}`) is sent, as is a constant given
 * there; other constants and model-named fields are settings; elements of slices and values of
 * maps are catalog entries; comparisons, `switch` cases, map indexes and `regexp` patterns are
 * look-ups; `fmt`/`log` texts are descriptive; arguments of testing helpers are tests. Regions come
 * from `config.WithRegion("...")`, `Region: "..."` fields, `region := "..."` assignments, and the
 * defaults of `cmp.Or(os.Getenv("AWS_REGION"), "...")`.
 */
import type { Node } from 'web-tree-sitter';
import { isComparisonName, isResourceName, isSearchName } from '../context/names.js';
import { isAssertion, isDescriptiveCall, isInputSink, isLookup, isModelKey } from '../context/sinks.js';
import type { Collection, Role } from '../core/candidate.js';
import type { Ancestor } from './tree-sitter.js';
import { scanStrings, type StringContext } from './tree-strings.js';

const STRINGS = new Set(['interpreted_string_literal', 'raw_string_literal']);
const IMPORTS = new Set(['import_spec']);
const SCOPE_ENDS = new Set(['source_file', 'function_declaration', 'method_declaration', 'func_literal']);
/** Nodes that pass a value through unchanged. */
const WRAPPERS = new Set(['literal_element', 'expression_list', 'parenthesized_expression']);
/** Calls that only wrap a string into a pointer (`aws.String("...")`). */
const STRING_WRAPPERS = new Set(['String', 'StringPtr']);
const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);
/** Anthropic's own Go SDK, where first-party model names are right. */
const ANTHROPIC_IMPORT = /anthropic-sdk-go/;
/** Where a variable is given as the model of a request: `ModelId: aws.String(modelID)`, `ModelId: &modelID`. */
const SENT_VARIABLE = /\bModelId\s*:\s*(?:aws\.String\(\s*|&)?([A-Za-z_]\w*)/g;

function stringValue(node: Node, source: string): { text: string; start: number } | null {
  const inner = source.slice(node.startIndex + 1, node.endIndex - 1);
  return node.type === 'interpreted_string_literal' && inner.includes('\\') ? null : { text: inner, start: node.startIndex + 1 };
}

const sameNode = (a: Node | null | undefined, b: Node): boolean => !!a && a.startIndex === b.startIndex && a.endIndex === b.endIndex;

function calleeName(call: Node): string | null {
  const callee = call.childForFieldName('function');
  if (callee?.type === 'identifier') return callee.text;
  if (callee?.type === 'selector_expression') return callee.childForFieldName('field')?.text ?? null;
  return null;
}

/** The package a call is made on: `strings` of `strings.HasPrefix(...)`. */
const calleePackage = (call: Node): string | null => {
  const callee = call.childForFieldName('function');
  return callee?.type === 'selector_expression' ? (callee.childForFieldName('operand')?.text ?? null) : null;
};

const keyText = (key: Node, source: string): string =>
  key.type === 'literal_element' && key.firstNamedChild
    ? keyText(key.firstNamedChild, source)
    : key.type.endsWith('string_literal')
      ? source.slice(key.startIndex + 1, key.endIndex - 1)
      : key.text;

/** The type name of a composite literal: `ConverseInput` of `bedrockruntime.ConverseInput{...}`. */
function typeName(literal: Node): string | null {
  const type = literal.childForFieldName('type');
  return type?.type === 'qualified_type' ? (type.childForFieldName('name')?.text ?? null) : (type?.text ?? null);
}

/**
 * The first ancestor that is not a wrapper: past `literal_element`, `expression_list`, parentheses
 * and `aws.String(...)`-style pointer calls. Returns its index and the child under it.
 */
function holderOf(node: Node, ancestors: readonly Ancestor[]): { index: number; child: Node } {
  let index = 0;
  let child = node;
  for (;;) {
    const current = ancestors[index];
    if (!current) break;
    if (WRAPPERS.has(current.node.type)) {
      child = current.node;
      index++;
    } else if (current.node.type === 'argument_list' && ancestors[index + 1]?.node.type === 'call_expression' && STRING_WRAPPERS.has(calleeName(ancestors[index + 1]!.node) ?? '')) {
      child = ancestors[index + 1]!.node;
      index += 2;
    } else break;
  }
  return { index, child };
}

interface GoFile {
  readonly source: string;
  readonly sentNames: ReadonlySet<string>;
}

/** A keyed element's key, when the string is its value. */
function keyOf(element: Node, child: Node, source: string): { key: string | null; isKey: boolean } {
  const key = element.namedChild(0);
  if (!key || sameNode(key, child)) return { key: null, isKey: true };
  return { key: keyText(key, source), isKey: false };
}

/** Whether an ancestor (within a scope) names a model as a resource. */
function inResource(ancestors: readonly Ancestor[], source: string): boolean {
  for (const { node } of ancestors) {
    if (SCOPE_ENDS.has(node.type)) break;
    if (node.type === 'call_expression' && isResourceName(calleeName(node) ?? '')) return true;
    if (node.type === 'composite_literal' && isResourceName(typeName(node) ?? '')) return true;
    if (node.type === 'keyed_element') {
      const key = node.namedChild(0);
      if (key && isResourceName(keyText(key, source))) return true;
    }
  }
  return false;
}

function contextOf(node: Node, ancestors: readonly Ancestor[], file: GoFile): StringContext {
  const { source } = file;
  const { index, child } = holderOf(node, ancestors);
  const holder = ancestors[index]?.node;
  if (!holder) return { name: null, role: null };
  const resource = inResource(ancestors, source);
  const role = (r: Role, name: string | null = null): StringContext => ({ name, role: resource && r !== 'lookup' ? 'resource' : r });
  switch (holder.type) {
    case 'import_spec':
    case 'field_declaration':
      return { name: null, role: null };
    case 'binary_expression': {
      const operator = holder.childForFieldName('operator')?.type ?? '';
      if (operator === '+') return { name: null, role: null };
      return role(COMPARISONS.has(operator) ? 'lookup' : 'unknown');
    }
    case 'expression_case':
    case 'index_expression':
      return role('lookup');
    case 'keyed_element': {
      const { key, isKey } = keyOf(holder, child, source);
      // A key of a map keyed by IDs (a price table): a catalog entry.
      if (isKey) return role('catalog');
      const literal = ancestors[index + 1]?.node.type === 'literal_value' ? ancestors[index + 2]?.node : undefined;
      const type = literal?.type === 'composite_literal' ? (typeName(literal) ?? '') : '';
      if (key !== null && isModelKey(key)) return role(isInputSink(type) ? 'sent' : 'setting', key);
      // A map's value (`map[string]string{"fast": "..."}`) or a field of another struct.
      return role(/^map\[/.test(literal?.childForFieldName('type')?.text ?? '') ? 'catalog' : 'unknown', key);
    }
    case 'literal_value':
      // An element of a slice or array literal.
      return role(insideTest(ancestors, index) ? 'test' : 'catalog');
    case 'argument_list': {
      const call = ancestors[index + 1]?.node;
      if (call?.type !== 'call_expression') return role('unknown');
      const name = calleeName(call) ?? '';
      const pkg = calleePackage(call);
      if (pkg === 'strings' && isSearchName(name)) return { name: null, role: null };
      if (pkg === 'strings' && isComparisonName(name)) return role('lookup');
      if (isRegionDefault(call, holder, child)) return { name: null, region: true, role: 'unknown' };
      if (pkg === 'regexp' || isLookup(name)) return role('lookup');
      if (isAssertion(name) || /^(?:assert|require)$/.test(pkg ?? '')) return role('test');
      if (isDescriptiveCall(name) || pkg === 'fmt' || pkg === 'log' || pkg === 'errors') return role('descriptive');
      return role('unknown', name);
    }
    case 'assignment_statement':
    case 'short_var_declaration': {
      const left = holder.childForFieldName('left')?.namedChild(0);
      if (!left) return role('setting');
      const name = left.type === 'selector_expression' ? (left.childForFieldName('field')?.text ?? null) : left.text;
      return role(name !== null && file.sentNames.has(name) ? 'sent' : 'setting', name);
    }
    case 'var_spec':
    case 'const_spec': {
      const name = holder.childForFieldName('name')?.text ?? null;
      return role(name !== null && file.sentNames.has(name) ? 'sent' : 'setting', name);
    }
    case 'return_statement':
      return role('setting');
    default:
      return role('unknown');
  }
}

/** `cmp.Or(os.Getenv("AWS_REGION"), "...")`: the default of a region variable. */
function isRegionDefault(call: Node, list: Node, child: Node): boolean {
  if (calleeName(call) !== 'Or') return false;
  const first = list.namedChild(0);
  return !sameNode(first, child) && /REGION/i.test(first?.text ?? '');
}

/** Whether a slice literal sits in a table test (a `tests := []struct{...}{...}` in a test function) or an assertion. */
function insideTest(ancestors: readonly Ancestor[], from: number): boolean {
  for (let i = from; i < ancestors.length; i++) {
    const node = ancestors[i]!.node;
    if (node.type === 'call_expression') return isAssertion(calleeName(node) ?? '');
    if (SCOPE_ENDS.has(node.type)) return false;
  }
  return false;
}

export const scanGo = (root: Node, source: string): Collection => {
  const file: GoFile = { source, sentNames: new Set(Array.from(source.matchAll(SENT_VARIABLE), (m) => m[1]!)) };
  return scanStrings(root, {
    strings: STRINGS,
    imports: { types: IMPORTS, anthropic: ANTHROPIC_IMPORT },
    bedrockInStrings: false,
    value: (node) => stringValue(node, source),
    contextOf: (node, ancestors) => contextOf(node, ancestors, file),
  });
};
