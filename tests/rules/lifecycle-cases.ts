/**
 * Lifecycle test cases shared by no-legacy-model and no-end-of-life-model: each case is run by the
 * rule whose phase it is (Legacy or end of life), and stays quiet under the other.
 */
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import {
  HAIKU_45,
  SONNET_37,
  SONNET_46,
  at,
  bedrockSettings,
  client,
  modelId,
} from './tester.js';

export type MessageIds = 'legacy' | 'endOfLife' | 'replace';
export type Options = [{ region?: string; regions?: string[]; onlyEndOfLife?: boolean }];

export const SONNET_35_V2 = 'anthropic.claude-3-5-sonnet-20241022-v2:0';
export const NOVA_LITE = 'amazon.nova-lite-v1:0';
const NOVA_MICRO = 'amazon.nova-micro-v1:0';
const LLAMA_32 = 'us.meta.llama3-2-11b-instruct-v1:0';
const SNAPSHOT = 'snapshot of 2026-09-01';

/** A model name as messages put it after an ID: ` (Claude Sonnet 4.6)`, or nothing when unknown. */
const named = (model: string): string => (model ? ` (${model})` : '');

export const replace = (prefix: string, id: string, model: string) => ({
  messageId: 'replace' as const,
  data: { id, model: named(model) },
  output: `${prefix}${modelId(id)}`,
});
export const sonnet46 = (prefix: string, ...geos: string[]) =>
  geos.map((geo) => replace(prefix, geo ? `${geo}.${SONNET_46}` : SONNET_46, 'Claude Sonnet 4.6'));

/**
 * The message data of a finding: the phase's dates as the message words them, the replacement
 * model by name (null: none to offer), and where the phase holds (` in <regions>` when the
 * regions in play are known, ` except in <regions>` when they are not and some regions differ).
 */
export const phaseData = (
  id: string,
  model: string,
  since: string | null,
  until: string | null,
  replacement: string | null,
  { where = '', except = '' }: { where?: string; except?: string } = {},
) => ({
  id,
  model: where || except ? '' : named(model),
  where,
  since: since ? ` since ${since}` : '',
  until: until ? `, end of life ${until}` : '',
  except,
  snapshot: SNAPSHOT,
  replacement: replacement ? `replace it with ${replacement}` : 'move to an active model',
});

/** A curated obsolete pattern: past end of life, no date, one suggestion per way to write the replacement. */
function curated(
  id: string,
  model: string,
  replacement: string,
  replacementName: string,
  suggested: string[] = [replacement],
): InvalidTestCase<MessageIds, Options> {
  return {
    code: modelId(id),
    output: null,
    errors: [
      {
        messageId: 'endOfLife',
        data: phaseData(id, model, null, null, replacementName),
        ...at(1, id),
        suggestions: suggested.map((s) => replace('', s, replacementName)),
      },
    ],
  };
}

