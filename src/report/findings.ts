/**
 * Turns a verdict into what a rule reports: a message ID with its data, the certain fix, and
 * suggestions. Shared by the ESLint rules and the CLI checker, so both report the same findings.
 */
import type { Choice, Verdict } from '../classifier/classify.js';
import type { Registry } from '../registry/registry.js';
import { formatMessage, MESSAGES, type RuleName } from './messages.js';

export interface SuggestionFinding {
  readonly messageId: string;
  readonly data: Readonly<Record<string, string>>;
  /** The full new string value. */
  readonly text: string;
}

export interface Finding {
  readonly ruleName: RuleName;
  readonly messageId: string;
  readonly data: Readonly<Record<string, string>>;
  /** The full new string value of the certain fix, or null. */
  readonly fix: string | null;
  readonly suggestions: readonly SuggestionFinding[];
}

/** Rules about how a model is invoked; quiet where a string names a model as a resource. */
const INVOCATION_RULES: ReadonlySet<RuleName> = new Set(['require-inference-profile', 'valid-inference-profile']);

export interface FindingOptions {
  /**
   * The string names a model as a resource or compares against one (IAM policies, control-plane
   * calls such as GetFoundationModel, `id === '...'`): the invocation rules stay quiet.
   */
  readonly resource?: boolean;
  /** no-legacy-model: report only models past end of life. */
  readonly onlyEndOfLife?: boolean;
  /** no-unknown-model: report Anthropic first-party names (the file talks to Bedrock). */
  readonly firstPartyNames?: boolean;
}

/** `a`, `a or b`, `a, b or c` (at most `max` items, then `and N more`). */
export function listText(items: readonly string[], conjunction = 'or', max = 6): string {
  if (items.length === 0) return '';
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  if (shown.length === 1) return shown[0]!;
  return `${shown.slice(0, -1).join(', ')} ${conjunction} ${shown.at(-1)}`;
}

const modelName = (verdict: Verdict): string => verdict.model?.name ?? verdict.ref.modelId;
/** ` (Claude Sonnet 4.5)` after an ID, or nothing when the name is not known. */
const nameAfterId = (name: string | null | undefined): string => (name ? ` (${name})` : '');

const reach = (choice: Choice): string =>
  choice.geo === 'global'
    ? 'routes to any commercial region; it changes where data is processed'
    : `callable from ${listText(choice.sourceRegions)}`;

const profileSuggestion = (choice: Choice): SuggestionFinding => ({
  messageId: 'useProfile',
  data: { id: choice.id, geo: choice.geo ?? '', reach: reach(choice) },
  text: choice.text,
});

const geographyList = (registry: Registry): string => [...registry.geographies.keys()].sort().join(', ');

/** What `ruleName` reports for a verdict, or null when it has nothing to say. */
export function findingFor(
  ruleName: RuleName,
  verdict: Verdict,
  registry: Registry,
  options: FindingOptions = {},
): Finding | null {
  if (options.resource && INVOCATION_RULES.has(ruleName)) return null;
  switch (ruleName) {
    case 'require-inference-profile':
      return requireInferenceProfile(verdict);
    case 'valid-inference-profile':
      return validInferenceProfile(verdict, registry);
    case 'no-legacy-model':
      return noLegacyModel(verdict, registry, options);
    case 'no-unknown-model':
      return noUnknownModel(verdict, registry, options);
  }
}

function requireInferenceProfile(verdict: Verdict): Finding | null {
  const found = verdict.profileRequired;
  if (!found) return null;
  let where: string;
  if (found.regionsKnown) where = `in ${listText(found.failingRegions)}`;
  else if (found.onDemandRegions.length === 0) where = 'in any region';
  else where = `in most regions (on demand only in ${listText(found.onDemandRegions)})`;
  // Name an example only where the region decides it; otherwise the prefix is the caller's choice.
  const example = found.fix ?? (found.regionsKnown && found.choices.length === 1 ? found.choices[0] : undefined);
  return {
    ruleName: 'require-inference-profile',
    messageId: 'profileRequired',
    data: {
      id: verdict.ref.raw,
      awsModelId: verdict.ref.modelId,
      model: nameAfterId(verdict.model?.name),
      where,
      example: example ? ` such as '${example.id}'` : ' (its prefix depends on the region the call is made from)',
    },
    fix: found.fix?.text ?? null,
    suggestions: found.choices.map(profileSuggestion),
  };
}

