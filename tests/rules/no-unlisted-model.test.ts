import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import rule from '../../src/rules/no-unlisted-model.js';
import { at, client, lintAll, modelId, runRuleTests, SONNET_46 } from './tester.js';

const MAY_BE_NEWER = (id: string, dated = '') => ({
  messageId: 'unlisted' as const,
  data: { id, dated, asOf: '2026-09-01', age: '86' },
  ...at(1, id),
});

runRuleTests('no-unlisted-model', rule, {
  valid: [
    // Listed models and profiles.
    modelId(SONNET_46),
    modelId(`us.${SONNET_46}`),
    // Certainly wrong: no-unknown-model's (a dotted version, a cut-short ID, a suffix the model never
    // had, a date the snapshot would list, a misspelt name, a region as the geography).
    modelId('anthropic.claude-sonnet-4.5'),
    modelId('amazon.nova-pro-v1'),
    modelId('anthropic.claude-3-5-sonnet-20241022-v3:0'),
    modelId('anthropic.claude-3-6-sonnet-20241022-v1:0'),
    modelId('anthropic.claude-sonet-4-6'),
    modelId('us-east-1.anthropic.claude-opus-5-1'),
    // Not model IDs, and providers the snapshot has no model family of.
    `const a = 'meta.og-image-2', b = 'amazon.s3-bucket-1', c = 'deepseek.r2-v1:0';`,
    // Look-up keys.
    `const price = PRICES['anthropic.claude-haiku-4-5-20261015-v1:0'];`,
  ],
  invalid: [
    {
      // A date after the snapshot's listing.
      code: modelId('anthropic.claude-haiku-4-5-20261015-v1:0'),
      output: null,
      errors: [{ ...MAY_BE_NEWER('anthropic.claude-haiku-4-5-20261015-v1:0', ', dated 2026-10-15'), suggestions: [] }],
    },
    {
      // A version above the newest of its line (Opus 4.1), behind a geography the snapshot knows.
      code: modelId('us.anthropic.claude-opus-5-1'),
      output: null,
      errors: [{ ...MAY_BE_NEWER('us.anthropic.claude-opus-5-1'), suggestions: [] }],
    },
    {
      // A new number of a known family (Nova 2 is the newest Nova Lite).
      code: modelId('amazon.nova-3-lite-v1:0'),
      output: null,
      errors: [{ ...MAY_BE_NEWER('amazon.nova-3-lite-v1:0'), suggestions: [] }],
    },
    {
      // A new family number of a known provider (Llama 3.x is the newest the fixture knows).
      code: modelId('meta.llama5-70b-instruct-v1:0'),
      output: null,
      errors: [{ ...MAY_BE_NEWER('meta.llama5-70b-instruct-v1:0'), suggestions: [] }],
    },
    {
      // In an inference-profile ARN: the message names the profile, not the ARN.
      code: modelId(`arn:aws:bedrock:us-east-1:${'1234'}${'56789012'}:inference-profile/us.anthropic.claude-haiku-5`),
      output: null,
      errors: [
        {
          messageId: 'unlisted',
          data: { id: 'us.anthropic.claude-haiku-5', dated: '', asOf: '2026-09-01', age: '86' },
          ...at(1, `arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-haiku-5`),
          suggestions: [],
        },
      ],
    },
  ],
});

describe('no-unlisted-model messages', () => {
  it('name the snapshot date and age and how to refresh, and never quote AWS', () => {
    const messages = lintAll(`${client('us-east-1')}${modelId('anthropic.claude-haiku-4-5-20261015-v1:0')}`).map((m) => [m.ruleId, m.message]);
    expect(messages).toEqual([
      [
        'aws-bedrock/no-unlisted-model',
        "'anthropic.claude-haiku-4-5-20261015-v1:0' is not in the 86-day-old snapshot of 2026-09-01, dated 2026-10-15; " +
          'it may be newer: run `bedrock-lint sync` or upgrade eslint-plugin-aws-bedrock.',
      ],
    ]);
  });
});

/**
 * The plugin's own `recommended` config on the bundled snapshot (data of 2026-09-07), on the day
 * the issue was measured: what a team that adopts it sees.
 */