/** Every lifecycle case, Legacy and end of life. */
export const lifecycleCases: InvalidTestCase<MessageIds, Options>[] = [
  {
    // Legacy phase (since 2026-04-28, EOL 2027-04-28); region unknown: every profile of the replacement.
    code: modelId(SONNET_37),
    output: null,
    errors: [
      {
        messageId: 'legacy',
        data: phaseData(SONNET_37, 'Claude 3.7 Sonnet', '2026-04-28', '2027-04-28', 'Claude Sonnet 4.6'),
        ...at(1, SONNET_37),
        suggestions: sonnet46('', 'eu', 'us', 'global'),
      },
    ],
  },
  {
    // eu-west-1: Sonnet 4.6 is on demand only in eu-west-2, so the replacement needs a profile here.
    code: `${client('eu-west-1')}${modelId(SONNET_37)}`,
    output: null,
    errors: [{ messageId: 'legacy', ...at(2, SONNET_37), suggestions: sonnet46(client('eu-west-1'), 'eu', 'global') }],
  },
  {
    // eu-west-2: the bare replacement works on demand.
    code: `${client('eu-west-2')}${modelId(SONNET_37)}`,
    output: null,
    errors: [{ messageId: 'legacy', ...at(2, SONNET_37), suggestions: sonnet46(client('eu-west-2'), '') }],
  },
  {
    // A geo-prefixed legacy ID keeps its geography, even where the bare replacement would work.
    code: modelId(`us.${SONNET_37}`),
    output: null,
    errors: [
      {
        messageId: 'legacy',
        data: phaseData(`us.${SONNET_37}`, 'Claude 3.7 Sonnet', '2026-04-28', '2027-04-28', 'Claude Sonnet 4.6'),
        ...at(1, `us.${SONNET_37}`),
        suggestions: sonnet46('', 'us'),
      },
    ],
  },
  {
    code: `${client('eu-west-2')}${modelId(`eu.${SONNET_37}`)}`,
    output: null,
    errors: [{ messageId: 'legacy', ...at(2, `eu.${SONNET_37}`), suggestions: sonnet46(client('eu-west-2'), 'eu') }],
  },
  {
    // Past end of life (2026-07-30).
    code: `${client('us-west-2')}${modelId(`us.${SONNET_35_V2}`)}`,
    output: null,
    errors: [
      {
        messageId: 'endOfLife',
        data: phaseData(`us.${SONNET_35_V2}`, 'Claude 3.5 Sonnet v2', '2026-07-30', null, 'Claude Sonnet 4.6', { where: ' in us-west-2' }),
        ...at(2, `us.${SONNET_35_V2}`),
        suggestions: sonnet46(client('us-west-2'), 'us'),
      },
    ],
  },
  {
    // No region in play: the model-wide end of life, except where AWS still listed it as active (us-east-2).
    code: modelId(SONNET_35_V2),
    output: null,
    errors: [
      {
        messageId: 'endOfLife',
        data: phaseData(SONNET_35_V2, 'Claude 3.5 Sonnet v2', '2026-07-30', null, 'Claude Sonnet 4.6', { except: ' except in us-east-2' }),
        ...at(1, SONNET_35_V2),
        suggestions: sonnet46('', 'eu', 'us', 'global'),
      },
    ],
  },
  {
    // A regional row: Claude 3.7 Sonnet reached end of life in eu-central-2 while it is Legacy elsewhere.
    code: `${client('eu-central-2')}${modelId(`eu.${SONNET_37}`)}`,
    output: null,
    errors: [
      {
        messageId: 'endOfLife',
        data: phaseData(`eu.${SONNET_37}`, '', '2026-07-30', null, 'Claude Sonnet 4.6', { where: ' in eu-central-2' }),
        ...at(2, `eu.${SONNET_37}`),
        suggestions: sonnet46(client('eu-central-2'), 'eu'),
      },
    ],
  },
  {
    // Two regions in play: the phase of the one where calls fail first, and where it holds.
    code: modelId(`eu.${SONNET_37}`),
    settings: bedrockSettings({ regions: ['eu-west-1', 'eu-central-2'] }),
    output: null,
    errors: [
      {
        messageId: 'endOfLife',
        data: phaseData(`eu.${SONNET_37}`, '', '2026-07-30', null, 'Claude Sonnet 4.6', { where: ' in eu-central-2' }),
        ...at(1, `eu.${SONNET_37}`),
        suggestions: [replace('', `eu.${SONNET_46}`, 'Claude Sonnet 4.6')],
      },
    ],
  },
  {
    // Status EOL; its curated replacement is not in the snapshot, so no suggestion.
    code: modelId(LLAMA_32),
    output: null,
    errors: [
      {
        messageId: 'endOfLife',
        data: phaseData(LLAMA_32, 'Llama 3.2 11B Instruct', '2026-07-07', null, null),
        ...at(1, LLAMA_32),
        suggestions: [],
      },
    ],
  },
  // Curated obsolete patterns: IDs in the snapshot (a tombstone, third-party-only entries) ...
  curated('amazon.titan-text-lite-v1', 'Titan Text G1 - Lite', NOVA_MICRO, 'Nova Micro'),
  curated('ai21.j2-ultra-v1', 'Jurassic-2 Ultra', NOVA_LITE, 'Nova Lite'),
  curated('cohere.command-text-v14', 'Command', NOVA_LITE, 'Nova Lite'),
  // ... and IDs only the patterns know.
  curated('ai21.j2-mid-v1', '', NOVA_LITE, 'Nova Lite'),
  curated('cohere.command-light-text-v14', '', NOVA_MICRO, 'Nova Micro'),
  curated('amazon.titan-text-express-v1', '', NOVA_LITE, 'Nova Lite'),
  curated('anthropic.claude-instant-v1', '', HAIKU_45, 'Claude Haiku 4.5', [
    `au.${HAIKU_45}`,
    `eu.${HAIKU_45}`,
    `jp.${HAIKU_45}`,
    `us.${HAIKU_45}`,
    `global.${HAIKU_45}`,
  ]),
  curated('anthropic.claude-v2:1', '', SONNET_46, 'Claude Sonnet 4.6', [
    `eu.${SONNET_46}`,
    `us.${SONNET_46}`,
    `global.${SONNET_46}`,
  ]),
  {
    // A replacement that is profile-only in the region in play gets that region's prefix.
    code: `${client('eu-central-1')}${modelId('amazon.titan-text-lite-v1')}`,
    output: null,
    errors: [
      {
        messageId: 'endOfLife',
        ...at(2, 'amazon.titan-text-lite-v1'),
        suggestions: [replace(client('eu-central-1'), `eu.${NOVA_MICRO}`, 'Nova Micro')],
      },
    ],
  },
  {
    // The clock decides the phase: on 2026-03-01 Claude 3.5 Sonnet v2 was Legacy, not yet past end of life.
    code: modelId(SONNET_35_V2),
    settings: bedrockSettings({ now: '2026-03-01' }),
    output: null,
    errors: [
      {
        messageId: 'legacy',
        data: phaseData(SONNET_35_V2, '', '2026-01-30', '2026-07-30', 'Claude Sonnet 4.6', { except: ' except in us-east-2' }),
        ...at(1, SONNET_35_V2),
        suggestions: sonnet46('', 'eu', 'us', 'global'),
      },
    ],
  },
];

