/**
 * The classifier: one string in, one verdict out. Pure: the answer depends only on the string,
 * the registry, the regions in play and the clock. Every rule, the CLI checker and sync's change
 * report ask it; none of them holds model knowledge of its own.
 */
import { createRequire } from '../util/builtins.js';
import { familyOf, type ModelRecord, type ProfileRecord, type Registry } from '../registry/registry.js';
import type { Lifecycle } from '../registry/schema.js';
import { isoDay } from '../util/day.js';
import { parseModelRef, rewrite, type ModelRef } from './parse.js';

/** Edit distance, loaded on first use: only did-you-mean suggestions for unknown IDs need it. */
let levenshtein: typeof import('fastest-levenshtein').distance | undefined;
const distance = (a: string, b: string): number =>
  (levenshtein ??= (createRequire(import.meta.url)('fastest-levenshtein') as typeof import('fastest-levenshtein')).distance)(a, b);

export interface ClassifyOptions {
  /** Regions the call is made from; null or empty when unknown. */
  readonly regions?: readonly string[] | null;
  /** The clock for lifecycle phases (tests inject one). Default: now. */
  readonly now?: Date;
}

/** A way to write a model ID that works: a profile ID, or the bare ID where on-demand works. */
export interface Choice {
  /** The full replacement string (with the original head: LiteLLM prefix or ARN head). */
  readonly text: string;
  /** The ID itself: `eu.anthropic.claude-...`. */
  readonly id: string;
  /** Geography of the profile, or null for a bare ID. */
  readonly geo: string | null;
  /** Regions the choice can be called from (a profile's source regions). */
  readonly sourceRegions: readonly string[];
}

export interface ProfileRequired {
  /** Regions in play where the bare ID fails on demand. */
  readonly failingRegions: readonly string[];
  /** Regions where the bare ID works on demand. */
  readonly onDemandRegions: readonly string[];
  /** Whether the regions in play were known, or assumed (every region offering the model). */
  readonly regionsKnown: boolean;
  /** Profiles that serve a failing region; geographies first, `global` last. */
  readonly choices: readonly Choice[];
  /** The certain fix: the one geography profile that serves every failing region. */
  readonly fix: Choice | null;
}

export type InvalidProfileReason =
  /** The prefix is a geography, but AWS defines no such profile for this model. */
  | 'no-such-profile'
  /** The prefix is not a geography at all (`ap.`, `us-east-1.`). */
  | 'not-a-geography'
  /** An inference-profile ARN whose ID has no geography prefix at all. */
  | 'missing-geography'
  /** The profile exists, but no region in play is among its source regions. */
  | 'region-cannot-call';

export interface InvalidProfile {
  readonly reason: InvalidProfileReason;
  readonly choices: readonly Choice[];
  readonly fix: Choice | null;
}

export type LifecyclePhase = 'legacy' | 'eol';

export interface LifecycleFinding {
  readonly phase: LifecyclePhase;
  /** Date the phase began (legacy date, or end-of-life date), if known. */
  readonly since: string | null;
  /** End-of-life date, for a legacy model. */
  readonly eolDate: string | null;
  /** Where the verdict comes from: the snapshot's lifecycle, a tombstone, or a curated pattern. */
  readonly basis: 'snapshot' | 'removed' | 'curated';
  /** The model to move to, if one is curated and still active. */
  readonly replacement: string | null;
  /** Ways to write the replacement that pass every other rule. */
  readonly choices: readonly Choice[];
}

export interface UnknownModel {
  /**
   * Known IDs close to the string, in the form it was written in: a bare ID for a bare ID, the
   * same geography's profile for a profile ID. For a first-party name, the ways to write its
   * Bedrock model that pass every rule.
   */
  readonly choices: readonly Choice[];
  /** The Bedrock model a first-party name stands for. */
  readonly target: string | null;
  /** True for an Anthropic first-party name (`claude-3-7-sonnet-20250219`). */
  readonly firstParty: boolean;
}

export interface Verdict {
  readonly ref: ModelRef;
  /** The base model, when the registry knows the model part exactly. */
  readonly model: ModelRecord | null;
  /** The profile, when the ID is a profile the registry knows. */
  readonly profile: ProfileRecord | null;
  /** Regions in play: given, from an ARN, or null when unknown. */
  readonly regions: readonly string[] | null;
  readonly profileRequired: ProfileRequired | null;
  readonly invalidProfile: InvalidProfile | null;
  readonly lifecycle: LifecycleFinding | null;
  readonly unknown: UnknownModel | null;
}

