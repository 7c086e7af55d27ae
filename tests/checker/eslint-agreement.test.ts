import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonFinding } from '../../src/checker/formats/json.js';
import plugin from '../../src/index.js';
import { findConfig } from '../../src/cli/config.js';
import { check, checkText, DAY, FIXTURE_SNAPSHOT, HAIKU_45, SONNET_37, SONNET_45, tempTree } from './helpers.js';

const SOURCES = {
  'client.ts': [
    "import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';",
    "const client = new BedrockRuntimeClient({ region: 'eu-west-1' });",
    `// const old = '${SONNET_37}';`,
    `const prices: Record<string, number> = { '${SONNET_37}': 3, [\`${HAIKU_45}\`]: 1 };`,
    `await client.send(new ConverseCommand({ modelId: '${SONNET_45}', messages: [] }));`,
    `await client.send(new ConverseCommand({ modelId: \`us.${HAIKU_45}\`, messages: [] }));`,
    "const firstParty = 'claude-sonnet-4-5-20250929';",
    "const typo = 'anthropic.claude-sonet-4-6';",
    `const legacy = "eu.${SONNET_37}"; // eslint-disable-line aws-bedrock/no-unknown-model`,
    `const hidden = '${SONNET_37}'; // eslint-disable-line aws-bedrock/no-legacy-model, aws-bedrock/require-inference-profile`,
  ].join('\n'),
  'lookup.mjs': [
    "import { BedrockClient, GetFoundationModelCommand } from '@aws-sdk/client-bedrock';",
    "const bedrock = new BedrockClient({ region: 'us-east-1' });",
    `await bedrock.send(new GetFoundationModelCommand({ modelIdentifier: '${SONNET_45}' }));`,
    `export const MODEL = '${HAIKU_45}';`,
    "export const ANCIENT = 'ai21.j2-ultra-v1';",
  ].join('\n'),
  'view.tsx': [
    `export const Picker = () => <select defaultValue="${HAIKU_45}"><option value="us.${SONNET_45}">Sonnet</option></select>;`,
  ].join('\n'),
};

/** ESLint with every rule of the plugin on the fixture snapshot and pinned day. */
const eslintFor = (root: string, fix = false): ESLint =>
  new ESLint({
    cwd: root,
    fix,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tsParser } },
      // The checker reports this plugin's rules only; unused directives are ESLint's business.
      { linterOptions: { reportUnusedDisableDirectives: 'off' } },
      { ...plugin.configs.all, files: ['**/*.{ts,tsx,mjs}'], settings: { 'aws-bedrock': { snapshot: FIXTURE_SNAPSHOT, now: DAY } } },
    ],
  });

