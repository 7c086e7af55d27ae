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
import { isAssertion, isDescriptiveCall, isFirstArgumentSink, isInputSink, isLookup, isModelKey } from '../context/sinks.js';
import type { Candidate, Collection, Role } from '../core/candidate.js';
import { EMPTY_COLLECTION, inPlace } from '../core/candidate.js';
import { afterRegionPlaceholder, templateArn, type TemplatePart } from '../core/templates.js';

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
    case 'MethodDefinition':
    case 'TSPropertySignature':
    case 'AccessorProperty':
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
 * Whether the string names a model as a resource rather than as the model a call is made with:
 * inside IAM (`Resource`, CDK `resources`) or a control-plane call on the model
 * (`GetFoundationModelCommand`, `modelIdentifier`).
 */
function isResourceContext(node: Node): boolean {
  let current: Node | undefined = node.parent;
  for (let depth = 0; current && depth < 8; depth++, current = current.parent) {
    if (current.type === 'Property' && isResourceName(keyName(current) ?? '')) return true;
    if ((current.type === 'NewExpression' || current.type === 'CallExpression') && isResourceName(calleeName(current) ?? '')) {
      return true;
    }
    if (current.type === 'Program' || current.type.startsWith('Function') || current.type === 'ArrowFunctionExpression') break;
  }
  return false;
}

/** Nodes that pass a value through unchanged: `x as T`, `x!`, `x satisfies T`, `a ?? x`, `c ? x : y`. */
function isTransparent(parent: Node, node: Node): boolean {
  switch (parent.type) {
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
    case 'TSTypeAssertion':
    case 'ChainExpression':
    case 'AwaitExpression':
    case 'LogicalExpression':
      return true;
    case 'ConditionalExpression':
      return parent.test !== node;
    case 'JSXExpressionContainer':
      return true;
    default:
      return false;
  }
}

/** The name of what is called: `f` of `f()`, `x.f()`, `new f()`, `new x.f()`. */
const calledName = (call: TSESTree.CallExpression | TSESTree.NewExpression): string | null => calleeName(call);

/** Whether a call is an assertion, anywhere in its chain: `expect(x).toBe('...')`, `assert.equal(...)`. */
function isAssertionCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  for (let callee: Node | undefined = call.callee, depth = 0; callee && depth < 6; depth++) {
    if (callee.type === 'Identifier') return isAssertion(callee.name);
    if (callee.type !== 'MemberExpression') return false;
    if (callee.property.type === 'Identifier' && isAssertion(callee.property.name)) return true;
    callee = callee.object.type === 'CallExpression' ? callee.object.callee : callee.object;
  }
  return false;
}

/** What a reader knows of the file beyond one string: who sends what where. */
interface FileContext {
  /** Variables bound to a Bedrock client or provider, with the regions it was built for. */
  readonly clients: ReadonlyMap<string, readonly string[]>;
  /** Variables passed where a Bedrock call takes its model (`modelId: MODEL`, `bedrock(MODEL)`). */
  readonly sentNames: ReadonlySet<string>;
  /** The region an expression stands for, when the file says (see FileReader.region). */
  region(node: Node | null | undefined): string | null;
}

/** The name of the object a call is made on: `client` of `client.send(...)`. */
const receiverName = (call: TSESTree.CallExpression): string | null =>
  call.callee.type === 'MemberExpression' && call.callee.object.type === 'Identifier' ? call.callee.object.name : null;

/**
 * What the code does with a string (see Role), and the regions of the client it is sent through
 * when the file says. Climbs a few parents at most.
 */
