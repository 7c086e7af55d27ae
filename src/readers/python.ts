/**
 * Python, through tree-sitter: strings that are values, with what the code does with them.
 * Comments, docstrings and other bare string statements, dictionary keys, implicit and `+`
 * concatenations, f-strings with placeholders (but ARNs whose placeholders fill only the region or
 * account), type annotations, `Literal[...]` types and the arguments of string searches
 * (`.startswith(...)`, ...) are skipped. Roles: a model keyword of a Bedrock call
 * (`converse(modelId=...)`, `ChatBedrockConverse(model=...)`, LiteLLM's `model="bedrock/..."`) is
 * sent, as is a constant passed there; a constant or model keyword elsewhere is a setting;
 * elements of lists and values of dictionaries under other keys are catalog entries; subscripts,
 * `.get(...)`, `re.compile(...)` and comparisons are look-ups; assertions are tests; `print` and
 * exceptions are texts. Regions come from `region_name=` and `region = "..."`-style names, and from
 * the defaults of `os.environ.get("AWS_REGION", "...")`, `os.getenv(..., "...")` and
 * `os.environ.get(...) or "..."`.
 * First-party Anthropic names are judged only where they reach a Bedrock call.
 */
import type { Node } from 'web-tree-sitter';
import { isRegionName, isResourceName, isSearchName } from '../context/names.js';
import { isAssertion, isDescriptiveCall, isFirstArgumentSink, isInputSink, isLookup, isModelKey } from '../context/sinks.js';
import type { Collection, Role } from '../core/candidate.js';
import { afterRegionPlaceholder, templateArn, type TemplatePart } from '../core/templates.js';
import type { Ancestor } from './tree-sitter.js';
import { holderIndex, scanStrings, type StringContext } from './tree-strings.js';

const STRINGS = new Set(['string']);
const IMPORTS = new Set(['import_statement', 'import_from_statement']);
/** Imports of SDKs of Anthropic's own API, where first-party model names are right. */
const ANTHROPIC_IMPORT = /\b(?:import|from)\s+(?:anthropic|langchain_anthropic)\b/;
const SCOPE_ENDS = new Set(['module', 'function_definition', 'class_definition', 'lambda']);
/** Nodes that pass a value through: `(x)`, `a if c else x`, `a or x`. */
const WRAPPERS = new Set(['parenthesized_expression', 'conditional_expression', 'boolean_operator']);
/** Containers of catalog entries, compared or searched-for strings: `m in ("a", "b")`. */
const CONTAINERS = new Set(['tuple', 'list', 'set', 'parenthesized_expression']);
/** Where a variable is passed as the model of a Bedrock call: `modelId=MODEL_ID`, `model_id=X` (not `model=`, which Anthropic's SDK takes too). */
const SENT_VARIABLE = /\b(?:modelId|model_id)\s*=\s*([A-Za-z_]\w*)\s*[,)]/g;

/** The value of a plain string literal (no placeholders, escapes or bytes prefix), or an ARN template's; else null. */
function stringValue(node: Node, source: string): { text: string; start: number; fixable?: false; display?: string; regionAsGeography?: boolean } | null {
  const open = node.firstChild;
  const close = node.lastChild;
  if (open?.type !== 'string_start' || close?.type !== 'string_end') return null;
  if (/[bB]/.test(open.text)) return null;
  const parts: TemplatePart[] = [];
  const placeholders: string[] = [];
  let at = open.endIndex;
  for (const child of node.children) {
    if (child?.type === 'escape_sequence') return null;
    if (child?.type === 'interpolation') {
      if (child.startIndex > at) parts.push(source.slice(at, child.startIndex));
      parts.push(null);
      placeholders.push(source.slice(child.startIndex + 1, child.endIndex - 1));
      at = child.endIndex;
    }
  }
  if (parts.length === 0) return { text: source.slice(open.endIndex, close.startIndex), start: open.endIndex };
  if (close.startIndex > at) parts.push(source.slice(at, close.startIndex));
  const display = source.slice(open.endIndex, close.startIndex);
  const arn = templateArn(parts);
  if (arn !== null) return { text: arn, start: open.endIndex, fixable: false, display };
  const model = afterRegionPlaceholder(parts, placeholders);
  return model === null ? null : { text: model, start: open.endIndex, fixable: false, display, regionAsGeography: true };
}

const sameNode = (a: Node | null | undefined, b: Node): boolean => !!a && a.startIndex === b.startIndex && a.endIndex === b.endIndex;