describe('agreement with ESLint on JavaScript and TypeScript', () => {
  it('reports what ESLint reports: same rules, positions and messages', async () => {
    const root = tempTree(SOURCES);
    const fromEslint = (await eslintFor(root).lintFiles(['.'])).flatMap((result) =>
      result.messages.map((m) => {
        const file = result.filePath.slice(root.length + 1);
        return `${file}:${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId!.replace('aws-bedrock/', '')} ${m.message}`;
      }),
    );
    const fromChecker = (JSON.parse((await check(root)).stdout) as JsonFinding[]).map(
      (f) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${f.message}`,
    );
    expect(fromEslint.length).toBeGreaterThan(4);
    expect(fromChecker.sort()).toEqual(fromEslint.sort());
  });

  it('--fix writes what ESLint --fix writes', async () => {
    const byEslint = tempTree(SOURCES);
    const eslint = eslintFor(byEslint, true);
    await ESLint.outputFixes(await eslint.lintFiles(['.']));
    const byChecker = tempTree(SOURCES);
    await check(byChecker, { fix: true });
    for (const name of Object.keys(SOURCES)) {
      expect(readFileSync(join(byChecker, name), 'utf8'), name).toBe(readFileSync(join(byEslint, name), 'utf8'));
    }
    expect(readFileSync(join(byChecker, 'client.ts'), 'utf8')).toContain(`'eu.${SONNET_45}'`);
  });
});

describe('line breaks ESLint counts and split(\'\\n\') does not', () => {
  // U+2028 and U+2029 in comments, and a lone CR: ESLint starts a new line at each.
  const source = [
    "import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime'; // a\u2028b\u2029c",
    "const client = new BedrockRuntimeClient({ region: 'us-east-2' });\r/* \u2028 */ const id = 'x';",
    `export const MODEL = '${HAIKU_45}';`,
    '',
  ].join('\n');

  it('positions, text and fix of a finding are those ESLint reports', async () => {
    const root = tempTree({ 'app.mjs': source });
    const [fromEslint] = (await eslintFor(root).lintFiles(['app.mjs']))[0]!.messages;
    const { findings } = await checkText('app.mjs', source);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(fromEslint).toMatchObject({ ruleId: 'aws-bedrock/require-inference-profile', line: 7 });
    expect(finding).toMatchObject({
      line: fromEslint!.line,
      column: fromEslint!.column,
      endLine: fromEslint!.endLine,
      endColumn: fromEslint!.endColumn,
      text: HAIKU_45,
      fix: { text: `us.${HAIKU_45}` },
    });
    expect(source.slice(finding!.fix!.start, finding!.fix!.end)).toBe(HAIKU_45);
  });

  it('--fix names the line ESLint counts, and writes what ESLint writes', async () => {
    const byEslint = tempTree({ 'app.mjs': source });
    await ESLint.outputFixes(await eslintFor(byEslint, true).lintFiles(['.']));
    const byChecker = tempTree({ 'app.mjs': source });
    const { stderr } = await check(byChecker, { fix: true });
    expect(stderr).toBe(`bedrock-lint: fixed app.mjs:7:23: '${HAIKU_45}' -> 'us.${HAIKU_45}'\n`);
    expect(readFileSync(join(byChecker, 'app.mjs'), 'utf8')).toBe(readFileSync(join(byEslint, 'app.mjs'), 'utf8'));
  });

  it('counts them alike when a file ESLint cannot parse is read as text', async () => {
    const { findings, fallback } = await checkText('broken.mjs', `const a = ; /* \u2028 */\rconst id = '${HAIKU_45}';\n`, { regions: ['us-east-2'] });
    expect(fallback).toMatch(/it does not parse/);
    expect(findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toEqual(['3:12 require-inference-profile']);
  });
});

describe('agreement across languages', () => {
  it('judges the same strings in the same region alike in TypeScript, Python, Go, YAML, JSON, TOML, Terraform and .env', async () => {
    const ids = [SONNET_45, `us.${HAIKU_45}`, SONNET_37, 'ai21.j2-ultra-v1', 'anthropic.claude-sonet-4-6', `bedrock/${HAIKU_45}`];
    const files: Record<string, string> = {
      'a.ts': `const c = new BedrockRuntimeClient({ region: 'eu-west-2' });\n${ids.map((id, i) => `const m${i} = '${id}';`).join('\n')}`,
      'a.py': `import boto3\nc = boto3.client("bedrock-runtime", region_name="eu-west-2")\n${ids.map((id, i) => `m${i} = "${id}"`).join('\n')}`,
      'a.go': `package main\nimport "github.com/aws/aws-sdk-go-v2/config"\nvar c = config.WithRegion("eu-west-2")\n${ids.map((id, i) => `var m${i} = "${id}"`).join('\n')}`,
      'a.yaml': `region: eu-west-2\n${ids.map((id, i) => `m${i}: "${id}"`).join('\n')}`,
      'a.json': JSON.stringify({ region: 'eu-west-2', ...Object.fromEntries(ids.map((id, i) => [`m${i}`, id])) }, null, 2),
      'a.toml': `region = "eu-west-2"\n${ids.map((id, i) => `m${i} = "${id}"`).join('\n')}`,
      'a.tf': `provider "aws" {\n  region = "eu-west-2"\n}\nlocals {\n${ids.map((id, i) => `  m${i} = "${id}"`).join('\n')}\n}`,
      '.env': `AWS_REGION=eu-west-2\n${ids.map((id, i) => `M${i}=${id}`).join('\n')}`,
    };
    const verdicts: Record<string, string[]> = {};
    for (const [name, text] of Object.entries(files)) {
      const { findings, fallback } = await checkText(name, text);
      expect(fallback, name).toBeNull();
      verdicts[name] = findings.map((f) => `${f.text} ${f.ruleId} ${f.message} ${f.fix?.text ?? '-'}`);
    }
    expect(verdicts['a.ts']!.length).toBeGreaterThan(5);
    for (const name of Object.keys(files)) expect(verdicts[name], name).toEqual(verdicts['a.ts']);
  });
});

describe("agreement with ESLint's json config on JSON files", () => {
  const config = JSON.stringify(
    {
      Region: 'eu-west-1',
      models: { chat: SONNET_45, fast: `us.${HAIKU_45}`, old: SONNET_37, typo: 'anthropic.claude-sonet-4-6', ok: `eu.${HAIKU_45}` },
      prices: { [SONNET_37]: 3 },
      fallbacks: [HAIKU_45, 'ai21.j2-ultra-v1'],
      Statement: [{ Effect: 'Allow', Resource: [SONNET_45] }],
    },
    null,
    2,
  );
  /** ESLint with the plugin's `json` config (@eslint/json), on the fixture snapshot and pinned day. */
  const eslintJson = (root: string, fix = false): ESLint =>
    new ESLint({
      cwd: root,
      fix,
      overrideConfigFile: true,
      overrideConfig: [{ ...plugin.configs.json, settings: { 'aws-bedrock': { snapshot: FIXTURE_SNAPSHOT, now: DAY } } }],
    });

  it('reports the same rules at the same positions with the same fixes, reading "Region" as the region', async () => {
    const root = tempTree({ 'config.json': config });
    const [result] = await eslintJson(root).lintFiles(['config.json']);
    const fromEslint = result!.messages.map((m) => {
      const fix = m.fix ? ` -> ${m.fix.text}` : '';
      return `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId!.replace('aws-bedrock/', '')}${fix}`;
    });
    const fromChecker = (JSON.parse((await check(root)).stdout) as JsonFinding[]).map(
      (f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId}${f.fix ? ` -> ${f.fix.text}` : ''}`,
    );
    expect(fromChecker.sort()).toEqual(fromEslint.sort());
    // The region is read: certain fixes to the eu. profiles, for the bare IDs and for the us. profile
    // (not for the catalog of fallbacks, whose entries are not rewritten); the IAM Resource entry
    // (an element of its array) is not judged as an invocation.
    expect(fromChecker.filter((f) => f.includes(` -> eu.`))).toHaveLength(3);
    expect(fromChecker.some((f) => f.includes('valid-inference-profile'))).toBe(true);
    expect(fromChecker.some((f) => f.startsWith(`${config.split('\n').findIndex((l) => l.includes('"Resource"')) + 2}:`))).toBe(false);
  });

  it('--fix writes what ESLint --fix writes', async () => {
    const byEslint = tempTree({ 'config.json': config });
    await ESLint.outputFixes(await eslintJson(byEslint, true).lintFiles(['config.json']));
    const byChecker = tempTree({ 'config.json': config });
    await check(byChecker, { fix: true });
    const fixed = readFileSync(join(byChecker, 'config.json'), 'utf8');
    expect(fixed).toBe(readFileSync(join(byEslint, 'config.json'), 'utf8'));
    expect(fixed).toContain(`"chat": "eu.${SONNET_45}"`);
  });
});

