/**
 * Finds the strings a rule should judge, in JavaScript/TypeScript and in JSON (@eslint/json), and
 * the regions a file states for its Bedrock clients. The rules judge at the end of the file, when
 * every client's region is known.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { mightBeModelRef } from '../../classifier/parse.js';
import { sourceModelOffsets } from '../../classifier/prefilter.js';
import type { Registry } from '../../registry/registry.js';
import { isRegionName, isResourceName, isSearchName, mentionsBedrock } from '../../context/names.js';

/** A string node of @eslint/json. */
export interface JsonStringNode {
  type: 'String';
  value: string;
  loc: TSESTree.SourceLocation;
  range: [number, number];
}

interface JsonMemberNode {
  type: 'Member';
  name: { type: string; value?: string };
  value: { type: string; value?: unknown };
}

export interface Candidate {
  readonly node: TSESTree.Literal | TSESTree.TemplateLiteral | JsonStringNode;
  readonly text: string;
  /**
   * The string names a model as a resource (IAM policies, GetFoundationModel and similar
   * control-plane calls), where a bare foundation-model ID is right: no profile checks.
   */
  readonly resource: boolean;
}

export interface FileFacts {
  /** Region literals given to Bedrock clients created in this file. */
  readonly clientRegions: readonly string[];
  /** Whether the file imports or creates a Bedrock client, and no client of Anthropic's own API. */
  readonly usesBedrock: boolean;
}

/**
 * Constructors and factories of Bedrock clients whose `{ region }` tells the region in play. Each
 * contains `Bedrock`, which is what the source is searched for (`CLIENT_OR_REQUIRE`).
 */
const CLIENT_NAMES = new Set([
  'BedrockRuntimeClient',
  'BedrockRuntime',
  'BedrockClient',
  'Bedrock',
  'BedrockAgentRuntimeClient',
  'BedrockAgentRuntime',
  'createAmazonBedrock',
  'ChatBedrockConverse',
  'ChatBedrock',
  'BedrockChat',
  'BedrockEmbeddings',
]);

/** SDK clients of Anthropic's own API, where first-party model names are right. */
const ANTHROPIC_SOURCE = /^(?:@anthropic-ai\/sdk|@ai-sdk\/anthropic|@langchain\/anthropic)(?:\/|$)/;

const EQUALITY = new Set(['==', '===', '!=', '!==']);

type Parent = TSESTree.Node | undefined;

const calleeName = (node: TSESTree.CallExpression | TSESTree.NewExpression): string | null => {
  const callee = node.callee;
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && callee.property.type === 'Identifier') return callee.property.name;
  return null;
};

const keyName = (property: TSESTree.Property): string | null => {
  if (property.key.type === 'Identifier' && !property.computed) return property.key.name;
  if (property.key.type === 'Literal' && typeof property.key.value === 'string') return property.key.value;
  return null;
};

/** The value of a string literal or of a template literal without expressions. */
export function staticString(node: TSESTree.Node): string | null {
  if (node.type === 'Literal') return typeof node.value === 'string' ? node.value : null;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}

/** Whether a string node is not a value the program uses as a model ID. */
function isIgnoredPosition(node: TSESTree.Node, parent: Parent): boolean {
  if (!parent) return false;
  switch (parent.type) {
    case 'Property':
    case 'PropertyDefinition':
    case 'MethodDefinition':
    case 'TSPropertySignature':
    case 'AccessorProperty':
      // A key: a pricing table or lookup map keyed by IDs is not an invocation.
      return parent.key === node;
    case 'TSEnumMember':
      return parent.id === node;
    case 'ImportDeclaration':
    case 'ExportAllDeclaration':
    case 'ExportNamedDeclaration':
    case 'ImportExpression':
    case 'TSExternalModuleReference':
    case 'TSImportType':
    case 'ImportAttribute':
    case 'TSLiteralType':
    case 'TaggedTemplateExpression':
      return true;
    case 'BinaryExpression':
      // Joined at run time ('us.' + id): the literal is not the ID that is sent.
      return parent.operator === '+';
    case 'CallExpression':
      // id.startsWith('anthropic.claude-3'): a piece of an ID to look for.
      return (
        parent.arguments.includes(node as TSESTree.CallExpressionArgument) &&
        parent.callee.type === 'MemberExpression' &&
        parent.callee.property.type === 'Identifier' &&
        isSearchName(parent.callee.property.name)
      );
    default:
      return false;
  }
}

/**
 * Whether the string names a model rather than being the model a call is made with: compared
 * against (`id === '...'`, a `case`), or inside IAM or a control-plane call on the model.
 */