function calleeName(call: Node): string | null {
  const callee = call.childForFieldName('function');
  if (callee?.type === 'identifier') return callee.text;
  if (callee?.type === 'attribute') return callee.childForFieldName('attribute')?.text ?? null;
  return null;
}

/** The text of a dictionary key or keyword name. */
const keyText = (key: Node | null, source: string): string | null =>
  key ? (key.type === 'string' ? (stringValue(key, source)?.text ?? null) : key.text) : null;

/** `os.environ.get("AWS_REGION", "...")`, `os.getenv("AWS_REGION", "...")`, `environ.get(...) or "..."`: a region default. */
function isRegionDefault(holder: Ancestor | undefined, next: Ancestor | undefined, node: Node): boolean {
  if (holder?.node.type === 'argument_list' && next?.node.type === 'call') {
    const name = calleeName(next.node);
    const first = holder.node.namedChild(0);
    return (name === 'get' || name === 'getenv') && !sameNode(first, node) && /REGION/i.test(first?.text ?? '');
  }
  if (holder?.node.type === 'boolean_operator' && holder.field === 'right') return /REGION/i.test(holder.node.childForFieldName('left')?.text ?? '');
  return false;
}

interface PythonFile {
  readonly source: string;
  /** Variables passed as the model of a call (`modelId=MODEL_ID`). */
  readonly sentNames: ReadonlySet<string>;
}

/** Whether one of the ancestors (within a scope) names a model as a resource: IAM, `modelIdentifier=`. */
function inResource(ancestors: readonly Ancestor[], source: string): boolean {
  for (const { node } of ancestors) {
    if (SCOPE_ENDS.has(node.type)) break;
    if (node.type === 'call' && isResourceName(calleeName(node) ?? '')) return true;
    if (node.type === 'keyword_argument' && isResourceName(node.childForFieldName('name')?.text ?? '')) return true;
    if (node.type === 'pair' && isResourceName(keyText(node.childForFieldName('key'), source) ?? '')) return true;
  }
  return false;
}

/** Whether a call is a test's assertion: `self.assertEqual(...)`, `assert_called_with(...)`, `pytest.raises`. */
const isAssertionCall = (call: Node): boolean => {
  const name = calleeName(call) ?? '';
  return isAssertion(name) || /^assert/i.test(name);
};

function contextOf(node: Node, ancestors: readonly Ancestor[], value: string, file: PythonFile): StringContext {
  const { source } = file;
  const index = holderIndex(ancestors, WRAPPERS);
  const holder = ancestors[index];
  const next = ancestors[index + 1];
  if (isRegionDefault(ancestors[0], ancestors[1], node)) return { name: null, region: true, role: 'unknown' };
  if (!holder) return { name: null, role: null };
  const parent = holder.node;
  // Type annotations and `Literal[...]` are types, not values; a `case` pattern is compared against.
  for (const { node: ancestor } of ancestors) {
    if (ancestor.type === 'type') return { name: null, role: null };
    if (ancestor.type === 'case_pattern') return { name: null, role: 'lookup' };
    if (SCOPE_ENDS.has(ancestor.type)) break;
  }
  const resource = inResource(ancestors, source);
  const role = (r: Role, name: string | null = null, regions?: readonly string[]): StringContext => ({
    name,
    role: resource && r !== 'lookup' ? 'resource' : r,
    ...(regions ? { regions } : {}),
  });
  switch (parent.type) {
    case 'expression_statement':
    case 'concatenated_string':
      return { name: null, role: null };
    case 'interpolation':
      return { name: null, role: null };
    case 'binary_operator':
      return parent.childForFieldName('operator')?.type === '+' ? { name: null, role: null } : role('descriptive');
    case 'comparison_operator':
    case 'case_pattern':
      return role('lookup');
    case 'subscript':
      if (/(?:^|\.)Literal$/.test(parent.childForFieldName('value')?.text ?? '')) return { name: null, role: null };
      return role('lookup');
    case 'assert_statement':
      return role('test');
    case 'pair': {
      // A key of a dictionary keyed by IDs (a price table, display names): a catalog entry.
      if (holder.field === 'key') return role('catalog');
      const key = keyText(parent.childForFieldName('key'), source);
      return role(key !== null && isModelKey(key) ? 'setting' : 'catalog', key);
    }
    case 'keyword_argument':
      return keywordRole(parent, next?.node, ancestors[index + 2]?.node, value, role);
    case 'argument_list':
      return next?.node.type === 'call' ? argumentRole(node, parent, next.node, role) : role('unknown');
    case 'assignment': {
      if (holder.field === 'left') return { name: null, role: null };
      const left = parent.childForFieldName('left');
      let name: string | null = left?.text ?? null;
      if (left?.type === 'attribute') name = left.childForFieldName('attribute')?.text ?? null;
      else if (left?.type === 'subscript') name = keyText(left.childForFieldName('subscript'), source);
      return role(name !== null && file.sentNames.has(name) ? 'sent' : 'setting', name);
    }
    case 'return_statement':
    case 'default_parameter':
    case 'typed_default_parameter':
      return role('setting', parent.childForFieldName('name')?.text ?? null);
    default:
      if (CONTAINERS.has(parent.type)) return containerRole(ancestors, index, role);
      return role('unknown');
  }
}

