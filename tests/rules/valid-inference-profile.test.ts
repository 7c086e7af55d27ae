import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/valid-inference-profile.js';
import {
  HAIKU_45,
  SONNET_45,
  at,
  bedrockSettings,
  client,
  lintAll,
  modelId,
  runRuleTests,
} from './tester.js';

const OPUS_41 = 'anthropic.claude-opus-4-1-20250805-v1:0';
const NOVA_LITE = 'amazon.nova-lite-v1:0';
/** The documented example account; only ever inside code strings. */
const ARN_HEAD = (region: string): string => `arn:aws:bedrock:${region}:111122223333:inference-profile/`;

const US = 'us-east-1, us-east-2 or us-west-2';
const EU = 'eu-central-1, eu-central-2, eu-west-1 or eu-west-2';
const JP = 'ap-northeast-1 or ap-northeast-3';
const GLOBAL_REACH = 'routes to any commercial region; it changes where data is processed';
const GEOGRAPHIES = 'apac, au, eu, global, jp, us, us-gov';
const SNAPSHOT = 'snapshot of 2026-09-01';
const FABLE = 'anthropic.claude-fable-5';

/** A `useProfile` suggestion that rewrites the string on `line` of `prefix` + `const modelId = ...;`. */
const useProfile = (prefix: string, geo: string, id: string, reach: string, head = '', quote = "'") => ({
  messageId: 'useProfile' as const,
  data: { geo, id: `${geo}.${id}`, reach },
  output: `${prefix}${modelId(`${head}${geo}.${id}`, quote)}`,
});