function isResourceContext(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (parent?.type === 'BinaryExpression' && EQUALITY.has(parent.operator)) return true;
  if (parent?.type === 'SwitchCase' && parent.test === node) return true;
  let current: TSESTree.Node | undefined = parent;
  for (let depth = 0; current && depth < 8; depth++, current = current.parent) {
    if (current.type === 'Property' && isResourceName(keyName(current) ?? '')) return true;
    if ((current.type === 'NewExpression' || current.type === 'CallExpression') && isResourceName(calleeName(current) ?? '')) {
      return true;
    }
    if (current.type === 'Program' || current.type.startsWith('Function') || current.type === 'ArrowFunctionExpression') break;
  }
  return false;
}

/** One file's candidates and facts, shared by the four rules. */
interface Collection {
  readonly candidates: readonly Candidate[];
  readonly facts: FileFacts;
}

const NO_FACTS: FileFacts = { clientRegions: [], usesBedrock: false };
const NOTHING: Collection = { candidates: [], facts: NO_FACTS };

/** What the first rule of a file collected, by file (its SourceCode), for the other rules. */
const collected = new WeakMap<object, Collection>();
/** The pre-filter's matches in a JavaScript file, found when its first rule is created. */
const pendingOffsets = new WeakMap<object, readonly number[]>();

type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/** The first index of `sorted` holding a value of at least `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The outermost nodes that pass `wanted` and hold one of the offsets (ascending), in source
 * order, found in one descent that only enters nodes holding an offset: a few nodes per offset,
 * not the whole tree.
 */
function nodesHolding(
  root: TSESTree.Node,
  offsets: readonly number[],
  keys: VisitorKeys,
  wanted: (node: TSESTree.Node) => boolean,
): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  const holdsOffset = (node: { range?: readonly [number, number] }): boolean => {
    if (!node.range) return false;
    const index = lowerBound(offsets, node.range[0]);
    return index < offsets.length && offsets[index]! < node.range[1];
  };
  const stack: TSESTree.Node[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (wanted(node)) {
      found.push(node);
      continue;
    }
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child as (TSESTree.Node | null)[]) if (item && holdsOffset(item)) stack.push(item);
      } else if (child && typeof child === 'object' && holdsOffset(child as TSESTree.Node)) {
        stack.push(child as TSESTree.Node);
      }
    }
  }
  return found.sort((a, b) => a.range[0] - b.range[0]);
}

/** A string literal, or a template literal without expressions (one with them is descended into). */
const isStaticString = (node: TSESTree.Node): boolean =>
  node.type === 'Literal' || (node.type === 'TemplateLiteral' && node.expressions.length === 0);
const isIdentifier = (node: TSESTree.Node): boolean => node.type === 'Identifier';

/** Every client name contains `Bedrock`: where the source may name a client, or `require`. */
const CLIENT_OR_REQUIRE = /Bedrock|require/g;

/**
 * Collects a JavaScript/TypeScript file's candidates without a listener on every literal and
 * call: the pre-filter's matches in the text (a provider's name where a string begins, or an
 * escape) point at the few string nodes worth judging, which one descent of the tree finds.
 */
function collectFromSource(sourceCode: Readonly<TSESLint.SourceCode>, offsets: readonly number[]): Collection {
  const ast = sourceCode.ast;
  const keys = sourceCode.visitorKeys as VisitorKeys;
  const candidates: Candidate[] = [];
  for (const node of nodesHolding(ast, offsets, keys, isStaticString)) {
    const literal = node as TSESTree.Literal | TSESTree.TemplateLiteral;
    const text = staticString(literal);
    if (text === null || !mightBeModelRef(text) || isIgnoredPosition(literal, literal.parent)) continue;
    candidates.push({ node: literal, text, resource: isResourceContext(literal) });
  }
  if (candidates.length === 0) return NOTHING;
  return { candidates, facts: fileFacts(sourceCode.text, ast, keys) };
}