describe('per-path regions: flat config files blocks and bedrock-lint overrides tell the same story', () => {
  it('gives eu. fixes under services/eu and jp. fixes under services/jp in both front ends', async () => {
    const invoke = `await client.send(new ConverseCommand({ modelId: '${HAIKU_45}', messages: [] }));\n`;
    const root = tempTree({
      'services/eu/app.mjs': invoke,
      'services/jp/app.mjs': invoke,
      'bedrock-lint.config.json': JSON.stringify({
        overrides: [
          { files: ['services/eu/**'], region: 'eu-west-1' },
          { files: ['services/jp/**'], region: 'ap-northeast-1' },
        ],
      }),
    });
    const settings = (region: string) => ({ 'aws-bedrock': { snapshot: FIXTURE_SNAPSHOT, now: DAY, region } });
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [
        plugin.configs.recommended,
        { files: ['services/eu/**'], settings: settings('eu-west-1') },
        { files: ['services/jp/**'], settings: settings('ap-northeast-1') },
      ],
    });
    const fromEslint = (await eslint.lintFiles(['.'])).flatMap((result) =>
      result.messages
        .filter((m) => m.ruleId === 'aws-bedrock/require-inference-profile')
        .map((m) => `${result.filePath.slice(root.length + 1)} ${m.fix?.text}`),
    );
    const fromChecker = (JSON.parse((await check(root, { config: await findConfig(root) })).stdout) as JsonFinding[])
      .filter((f) => f.ruleId === 'require-inference-profile')
      .map((f) => `${f.file} ${f.fix?.text}`);
    expect(fromEslint).toEqual([`services/eu/app.mjs eu.${HAIKU_45}`, `services/jp/app.mjs jp.${HAIKU_45}`]);
    expect(fromChecker).toEqual(fromEslint);
  });
});