/** Classifies a string. Returns null for strings that are not model references. */
export function classify(text: string, registry: Registry, options: ClassifyOptions = {}): Verdict | null {
  const ref = parseModelRef(text, registry);
  if (!ref) return null;
  return classifyRef(ref, registry, options);
}

export function classifyRef(ref: ModelRef, registry: Registry, options: ClassifyOptions = {}): Verdict {
  const given = options.regions?.length ? options.regions : null;
  const regions = ref.arnRegion ? [ref.arnRegion] : given;
  const now = options.now ?? new Date();
  const empty = { profileRequired: null, invalidProfile: null, lifecycle: null, unknown: null };

  if (ref.form === 'application-profile-arn') {
    return { ref, model: null, profile: null, regions, ...empty };
  }
  if (ref.form === 'first-party') {
    const target = firstPartyTarget(ref.modelId, registry);
    if (!target) return { ref, model: null, profile: null, regions, ...empty };
    // Suggest a model that still works: the target, or its curated replacement past end of life.
    const retired = phaseOf(target.lifecycle, now)?.phase === 'eol';
    const usable = retired ? activeReplacement(target.id, null, registry, now) : target;
    const choices = usable ? writeModel(ref, usable, registry, regions, null) : [];
    return { ref, model: null, profile: null, regions, ...empty, unknown: { choices, target: target.id, firstParty: true } };
  }

  const model = registry.models.get(ref.modelId) ?? null;
  const profileId = ref.geo === null ? null : `${ref.geo}.${ref.modelId}`;
  const profile = profileId === null ? null : (registry.profiles.get(profileId) ?? null);

  const lifecycle = lifecycleOf(ref, model, registry, regions, now);
  if (!model) {
    const unknown = lifecycle ? null : unknownModel(ref, registry);
    return { ref, model, profile, regions, ...empty, lifecycle, unknown };
  }

  let profileRequired: ProfileRequired | null = null;
  let invalidProfile: InvalidProfile | null = null;
  if (ref.form === 'bare') {
    profileRequired = requireProfile(ref, model, registry, regions);
  } else if (ref.form === 'profile' || ref.form === 'inference-profile-arn') {
    invalidProfile = checkProfile(ref, model, profile, registry, regions);
  }
  return { ref, model, profile, regions, ...empty, profileRequired, invalidProfile, lifecycle };
}

// ---------------------------------------------------------------------------------------------
// Regions and profiles

const liveProfiles = (registry: Registry, modelId: string): readonly ProfileRecord[] =>
  (registry.profilesByModel.get(modelId) ?? []).filter((p) => !p.removed);

const onDemandIn = (model: ModelRecord, region: string): boolean =>
  model.regions[region]?.inferenceTypes.includes('ON_DEMAND') ?? false;

const serves = (profile: ProfileRecord, region: string): boolean => profile.sourceRegions.includes(region);

/** Regions where the bare ID works on demand. */
const onDemandRegionsOf = (model: ModelRecord): string[] =>
  Object.keys(model.regions).filter((r) => onDemandIn(model, r));

/**
 * Whether the snapshot's region records of a model can be believed: it is verified (not only
 * named by third-party lists), not a provisioned-throughput variant, and has region data.
 */
const knowsRegions = (model: ModelRecord): boolean =>
  model.verified && !model.variantOf && Object.keys(model.regions).length > 0;

export type RegionAvailability = 'on-demand' | 'profile-only' | 'not-offered';

/**
 * How a model's bare ID fares in each region the registry knows, as the profile rules judge it:
 * `on-demand` (it works), `profile-only` (only through the live profiles given, which serve the
 * region), `not-offered`. Null where the snapshot cannot say: a model AWS no longer lists, or one
 * whose region records cannot be believed (see knowsRegions).
 */
export function availabilityByRegion(
  model: ModelRecord,
  registry: Registry,
): Map<string, { availability: RegionAvailability; profiles: readonly ProfileRecord[] }> | null {
  if (model.removed || !knowsRegions(model)) return null;
  const live = liveProfiles(registry, model.id);
  const byRegion = new Map<string, { availability: RegionAvailability; profiles: readonly ProfileRecord[] }>();
  for (const region of [...registry.regions].sort()) {
    const profiles = live.filter((p) => serves(p, region));
    const availability = onDemandIn(model, region) ? 'on-demand' : profiles.length ? 'profile-only' : 'not-offered';
    byRegion.set(region, { availability, profiles });
  }
  return byRegion;
}