runRuleTests('valid-inference-profile', rule, {
  valid: [
    // Profiles that exist, with no region in play.
    modelId(`us.${OPUS_41}`),
    modelId(`eu.${HAIKU_45}`),
    modelId(`global.anthropic.claude-sonnet-4-6`),
    modelId(`us-gov.${SONNET_45}`),
    // A profile called from one of its source regions.
    `${client('eu-west-1')}${modelId(`eu.${HAIKU_45}`)}`,
    `${client('ap-northeast-1')}${modelId(`jp.${HAIKU_45}`)}`,
    `${client('eu-central-1')}${modelId(`global.${SONNET_45}`)}`,
    { code: modelId(`us-gov.${SONNET_45}`), settings: bedrockSettings({ region: 'us-gov-west-1' }) },
    // Several regions in play: valid when one of them can call the profile.
    { code: modelId(`us.${SONNET_45}`), settings: bedrockSettings({ regions: ['us-east-1', 'eu-central-1'] }) },
    // Inference-profile ARNs whose profile exists and serves the ARN's region.
    modelId(`${ARN_HEAD('us-east-1')}us.${OPUS_41}`),
    modelId(`${ARN_HEAD('eu-central-1')}eu.${SONNET_45}`),
    // Application inference profiles hide their model: never judged.
    modelId('arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/a1b2c3d4e5f6'),
    // LiteLLM routes to a valid profile.
    modelId(`bedrock/converse/us.${OPUS_41}`),
    // Template literals with expressions are not static strings.
    'const modelId = `${geo}.anthropic.claude-opus-4-1-20250805-v1:0`;',
    'const modelId = `apac.${model}`;',
    'const modelId = `apac.anthropic.claude-opus-4-1-${date}-v1:0`;',
    // Keys of lookup tables (plain and computed).
    `const prices = { 'apac.${OPUS_41}': 15, ['ap.${HAIKU_45}']: 1 };`,
    // Joined at run time: the literal is not the ID that is sent.
    `const id = 'apac.' + '${OPUS_41}';`,
    `const id = 'apac.${OPUS_41}' + suffix;`,
    // IAM Resource entries name foundation models as resources.
    `${client('eu-central-1')}const statement = { Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: [` +
      `'arn:aws:bedrock:eu-central-1::foundation-model/${SONNET_45}', ` +
      `'arn:aws:bedrock:us-east-1::foundation-model/${OPUS_41}', 'arn:aws:bedrock:*::foundation-model/*'] };`,
    // Foundation-model ARNs are not profile IDs.
    modelId(`arn:aws:bedrock:us-east-1::foundation-model/${SONNET_45}`),
    // The rule's `region` option overrides the region of the file's client.
    { code: `${client('eu-central-1')}${modelId(`us.${SONNET_45}`)}`, options: [{ region: 'us-east-1' }] },
    // Settings regions apply when the file names none.
    { code: modelId(`jp.${HAIKU_45}`), settings: bedrockSettings({ region: 'ap-northeast-3' }) },
    // Bare IDs are require-inference-profile's concern.
    modelId(OPUS_41),
    // me-central-1 has no API data: a profile whose geography serves it is not claimed uncallable.
    `${client('me-central-1')}${modelId('apac.amazon.nova-pro-v1:0')}`,
    `${client('me-central-1')}${modelId('apac.amazon.nova-2-lite-v1:0')}`,
    // Live profiles of a model whose other profiles were withdrawn.
    `${client('us-east-1')}${modelId(`us.${FABLE}`)}`,
    `${client('eu-west-1')}${modelId(`global.${FABLE}`)}`,
  ],
  invalid: [
    {
      // A withdrawn profile: AWS no longer lists it, though the model is active. The live profile
      // serving eu-west-1 is global, which changes where data is processed: a suggestion, no fix.
      code: `${client('eu-west-1')}${modelId(`eu.${FABLE}`)}`,
      output: null,
      errors: [
        {
          messageId: 'withdrawn',
          data: { id: `eu.${FABLE}`, lastSeen: '2026-07-01', snapshot: SNAPSHOT, instead: `use 'global.${FABLE}'` },
          ...at(2, `eu.${FABLE}`),
          suggestions: [useProfile(client('eu-west-1'), 'global', FABLE, GLOBAL_REACH)],
        },
      ],
    },
    {
      // Called from us-east-1, where exactly one geography profile serves: the fix.
      code: `${client('us-east-1')}${modelId(`eu.${FABLE}`)}`,
      output: `${client('us-east-1')}${modelId(`us.${FABLE}`)}`,
      errors: [
        {
          messageId: 'withdrawn',
          data: { id: `eu.${FABLE}`, lastSeen: '2026-07-01', snapshot: SNAPSHOT, instead: `use 'us.${FABLE}'` },
          ...at(2, `eu.${FABLE}`),
          suggestions: [
            useProfile(client('us-east-1'), 'us', FABLE, `callable from ${US}`),
            useProfile(client('us-east-1'), 'global', FABLE, GLOBAL_REACH),
          ],
        },
      ],
    },
    {
      // No region in play: every live profile is a suggestion, and nothing is certain.
      code: modelId(`au.${FABLE}`),
      output: null,
      errors: [
        {
          messageId: 'withdrawn',
          data: { id: `au.${FABLE}`, lastSeen: '2026-07-01', snapshot: SNAPSHOT, instead: "use a listed profile: 'us.' or 'global.'" },
          ...at(1, `au.${FABLE}`),
          suggestions: [useProfile('', 'us', FABLE, `callable from ${US}`), useProfile('', 'global', FABLE, GLOBAL_REACH)],
        },
      ],
    },
    {
      // me-central-1 has no API data, but the `us.` geography never serves it: that is a fact of the geography.
      code: `${client('me-central-1')}${modelId('us.amazon.nova-pro-v1:0')}`,
      output: null,
      errors: [
        {
          messageId: 'regionCannotCall',
          data: { id: 'us.amazon.nova-pro-v1:0', sourceRegions: US, regions: 'me-central-1', snapshot: SNAPSHOT },
          ...at(2, 'us.amazon.nova-pro-v1:0'),
          suggestions: [
            {
              messageId: 'useBareId',
              data: { id: 'amazon.nova-pro-v1:0', regions: 'me-central-1' },
              output: `${client('me-central-1')}${modelId('amazon.nova-pro-v1:0')}`,
            },
          ],
        },
      ],
    },
    {
      // Opus 4.1 has a `us.` profile only; with no region in play, a suggestion (no fix).
      code: modelId(`apac.${OPUS_41}`),
      output: null,
      errors: [
        {
          messageId: 'noSuchProfile',
          data: { id: `apac.${OPUS_41}`, geo: 'apac', model: 'Claude Opus 4.1', available: "; its profiles are 'us.'", snapshot: SNAPSHOT },
          ...at(1, `apac.${OPUS_41}`),
          suggestions: [useProfile('', 'us', OPUS_41, `callable from ${US}`)],
        },
      ],
    },
    {
      // A `us.` profile from an eu-central-1 client: the one geography profile is the fix; global only suggested.
      code: `${client('eu-central-1')}${modelId(`us.${SONNET_45}`)}`,
      output: `${client('eu-central-1')}${modelId(`eu.${SONNET_45}`)}`,
      errors: [
        {
          messageId: 'regionCannotCall',
          data: { id: `us.${SONNET_45}`, sourceRegions: US, regions: 'eu-central-1', snapshot: SNAPSHOT },
          ...at(2, `us.${SONNET_45}`),
          suggestions: [
            useProfile(client('eu-central-1'), 'eu', SONNET_45, `callable from ${EU}`),
            useProfile(client('eu-central-1'), 'global', SONNET_45, GLOBAL_REACH),
          ],
        },
      ],
    },
    {
      // Haiku 4.5 has no `apac.` profile; in Tokyo only `jp.` (and global) serve.
      code: `${client('ap-northeast-1')}${modelId(`apac.${HAIKU_45}`)}`,
      output: `${client('ap-northeast-1')}${modelId(`jp.${HAIKU_45}`)}`,
      errors: [
        {
          messageId: 'noSuchProfile',
          ...at(2, `apac.${HAIKU_45}`),
          suggestions: [
            useProfile(client('ap-northeast-1'), 'jp', HAIKU_45, `callable from ${JP}`),
            useProfile(client('ap-northeast-1'), 'global', HAIKU_45, GLOBAL_REACH),
          ],
        },
      ],
    },
    {
      // `ap.` is no geography; with no region in play, one suggestion per profile, no fix.
      code: modelId(`ap.${HAIKU_45}`),
      output: null,
      errors: [
        {
          messageId: 'notAGeography',
          data: { id: `ap.${HAIKU_45}`, geo: 'ap', isNot: 'is not', geographies: GEOGRAPHIES },
          ...at(1, `ap.${HAIKU_45}`),
          suggestions: [
            useProfile('', 'au', HAIKU_45, 'callable from ap-southeast-2'),
            useProfile('', 'eu', HAIKU_45, `callable from ${EU}`),
            useProfile('', 'jp', HAIKU_45, `callable from ${JP}`),
            useProfile('', 'us', HAIKU_45, `callable from ${US}`),
            useProfile('', 'global', HAIKU_45, GLOBAL_REACH),
          ],
        },
      ],
    },
    {
      // A region used as prefix: the message says so; the client's region makes `us.` certain.
      code: `${client('us-east-1')}${modelId(`us-east-1.${HAIKU_45}`)}`,
      output: `${client('us-east-1')}${modelId(`us.${HAIKU_45}`)}`,
      errors: [
        {
          messageId: 'notAGeography',
          data: {
            id: `us-east-1.${HAIKU_45}`,
            geo: 'us-east-1',
            isNot: 'is a region, not',
            geographies: GEOGRAPHIES,
          },
          ...at(2, `us-east-1.${HAIKU_45}`),
          suggestions: [
            useProfile(client('us-east-1'), 'us', HAIKU_45, `callable from ${US}`),
            useProfile(client('us-east-1'), 'global', HAIKU_45, GLOBAL_REACH),
          ],
        },
      ],
    },
    {
      // An inference-profile ARN: its own region is the region in play (over the client's), and
      // the fix rewrites the profile inside the ARN, keeping its head.
      code: `${client('us-east-1')}${modelId(`${ARN_HEAD('eu-central-1')}us.${SONNET_45}`)}`,
      output: `${client('us-east-1')}${modelId(`${ARN_HEAD('eu-central-1')}eu.${SONNET_45}`)}`,
      errors: [
        {
          messageId: 'regionCannotCall',
          // The message names the profile, not the ARN (whose account stays out of messages).
          data: { id: `us.${SONNET_45}`, sourceRegions: US, regions: 'eu-central-1', snapshot: SNAPSHOT },
          ...at(2, `${ARN_HEAD('eu-central-1')}us.${SONNET_45}`),
          suggestions: [
            useProfile(client('us-east-1'), 'eu', SONNET_45, `callable from ${EU}`, ARN_HEAD('eu-central-1')),
            useProfile(client('us-east-1'), 'global', SONNET_45, GLOBAL_REACH, ARN_HEAD('eu-central-1')),
          ],
        },
      ],
    },
    {
      // A profile that does not exist, inside an ARN.
      code: modelId(`${ARN_HEAD('us-west-2')}apac.${OPUS_41}`),
      output: modelId(`${ARN_HEAD('us-west-2')}us.${OPUS_41}`),
      errors: [
        {
          messageId: 'noSuchProfile',
          ...at(1, `${ARN_HEAD('us-west-2')}apac.${OPUS_41}`),
          suggestions: [useProfile('', 'us', OPUS_41, `callable from ${US}`, ARN_HEAD('us-west-2'))],
        },
      ],
    },
    {
      // Several regions in play from settings, served by different profiles: suggestions only.
      code: modelId(`us.${SONNET_45}`),
      settings: bedrockSettings({ regions: ['eu-central-1', 'ap-northeast-1'] }),
      output: null,
      errors: [
        {
          messageId: 'regionCannotCall',
          data: { id: `us.${SONNET_45}`, sourceRegions: US, regions: 'eu-central-1 or ap-northeast-1', snapshot: SNAPSHOT },
          ...at(1, `us.${SONNET_45}`),
          suggestions: [
            useProfile('', 'eu', SONNET_45, `callable from ${EU}`),
            useProfile('', 'global', SONNET_45, GLOBAL_REACH),
          ],
        },
      ],
    },
    {
      // Two geographies each serve one of the regions: no certain fix.
      code: modelId(`apac.${HAIKU_45}`),
      settings: bedrockSettings({ regions: ['ap-northeast-1', 'ap-southeast-2'] }),
      output: null,
      errors: [
        {
          messageId: 'noSuchProfile',
          ...at(1, `apac.${HAIKU_45}`),
          suggestions: [
            useProfile('', 'au', HAIKU_45, 'callable from ap-southeast-2'),
            useProfile('', 'jp', HAIKU_45, `callable from ${JP}`),
            useProfile('', 'global', HAIKU_45, GLOBAL_REACH),
          ],
        },
      ],
    },
    {
      // Two clients in different geographies: suggestions only.
      code: `${client('eu-central-1')}${client('us-east-1')}${modelId(`apac.${SONNET_45}`)}`,
      output: null,
      errors: [
        {
          messageId: 'noSuchProfile',
          ...at(3, `apac.${SONNET_45}`),
          suggestions: [
            useProfile(`${client('eu-central-1')}${client('us-east-1')}`, 'eu', SONNET_45, `callable from ${EU}`),
            useProfile(`${client('eu-central-1')}${client('us-east-1')}`, 'us', SONNET_45, `callable from ${US}`),
            useProfile(`${client('eu-central-1')}${client('us-east-1')}`, 'global', SONNET_45, GLOBAL_REACH),
          ],
        },
      ],
    },
    {
      // Two clients in one geography: its profile serves both, so the fix is certain.
      code: `${client('eu-central-1')}${client('eu-west-1')}${modelId(`us.${SONNET_45}`)}`,
      output: `${client('eu-central-1')}${client('eu-west-1')}${modelId(`eu.${SONNET_45}`)}`,
      errors: [
        {
          messageId: 'regionCannotCall',
          data: { id: `us.${SONNET_45}`, sourceRegions: US, regions: 'eu-central-1 or eu-west-1', snapshot: SNAPSHOT },
          ...at(3, `us.${SONNET_45}`),
          suggestions: [
            useProfile(`${client('eu-central-1')}${client('eu-west-1')}`, 'eu', SONNET_45, `callable from ${EU}`),
            useProfile(`${client('eu-central-1')}${client('eu-west-1')}`, 'global', SONNET_45, GLOBAL_REACH),
          ],
        },
      ],
    },
    {
      // The `region` option overrides the client's region.
      code: `${client('us-east-1')}${modelId(`us.${SONNET_45}`)}`,
      options: [{ region: 'us-gov-west-1' }],
      output: `${client('us-east-1')}${modelId(`us-gov.${SONNET_45}`)}`,
      errors: [
        {
          messageId: 'regionCannotCall',
          ...at(2, `us.${SONNET_45}`),
          suggestions: [useProfile(client('us-east-1'), 'us-gov', SONNET_45, 'callable from us-gov-west-1')],
        },
      ],
    },
    {
      // No profile of the model serves the region: reported, with nothing to offer.
      code: `${client('eu-central-1')}${modelId(`apac.${OPUS_41}`)}`,
      output: null,
      errors: [{ messageId: 'noSuchProfile', ...at(2, `apac.${OPUS_41}`), suggestions: [] }],
    },
    {
      // The bare ID works on demand in the region in play: dropping the prefix is the suggestion.
      code: `${client('ap-northeast-1')}${modelId(`apac.${NOVA_LITE}`)}`,
      output: null,
      errors: [
        {
          messageId: 'noSuchProfile',
          data: { id: `apac.${NOVA_LITE}`, geo: 'apac', model: 'Nova Lite', available: "; its profiles are 'eu.' and 'us.'", snapshot: SNAPSHOT },
          ...at(2, `apac.${NOVA_LITE}`),
          suggestions: [
            {
              messageId: 'useBareId',
              data: { id: NOVA_LITE, regions: 'ap-northeast-1' },
              output: `${client('ap-northeast-1')}${modelId(NOVA_LITE)}`,
            },
          ],
        },
      ],
    },
    {
      // The fix keeps a LiteLLM route prefix and the string's own quotes (double, backtick).
      code: `${client('ap-northeast-1')}${modelId(`bedrock/converse/apac.${HAIKU_45}`, '"')}`,
      output: `${client('ap-northeast-1')}${modelId(`bedrock/converse/jp.${HAIKU_45}`, '"')}`,
      errors: [
        {
          messageId: 'noSuchProfile',
          ...at(2, `bedrock/converse/apac.${HAIKU_45}`),
          suggestions: [
            useProfile(client('ap-northeast-1'), 'jp', HAIKU_45, `callable from ${JP}`, 'bedrock/converse/', '"'),
            useProfile(client('ap-northeast-1'), 'global', HAIKU_45, GLOBAL_REACH, 'bedrock/converse/', '"'),
          ],
        },
      ],
    },
    {
      code: `${client('ap-northeast-1')}${modelId(`apac.${HAIKU_45}`, '`')}`,
      output: `${client('ap-northeast-1')}${modelId(`jp.${HAIKU_45}`, '`')}`,
      errors: [
        {
          messageId: 'noSuchProfile',
          ...at(2, `apac.${HAIKU_45}`),
          suggestions: [
            useProfile(client('ap-northeast-1'), 'jp', HAIKU_45, `callable from ${JP}`, '', '`'),
            useProfile(client('ap-northeast-1'), 'global', HAIKU_45, GLOBAL_REACH, '', '`'),
          ],
        },
      ],
    },
  ],
});

