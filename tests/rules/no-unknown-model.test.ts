import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classifier/classify.js';
import { NO_FACTS, type Candidate } from '../../src/core/candidate.js';
import { loadRegistry } from '../../src/registry/registry.js';
import rule from '../../src/rules/no-unknown-model.js';
import {
  HAIKU_45,
  SONNET_37,
  SONNET_45,
  SONNET_46,
  at,
  client,
  lintAll,
  modelId,
  runRuleTests,
  snapshot,
} from './tester.js';

const CANDIDATE: Candidate = { text: '', start: 0, end: 0, fix: null, role: 'sent' };

const SONNET_35_V2 = 'anthropic.claude-3-5-sonnet-20241022-v2:0';
const SNAPSHOT = 'snapshot of 2026-09-01';

const IMPORT = "import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';\n";

const didYouMean = (prefix: string, ...ids: string[]) => sentDidYouMean(prefix, '', ...ids);
/** Did-you-mean suggestions of a `modelId(...)` line between `prefix` and `suffix`. */
const sentDidYouMean = (prefix: string, suffix: string, ...ids: string[]) =>
  ids.map((id) => ({ messageId: 'didYouMean' as const, data: { id }, output: `${prefix}${modelId(id)}${suffix}` }));
/** A line that sends the `modelId` constant to Bedrock. */
const SEND = '\nawait client.send(new ConverseCommand({ modelId }));';