/** The regions of the file's Bedrock clients and whether it uses Bedrock, from its imports and calls. */
function fileFacts(text: string, ast: TSESTree.Program, keys: VisitorKeys): FileFacts {
  const clientRegions: string[] = [];
  let usesBedrock = false;
  let usesAnthropic = false;
  const noteSource = (source: string): void => {
    if (mentionsBedrock(source)) usesBedrock = true;
    else if (ANTHROPIC_SOURCE.test(source)) usesAnthropic = true;
  };
  for (const statement of ast.body) {
    if (statement.type === 'ImportDeclaration') noteSource(statement.source.value);
  }
  const offsets = Array.from(text.matchAll(CLIENT_OR_REQUIRE), (match) => match.index);
  for (const identifier of nodesHolding(ast, offsets, keys, isIdentifier)) {
    // `Name(...)`, `new Name(...)`, `x.Name(...)`, `new x.Name(...)`.
    const parent = identifier.parent;
    const callee = parent?.type === 'MemberExpression' && parent.property === identifier ? parent : identifier;
    const call = callee.parent;
    if ((call?.type !== 'CallExpression' && call?.type !== 'NewExpression') || call.callee !== callee) continue;
    const name = (identifier as TSESTree.Identifier).name;
    if (name === 'require') {
      const source = call.arguments[0] && staticString(call.arguments[0]);
      if (source) noteSource(source);
      continue;
    }
    if (!CLIENT_NAMES.has(name)) continue;
    usesBedrock = true;
    const config = call.arguments[0];
    if (config?.type !== 'ObjectExpression') continue;
    for (const property of config.properties) {
      if (property.type !== 'Property' || keyName(property) !== 'region') continue;
      const region = staticString(property.value);
      if (region) clientRegions.push(region);
    }
  }
  return { clientRegions: [...new Set(clientRegions)], usesBedrock: usesBedrock && !usesAnthropic };
}

/**
 * A listener that calls `judge` once at the end of the file (JavaScript `Program:exit`, JSON
 * `Document:exit`) with the file's candidates and facts. The four rules share one collection per
 * file: in JavaScript, one pass of a regular expression over the text when the first rule is
 * created finds where a string may begin with a provider's name; without a match (most files) no
 * rule listens to anything, else the first rule to judge collects; in
 * JSON the first rule created for the file listens to its strings and members, the others only
 * judge.
 */
export function collectCandidates(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  registry: Registry,
  judge: (candidates: readonly Candidate[], facts: FileFacts) => void,
): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;
  if ((sourceCode.ast as { type: string }).type === 'Program') {
    let offsets = pendingOffsets.get(sourceCode);
    if (!offsets) {
      if (collected.get(sourceCode) === NOTHING) return {};
      offsets = sourceModelOffsets(sourceCode.text, registry);
      // Most files: no rule listens to anything.
      if (offsets.length === 0) {
        collected.set(sourceCode, NOTHING);
        return {};
      }
      pendingOffsets.set(sourceCode, offsets);
    }
    const found = offsets;
    return {
      'Program:exit'() {
        let collection = collected.get(sourceCode);
        if (!collection) collected.set(sourceCode, (collection = collectFromSource(sourceCode, found)));
        judge(collection.candidates, collection.facts);
      },
    };
  }
  const shared = collected.get(sourceCode);
  if (shared) {
    return { 'Document:exit': () => judge(shared.candidates, shared.facts) } as TSESLint.RuleListener;
  }
  return jsonListener(sourceCode, judge);
}

/** @eslint/json: string values and the regions members name. */
function jsonListener(
  source: Readonly<TSESLint.SourceCode>,
  judge: (candidates: readonly Candidate[], facts: FileFacts) => void,
): TSESLint.RuleListener {
  const candidates: Candidate[] = [];
  const clientRegions: string[] = [];
  const collection = {
    candidates,
    get facts(): FileFacts {
      return { clientRegions: [...new Set(clientRegions)], usesBedrock: false };
    },
  };
  collected.set(source, collection);
  const sourceCode = source as unknown as { getParent?: (node: unknown) => unknown };
  const listener: Record<string, (node: never) => void> = {
    String(node: JsonStringNode) {
      if (!mightBeModelRef(node.value)) return;
      const parent = sourceCode.getParent?.(node) as JsonMemberNode | { type: string } | undefined;
      if (parent?.type === 'Member' && ((parent as JsonMemberNode).name as unknown) === node) return;
      // The member the string is the value of, directly or as an element (momoa wraps each in an
      // Element node) of an array value.
      const array = parent?.type === 'Element' ? sourceCode.getParent?.(parent) : undefined;
      const member = ((array as { type?: string } | undefined)?.type === 'Array' ? sourceCode.getParent?.(array) : parent) as
        | JsonMemberNode
        | undefined;
      const resource = member?.type === 'Member' && isResourceName(member.name.value ?? '');
      candidates.push({ node, text: node.value, resource });
    },
    Member(node: JsonMemberNode) {
      if (node.value.type === 'String' && isRegionName(node.name.value ?? '')) {
        clientRegions.push(String(node.value.value));
      }
    },
    'Document:exit': () => judge(candidates, collection.facts),
  };
  return listener as TSESLint.RuleListener;
}