const toChoice = (ref: ModelRef, profile: ProfileRecord): Choice => ({
  text: rewrite(ref, profile.id),
  id: profile.id,
  geo: profile.geo,
  sourceRegions: profile.sourceRegions,
});

/**
 * The regions most code that reads AWS_REGION at run time runs in: where a bare ID is judged when
 * the code does not say its region (docs/rules/require-inference-profile.md).
 */
export const COMMON_REGIONS: readonly string[] = ['us-east-1', 'us-west-2'];

/**
 * Whether the bare ID fails for the code most likely to run it when the region is unknown: it
 * cannot be invoked on demand in any of COMMON_REGIONS, where a live profile serves it instead
 * (Claude Sonnet 4.6, DeepSeek-R1). A model that works on demand in one of them (Nova Pro in
 * us-east-1) is not reported until the region is set.
 */
function failsForMost(model: ModelRecord, registry: Registry): { offered: string[]; onDemand: string[] } | null {
  const live = liveProfiles(registry, model.id);
  const failsEverywhereCommon = COMMON_REGIONS.every((r) => !onDemandIn(model, r) && live.some((p) => serves(p, r)));
  return failsEverywhereCommon ? { offered: Object.keys(model.regions), onDemand: onDemandRegionsOf(model) } : null;
}

/**
 * The certain fix among choices: exactly one geography profile (never `global`, which changes
 * where data is processed) that serves every region in need.
 */
function certainFix(choices: readonly Choice[], needed: readonly string[]): Choice | null {
  const geo = choices.filter((c) => c.geo !== null && c.geo !== 'global');
  if (geo.length !== 1) return null;
  const only = geo[0]!;
  return needed.every((r) => only.sourceRegions.includes(r)) ? only : null;
}

function requireProfile(
  ref: ModelRef,
  model: ModelRecord,
  registry: Registry,
  regions: readonly string[] | null,
): ProfileRequired | null {
  if (!knowsRegions(model)) return null;
  const profiles = liveProfiles(registry, model.id);
  const onDemandRegions = onDemandRegionsOf(model);
  if (regions) {
    // A region where neither the bare ID nor any profile works does not offer the model at all:
    // not this rule's concern (no profile would help).
    const failing = regions.filter((r) => !onDemandIn(model, r) && profiles.some((p) => serves(p, r)));
    if (failing.length === 0) return null;
    const choices = profiles.filter((p) => failing.some((r) => serves(p, r))).map((p) => toChoice(ref, p));
    // The fix must serve every region in play, not only the failing ones: a region where the bare
    // ID works must keep working.
    return { failingRegions: failing, onDemandRegions, regionsKnown: true, choices, fix: certainFix(choices, regions) };
  }
  const most = failsForMost(model, registry);
  if (!most) return null;
  return {
    failingRegions: most.offered.filter((r) => !most.onDemand.includes(r)),
    onDemandRegions,
    regionsKnown: false,
    choices: profiles.map((p) => toChoice(ref, p)),
    fix: null,
  };
}

function checkProfile(
  ref: ModelRef,
  model: ModelRecord,
  profile: ProfileRecord | null,
  registry: Registry,
  regions: readonly string[] | null,
): InvalidProfile | null {
  const geo = ref.geo ?? '';
  if (profile) {
    if (profile.removed || !regions || regions.some((r) => serves(profile, r))) return null;
    const choices = liveProfiles(registry, model.id)
      .filter((p) => regions.some((r) => serves(p, r)))
      .map((p) => toChoice(ref, p));
    return { reason: 'region-cannot-call', choices, fix: certainFix(choices, regions) };
  }
  const reason: InvalidProfileReason =
    ref.geo === null ? 'missing-geography' : registry.geographies.has(geo) ? 'no-such-profile' : 'not-a-geography';
  const live = liveProfiles(registry, model.id);
  // A region written as the prefix (`us-east-1.`) says where the call is made from: it narrows
  // the choices, but only a region in play makes a fix certain.
  const hinted = regions ?? (registry.regions.has(geo) ? [geo] : null);
  const narrowed = hinted ? live.filter((p) => hinted.some((r) => serves(p, r))) : live;
  const serving = narrowed.length || regions ? narrowed : live;
  const choices = serving.map((p) => toChoice(ref, p));
  // Where the bare ID works on demand in the regions in play, dropping the prefix is a choice too.
  const onDemand = onDemandRegionsOf(model);
  const bareWorks = regions
    ? regions.every((r) => onDemandIn(model, r))
    : model.verified && onDemand.length > 0 && !failsForMost(model, registry);
  const all = bareWorks
    ? [...choices, { text: rewrite(ref, model.id), id: model.id, geo: null, sourceRegions: regions ?? onDemand }]
    : choices;
  return { reason, choices: all, fix: regions && !bareWorks ? certainFix(choices, regions) : null };
}

