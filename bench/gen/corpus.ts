/**
 * Generates the TypeScript corpus of the ESLint row: realistic Bedrock client code (SDK v3,
 * LangChain, the Vercel AI SDK, LiteLLM routes, IAM policies, model tables) mixed with ordinary
 * application code full of strings that are not model IDs (log lines, i18n keys, hostnames, file
 * names, versions). Seeded: the same seed gives byte-identical files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Registry } from '../../src/registry/registry.js';
import { random, type Random } from '../lib/stats.js';

export interface CorpusIds {
  /** Real IDs from the snapshot: bare model IDs and profile IDs. */
  readonly models: readonly string[];
  readonly profiles: readonly string[];
  readonly regions: readonly string[];
}

export interface CorpusFile {
  readonly name: string;
  readonly text: string;
}

/** Wrong IDs people really write: typos, a made-up geography, a region as prefix, first-party names. */
const WRONG_IDS = [
  'anthropic.claude-3-5-sonnet-20241022-v3:0',
  'ap.anthropic.claude-sonnet-4-5-20250929-v1:0',
  'us-east-1.anthropic.claude-3-haiku-20240307-v1:0',
  'anthropic.claude-sonet-4-20250514-v1:0',
  'amazon.titan-text-express-v1',
  'claude-3-7-sonnet-20250219',
  'meta.llama3-1-70b-instruct-v2:0',
];

const WORDS = ['user', 'order', 'invoice', 'session', 'product', 'cart', 'payment', 'report', 'team', 'project', 'ticket', 'event'];
const VERBS = ['load', 'save', 'update', 'remove', 'list', 'find', 'sync', 'render', 'validate', 'format'];
const ORDINARY_STRINGS = [
  'Content-Type',
  'application/json',
  'errors.user.notFound',
  'settings.profile.title',
  'api.example.com',
  'https://api.example.com/v2/items',
  './components/Button.tsx',
  'config.yaml',
  'index.html',
  'utf8',
  'YYYY-MM-DD',
  'Something went wrong, please try again.',
  'text-sm font-medium text-gray-700',
  'x-request-id',
  'lodash.debounce',
  'react-dom/client',
  'process.env.NODE_ENV',
  '1.2.3',
  'node:fs',
  'window.location.href',
  'Mozilla/5.0 (X11; Linux x86_64)',
  'SELECT id, name FROM users WHERE id = $1',
  'metrics.requests.count',
  'readme.md',
];

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function ordinaryFunction(r: Random, i: number): string {
  const noun = r.pick(WORDS);
  const verb = r.pick(VERBS);
  const s1 = r.pick(ORDINARY_STRINGS);
  const s2 = r.pick(ORDINARY_STRINGS);
  return `
export interface ${cap(noun)}${i} {
  id: string;
  name: string;
  createdAt: Date;
  tags?: readonly string[];
}

/** ${cap(verb)}s a ${noun} and logs what happened. */
export async function ${verb}${cap(noun)}${i}(input: Partial<${cap(noun)}${i}>, retries = ${r.int(5) + 1}): Promise<${cap(noun)}${i} | null> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'x-trace': \`${noun}-\${input.id ?? 'new'}\` };
  for (let attempt = 0; attempt < retries; attempt++) {
    try {
      const response = await fetch(\`https://api.example.com/${noun}s/\${input.id}\`, { method: '${r.pick(['GET', 'POST', 'PUT'])}', headers });
      if (!response.ok) {
        logger.warn('${s1}', { status: response.status, attempt });
        continue;
      }
      const body = (await response.json()) as ${cap(noun)}${i};
      return { ...body, createdAt: new Date(body.createdAt), tags: body.tags?.filter((t) => t !== '${s2}') ?? [] };
    } catch (error) {
      logger.error(\`failed to ${verb} ${noun}: \${(error as Error).message}\`);
    }
  }
  return null;
}
`;
}

function ordinaryClass(r: Random, i: number): string {
  const noun = r.pick(WORDS);
  return `
export class ${cap(noun)}Store${i} {
  private readonly items = new Map<string, { value: number; label: string }>();
  static readonly KEY = '${r.pick(ORDINARY_STRINGS)}';

  add(id: string, value: number): void {
    this.items.set(id, { value, label: \`${noun} #\${id}\` });
  }

  total(): number {
    let sum = 0;
    for (const { value } of this.items.values()) sum += value > ${r.int(100)} ? value : 0;
    return sum;
  }

  describe(): string {
    return [...this.items.entries()].map(([k, v]) => \`\${k}=\${v.label}\`).join('${r.pick([', ', '; ', '\\n'])}');
  }
}

export enum ${cap(noun)}Status${i} {
  Active = 'active',
  Archived = 'archived',
  Pending = '${r.pick(['pending', 'queued', 'waiting'])}',
}
`;
}