function validInferenceProfile(verdict: Verdict, registry: Registry): Finding | null {
  const found = verdict.invalidProfile;
  if (!found) return null;
  const suggestions = found.choices.map((choice) =>
    choice.geo === null
      ? {
          messageId: 'useBareId',
          data: { id: choice.id, regions: listText(verdict.regions ?? []) },
          text: choice.text,
        }
      : profileSuggestion(choice),
  );
  const base = { ruleName: 'valid-inference-profile' as const, fix: found.fix?.text ?? null, suggestions };
  const id = verdict.ref.raw;
  const geo = verdict.ref.geo ?? '';
  switch (found.reason) {
    case 'no-such-profile': {
      const existing = (registry.profilesByModel.get(verdict.ref.modelId) ?? []).filter((p) => !p.removed);
      const available = existing.length
        ? `; its profiles are ${listText(existing.map((p) => `'${p.geo}.'`), 'and')}`
        : '; it has no inference profile';
      return { ...base, messageId: 'noSuchProfile', data: { id, geo, model: modelName(verdict), available } };
    }
    case 'missing-geography':
      return { ...base, messageId: 'missingGeography', data: { id, geographies: geographyList(registry) } };
    case 'not-a-geography': {
      const geoHint = registry.regions.has(geo)
        ? ` ('${geo}' is a region; a profile ID starts with its geography)`
        : '';
      return { ...base, messageId: 'notAGeography', data: { id, geo, geoHint, geographies: geographyList(registry) } };
    }
    case 'region-cannot-call':
      return {
        ...base,
        messageId: 'regionCannotCall',
        data: {
          id,
          sourceRegions: listText(verdict.profile?.sourceRegions ?? []),
          regions: listText(verdict.regions ?? []),
        },
      };
  }
}

function noLegacyModel(verdict: Verdict, registry: Registry, options: FindingOptions): Finding | null {
  const found = verdict.lifecycle;
  if (!found) return null;
  if (options.onlyEndOfLife && found.phase !== 'eol') return null;
  const replacementName = found.replacement ? registry.models.get(found.replacement)?.name : undefined;
  // One way to write the replacement: name that ID. Several (a profile per geography): name the model.
  const named =
    found.choices.length === 1
      ? `'${found.choices[0]!.id}'`
      : found.choices.length > 1
        ? (replacementName ?? `'${found.replacement}'`)
        : '';
  const replacementHint = named
    ? found.phase === 'eol'
      ? ` Move to an active model, such as ${named}.`
      : `, such as ${named}`
    : found.phase === 'eol'
      ? ' Move to an active model.'
      : '';
  const data = {
    id: verdict.ref.raw,
    model: nameAfterId(verdict.model?.name),
    since: found.since ? ` since ${found.since}` : '',
    until: found.phase === 'legacy' && found.eolDate ? ` and reaches end of life on ${found.eolDate}` : '',
    asOf: registry.asOf,
    replacementHint,
  };
  return {
    ruleName: 'no-legacy-model',
    messageId: found.phase === 'eol' ? 'endOfLife' : 'legacy',
    data,
    fix: null,
    suggestions: found.choices.map((choice) => ({
      messageId: 'replace',
      data: { id: choice.id, model: nameAfterId(replacementName) },
      text: choice.text,
    })),
  };
}

function noUnknownModel(verdict: Verdict, registry: Registry, options: FindingOptions): Finding | null {
  const found = verdict.unknown;
  if (!found) return null;
  const suggestions = found.choices.map((choice) => ({
    messageId: 'didYouMean',
    data: { id: choice.id },
    text: choice.text,
  }));
  if (found.firstParty) {
    if (!options.firstPartyNames || !found.target) return null;
    return {
      ruleName: 'no-unknown-model',
      messageId: 'firstPartyName',
      data: { id: verdict.ref.raw, bedrockId: found.target },
      fix: null,
      suggestions,
    };
  }
  const didYouMean = found.choices.length ? ` Did you mean ${listText(found.choices.map((c) => `'${c.id}'`))}?` : '';
  return {
    ruleName: 'no-unknown-model',
    messageId: 'unknownModel',
    data: { id: verdict.ref.raw, asOf: registry.asOf, didYouMean },
    fix: null,
    suggestions,
  };
}

/** The text of a finding's message, as ESLint would print it. */
export function findingMessage(finding: Finding): string {
  const messages = MESSAGES[finding.ruleName] as Record<string, string>;
  return formatMessage(messages[finding.messageId] ?? finding.messageId, finding.data);
}

export function suggestionMessage(ruleName: RuleName, suggestion: SuggestionFinding): string {
  const messages = MESSAGES[ruleName] as Record<string, string>;
  return formatMessage(messages[suggestion.messageId] ?? suggestion.messageId, suggestion.data);
}