function roleOf(literal: Node, context: FileContext): { role: Role; regions?: readonly string[] } {
  let node: Node = literal;
  let parent = node.parent;
  while (parent && isTransparent(parent, node)) {
    node = parent;
    parent = parent.parent;
  }
  if (!parent) return { role: 'unknown' };
  if (inAssertion(node)) return { role: 'test' };
  switch (parent.type) {
    case 'BinaryExpression':
      return { role: EQUALITY.has(parent.operator) || parent.operator === 'in' ? 'lookup' : 'unknown' };
    case 'SwitchCase':
      return { role: 'lookup' };
    case 'MemberExpression':
      return { role: parent.computed && parent.property === node ? 'lookup' : 'unknown' };
    case 'ArrayExpression':
      if (insideAssertion(parent)) return { role: 'test' };
      return { role: sentCollection(parent, context) ? 'sent' : 'catalog' };
    case 'Property':
      // A key of a pricing table or lookup map keyed by IDs: a catalog entry, never an invocation.
      if (parent.key === node) return { role: 'catalog' };
      return propertyRole(parent, context);
    case 'PropertyDefinition':
      return { role: parent.key === node ? 'catalog' : 'setting' };
    case 'VariableDeclarator': {
      const name = parent.id.type === 'Identifier' ? parent.id.name : null;
      return { role: name !== null && context.sentNames.has(name) ? 'sent' : 'setting' };
    }
    case 'AssignmentExpression':
    case 'AssignmentPattern':
    case 'ReturnStatement':
    case 'ArrowFunctionExpression':
    case 'ExportDefaultDeclaration':
      return { role: 'setting' };
    case 'JSXAttribute':
      // `<Chat model="..." />` names the model a component uses; `<option value="...">` is a picker's entry.
      return { role: parent.name.type === 'JSXIdentifier' && isModelKey(parent.name.name) ? 'setting' : 'catalog' };
    case 'CallExpression':
    case 'NewExpression':
      return argumentRole(parent, node, context);
    default:
      return { role: 'unknown' };
  }
}

/**
 * Whether an object or array literal is a same-file constant that a Bedrock call takes its model
 * from (`const MODELS = { fast: '...' }` ... `modelId: MODELS[tier]`), also through
 * `Object.freeze(...)` and `as const`.
 */
function sentCollection(collection: Node, context: FileContext): boolean {
  let node: Node = collection;
  for (let parent = node.parent, depth = 0; parent && depth < 4; node = parent, parent = parent.parent, depth++) {
    if (parent.type === 'VariableDeclarator') return parent.id.type === 'Identifier' && context.sentNames.has(parent.id.name);
    const wraps = isTransparent(parent, node) || (parent.type === 'CallExpression' && calledName(parent) === 'freeze');
    if (!wraps) return false;
  }
  return false;
}

/**
 * Whether an expression is an argument (at any depth of calls, arrays and objects) of an assertion
 * within its statement: `expect(toBaseId('...')).toBe('...')`, `assert.equal(f(['...']), x)`.
 */
function inAssertion(node: Node): boolean {
  let current: Node | undefined = node.parent;
  for (let depth = 0; current && depth < 8; depth++, current = current.parent) {
    if ((current.type === 'CallExpression' || current.type === 'NewExpression') && isAssertionCall(current)) return true;
    if (current.type.endsWith('Statement') || current.type.endsWith('Declaration') || current.type.includes('Function')) return false;
  }
  return false;
}

/** Whether a node sits in the arguments of an assertion (a few levels up at most). */
function insideAssertion(node: Node): boolean {
  let current: Node | undefined = node.parent;
  for (let depth = 0; current && depth < 4; depth++, current = current.parent) {
    if (current.type === 'CallExpression' || current.type === 'NewExpression') return isAssertionCall(current);
    if (current.type !== 'ArrayExpression' && current.type !== 'ObjectExpression' && current.type !== 'Property') return false;
  }
  return false;
}