function bedrockSnippet(r: Random, ids: CorpusIds, i: number): string {
  const region = r.pick(ids.regions);
  const id = r.chance(0.1) ? r.pick(WRONG_IDS) : r.chance(0.5) ? r.pick(ids.profiles) : r.pick(ids.models);
  switch (r.int(6)) {
    case 0:
      return `
const client${i} = new BedrockRuntimeClient({ region: '${region}' });

export async function ask${i}(prompt: string): Promise<string> {
  const response = await client${i}.send(
    new ConverseCommand({
      modelId: '${id}',
      messages: [{ role: 'user', content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens: ${256 * (r.int(8) + 1)}, temperature: 0.${r.int(10)} },
    }),
  );
  return response.output?.message?.content?.[0]?.text ?? '';
}
`;
    case 1:
      return `
export const MODELS${i} = {
  fast: '${r.pick(ids.profiles)}',
  smart: '${id}',
  embed: '${r.pick(ids.models)}',
} as const;
`;
    case 2:
      return `
export const chat${i} = new ChatBedrockConverse({
  model: '${id}',
  region: '${region}',
  temperature: 0,
});
`;
    case 3:
      return `
const bedrock${i} = createAmazonBedrock({ region: '${region}' });
export const summarize${i} = (text: string) =>
  generateText({ model: bedrock${i}('${id}'), prompt: \`Summarize: \${text}\` });
`;
    case 4:
      return `
export const route${i} = 'bedrock/converse/${id}';
export const policy${i} = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['bedrock:InvokeModel'], Resource: ['arn:aws:bedrock:${region}::foundation-model/${r.pick(ids.models)}'] }],
};
`;
    default:
      return `
export async function invoke${i}(body: string) {
  const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? '${region}' });
  const out = await client.send(new InvokeModelCommand({ modelId: '${id}', contentType: 'application/json', body }));
  return JSON.parse(new TextDecoder().decode(out.body)) as { content: { text: string }[] };
}
`;
  }
}

const IMPORTS_BEDROCK = `import { BedrockRuntimeClient, ConverseCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { ChatBedrockConverse } from '@langchain/aws';
import { createAmazonBedrock } from '@ai-sdk/amazon-bedrock';
import { generateText } from 'ai';
`;
const IMPORTS_ORDINARY = `import { logger } from '../lib/logger.js';
import type { Request, Response } from 'express';
`;

/**
 * `count` files; about one in five talks to Bedrock (and then holds several model IDs), the rest
 * is ordinary code. Each file is a few kilobytes, like real modules.
 */
export function generateCorpus(count: number, ids: CorpusIds, seed = 1): CorpusFile[] {
  const r = random(seed);
  const files: CorpusFile[] = [];
  for (let f = 0; f < count; f++) {
    const bedrock = r.chance(0.2);
    const parts = [IMPORTS_ORDINARY];
    if (bedrock) parts.unshift(IMPORTS_BEDROCK);
    const sections = 3 + r.int(4);
    for (let s = 0; s < sections; s++) {
      const i = f * 10 + s;
      if (bedrock && r.chance(0.5)) parts.push(bedrockSnippet(r, ids, i));
      else parts.push(r.chance(0.6) ? ordinaryFunction(r, i) : ordinaryClass(r, i));
    }
    const dir = bedrock ? 'ai' : r.pick(['api', 'lib', 'models', 'ui', 'services']);
    files.push({ name: `src/${dir}/file-${String(f).padStart(4, '0')}.ts`, text: parts.join('') });
  }
  return files;
}

/** A short ordinary function: a loop, a condition, a template, a string that is no model ID. */
function smallFunction(r: Random, i: number): string {
  const noun = r.pick(WORDS);
  const Noun = cap(noun);
  return `
export function ${r.pick(VERBS)}${Noun}s${i}(items: readonly { id: string; status: string }[], limit = ${r.int(50) + 1}): string[] {
  const seen = new Set<string>();
  for (const item of items) {
    if (item.status === '${r.pick(ORDINARY_STRINGS)}' || seen.size >= limit) continue;
    seen.add(\`${noun}:\${item.id}\`);
  }
  return [...seen].sort();
}
`;
}

/**
 * `count` files that all talk to Bedrock, as in a service built on it: each has a
 * BedrockRuntimeClient, one ConverseCommand (its model ID right or wrong, as in bedrockSnippet)
 * and `functions` short ordinary functions. Under src/ai/, where the lint worker counts files as
 * calling Bedrock.
 */
export function generateBedrockCorpus(count: number, ids: CorpusIds, seed = 3, functions = 40): CorpusFile[] {
  const r = random(seed);
  const files: CorpusFile[] = [];
  for (let f = 0; f < count; f++) {
    const region = r.pick(ids.regions);
    const id = r.chance(0.1) ? r.pick(WRONG_IDS) : r.chance(0.5) ? r.pick(ids.profiles) : r.pick(ids.models);
    const parts = [
      `import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\n`,
      `
const client = new BedrockRuntimeClient({ region: '${region}' });

export async function ask(prompt: string): Promise<string> {
  const response = await client.send(
    new ConverseCommand({
      modelId: '${id}',
      messages: [{ role: 'user', content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens: ${256 * (r.int(8) + 1)}, temperature: 0.${r.int(10)} },
    }),
  );
  return response.output?.message?.content?.[0]?.text ?? '';
}
`,
    ];
    for (let i = 0; i < functions; i++) parts.push(smallFunction(r, i));
    files.push({ name: `src/ai/service-${String(f).padStart(4, '0')}.ts`, text: parts.join('') });
  }
  return files;
}

/** Writes a corpus under `dir` (which must not exist yet or be a bench scratch folder). */
export function writeCorpus(dir: string, files: readonly CorpusFile[]): void {
  for (const file of files) {
    const path = join(dir, file.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
}

/** The IDs a corpus draws from: live models and profiles of the bundled snapshot, and its regions. */
export function corpusIds(registry: Registry): CorpusIds {
  const models = [...registry.models.values()].filter((m) => !m.variantOf).map((m) => m.id);
  const profiles = [...registry.profiles.values()].filter((p) => !p.removed).map((p) => p.id);
  const regions = [...registry.regions].filter((r) => !r.startsWith('us-gov'));
  return { models, profiles, regions };
}