/**
 * Ways to write a model so that every rule accepts it in the regions in play: the bare ID where
 * it works on demand, else its profiles (the preferred geography first when it exists).
 */
export function writeModel(
  ref: ModelRef,
  model: ModelRecord,
  registry: Registry,
  regions: readonly string[] | null,
  preferredGeo: string | null,
): Choice[] {
  const bare: Choice = { text: rewrite(ref, model.id), id: model.id, geo: null, sourceRegions: [] };
  // A foundation-model ARN (IAM, control-plane calls) takes the bare ID only.
  if (ref.form === 'foundation-model-arn' || !knowsRegions(model)) return [bare];
  const needsProfile = regions
    ? regions.some((r) => !onDemandIn(model, r))
    : failsForMost(model, registry) !== null;
  if (!needsProfile && preferredGeo === null) return [bare];
  let profiles = liveProfiles(registry, model.id);
  if (regions) profiles = profiles.filter((p) => regions.some((r) => serves(p, r)));
  const preferred = profiles.find((p) => p.geo === preferredGeo);
  if (preferred) return [toChoice(ref, preferred)];
  if (!needsProfile) return [bare];
  return profiles.map((p) => toChoice(ref, p));
}

// ---------------------------------------------------------------------------------------------
// Lifecycle

/** The phase of a lifecycle on a day, or null when the model is active (or not yet legacy). */
export function phaseOf(
  lifecycle: Lifecycle,
  now: Date,
): { phase: LifecyclePhase; since: string | null; eolDate: string | null } | null {
  const today = isoDay(now);
  const eol = lifecycle.eolDate ?? null;
  const legacy = lifecycle.legacyDate ?? null;
  if (eol && today >= eol) return { phase: 'eol', since: eol, eolDate: eol };
  if (lifecycle.status === 'EOL' && !eol) return { phase: 'eol', since: null, eolDate: null };
  if (legacy && today < legacy) return null;
  if (legacy || lifecycle.status === 'LEGACY' || lifecycle.status === 'EOL') {
    return { phase: 'legacy', since: legacy, eolDate: eol };
  }
  return null;
}

function lifecycleOf(
  ref: ModelRef,
  model: ModelRecord | null,
  registry: Registry,
  regions: readonly string[] | null,
  now: Date,
): LifecycleFinding | null {
  const lowerId = ref.modelId.toLowerCase();
  let found: Omit<LifecycleFinding, 'replacement' | 'choices'> | null = null;
  let curatedReplacement: string | null = null;
  if (model) {
    const phase = phaseOf(model.lifecycle, now);
    if (phase) found = { ...phase, basis: 'snapshot' };
  }
  if (!found) {
    const name = lowerId.slice(ref.provider.length + 1);
    const pattern = registry.obsoletePatterns.find((p) => p.provider === ref.provider && name.includes(p.contains));
    if (pattern) {
      found = { phase: pattern.phase, since: pattern.since, eolDate: null, basis: 'curated' };
      curatedReplacement = pattern.replacement;
    }
  }
  if (!found && model?.removed) {
    found = { phase: 'eol', since: model.lastSeen, eolDate: null, basis: 'removed' };
  }
  if (!found) return null;

  const replacement = activeReplacement(model?.id ?? ref.modelId, curatedReplacement, registry, now);
  const choices = replacement ? writeModel(ref, replacement, registry, regions, ref.geo) : [];
  return { ...found, replacement: replacement?.id ?? null, choices };
}