function argumentRole(call: TSESTree.CallExpression | TSESTree.NewExpression, argument: Node, context: FileContext): { role: Role; regions?: readonly string[] } {
  if (!call.arguments.includes(argument as TSESTree.CallExpressionArgument)) return { role: 'unknown' };
  const name = calledName(call) ?? '';
  if (isAssertionCall(call)) return { role: 'test' };
  if (isResourceName(name)) return { role: 'resource' };
  // `config.get('model', '<id>')`: the key is looked up, the default is a value.
  if (name === 'get' && call.arguments[0] !== argument) return { role: 'setting' };
  if (isLookup(name)) return { role: 'lookup' };
  if (isDescriptiveCall(name) || (call.callee.type === 'MemberExpression' && call.callee.object.type === 'Identifier' && call.callee.object.name === 'console')) {
    return { role: 'descriptive' };
  }
  if (call.arguments[0] === argument) {
    const provider = call.callee.type === 'Identifier' ? call.callee.name : null;
    if (provider !== null && context.clients.has(provider)) return { role: 'sent', regions: context.clients.get(provider) };
    const owner = call.callee.type === 'MemberExpression' && call.callee.object.type === 'Identifier' ? call.callee.object.name : null;
    if (owner !== null && context.clients.has(owner) && isFirstArgumentSink(name)) return { role: 'sent', regions: context.clients.get(owner) };
    if (isFirstArgumentSink(name) || isInputSink(name)) return { role: 'sent' };
  }
  return { role: 'unknown' };
}

/** A string as the value of a property: by its key and the call the object is given to. */
function propertyRole(property: TSESTree.Property, context: FileContext): { role: Role; regions?: readonly string[] } {
  const key = keyName(property) ?? '';
  if (isResourceName(key)) return { role: 'resource' };
  const object = property.parent;
  let holder: Node | undefined = object;
  while (holder?.parent && isTransparent(holder.parent, holder)) holder = holder.parent;
  const call = holder?.parent;
  const modelKey = isModelKey(key);
  if (call && (call.type === 'CallExpression' || call.type === 'NewExpression') && call.arguments.includes(holder as TSESTree.CallExpressionArgument)) {
    const name = calledName(call) ?? '';
    if (isAssertionCall(call)) return { role: 'test' };
    if (isResourceName(name)) return { role: 'resource' };
    if (modelKey && (isInputSink(name) || CLIENT_NAMES.has(name))) {
      return { role: 'sent', ...regionsOfSend(call, object, context) };
    }
  }
  if (modelKey) return { role: 'setting' };
  // A value under any other key: an entry of a lookup table or menu, unless the table itself is
  // what a Bedrock call takes its model from (`modelId: MODELS[tier]`).
  return { role: object && sentCollection(object, context) ? 'sent' : 'catalog' };
}

/**
 * The regions a request is sent from, when the file ties it to one client: the `region` beside the
 * model (`new ChatBedrockConverse({ region, model })`), or the client whose `send` takes the
 * command (`euClient.send(new ConverseCommand({ modelId }))`).
 */
function regionsOfSend(call: Node, object: Node | undefined, context: FileContext): { regions?: readonly string[] } {
  if (object?.type === 'ObjectExpression') {
    const regions = regionsOfConfig(object, context);
    if (regions.length) return { regions };
  }
  const outer = call.parent;
  if (outer?.type === 'CallExpression' && outer.arguments[0] === call) {
    const owner = receiverName(outer);
    if (owner !== null && context.clients.has(owner)) return { regions: context.clients.get(owner) };
  }
  return {};
}

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
/** A string, or a fixed part of a template with placeholders (an ARN's, or one after a region placeholder). */
const isStringOrTemplatePart = (node: Node): boolean => isStaticString(node) || node.type === 'TemplateElement';