runRuleTests('no-unknown-model', rule, {
  valid: [
    // Known IDs, bare and prefixed, and IDs of other endpoints.
    modelId(SONNET_37),
    modelId(`us.${SONNET_45}`),
    modelId('anthropic.claude-haiku-4-5'),
    // Known to the snapshot only from third-party lists, or only to the curated obsolete patterns:
    // no-legacy-model reports them, not this rule.
    modelId('ai21.j2-ultra-v1'),
    modelId('cohere.command-text-v14'),
    modelId('ai21.j2-mid-v1'),
    modelId('anthropic.claude-instant-v1'),
    // A known model behind a wrong prefix is valid-inference-profile's concern.
    modelId(`us-east-1.${HAIKU_45}`),
    modelId(`apac.${HAIKU_45}`),
    // Not model IDs, in a file that talks to Bedrock.
    `${IMPORT}const endpoint = 'bedrock-runtime.us-east-1.amazonaws.com';`,
    `${IMPORT}const url = 'https://bedrock-runtime.us-east-1.amazonaws.com/model/${SONNET_37}/invoke';`,
    `${IMPORT}const body = { anthropic_version: 'bedrock-2023-05-31', max_tokens: 512 };`,
    `${IMPORT}const pkg = '@aws-sdk/client-bedrock-runtime';`,
    // A file that also talks to Anthropic's own API names its models the first-party way.
    `${IMPORT}import Anthropic from '@anthropic-ai/sdk';\n${modelId('claude-3-7-sonnet-20250219')}`,
    // Shaped like an ID, but no model family of that provider: HTML meta names, bucket names.
    `const a = 'meta.h1', b = 'meta.og-image-2', c = 'meta.version2', d = 'amazon.s3-bucket-1';`,
    `${IMPORT}const { BedrockRuntime } = require('@aws-sdk/client-bedrock-runtime');`,
    `${IMPORT}const site = 'amazon.com';`,
    `${IMPORT}const from = 'user@amazon.com';`,
    `${IMPORT}const key = 'meta.description';`,
    `${IMPORT}const key = 'anthropic.claude';`,
    `${IMPORT}const file = 'amazon.nova-config-1.json';`,
    `${IMPORT}const file = 'meta.llama3-prompts.yaml';`,
    // Property paths and SDK paths with a digit: a dot followed by a letter is never in a model ID.
    `${IMPORT}const key = 'meta.page1.title';`,
    `${IMPORT}const path = 'anthropic.v1.messages';`,
    `${IMPORT}const path = 'cohere.v2.chat';`,
    // ARN templates and wildcards.
    'const arn = `arn:aws:bedrock:${region}::foundation-model/${id}`;',
    'const arn = `arn:aws:bedrock:us-east-1::foundation-model/anthropic.${model}`;',
    `const arn = 'arn:aws:bedrock:*::foundation-model/*';`,
    // Anthropic first-party names where the file does not talk to Bedrock.
    modelId('claude-3-7-sonnet-20250219'),
    `import Anthropic from '@anthropic-ai/sdk';\n${modelId('claude-3-7-sonnet-20250219')}`,
    // A first-party name passed to a call that is not Bedrock's, in a file that talks to Bedrock.
    `${IMPORT}const reply = await ask('claude-3-7-sonnet-20250219');`,
    // A file that talks to both APIs: the name sent to Anthropic's provider is right.
    "import { anthropic } from '@ai-sdk/anthropic';\nimport { bedrock } from '@ai-sdk/amazon-bedrock';\nconst a = anthropic('claude-3-7-sonnet-20250219');",
    // claude-* strings that name no model.
    `${IMPORT}const tool = 'claude-code';`,
    // Look-up keys and test expectations may be malformed on purpose.
    `const price = PRICES['anthropic.claude-3-5-sonnet-20241022-v3:0'];`,
    `expect(toBaseId('us.anthropic.claude-sonet-4-6')).toBe('anthropic.claude-sonet-4-6');`,
    // IDs that may be newer than the snapshot are no-unlisted-model's, never errors here: a date
    // after the snapshot's listing, a version above the newest of its line, a new family number.
    modelId('anthropic.claude-haiku-4-5-20261015-v1:0'),
    modelId('us.anthropic.claude-opus-5-1'),
    modelId('amazon.nova-3-lite-v1:0'),
    modelId('meta.llama5-70b-instruct-v1:0'),
    // Providers the snapshot lists no model family of.
    modelId('deepseek.r2-v1:0'),
  ],
  invalid: [
    {
      // A file that talks to both APIs: the name sent to Bedrock's provider is wrong there.
      code: "import { anthropic } from '@ai-sdk/anthropic';\nimport { bedrock } from '@ai-sdk/amazon-bedrock';\nconst b = bedrock('claude-sonnet-4-5');",
      output: null,
      errors: [
        {
          messageId: 'firstPartyName',
          data: { id: 'claude-sonnet-4-5', bedrockId: SONNET_45 },
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 38,
          suggestions: ['eu', 'us', 'us-gov', 'global'].map((geo) => ({
            messageId: 'didYouMean' as const,
            data: { id: `${geo}.${SONNET_45}` },
            output: `import { anthropic } from '@ai-sdk/anthropic';\nimport { bedrock } from '@ai-sdk/amazon-bedrock';\nconst b = bedrock('${geo}.${SONNET_45}');`,
          })),
        },
      ],
    },
    {
      // A version suffix the model never had (it had -v1:0 and -v2:0): the nearest known IDs, nearest first.
      code: modelId('anthropic.claude-3-5-sonnet-20241022-v3:0'),
      output: null,
      errors: [
        {
          messageId: 'unknownModel',
          data: {
            id: 'anthropic.claude-3-5-sonnet-20241022-v3:0',
            why: 'no such suffix',
            snapshot: SNAPSHOT,
            didYouMean: ` Did you mean '${SONNET_35_V2}'?`,
          },
          ...at(1, 'anthropic.claude-3-5-sonnet-20241022-v3:0'),
          suggestions: didYouMean('', SONNET_35_V2, SONNET_37),
        },
      ],
    },
    {
      // A dotted version: the dated ID first.
      code: modelId('anthropic.claude-sonnet-4.5'),
      output: null,
      errors: [
        {
          messageId: 'unknownModel',
          data: { id: 'anthropic.claude-sonnet-4.5', why: 'versions take dashes', snapshot: SNAPSHOT, didYouMean: ` Did you mean '${SONNET_45}'?` },
          ...at(1, 'anthropic.claude-sonnet-4.5'),
          suggestions: didYouMean('', SONNET_45, SONNET_46),
        },
      ],
    },
    {
      // A typo in a geo-prefixed ID keeps the geography.
      code: modelId(`us.anthropic.claude-sonet-4-5-20250929-v1:0`),
      output: null,
      errors: [
        {
          messageId: 'unknownModel',
          ...at(1, `us.anthropic.claude-sonet-4-5-20250929-v1:0`),
          suggestions: didYouMean('', `us.${SONNET_45}`),
        },
      ],
    },
    {
      code: modelId(`eu.anthropic.claude-haiku-4-5-20251001-v2:0`),
      output: null,
      errors: [
        {
          messageId: 'unknownModel',
          ...at(1, `eu.anthropic.claude-haiku-4-5-20251001-v2:0`),
          suggestions: didYouMean('', `eu.${HAIKU_45}`),
        },
      ],
    },
    {
      // A region written where the geography goes, in an ID the snapshot does not list.
      code: modelId('us-east-1.anthropic.claude-opus-5-1'),
      output: null,
      errors: [
        {
          messageId: 'unknownModel',
          data: { id: 'us-east-1.anthropic.claude-opus-5-1', why: "'us-east-1.' is not a geography", snapshot: SNAPSHOT, didYouMean: '' },
          ...at(1, 'us-east-1.anthropic.claude-opus-5-1'),
          suggestions: [],
        },
      ],
    },
    {
      // A date older than the snapshot's listing that the listing does not hold.
      code: modelId('anthropic.claude-3-6-sonnet-20241022-v1:0'),
      output: null,
      errors: [
        {
          messageId: 'unknownModel',
          data: {
            id: 'anthropic.claude-3-6-sonnet-20241022-v1:0',
            why: 'dated 2024-10-22, not listed',
            snapshot: SNAPSHOT,
            didYouMean: ` Did you mean '${SONNET_35_V2}'?`,
          },
          ...at(1, 'anthropic.claude-3-6-sonnet-20241022-v1:0'),
          suggestions: didYouMean('', SONNET_35_V2, SONNET_37),
        },
      ],
    },
    {
      // A version of a known line below its newest that the snapshot does not list.
      code: modelId('anthropic.claude-haiku-45'),
      output: null,
      errors: [
        {
          messageId: 'unknownModel',
          data: { id: 'anthropic.claude-haiku-45', why: 'no such version', snapshot: SNAPSHOT, didYouMean: " Did you mean 'anthropic.claude-haiku-4-5'?" },
          ...at(1, 'anthropic.claude-haiku-45'),
          suggestions: didYouMean('', 'anthropic.claude-haiku-4-5'),
        },
      ],
    },
    {
      // A missing `:0` (cut short), behind a LiteLLM route that the suggestion keeps; the message names the ID only.
      code: modelId('bedrock/converse/meta.llama3-1-70b-instruct-v1'),
      output: null,
      errors: [
        {
          messageId: 'unknownModel',
          data: {
            id: 'meta.llama3-1-70b-instruct-v1',
            why: 'cut short',
            snapshot: SNAPSHOT,
            didYouMean: " Did you mean 'meta.llama3-1-70b-instruct-v1:0'?",
          },
          ...at(1, 'bedrock/converse/meta.llama3-1-70b-instruct-v1'),
          suggestions: didYouMean('', 'bedrock/converse/meta.llama3-1-70b-instruct-v1:0').map((s) => ({
            ...s,
            data: { id: 'meta.llama3-1-70b-instruct-v1:0' },
          })),
        },
      ],
    },
    {
      // Nothing near it (the provider's only models are third-party-only entries), whose grammar it breaks.
      code: modelId('cohere.command-r-plus-v9:0'),
      output: null,
      errors: [
        {
          messageId: 'unknownModel',
          data: { id: 'cohere.command-r-plus-v9:0', why: 'no such suffix', snapshot: SNAPSHOT, didYouMean: '' },
          ...at(1, 'cohere.command-r-plus-v9:0'),
          suggestions: [],
        },
      ],
    },
    {
      // A first-party name in a file that imports the Bedrock runtime client: the message names the
      // Bedrock ID; the suggestions write it so that it can be invoked (profiles: no on-demand use).
      code: `${IMPORT}${modelId('claude-3-7-sonnet-20250219')}${SEND}`,
      output: null,
      errors: [
        {
          messageId: 'firstPartyName',
          data: { id: 'claude-3-7-sonnet-20250219', bedrockId: SONNET_37 },
          ...at(2, 'claude-3-7-sonnet-20250219'),
          suggestions: sentDidYouMean(IMPORT, SEND, `eu.${SONNET_37}`, `us.${SONNET_37}`),
        },
      ],
    },
    {
      // A file that creates a Bedrock client; its region picks the profile.
      code: `${client('us-east-1')}${modelId('claude-3-7-sonnet-20250219')}${SEND}`,
      output: null,
      errors: [
        {
          messageId: 'firstPartyName',
          data: { id: 'claude-3-7-sonnet-20250219', bedrockId: SONNET_37 },
          ...at(2, 'claude-3-7-sonnet-20250219'),
          suggestions: sentDidYouMean(client('us-east-1'), SEND, `us.${SONNET_37}`),
        },
      ],
    },
    {
      // require() of the client, and an undated first-party alias.
      code: `const { BedrockRuntimeClient } = require('@aws-sdk/client-bedrock-runtime');\n${modelId('claude-sonnet-4-5')}${SEND}`,
      output: null,
      errors: [
        {
          messageId: 'firstPartyName',
          data: { id: 'claude-sonnet-4-5', bedrockId: SONNET_45 },
          ...at(2, 'claude-sonnet-4-5'),
          suggestions: sentDidYouMean(
            "const { BedrockRuntimeClient } = require('@aws-sdk/client-bedrock-runtime');\n",
            SEND,
            `eu.${SONNET_45}`,
            `us.${SONNET_45}`,
            `us-gov.${SONNET_45}`,
            `global.${SONNET_45}`,
          ),
        },
      ],
    },
  ],
});

