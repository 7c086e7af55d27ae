/**
 * The ESTree reader: finds the strings of a JavaScript or TypeScript program that might name a
 * model, and what the code does with them, for the ESLint adapter (ESLint's own tree) and the
 * checker (a tree it parses itself) alike. It never walks the whole tree: the pre-filter's matches
 * in the text (a provider's name where a string begins, or an escape) point at the few string
 * nodes worth judging, which one descent finds.
 *
 * Works on any ESTree-shaped tree with `range`s (ESLint's espree, typescript-eslint, acorn with
 * acorn-typescript): node types it does not know are descended by their object-valued properties.
 * Sets `parent` on the nodes of its descent where the parser did not.
 */
import type { TSESTree } from '@typescript-eslint/types';
import { mightBeModelRef } from '../classifier/parse.js';
import { isResourceName, isSearchName, mentionsBedrock } from '../context/names.js';
import type { Candidate, Collection, Role } from '../core/candidate.js';
import { EMPTY_COLLECTION, inPlace } from '../core/candidate.js';

type Node = TSESTree.Node;
type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

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

/** Properties that never hold child nodes. */
const NOT_CHILDREN = new Set(['parent', 'loc', 'range', 'start', 'end', 'type', 'tokens', 'comments', 'leadingComments', 'trailingComments']);

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
export function staticString(node: Node): string | null {
  if (node.type === 'Literal') return typeof node.value === 'string' ? node.value : null;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}

/** Whether a string node is not a value the program uses as a model ID. */
function isIgnoredPosition(node: Node, parent: Node | undefined): boolean {
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
function isResourceContext(node: Node): boolean {
  const parent = node.parent;
  if (parent?.type === 'BinaryExpression' && EQUALITY.has(parent.operator)) return true;
  if (parent?.type === 'SwitchCase' && parent.test === node) return true;
  let current: Node | undefined = parent;
  for (let depth = 0; current && depth < 8; depth++, current = current.parent) {
    if (current.type === 'Property' && isResourceName(keyName(current) ?? '')) return true;
    if ((current.type === 'NewExpression' || current.type === 'CallExpression') && isResourceName(calleeName(current) ?? '')) {
      return true;
    }
    if (current.type === 'Program' || current.type.startsWith('Function') || current.type === 'ArrowFunctionExpression') break;
  }
  return false;
}

/** The role of a string the reader keeps. */
const roleOf = (node: Node): Role => (isResourceContext(node) ? 'resource' : 'unknown');

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

/** The child nodes of a node: by its visitor keys, or by its object-valued properties. */
function* childrenOf(node: Node, keys: VisitorKeys): Generator<Node> {
  const record = node as unknown as Record<string, unknown>;
  const names = keys[node.type] ?? Object.keys(record).filter((name) => !NOT_CHILDREN.has(name));
  for (const name of names) {
    const child = record[name];
    if (Array.isArray(child)) {
      for (const item of child) if (item && typeof (item as Node).type === 'string') yield item as Node;
    } else if (child && typeof child === 'object' && typeof (child as Node).type === 'string') {
      yield child as Node;
    }
  }
}

/**
 * The outermost nodes that pass `wanted` and hold one of the offsets (ascending), in source
 * order, found in one descent that only enters nodes holding an offset: a few nodes per offset,
 * not the whole tree.
 */
function nodesHolding(root: Node, offsets: readonly number[], keys: VisitorKeys, wanted: (node: Node) => boolean): Node[] {
  const found: Node[] = [];
  const holdsOffset = (node: Node): boolean => {
    if (!node.range) return false;
    const index = lowerBound(offsets, node.range[0]);
    return index < offsets.length && offsets[index]! < node.range[1];
  };
  const stack: Node[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (wanted(node)) {
      found.push(node);
      continue;
    }
    for (const child of childrenOf(node, keys)) {
      if (!holdsOffset(child)) continue;
      if (!child.parent) (child as { parent?: Node }).parent = node;
      stack.push(child);
    }
  }
  return found.sort((a, b) => a.range[0] - b.range[0]);
}

/** A string literal, or a template literal without expressions (one with them is descended into). */
const isStaticString = (node: Node): boolean =>
  node.type === 'Literal' || (node.type === 'TemplateLiteral' && node.expressions.length === 0);
const isIdentifier = (node: Node): boolean => node.type === 'Identifier';

/** Every client name contains `Bedrock`: where the source may name a client, or `require`. */
const CLIENT_OR_REQUIRE = /Bedrock|require/g;

export interface EstreeSource {
  /** The program, with `range` on every node. */
  readonly ast: Node;
  readonly text: string;
  /** Visitor keys of the parser, when it has them (ESLint's SourceCode does). */
  readonly visitorKeys?: VisitorKeys;
}

/**
 * The candidates of a program: the string nodes holding one of `offsets` (the pre-filter's
 * matches), with their roles, and the file's facts.
 */
export function collectEstree(source: EstreeSource, offsets: readonly number[]): Collection {
  const { ast, text } = source;
  const keys = source.visitorKeys ?? {};
  const candidates: Candidate[] = [];
  for (const node of nodesHolding(ast, offsets, keys, isStaticString)) {
    const literal = node as TSESTree.Literal | TSESTree.TemplateLiteral;
    const value = staticString(literal);
    if (value === null || !mightBeModelRef(value) || isIgnoredPosition(literal, literal.parent)) continue;
    const [start, end] = literal.range;
    const quote = literal.type === 'TemplateLiteral' ? '`' : text.charAt(start);
    candidates.push({
      text: value,
      start,
      end,
      // The value between the quotes when it is spelled verbatim; else the whole literal with its
      // own quotes (the value is spelled with escapes).
      fix: text.slice(start + 1, end - 1) === value ? inPlace(start + 1, value) : { start, end, prefix: quote, suffix: quote },
      role: roleOf(literal),
    });
  }
  if (candidates.length === 0) return EMPTY_COLLECTION;
  return { candidates, facts: fileFacts(source, keys) };
}

/** The regions of the file's Bedrock clients and whether it uses Bedrock, from its imports and calls. */
function fileFacts({ ast, text }: EstreeSource, keys: VisitorKeys): Collection['facts'] {
  const regions: string[] = [];
  let usesBedrock = false;
  let usesAnthropic = false;
  const noteSource = (source: string): void => {
    if (mentionsBedrock(source)) usesBedrock = true;
    else if (ANTHROPIC_SOURCE.test(source)) usesAnthropic = true;
  };
  for (const statement of (ast as TSESTree.Program).body ?? []) {
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
      if (region) regions.push(region);
    }
  }
  return { regions: [...new Set(regions)], usesBedrock: usesBedrock && !usesAnthropic };
}