/** The model reference a template with placeholders spells, when its placeholders fill only an ARN's region or account, or stand for a region before the model. */
function templateCandidate(template: TSESTree.TemplateLiteral, text: string): { value: string; regionAsGeography: boolean } | null {
  const parts: TemplatePart[] = [];
  template.quasis.forEach((quasi, index) => {
    if (index > 0) parts.push(null);
    if (quasi.value.cooked) parts.push(quasi.value.cooked);
  });
  const arn = templateArn(parts);
  if (arn !== null) return { value: arn, regionAsGeography: false };
  const placeholders = template.expressions.map((expression) => text.slice(expression.range[0], expression.range[1]));
  const model = afterRegionPlaceholder(parts, placeholders);
  return model === null ? null : { value: model, regionAsGeography: true };
}
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
  const literals: { literal: TSESTree.Literal | TSESTree.TemplateLiteral; value: string; template?: { regionAsGeography: boolean } }[] = [];
  const templates = new Set<Node>();
  for (const node of nodesHolding(ast, offsets, keys, isStringOrTemplatePart)) {
    if (node.type === 'TemplateElement') {
      const template = node.parent;
      if (template?.type !== 'TemplateLiteral' || templates.has(template) || isIgnoredPosition(template, template.parent)) continue;
      templates.add(template);
      const found = templateCandidate(template, text);
      if (found && mightBeModelRef(found.value)) literals.push({ literal: template, value: found.value, template: found });
      continue;
    }
    const literal = node as TSESTree.Literal | TSESTree.TemplateLiteral;
    const value = staticString(literal);
    if (value !== null && mightBeModelRef(value) && !isIgnoredPosition(literal, literal.parent)) literals.push({ literal, value });
  }
  if (literals.length === 0) return EMPTY_COLLECTION;
  const file = new FileReader(source, keys);
  const context = file.context();
  const candidates: Candidate[] = literals.map(({ literal, value, template }) => {
    const [start, end] = literal.range;
    if (template) {
      const { role, regions } = isResourceContext(literal) ? { role: 'resource' as const, regions: undefined } : roleOf(literal, context);
      // A template is never rewritten: its placeholders are the program's.
      return {
        text: value,
        start,
        end,
        fix: null,
        role,
        display: text.slice(start + 1, end - 1),
        ...(template.regionAsGeography ? { regionAsGeography: true } : {}),
        ...(regions?.length ? { regions } : {}),
      };
    }
    const quote = literal.type === 'TemplateLiteral' ? '`' : text.charAt(start);
    const { role, regions } = isResourceContext(literal) ? { role: 'resource' as const, regions: undefined } : roleOf(literal, context);
    return {
      text: value,
      start,
      end,
      // The value between the quotes when it is spelled verbatim; else the whole literal with its
      // own quotes (the value is spelled with escapes).
      fix: text.slice(start + 1, end - 1) === value ? inPlace(start + 1, value) : { start, end, prefix: quote, suffix: quote },
      role,
      ...(regions?.length ? { regions } : {}),
    };
  });
  return { candidates, facts: context.facts };
}

/**
 * Keys under which a variable is sent as a Bedrock model, as they are written before a value: where
 * `sentNames` looks. Only Bedrock's own spellings (`modelId`), not `model`, which Anthropic's and
 * other SDKs take too.
 */
const MODEL_VALUE = /\b(?:modelId|model_id|ModelId)\s*:\s*([A-Za-z_$][\w$]*)\b/g;
/** Shorthand properties of a model key: `{ modelId }`. */
const MODEL_SHORTHAND = /[{,]\s*(modelId|model_id)\s*(?=[,}])/g;
/** Calls of a first-argument sink with a variable: `bedrock(MODEL)`, `bedrock.languageModel(MODEL)`. */
const SINK_CALL = /\b(?:bedrock|languageModel|textEmbeddingModel|embedding)\s*\(\s*([A-Za-z_$][\w$]*)\s*[,)]/g;

/**
 * Reads what a file says beyond one string: its imports, its clients and their regions (literals,
 * same-file constants, environment fallbacks such as `process.env.AWS_REGION ?? 'eu-west-1'`), and
 * which variables reach a Bedrock call's model. Each look-up descends only to the nodes at the
 * offsets a regular expression found in the text.
 */
class FileReader {
  private readonly declarations = new Map<string, TSESTree.Expression | null>();

  constructor(
    private readonly source: EstreeSource,
    private readonly keys: VisitorKeys,
  ) {}

