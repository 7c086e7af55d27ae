/**
 * `bedrock-lint init`: a starter configuration from the regions files state, per folder.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfig } from '../../src/cli/config.js';
import { runInit, SCHEMA_REFERENCE } from '../../src/cli/init-command.js';
import { starterConfig } from '../../src/checker/starter-config.js';
import type { JsonFinding } from '../../src/checker/formats/json.js';
import { check, FIXTURE_SNAPSHOT, HAIKU_45, tempTree } from './helpers.js';

const INVOKE = `client.converse(modelId="${HAIKU_45}")\n`;
const boto3 = (region: string) => `import boto3\nclient = boto3.client("bedrock-runtime", region_name="${region}")\n`;

describe('starterConfig', () => {
  const config = (entries: Record<string, string[]>) => starterConfig(new Map(Object.entries(entries)), 's.json');

  it('gives the whole repository the regions every file states', () => {
    expect(config({ 'a.py': ['eu-west-1'], 'b/c.tf': ['eu-west-1'] })).toEqual({ $schema: 's.json', region: 'eu-west-1' });
    expect(config({ 'a.py': ['eu-central-1', 'eu-west-1'] })).toEqual({ $schema: 's.json', regions: ['eu-central-1', 'eu-west-1'] });
  });

  it('splits folders whose files disagree, down to the folders that agree; files that disagree with their siblings keep their own', () => {
    expect(
      config({
        'deploy.sh': ['us-east-1'],
        'services/eu/a.py': ['eu-west-1'],
        'services/eu/deep/b.py': ['eu-west-1'],
        'services/jp/c.go': ['ap-northeast-1'],
        'tools/x.py': ['us-east-1'],
      }),
    ).toEqual({
      $schema: 's.json',
      overrides: [
        { files: ['services/eu/**'], region: 'eu-west-1' },
        { files: ['services/jp/**'], region: 'ap-northeast-1' },
        { files: ['tools/**'], region: 'us-east-1' },
      ],
    });
  });

  it('writes no regions when no file states one', () => {
    expect(config({})).toEqual({ $schema: 's.json' });
  });
});

describe('bedrock-lint init', () => {
  it('writes bedrock-lint.config.json from the regions the files state; check then judges the silent files in them', async () => {
    const root = tempTree({
      'services/eu/client.py': boto3('eu-west-1'),
      'services/eu/handler.py': INVOKE,
      'services/jp/client.py': boto3('ap-northeast-1'),
      'services/jp/handler.py': INVOKE,
    });
    const printed = await runInit(root, { snapshot: FIXTURE_SNAPSHOT });
    expect(printed).toContain('services/eu/**: eu-west-1\n  services/jp/**: ap-northeast-1\n');
    expect(JSON.parse(readFileSync(join(root, 'bedrock-lint.config.json'), 'utf8'))).toEqual({
      $schema: SCHEMA_REFERENCE,
      overrides: [
        { files: ['services/eu/**'], region: 'eu-west-1' },
        { files: ['services/jp/**'], region: 'ap-northeast-1' },
      ],
    });
    const { stdout } = await check(root, { config: await findConfig(root) });
    const fixes = (JSON.parse(stdout) as JsonFinding[]).filter((f) => f.file.endsWith('handler.py') && f.fix).map((f) => `${f.file} ${f.fix?.text}`);
    expect(fixes).toEqual([`services/eu/handler.py eu.${HAIKU_45}`, `services/jp/handler.py jp.${HAIKU_45}`]);
  });

  it('does not replace a configuration without --force', async () => {
    const root = tempTree({ '.bedrock-lintrc.yaml': 'region: eu-west-1\n', 'a.py': boto3('us-east-1') });
    await expect(runInit(root, {})).rejects.toThrow('.bedrock-lintrc.yaml already configures bedrock-lint here; pass --force');
    writeFileSync(join(root, 'bedrock-lint.config.json'), '{}');
    await expect(runInit(root, {})).rejects.toThrow(/already configures bedrock-lint here/);
    await runInit(root, { force: true });
    expect((await findConfig(root))?.config).toEqual({ $schema: SCHEMA_REFERENCE, region: 'us-east-1' });
  });
});
