import { describe, expect, it } from 'vitest';
import { lintAll, bedrockSettings } from '../rules/tester.js';
import { checkText, HAIKU_45, SONNET_37, SONNET_45, summary } from './helpers.js';

describe('JSON', () => {
  it('reports string values with their positions; member names are never candidates', async () => {
    const code = `{\n  "${SONNET_37}": { "price": 3 },\n  "region": "us-east-1",\n  "model": "${HAIKU_45}"\n}\n`;
    const { findings, fallback } = await checkText('config.json', code);
    expect(fallback).toBeNull();
    expect(summary(findings)).toEqual(['4:12 require-inference-profile']);
    expect(findings[0]).toMatchObject({ endColumn: 12 + HAIKU_45.length + 2, fix: { text: `us.${HAIKU_45}` } });
  });

  it('accepts comments and trailing commas (JSONC) and skips the comments', async () => {
    const code = `{\n  // "model": "${SONNET_37}"\n  /* "${SONNET_37}" */\n  "model": "ai21.j2-ultra-v1",\n}\n`;
    const { findings, fallback } = await checkText('settings.jsonc', code);
    expect(fallback).toBeNull();
    expect(summary(findings)).toEqual(['4:12 no-end-of-life-model']);
  });

  it('stays quiet on IAM Resource entries', async () => {
    const code = JSON.stringify({ region: 'eu-west-1', Statement: [{ Effect: 'Allow', Resource: [SONNET_45] }] }, null, 2);
    expect((await checkText('policy.json', code)).findings).toEqual([]);
  });

  it("judges strings deeper under a Resource-style member, such as a CloudFormation template's Resources, as ESLint does", async () => {
    const template = JSON.stringify(
      { Resources: { Agent: { Type: 'AWS::Bedrock::Agent', Properties: { FoundationModel: SONNET_45, Aliases: [SONNET_37] } } } },
      null,
      2,
    );
    const checker = (await checkText('template.json', template)).findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`);
    // The array's entries are a catalog: their lifecycle is judged, not how they are invoked.
    expect(checker).toEqual(['6:28 require-inference-profile', '8:11 no-legacy-model']);
    const eslint = lintAll(template, { filename: 'template.json', settings: bedrockSettings() }).map((m) => `${m.line}:${m.column} ${m.ruleId?.replace('aws-bedrock/', '')}`);
    expect(checker.sort()).toEqual(eslint.sort());
  });

  it('agrees with the ESLint JSON rules (@eslint/json) on the same file', async () => {
    const code = JSON.stringify(
      { aws_region_name: 'eu-west-1', chat: SONNET_45, old: SONNET_37, typo: 'anthropic.claude-sonet-4-6', prefixed: `us.${SONNET_45}` },
      null,
      2,
    );
    const eslint = lintAll(code, { filename: 'litellm.json', settings: bedrockSettings() })
      .map((m) => `${m.line}:${m.column} ${m.ruleId?.replace('aws-bedrock/', '')} ${m.message}`)
      .sort();
    const checker = (await checkText('litellm.json', code)).findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`).sort();
    expect(checker.length).toBeGreaterThan(2);
    expect(checker).toEqual(eslint);
  });
});