describe('no-unknown-model messages', () => {
  const messageOf = (code: string): string[] =>
    lintAll(code)
      .filter((m) => m.ruleId === 'aws-bedrock/no-unknown-model')
      .map((m) => m.message);

  it('says what is wrong, names the snapshot date and the nearest ID, without quoting AWS', () => {
    expect(messageOf(modelId('us.anthropic.claude-sonet-4-5-20250929-v1:0'))).toEqual([
      `'us.anthropic.claude-sonet-4-5-20250929-v1:0' is not a Bedrock model ID (misspelt; ${SNAPSHOT}). ` +
        `Did you mean 'us.${SONNET_45}'?`,
    ]);
    expect(messageOf(modelId('cohere.command-r-plus-v9:0'))).toEqual([
      `'cohere.command-r-plus-v9:0' is not a Bedrock model ID (no such suffix; ${SNAPSHOT}).`,
    ]);
  });

  it('gives the Bedrock ID of a first-party name', () => {
    expect(messageOf(`${IMPORT}${modelId('claude-3-7-sonnet-20250219')}${SEND}`)).toEqual([
      `'claude-3-7-sonnet-20250219' is Anthropic's own API name; on Bedrock this model is '${SONNET_37}'.`,
    ]);
  });

  it('hands AWS\'s exact answer to the JSON and SARIF outputs, not to the message', () => {
    const verdict = classify('anthropic.claude-sonnet-4.5', loadRegistry(snapshot), { now: new Date('2026-11-26T00:00:00Z') })!;
    const report = rule.check(verdict, { registry: loadRegistry(snapshot), options: {}, candidate: CANDIDATE, facts: NO_FACTS });
    expect(report?.awsError).toBe('The provided model identifier is invalid.');
  });

  it('reports nothing, under any rule, for the strings of a Bedrock call that are not model IDs', () => {
    const code =
      IMPORT +
      "const client = new BedrockRuntimeClient({\n" +
      "  region: 'us-east-1',\n" +
      "  endpoint: 'https://bedrock-runtime.us-east-1.amazonaws.com',\n" +
      '});\n' +
      `const body = { anthropic_version: 'bedrock-2023-05-31', messages: [] };\n` +
      `const contact = 'user@amazon.com';\n`;
    expect(lintAll(code)).toEqual([]);
  });
});