describe('recommended on the bundled snapshot', () => {
  const config: Linter.Config[] = [
    plugin.configs.recommended,
    { files: ['**/*.ts'], languageOptions: { parser: tsParser }, settings: { 'aws-bedrock': { now: '2026-11-28' } } },
  ];
  const lint = (code: string) =>
    new Linter({ configType: 'flat' }).verify(code, config, 'file.ts').map((m) => [m.ruleId, m.severity === 2 ? 'error' : 'warn']);
  const verdicts = (id: string, region?: string) => lint(`${region ? client(region) : ''}${modelId(id)}`);

  it.each([
    'anthropic.claude-haiku-4-5-20261015-v1:0',
    'anthropic.claude-sonnet-5-20261001-v1:0',
    'anthropic.claude-opus-5-1',
    'us.anthropic.claude-opus-5-1',
    'global.anthropic.claude-sonnet-5-1',
    'anthropic.claude-haiku-5',
    'amazon.nova-3-lite-v1:0',
    'us.amazon.nova-3-pro-v1:0',
    'amazon.nova-2-pro-v1:0',
    'meta.llama4-behemoth-288b-instruct-v1:0',
    'meta.llama5-70b-instruct-v1:0',
    'deepseek.r2-v1:0',
    'deepseek.v4',
    'mistral.mistral-large-2609-v1:0',
    'openai.gpt-5.7',
    'openai.gpt-6',
    'qwen.qwen4-32b-v1:0',
    'google.gemma-5-27b-it',
    'xai.grok-5',
    'zai.glm-5.1',
    'twelvelabs.pegasus-1-3-v1:0',
    'writer.palmyra-x6-v1:0',
    'moonshotai.kimi-k3',
    'nvidia.nemotron-super-4-120b',
  ])('%s, possibly newer than the snapshot, is not an error', (id) => {
    expect(verdicts(id)).toEqual([]);
  });

  it.each([
    ['anthropic.claude-sonnet-4.5', 'no-unknown-model'],
    ['us.anthropic.claude-sonnet-4.6', 'no-unknown-model'],
    ['meta.llama3.1-70b-instruct-v1:0', 'no-unknown-model'],
    ['us-east-1.anthropic.claude-opus-5-1', 'no-unknown-model'],
    ['us-east-1.anthropic.claude-sonnet-4-6', 'valid-inference-profile'],
    ['anthropic.claude-3-5-sonnet-20241022-v3:0', 'no-unknown-model'],
    ['amazon.titan-embed-text-v3:0', 'no-unknown-model'],
    ['amazon.nova-pro-v1', 'no-unknown-model'],
    ['anthropic.claude-sonet-4-6', 'no-unknown-model'],
  ])('%s is an error of %s', (id, ruleName) => {
    expect(verdicts(id)).toEqual([[`aws-bedrock/${ruleName}`, 'error']]);
  });

  it('reports nothing, and fixes nothing, for Nova Lite and Nova Pro called from me-central-1', () => {
    for (const id of ['amazon.nova-lite-v1:0', 'amazon.nova-pro-v1:0']) {
      const code = `${client('me-central-1')}${modelId(id)}`;
      expect(lint(code)).toEqual([]);
      expect(new Linter({ configType: 'flat' }).verifyAndFix(code, config, 'file.ts').output).toBe(code);
    }
  });

  it('reports the withdrawn eu. and au. profiles of Claude Fable 5', () => {
    expect(verdicts('eu.anthropic.claude-fable-5', 'eu-west-1')).toEqual([['aws-bedrock/valid-inference-profile', 'error']]);
    expect(verdicts('au.anthropic.claude-fable-5', 'ap-southeast-2')).toEqual([['aws-bedrock/valid-inference-profile', 'error']]);
  });

  it('makes a model past end of life an error, and a Legacy model through a valid profile a warning only', () => {
    expect(verdicts('amazon.titan-text-lite-v1')).toEqual([['aws-bedrock/no-end-of-life-model', 'error']]);
    expect(verdicts('us.anthropic.claude-opus-4-1-20250805-v1:0', 'us-east-1')).toEqual([['aws-bedrock/no-legacy-model', 'warn']]);
  });

  it('does not call Claude 3.5 Sonnet v2 past end of life where AWS still listed it as active', () => {
    expect(verdicts('apac.anthropic.claude-3-5-sonnet-20241022-v2:0', 'ap-northeast-2')).toEqual([]);
    expect(verdicts('apac.anthropic.claude-3-5-sonnet-20241022-v2:0', 'ap-northeast-1')).toEqual([['aws-bedrock/no-end-of-life-model', 'error']]);
  });

  it('is on in strict, as a warning', () => {
    expect(plugin.configs.strict.rules?.['aws-bedrock/no-unlisted-model']).toBe('warn');
    expect(plugin.configs.recommended.rules?.['aws-bedrock/no-unlisted-model']).toBeUndefined();
  });
});