/** Follows curated replacements until an active, known model; null if none. */
function activeReplacement(
  modelId: string,
  patternReplacement: string | null,
  registry: Registry,
  now: Date,
): ModelRecord | null {
  const seen = new Set<string>([modelId]);
  let next = registry.curated.replacements[modelId]?.modelId ?? patternReplacement;
  while (next && !seen.has(next)) {
    seen.add(next);
    const model = registry.models.get(next);
    if (!model) return null;
    if (model.verified && !model.removed && !phaseOf(model.lifecycle, now)) return model;
    next = registry.curated.replacements[next]?.modelId ?? null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Unknown IDs

/**
 * A dot before anything but a digit: a hostname, file name or property path (`amazon.com`,
 * `amazon.nova-config-1.json`, `meta.page1.title`, `anthropic.v1.messages`). Model names put a
 * dot only between digits (`gpt-5.4`, or a mistyped `claude-sonnet-4.5`).
 */
const NOT_A_MODEL_NAME = /\.\D/;

/**
 * Whether an unknown string is shaped enough like a model ID to report: a hyphenated name with a
 * digit, whose family (the name's first segment: `claude`, `nova`, `llama3`, `j2`) the provider
 * uses for a known model. `meta.h1`, `meta.og-image-2` and `amazon.s3-bucket-1` are not model IDs.
 */
function shapedLikeModelId(ref: ModelRef, registry: Registry): boolean {
  const name = ref.modelId.slice(ref.provider.length + 1);
  if (name.length < 3 || !/\d/.test(name) || !name.includes('-') || !/^[a-z0-9]/i.test(name)) return false;
  if (NOT_A_MODEL_NAME.test(name)) return false;
  return registry.families.has(`${ref.provider}.${familyOf(name.toLowerCase())}`);
}

const normalize = (id: string): string => id.toLowerCase().replace(/[._]/g, '-');

function unknownModel(ref: ModelRef, registry: Registry): UnknownModel | null {
  if (!shapedLikeModelId(ref, registry)) return null;
  const choices: Choice[] = [];
  for (const model of nearestModels(ref.modelId, registry)) {
    const id = ref.geo === null ? model.id : `${ref.geo}.${model.id}`;
    if (ref.geo !== null && !registry.profiles.has(id)) continue;
    choices.push({ text: rewrite(ref, id), id, geo: ref.geo, sourceRegions: [] });
  }
  return { choices, target: null, firstParty: false };
}

/** Models a did-you-mean can name, by provider, with their normalized IDs: built on first use. */
const suggestable = new WeakMap<Registry, Map<string, { model: ModelRecord; normalized: string }[]>>();

function suggestableModels(registry: Registry, provider: string): readonly { model: ModelRecord; normalized: string }[] {
  let byProvider = suggestable.get(registry);
  if (!byProvider) {
    byProvider = new Map();
    for (const model of registry.models.values()) {
      if (model.variantOf || !model.verified) continue;
      const list = byProvider.get(model.providerPrefix) ?? [];
      list.push({ model, normalized: normalize(model.id) });
      byProvider.set(model.providerPrefix, list);
    }
    suggestable.set(registry, byProvider);
  }
  return byProvider.get(provider) ?? [];
}

/** Up to three known models nearest to an unknown ID of the same provider. */
export function nearestModels(modelId: string, registry: Registry): ModelRecord[] {
  const wanted = normalize(modelId);
  const provider = modelId.slice(0, modelId.indexOf('.')).toLowerCase();
  const scored: { model: ModelRecord; score: number }[] = [];
  const limit = Math.max(2, Math.floor(wanted.length * 0.15));
  const longer = `${wanted}-`;
  for (const { model, normalized: known } of suggestableModels(registry, provider)) {
    let score: number;
    if (known === wanted) score = 0;
    else if (known.startsWith(longer)) score = 1 + (known.length - wanted.length) / 100;
    else {
      // The edit distance is at least the difference in length: most IDs are out of reach at once.
      if (Math.abs(known.length - wanted.length) > limit) continue;
      const d = distance(known, wanted);
      if (d > limit) continue;
      score = 2 + d;
    }
    scored.push({ model, score });
  }
  scored.sort((a, b) => a.score - b.score || (a.model.id < b.model.id ? -1 : 1));
  return scored.slice(0, 3).map((s) => s.model);
}

/** The Bedrock model for an Anthropic first-party name, if exactly one matches. */
function firstPartyTarget(name: string, registry: Registry): ModelRecord | null {
  const exact: ModelRecord[] = [];
  const dated: ModelRecord[] = [];
  for (const model of registry.models.values()) {
    if (model.providerPrefix !== 'anthropic' || model.variantOf || !model.verified) continue;
    const bedrockName = model.id.slice('anthropic.'.length).replace(/-v\d+(?::\d+)?$/, '');
    if (bedrockName === name) exact.push(model);
    else if (bedrockName.startsWith(`${name}-`) && /^\d{8}$/.test(bedrockName.slice(name.length + 1))) dated.push(model);
  }
  // Prefer an ID that bedrock-runtime serves (it has region data) over one only the OpenAI-compatible
  // endpoint knows: `claude-haiku-4-5` is `anthropic.claude-haiku-4-5-20251001-v1:0` for Converse.
  const served = (list: ModelRecord[]) => list.filter((m) => Object.keys(m.regions).length > 0);
  for (const list of [served(exact), served(dated), exact, dated]) if (list.length === 1) return list[0]!;
  return null;
}
