import rule from '../../src/rules/require-inference-profile.js';
import { runRuleTests, snapshot } from './tester.js';

const SONNET_45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const HAIKU_45 = 'anthropic.claude-haiku-4-5-20251001-v1:0';
const HAIKU_3 = 'anthropic.claude-3-haiku-20240307-v1:0';
const SONNET_46 = 'anthropic.claude-sonnet-4-6';
const NOVA_2_LITE = 'amazon.nova-2-lite-v1:0';
const SNAPSHOT = 'snapshot of 2026-09-01';

const client = (region: string): string => `const client = new BedrockRuntimeClient({ region: '${region}' });\n`;

const global = (id: string) => ({
  messageId: 'useProfile' as const,
  output: `const modelId = 'global.${id}';`,
});

runRuleTests<string, [{ region?: string; regions?: string[] }]>('require-inference-profile', rule, {
  valid: [
    // On demand in the region in play.
    `${client('us-east-1')}const modelId = '${HAIKU_3}';`,
    `${client('eu-west-2')}const modelId = '${SONNET_46}';`,
    // Already a profile ID.
    `const modelId = 'us.${SONNET_45}';`,
    `${client('eu-west-1')}const modelId = 'eu.${SONNET_45}';`,
    // What the code does with the string: a capability list, a look-up, a regex, a comparison, a
    // test's assertion, a file that is a test by its path (issue: role-aware verdicts).
    `${client('eu-west-1')}export const LONG_CONTEXT = ['${SONNET_46}', '${HAIKU_45}'];`,
    `${client('eu-west-1')}const price = PRICES['${SONNET_46}'] ?? PRICES.get('${HAIKU_45}');`,
    `${client('eu-west-1')}const known = new RegExp('${SONNET_46}').test(id) || id === '${HAIKU_45}';`,
    `expect(toBaseModelId('eu.${SONNET_46}')).toBe('${SONNET_46}');`,
    { code: `${client('eu-west-1')}const modelId = '${SONNET_46}';`, filename: 'src/__tests__/models.test.ts' },
    // Region unknown and the bare ID works on demand in us-east-1 or us-west-2, where most code runs.
    `const modelId = '${HAIKU_3}';`,
    `const modelId = 'amazon.nova-lite-v1:0';`,
    // Keys of lookup tables are not invocations.
    `const prices = { '${SONNET_45}': 3, ['${HAIKU_45}']: 1 };`,
    `class Prices { '${SONNET_45}' = 3; }`,
    // Joined at run time after a prefix.
    `const id = 'us.' + '${SONNET_45}';`,
    `const id = \`\${geo}.${SONNET_45}\`;`,
    // Names the model as a resource: IAM and control-plane calls take the bare ID.
    `const arn = 'arn:aws:bedrock:us-east-1::foundation-model/${SONNET_45}';`,
    `new GetFoundationModelCommand({ modelIdentifier: '${SONNET_45}' });`,
    `const statement = { Effect: 'Allow', Resource: ['${SONNET_45}'] };`,
    // Type-level strings and module specifiers.
    `type ModelId = '${SONNET_45}' | '${HAIKU_45}';`,
    `import x from '${SONNET_45}';`,
    // No on-demand data in the snapshot (an ID served only by another endpoint), and third-party-only IDs.
    `const modelId = 'anthropic.claude-haiku-4-5';`,
    `const modelId = 'ai21.j2-ultra-v1';`,
    // Compared against, or searched for: not the ID a call is made with.
    `if (modelId === '${SONNET_45}') {}`,
    `switch (modelId) { case '${SONNET_45}': break; }`,
    `const isClaude = modelId.startsWith('anthropic.claude-3') || modelId.includes('${SONNET_45}');`,
    // Tagged templates are not plain strings.
    `const q = sql\`${SONNET_45}\`;`,
    // The option overrides the client's region.
    {
      code: `${client('eu-central-2')}const modelId = '${HAIKU_3}';`,
      options: [{ region: 'us-east-1' }],
    },
    // Settings regions apply when no option is given.
    {
      code: `const modelId = '${HAIKU_3}';`,
      settings: { 'aws-bedrock': { snapshot, region: 'ap-northeast-1' } },
    },
    // me-central-1 has no API data. Nova Pro works there in-Region by the AWS documentation; Nova 2
    // Lite has no documented in-Region use there, but missing data is not a failure: no report,
    // and no fix that would move the call to another geography.
    `${client('me-central-1')}const modelId = 'amazon.nova-pro-v1:0';`,
    `${client('me-central-1')}const modelId = '${NOVA_2_LITE}';`,
  ],
  invalid: [
    {
      // An unscanned region next to a scanned one: only the scanned region is claimed, and the
      // profile that serves both makes the fix certain.
      code: `const modelId = '${NOVA_2_LITE}';`,
      settings: { 'aws-bedrock': { snapshot, regions: ['me-central-1', 'ap-northeast-1'] } },
      output: `const modelId = 'apac.${NOVA_2_LITE}';`,
      errors: [
        {
          messageId: 'profileRequired',
          data: { id: NOVA_2_LITE, model: '', where: 'in ap-northeast-1', snapshot: SNAPSHOT, profile: `'apac.${NOVA_2_LITE}'` },
          line: 1,
          column: 17,
          suggestions: [{ messageId: 'useProfile', output: `const modelId = 'apac.${NOVA_2_LITE}';` }],
        },
      ],
    },
    {
      // The region of a same-file constant gives the certain fix.
      code: `const REGION = 'eu-west-1';\nconst client = new BedrockRuntimeClient({ region: REGION });\nconst modelId = '${SONNET_46}';`,
      output: `const REGION = 'eu-west-1';\nconst client = new BedrockRuntimeClient({ region: REGION });\nconst modelId = 'eu.${SONNET_46}';`,
      errors: [
        {
          messageId: 'profileRequired',
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 17 + SONNET_46.length + 2,
          suggestions: ['eu', 'global'].map((geo) => ({
            messageId: 'useProfile',
            output: `const REGION = 'eu-west-1';\nconst client = new BedrockRuntimeClient({ region: REGION });\nconst modelId = '${geo}.${SONNET_46}';`,
          })),
        },
      ],
    },
    {
      // So does the fallback of an environment read.
      code: `const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? 'eu-west-1' });\nconst modelId = '${SONNET_46}';`,
      output: `const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? 'eu-west-1' });\nconst modelId = 'eu.${SONNET_46}';`,
      errors: [
        {
          messageId: 'profileRequired',
          line: 2,
          column: 17,
          endLine: 2,
          endColumn: 17 + SONNET_46.length + 2,
          suggestions: ['eu', 'global'].map((geo) => ({
            messageId: 'useProfile',
            output: `const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? 'eu-west-1' });\nconst modelId = '${geo}.${SONNET_46}';`,
          })),
        },
      ],
    },
    {
      // A model setting of a configuration object gets the certain fix too.
      code: `${client('eu-west-1')}const DEFAULT = { model: '${SONNET_46}' };`,
      output: `${client('eu-west-1')}const DEFAULT = { model: 'eu.${SONNET_46}' };`,
      errors: [{ messageId: 'profileRequired', suggestions: ['eu', 'global'].map((geo) => ({ messageId: 'useProfile', output: `${client('eu-west-1')}const DEFAULT = { model: '${geo}.${SONNET_46}' };` })) }],
    },
    {
      // The region of the client decides the one geography profile: an autofix.
      code: `${client('eu-west-1')}const modelId = '${SONNET_45}';`,
      output: `${client('eu-west-1')}const modelId = 'eu.${SONNET_45}';`,
      errors: [
        {
          messageId: 'profileRequired',
          data: { id: SONNET_45, model: '', where: 'in eu-west-1', snapshot: SNAPSHOT, profile: `'eu.${SONNET_45}'` },
          line: 2,
          column: 17,
          endLine: 2,
          endColumn: 60,
          suggestions: [
            { messageId: 'useProfile', output: `${client('eu-west-1')}const modelId = 'eu.${SONNET_45}';` },
            { messageId: 'useProfile', output: `${client('eu-west-1')}const modelId = 'global.${SONNET_45}';` },
          ],
        },
      ],
    },
    {
      // Tokyo has a jp. profile for Claude Haiku 4.5 and no apac. one.
      code: `${client('ap-northeast-1')}const modelId = "${HAIKU_45}";`,
      output: `${client('ap-northeast-1')}const modelId = "jp.${HAIKU_45}";`,
      errors: [
        {
          messageId: 'profileRequired',
          line: 2,
          column: 17,
          endLine: 2,
          endColumn: 59,
          suggestions: [
            { messageId: 'useProfile', output: `${client('ap-northeast-1')}const modelId = "jp.${HAIKU_45}";` },
            { messageId: 'useProfile', output: `${client('ap-northeast-1')}const modelId = "global.${HAIKU_45}";` },
          ],
        },
      ],
    },
    {
      // No region anywhere: no autofix, one suggestion per existing profile.
      code: `const modelId = '${SONNET_45}';`,
      output: null,
      errors: [
        {
          messageId: 'profileRequired',
          data: { id: SONNET_45, model: ' (Claude Sonnet 4.5)', where: 'in any region', snapshot: SNAPSHOT, profile: 'an inference profile ID' },
          line: 1,
          column: 17,
          endLine: 1,
          endColumn: 60,
          suggestions: [
            { messageId: 'useProfile', output: `const modelId = 'eu.${SONNET_45}';` },
            { messageId: 'useProfile', output: `const modelId = 'us.${SONNET_45}';` },
            { messageId: 'useProfile', output: `const modelId = 'us-gov.${SONNET_45}';` },
            global(SONNET_45),
          ],
        },
      ],
    },
    {
      // On demand only in one region: most callers fail, so it is reported without a region.
      code: `const modelId = '${SONNET_46}';`,
      output: null,
      errors: [
        {
          messageId: 'profileRequired',
          line: 1,
          column: 17,
          endLine: 1,
          endColumn: 46,
          suggestions: [
            { messageId: 'useProfile', output: `const modelId = 'eu.${SONNET_46}';` },
            { messageId: 'useProfile', output: `const modelId = 'us.${SONNET_46}';` },
            global(SONNET_46),
          ],
        },
      ],
    },
    {
      // Two regions in play served by different geographies: a person must choose.
      code: `const modelId = '${SONNET_45}';`,
      settings: { 'aws-bedrock': { snapshot, regions: ['us-east-1', 'eu-west-1'] } },
      output: null,
      errors: [
        {
          messageId: 'profileRequired',
          line: 1,
          column: 17,
          suggestions: [
            { messageId: 'useProfile', output: `const modelId = 'eu.${SONNET_45}';` },
            { messageId: 'useProfile', output: `const modelId = 'us.${SONNET_45}';` },
            global(SONNET_45),
          ],
        },
      ],
    },
    {
      // Works on demand in eu-west-2 but not in us-west-2: the us. profile would break eu-west-2,
      // so there is no certain fix, only suggestions.
      code: `const modelId = '${SONNET_46}';`,
      options: [{ regions: ['eu-west-2', 'us-west-2'] }],
      output: null,
      errors: [
        {
          messageId: 'profileRequired',
          line: 1,
          column: 17,
          suggestions: [
            { messageId: 'useProfile', output: `const modelId = 'us.${SONNET_46}';` },
            global(SONNET_46),
          ],
        },
      ],
    },
    {
      // On demand elsewhere, but profile-only in this region.
      code: `const modelId = '${HAIKU_3}';`,
      options: [{ region: 'eu-central-2' }],
      output: `const modelId = 'eu.${HAIKU_3}';`,
      errors: [
        {
          messageId: 'profileRequired',
          line: 1,
          column: 17,
          endLine: 1,
          endColumn: 57,
          suggestions: [{ messageId: 'useProfile', output: `const modelId = 'eu.${HAIKU_3}';` }],
        },
      ],
    },
    {
      // GovCloud: the us-gov. profile.
      code: `const modelId = '${SONNET_45}';`,
      options: [{ regions: ['us-gov-west-1'] }],
      output: `const modelId = 'us-gov.${SONNET_45}';`,
      errors: [
        {
          messageId: 'profileRequired',
          line: 1,
          column: 17,
          suggestions: [{ messageId: 'useProfile', output: `const modelId = 'us-gov.${SONNET_45}';` }],
        },
      ],
    },
    {
      // LiteLLM routes keep their prefix; template literals keep their backticks.
      code: `${client('us-east-1')}const model = \`bedrock/converse/${SONNET_46}\`;`,
      output: `${client('us-east-1')}const model = \`bedrock/converse/us.${SONNET_46}\`;`,
      errors: [
        {
          messageId: 'profileRequired',
          line: 2,
          column: 15,
          endLine: 2,
          endColumn: 61,
          suggestions: [
            { messageId: 'useProfile', output: `${client('us-east-1')}const model = \`bedrock/converse/us.${SONNET_46}\`;` },
            {
              messageId: 'useProfile',
              output: `${client('us-east-1')}const model = \`bedrock/converse/global.${SONNET_46}\`;`,
            },
          ],
        },
      ],
    },
    {
      // The region of @ai-sdk/amazon-bedrock's provider factory.
      code: `const bedrock = createAmazonBedrock({ region: 'eu-central-1' });\nconst model = bedrock('${HAIKU_45}');`,
      output: `const bedrock = createAmazonBedrock({ region: 'eu-central-1' });\nconst model = bedrock('eu.${HAIKU_45}');`,
      errors: [
        {
          messageId: 'profileRequired',
          line: 2,
          column: 23,
          endLine: 2,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'useProfile',
              output: `const bedrock = createAmazonBedrock({ region: 'eu-central-1' });\nconst model = bedrock('eu.${HAIKU_45}');`,
            },
            {
              messageId: 'useProfile',
              output: `const bedrock = createAmazonBedrock({ region: 'eu-central-1' });\nconst model = bedrock('global.${HAIKU_45}');`,
            },
          ],
        },
      ],
    },
    {
      // LangChain's ChatBedrockConverse: the model is a property value, the region another.
      code: `const llm = new ChatBedrockConverse({ model: '${SONNET_45}', region: 'us-west-2' });`,
      output: `const llm = new ChatBedrockConverse({ model: 'us.${SONNET_45}', region: 'us-west-2' });`,
      errors: [
        {
          messageId: 'profileRequired',
          line: 1,
          column: 46,
          endLine: 1,
          endColumn: 89,
          suggestions: [
            {
              messageId: 'useProfile',
              output: `const llm = new ChatBedrockConverse({ model: 'us.${SONNET_45}', region: 'us-west-2' });`,
            },
            {
              messageId: 'useProfile',
              output: `const llm = new ChatBedrockConverse({ model: 'global.${SONNET_45}', region: 'us-west-2' });`,
            },
          ],
        },
      ],
    },
    {
      // Escapes in the literal: judged by its value, fixed with the value spelled plainly.
      code: `${client('eu-west-1')}const modelId = '${SONNET_45.replace('.', '\\u002e')}';`,
      output: `${client('eu-west-1')}const modelId = 'eu.${SONNET_45}';`,
      errors: [
        {
          messageId: 'profileRequired',
          line: 2,
          column: 17,
          endLine: 2,
          endColumn: 65,
          suggestions: [
            { messageId: 'useProfile', output: `${client('eu-west-1')}const modelId = 'eu.${SONNET_45}';` },
            { messageId: 'useProfile', output: `${client('eu-west-1')}const modelId = 'global.${SONNET_45}';` },
          ],
        },
      ],
    },
    {
      // A client constructed through a namespace import, and a JSX attribute naming the model.
      code: `const client = new sdk.BedrockRuntimeClient({ region: 'eu-west-1' });\nconst chat = <Chat model="${SONNET_45}" />;`,
      output: `const client = new sdk.BedrockRuntimeClient({ region: 'eu-west-1' });\nconst chat = <Chat model="eu.${SONNET_45}" />;`,
      filename: 'chat.tsx',
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
      errors: [
        {
          messageId: 'profileRequired',
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 69,
          suggestions: [
            {
              messageId: 'useProfile',
              output: `const client = new sdk.BedrockRuntimeClient({ region: 'eu-west-1' });\nconst chat = <Chat model="eu.${SONNET_45}" />;`,
            },
            {
              messageId: 'useProfile',
              output: `const client = new sdk.BedrockRuntimeClient({ region: 'eu-west-1' });\nconst chat = <Chat model="global.${SONNET_45}" />;`,
            },
          ],
        },
      ],
    },
  ],
});
