import rule from '../../src/rules/no-legacy-model.js';
import { lifecycleCases } from './lifecycle-cases.js';
import { HAIKU_45, SONNET_37, SONNET_46, bedrockSettings, modelId, runRuleTests, suggestionsPassEveryRule } from './tester.js';

const NOVA_LITE = 'amazon.nova-lite-v1:0';
/** The Legacy-phase cases; the end-of-life ones are no-end-of-life-model's. */
const invalid = lifecycleCases.filter((c) => c.errors.every((e) => e.messageId === 'legacy'));
const endOfLife = lifecycleCases.filter((c) => c.errors.every((e) => e.messageId === 'endOfLife'));

runRuleTests('no-legacy-model', rule, {
  valid: [
    // Active models.
    modelId(SONNET_46),
    modelId(`us.${SONNET_46}`),
    modelId(`global.${HAIKU_45}`),
    modelId(NOVA_LITE),
    modelId('amazon.titan-embed-text-v2:0'),
    modelId('anthropic.claude-haiku-4-5'),
    // Unknown IDs are no-unknown-model's concern.
    modelId('anthropic.claude-3-5-sonnet-20241022-v3:0'),
    // Past end of life: no-end-of-life-model's concern.
    ...endOfLife.map(({ code, settings }) => ({ code, settings })),
    // onlyEndOfLife (deprecated) turns the rule off.
    { code: modelId(SONNET_37), options: [{ onlyEndOfLife: true }] },
    { code: modelId(`eu.${SONNET_37}`), options: [{ onlyEndOfLife: true }] },
    // Before its legacy date (2026-04-28), Claude 3.7 Sonnet is not reported.
    { code: modelId(SONNET_37), settings: bedrockSettings({ now: '2026-03-01' }) },
    { code: modelId(`us.${SONNET_37}`), settings: bedrockSettings({ now: '2026-04-27' }) },
    // Keys of lookup tables, template literals with expressions, joined strings.
    `if (modelId === '${SONNET_37}') retry();`,
    'const modelId = `amazon.titan-text-lite-${version}`;',
    `const modelId = 'ai21.j2-ultra-v1' + suffix;`,
  ],
  invalid,
});

suggestionsPassEveryRule('no-legacy-model', invalid, 6);
