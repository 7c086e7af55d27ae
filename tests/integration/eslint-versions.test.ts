/**
 * The plugin, loaded by its package name (the built dist/), through the ESLint class of ESLint 10
 * and of ESLint 9 (installed as the `eslint-v9` alias), on the bundled snapshot.
 */
import json from '@eslint/json';
import { ESLint as ESLint10 } from 'eslint';
import { ESLint as ESLint9 } from 'eslint-v9';
import bedrock from 'eslint-plugin-aws-bedrock';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const SONNET_45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const HAIKU_45 = 'anthropic.claude-haiku-4-5-20251001-v1:0';

const files: Record<string, string> = {
  'eu.js': `import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
const client = new BedrockRuntimeClient({ region: 'eu-west-1' });
export const run = () => client.send(new ConverseCommand({ modelId: '${SONNET_45}', messages: [] }));
`,
  'tokyo.ts': `import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
const client = new BedrockRuntimeClient({ region: 'ap-northeast-1' });
export const modelId: string = '${HAIKU_45}';
`,
  'no-region.js': `export const modelId = '${SONNET_45}';\n`,
  'fine.js': `const client = new BedrockRuntimeClient({ region: 'us-east-1' });
export const a = 'anthropic.claude-3-haiku-20240307-v1:0';
export const b = 'us.${SONNET_45}';
`,
  'config.json': `{"modelId": "${SONNET_45}", "other": "apac.anthropic.claude-opus-4-1-20250805-v1:0"}\n`,
};

const versions = [
  ['ESLint 10', ESLint10],
  // Same API; the two copies' type declarations differ only in details this test does not use.
  ['ESLint 9', ESLint9 as unknown as typeof ESLint10],
] as const;

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function project(): string {
  dir = mkdtempSync(join(tmpdir(), 'aws-bedrock-eslint-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function parser() {
  return (await import('@typescript-eslint/parser')).default;
}

describe.each(versions)('%s', (_name, ESLint) => {
  const create = async (cwd: string, fix: boolean) =>
    new ESLint({
      cwd,
      fix,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.ts'], languageOptions: { parser: await parser() } },
        bedrock.configs.recommended,
        bedrock.configs.json,
        { settings: { 'aws-bedrock': { now: '2026-11-26' } } },
      ],
    });

  it('reports wrong IDs and stays quiet on right ones', async () => {
    const cwd = project();
    const results = await (await create(cwd, false)).lintFiles(['.']);
    const byFile = Object.fromEntries(
      results.map((r) => [r.filePath.slice(cwd.length + 1), r.messages.map((m) => m.ruleId).sort()]),
    );
    expect(byFile['eu.js']).toContain('aws-bedrock/require-inference-profile');
    expect(byFile['tokyo.ts']).toContain('aws-bedrock/require-inference-profile');
    expect(byFile['no-region.js']).toContain('aws-bedrock/require-inference-profile');
    expect(byFile['fine.js']?.filter((id) => id !== 'aws-bedrock/no-legacy-model' && id !== 'aws-bedrock/no-end-of-life-model')).toEqual([]);
    expect(byFile['config.json']).toEqual(
      expect.arrayContaining(['aws-bedrock/require-inference-profile', 'aws-bedrock/valid-inference-profile']),
    );
    const noRegion = results.find((r) => r.filePath.endsWith('no-region.js'))!;
    const report = noRegion.messages.find((m) => m.ruleId === 'aws-bedrock/require-inference-profile')!;
    expect(report.fix).toBeUndefined();
    const suggested = (report.suggestions ?? []).map((s) => s.fix.text);
    for (const geo of ['us', 'eu', 'global']) expect(suggested).toContain(`${geo}.${SONNET_45}`);
  });

  it('fixes to the profile of the region in play', async () => {
    const cwd = project();
    const eslint = await create(cwd, true);
    await ESLint.outputFixes(await eslint.lintFiles(['.']));
    expect(readFileSync(join(cwd, 'eu.js'), 'utf8')).toContain(`modelId: 'eu.${SONNET_45}'`);
    expect(readFileSync(join(cwd, 'tokyo.ts'), 'utf8')).toContain(`'jp.${HAIKU_45}'`);
    expect(readFileSync(join(cwd, 'no-region.js'), 'utf8')).toBe(files['no-region.js']);
  });
});

describe('the package', () => {
  it('carries its name and version, and the json config brings @eslint/json', () => {
    expect(bedrock.meta.name).toBe('eslint-plugin-aws-bedrock');
    expect(bedrock.configs.json.plugins?.json).toBe(json);
    expect(bedrock.configs.json.language).toBe('json/json');
  });
});

describe('require()', () => {
  it('loads the plugin object itself from CommonJS', async () => {
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync(
      process.execPath,
      ['-e', "const p = require('eslint-plugin-aws-bedrock'); console.log(Object.keys(p.rules).sort().join(','), typeof p.configs.recommended)"],
      { cwd: new URL('../..', import.meta.url).pathname, encoding: 'utf8' },
    );
    expect(out.trim()).toBe('no-end-of-life-model,no-legacy-model,no-unknown-model,no-unlisted-model,require-inference-profile,valid-inference-profile object');
  });
});

describe('the build', () => {
  it('records the digest of the bundled snapshot it validated', async () => {
    const { createHash } = await import('node:crypto');
    const root = new URL('../..', import.meta.url);
    const snapshotText = readFileSync(new URL('rules-data/bedrock-snapshot.json', root), 'utf8');
    const recorded = readFileSync(new URL('dist/bundled-snapshot.sha256', root), 'utf8').trim();
    expect(recorded).toBe(createHash('sha256').update(snapshotText).digest('hex'));
  });

  it('bundles the plugin with a copy of rules-data it validated', async () => {
    const root = new URL('../..', import.meta.url);
    const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
    expect(read('dist/bundled-rules-data.json')).toEqual({
      snapshot: read('rules-data/bedrock-snapshot.json'),
      curated: read('rules-data/curated.json'),
    });
    // The package's entry is the bundle, which reads that copy and has its dependencies inlined.
    const pkg = read('package.json') as { exports: { '.': { default: string } } };
    expect(pkg.exports['.'].default).toBe('./dist/plugin.js');
    const bundle = readFileSync(new URL('dist/plugin.js', root), 'utf8');
    expect(bundle).toContain('"dist/bundled-rules-data.json"');
    expect(bundle).not.toMatch(/from\s*"(?:valibot|@typescript-eslint\/utils[^"]*)"/);
  });
});