  context(): FileContext & { facts: Collection['facts'] } {
    const { ast, text } = this.source;
    const regions: string[] = [];
    const clients = new Map<string, readonly string[]>();
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
    for (const identifier of nodesHolding(ast, offsets, this.keys, isIdentifier)) {
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
      const config = this.objectOf(call.arguments[0] ?? null);
      const stated = config ? regionsOfConfig(config, this) : [];
      regions.push(...stated);
      const holder = call.parent;
      if (stated.length && holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier') clients.set(holder.id.name, stated);
    }
    return {
      facts: { regions: [...new Set(regions)], usesBedrock: usesBedrock && !usesAnthropic },
      clients,
      sentNames: withSources(text, new Set([...text.matchAll(MODEL_VALUE), ...text.matchAll(MODEL_SHORTHAND), ...text.matchAll(SINK_CALL)].map((match) => match[1]!))),
      region: (node) => this.region(node),
    };
  }

  /** An object literal, given directly or through a same-file constant. */
  private objectOf(node: Node | null): TSESTree.ObjectExpression | null {
    if (node?.type === 'ObjectExpression') return node;
    if (node?.type === 'Identifier') {
      const init = this.declaration(node.name);
      return init?.type === 'ObjectExpression' ? init : null;
    }
    return null;
  }

  /**
   * The region an expression stands for, when the file says: a literal, a same-file constant, or
   * the fallback of an environment read (`process.env.AWS_REGION ?? 'eu-west-1'`, `|| 'eu-west-1'`).
   */
  region(node: Node | null | undefined, depth = 0): string | null {
    if (!node || depth > 4) return null;
    const literal = staticString(node);
    if (literal !== null) return literal;
    switch (node.type) {
      case 'LogicalExpression':
        return node.operator === '&&' ? null : this.region(node.right, depth + 1);
      case 'Identifier':
        return this.region(this.declaration(node.name), depth + 1);
      case 'TSAsExpression':
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
        return this.region(node.expression, depth + 1);
      default:
        return null;
    }
  }

  /** The initializer of the file's `const|let|var NAME = ...` (the first one), or null. */
  private declaration(name: string): TSESTree.Expression | null {
    if (this.declarations.has(name)) return this.declarations.get(name)!;
    let found: TSESTree.Expression | null = null;
    if (/^[A-Za-z_$][\w$]*$/.test(name)) {
      const pattern = new RegExp(`\\b(?:const|let|var)\\s+(${name.replace(/\$/g, '\\$')})\\b`, 'g');
      const offsets = Array.from(this.source.text.matchAll(pattern), (match) => match.index + match[0].length - name.length);
      const declarator = nodesHolding(this.source.ast, offsets, this.keys, (node) => node.type === 'VariableDeclarator' && offsets.includes(node.range[0]))[0];
      found = (declarator as TSESTree.VariableDeclarator | undefined)?.init ?? null;
    }
    this.declarations.set(name, found);
    return found;
  }
}

/**
 * Sent names, with the tables they are read from: for `const modelId = MODELS[tier] ?? MODELS.default`
 * (a sent name), `MODELS` too. One level, by the text of the declaration.
 */
function withSources(text: string, names: Set<string>): Set<string> {
  for (const name of [...names]) {
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) continue;
    const declaration = new RegExp(`\\b(?:const|let|var)\\s+${name.replace(/\$/g, '\\$')}\\s*(?::[^=\\n]+)?=([^;\\n]*)`).exec(text);
    for (const match of declaration?.[1]?.matchAll(/\b([A-Za-z_$][\w$]*)\s*(?:\[|\.|\?\.)/g) ?? []) names.add(match[1]!);
  }
  return names;
}

/** The regions an object literal states: `{ region: 'eu-west-1' }`, `{ region: REGION }`, `{ region }`. */
function regionsOfConfig(object: TSESTree.ObjectExpression, file: Pick<FileContext, 'region'>): string[] {
  const regions: string[] = [];
  for (const property of object.properties) {
    if (property.type !== 'Property' || keyName(property) !== 'region') continue;
    const region = file.region(property.value);
    if (region) regions.push(region);
  }
  return regions;
}