describe('valid-inference-profile in JSON files (@eslint/json)', () => {
  const json = `{\n  "region": "eu-central-1",\n  "modelId": "us.${SONNET_45}",\n  "us.${OPUS_41}": "keys are not judged"\n}\n`;

  it('reports a profile the region in the file cannot call, and fixes it in place', () => {
    const messages = lintAll(json, { filename: 'config.json' });
    const where = messages.map((m) => [m.ruleId, m.messageId, m.line, m.column, m.endLine, m.endColumn]);
    const literal = `"us.${SONNET_45}"`;
    expect(where).toEqual([['aws-bedrock/valid-inference-profile', 'regionCannotCall', 3, 14, 3, 14 + literal.length]]);
    const fix = messages[0]!.fix!;
    const fixed = json.slice(0, fix.range[0]) + fix.text + json.slice(fix.range[1]);
    expect(fixed).toBe(json.replace(literal, `"eu.${SONNET_45}"`));
    // The value between the quotes is rewritten, the quotes stay.
    expect(messages[0]!.suggestions?.map((s) => s.fix.text)).toEqual([`eu.${SONNET_45}`, `global.${SONNET_45}`]);
    // The fixed file passes every rule.
    expect(lintAll(fixed, { filename: 'config.json' })).toEqual([]);
  });

  it('reports a geography prefix with no such profile', () => {
    const messages = lintAll(`{ "modelId": "apac.${OPUS_41}" }`, { filename: 'models.json' });
    expect(messages.map((m) => [m.ruleId, m.messageId, m.fix?.text ?? null, m.suggestions?.map((s) => s.fix.text)])).toEqual([
      ['aws-bedrock/valid-inference-profile', 'noSuchProfile', null, [`us.${OPUS_41}`]],
    ]);
  });
});
