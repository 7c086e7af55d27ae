import rule from '../../src/rules/no-end-of-life-model.js';
import { lifecycleCases } from './lifecycle-cases.js';
import { HAIKU_45, SONNET_37, SONNET_46, bedrockSettings, modelId, runRuleTests, suggestionsPassEveryRule } from './tester.js';

/** The end-of-life cases; the Legacy-phase ones are no-legacy-model's. */
const invalid = lifecycleCases.filter((c) => c.errors.every((e) => e.messageId === 'endOfLife'));
const legacy = lifecycleCases.filter((c) => c.errors.every((e) => e.messageId === 'legacy'));

runRuleTests('no-end-of-life-model', rule, {
  valid: [
    // Active models.
    modelId(SONNET_46),
    modelId(`us.${SONNET_46}`),
    modelId(`global.${HAIKU_45}`),
    // Legacy, not yet past end of life: no-legacy-model's concern.
    ...legacy.map(({ code, settings }) => ({ code, settings })),
    // Before its end of life (2027-04-28), Claude 3.7 Sonnet is not reported.
    { code: modelId(SONNET_37), settings: bedrockSettings({ now: '2027-04-27' }) },
    // AWS still listed Claude 3.5 Sonnet v2 as active in us-east-2 after its model-wide end of life.
    `const client = new BedrockRuntimeClient({ region: 'us-east-2' });\nconst modelId = 'us.anthropic.claude-3-5-sonnet-20241022-v2:0';`,
    // Claude 3.7 Sonnet's end of life in eu-central-2 does not hold in eu-west-1 (Legacy there).
    `const client = new BedrockRuntimeClient({ region: 'eu-west-1' });\nconst modelId = 'eu.${SONNET_37}';`,
    // Unknown IDs are no-unknown-model's concern.
    modelId('anthropic.claude-3-5-sonnet-20241022-v3:0'),
    // Template literals with expressions, joined strings, look-up keys.
    `const price = PRICES['amazon.titan-text-lite-v1'];`,
    'const modelId = `amazon.titan-text-lite-${version}`;',
    `const modelId = 'ai21.j2-ultra-v1' + suffix;`,
  ],
  invalid,
});

suggestionsPassEveryRule('no-end-of-life-model', invalid, 16);