type RoleOf = (role: Role, name?: string | null, regions?: readonly string[]) => StringContext;

/** A string in a list, tuple or set: searched for, compared, asserted, or a catalog entry. */
function containerRole(ancestors: readonly Ancestor[], index: number, role: RoleOf): StringContext {
  let outer = index;
  while (outer < ancestors.length && CONTAINERS.has(ancestors[outer]!.node.type)) outer++;
  const around = ancestors[outer]?.node;
  if (around?.type === 'comparison_operator') return role('lookup');
  if (around?.type === 'argument_list') {
    const call = ancestors[outer + 1]?.node;
    const name = call?.type === 'call' ? (calleeName(call) ?? '') : '';
    if (isSearchName(name)) return { name: null, role: null };
    if (call && isAssertionCall(call)) return role('test');
  }
  if (around?.type === 'assert_statement') return role('test');
  return role('catalog');
}

/** A keyword argument's value: sent when the keyword is the model of a Bedrock call. */
function keywordRole(keyword: Node, list: Node | undefined, call: Node | undefined, value: string, role: RoleOf): StringContext {
  const name = keyword.childForFieldName('name')?.text ?? null;
  const callee = call?.type === 'call' ? (calleeName(call) ?? '') : '';
  if (name === null || list?.type !== 'argument_list') return role('unknown', name);
  if (call && isAssertionCall(call)) return role('test', name);
  if (isModelKey(name)) {
    // LiteLLM and friends: `completion(model="bedrock/...")` is sent to Bedrock by its prefix.
    if (isInputSink(callee) || value.startsWith('bedrock/')) return role('sent', name, regionOfCall(list));
    return role('setting', name);
  }
  return role('unknown', name);
}

/** A positional argument: by the function it is given to. */
function argumentRole(node: Node, list: Node, call: Node, role: RoleOf): StringContext {
  const name = calleeName(call) ?? '';
  if (isSearchName(name)) return { name: null, role: null };
  if (isAssertionCall(call)) return role('test');
  // `os.environ.get("MODEL_ID", "<id>")`, `config.get("model", "<id>")`: the key is looked up, the
  // default is a value the program goes on with.
  if ((name === 'get' || name === 'getenv' || name === 'setdefault') && !sameNode(list.namedChild(0), node)) return role('setting');
  if (isLookup(name)) return role('lookup');
  if (isDescriptiveCall(name)) return role('descriptive');
  if (isResourceName(name)) return role('resource');
  if (sameNode(list.namedChild(0), node) && (isFirstArgumentSink(name) || isInputSink(name))) return role('sent', null, regionOfCall(list));
  return role('unknown');
}

/** The `region_name="..."` (or `region=`) keyword of the same call, as the regions of what it sends. */
function regionOfCall(list: Node): readonly string[] | undefined {
  for (const argument of list.namedChildren) {
    if (argument?.type !== 'keyword_argument' || !isRegionName(argument.childForFieldName('name')?.text ?? '')) continue;
    const value = argument.childForFieldName('value');
    const text = value?.type === 'string' ? value.text.slice(1, -1) : null;
    if (text && /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/.test(text)) return [text];
  }
  return undefined;
}

export const scanPython = (root: Node, source: string): Collection => {
  const file: PythonFile = { source, sentNames: new Set(Array.from(source.matchAll(SENT_VARIABLE), (m) => m[1]!)) };
  return scanStrings(root, {
    strings: STRINGS,
    imports: { types: IMPORTS, anthropic: ANTHROPIC_IMPORT },
    bedrockInStrings: true,
    value: (node) => stringValue(node, source),
    contextOf: (node, ancestors, value) => contextOf(node, ancestors, value, file),
  });
};
