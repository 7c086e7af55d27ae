/**
 * Finds the strings a rule should judge, in JavaScript/TypeScript and in JSON (@eslint/json), and
 * the regions a file states for its Bedrock clients. The rules judge at the end of the file, when
 * every client's region is known.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { mightBeModelRef } from '../../classifier/parse.js';
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

/** Constructors and factories of Bedrock clients whose `{ region }` tells the region in play. */
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

/** What the first rule of a file collected, by file (its SourceCode), for the other rules. */
const collected = new WeakMap<object, { candidates: readonly Candidate[]; facts: () => FileFacts }>();

/**
 * A listener that collects candidates and file facts, then calls `judge` once at the end of the
 * file (JavaScript `Program:exit`, JSON `Document:exit`). The four rules share one collection per
 * file: the first rule created for a file walks its strings and calls, the others only judge.
 */
export function collectCandidates(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  judge: (candidates: readonly Candidate[], facts: FileFacts) => void,
): TSESLint.RuleListener {
  const shared = collected.get(context.sourceCode);
  if (shared) {
    const judgeShared = (): void => judge(shared.candidates, shared.facts());
    return { 'Program:exit': judgeShared, 'Document:exit': judgeShared } as TSESLint.RuleListener;
  }
  const candidates: Candidate[] = [];
  const clientRegions: string[] = [];
  let usesBedrock = false;
  let usesAnthropic = false;
  const noteSource = (source: string): void => {
    if (mentionsBedrock(source)) usesBedrock = true;
    else if (ANTHROPIC_SOURCE.test(source)) usesAnthropic = true;
  };

  const consider = (node: TSESTree.Literal | TSESTree.TemplateLiteral): void => {
    const text = staticString(node);
    if (text === null || !mightBeModelRef(text) || isIgnoredPosition(node, node.parent)) return;
    candidates.push({ node, text, resource: isResourceContext(node) });
  };

  const clientConfig = (node: TSESTree.CallExpression | TSESTree.NewExpression): void => {
    const name = calleeName(node);
    if (name === 'require' && node.arguments[0]) {
      const source = staticString(node.arguments[0]);
      if (source) noteSource(source);
      return;
    }
    if (!name || !CLIENT_NAMES.has(name)) return;
    usesBedrock = true;
    const config = node.arguments[0];
    if (config?.type !== 'ObjectExpression') return;
    for (const property of config.properties) {
      if (property.type !== 'Property' || keyName(property) !== 'region') continue;
      const region = staticString(property.value);
      if (region) clientRegions.push(region);
    }
  };

  const sourceCode = context.sourceCode as unknown as { getParent?: (node: unknown) => unknown };
  const facts = (): FileFacts => ({ clientRegions: [...new Set(clientRegions)], usesBedrock: usesBedrock && !usesAnthropic });
  collected.set(context.sourceCode, { candidates, facts });
  const exit = (): void => judge(candidates, facts());

  const listener: Record<string, (node: never) => void> = {
    Literal: consider,
    TemplateLiteral: consider,
    NewExpression: clientConfig,
    CallExpression: clientConfig,
    ImportDeclaration(node: TSESTree.ImportDeclaration) {
      noteSource(node.source.value);
    },
    'Program:exit': exit,
    // @eslint/json
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
    'Document:exit': exit,
  };
  return listener as TSESLint.RuleListener;
}
