/**
 * The classifier: one string in, one verdict out. Pure: the answer depends only on the string,
 * the registry, the regions in play and the clock. Every rule, the CLI checker and sync's change
 * report ask it; none of them holds model knowledge of its own.
 */
import type { ModelRecord, ProfileRecord, Registry } from '../registry/registry.js';
import type { Lifecycle } from '../registry/schema.js';
import { daysSince, isoDay } from '../util/day.js';
import { parseModelRef, rewrite, type ModelRef } from './parse.js';
import { didYouMean, firstPartyTarget, judgeUnlisted, type UnknownModel, type UnlistedModel } from './unknown.js';

export { nearestModels, RELEASE_GRACE_DAYS } from './unknown.js';
export type { NewerSign, UnknownModel, UnknownReason, UnlistedModel } from './unknown.js';

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
  | 'region-cannot-call'
  /** AWS stopped listing the profile (see `lastSeen`), while its model is not past end of life. */
  | 'withdrawn';

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
  /** The regions in play where the phase holds; null when the regions are not known. */
  readonly regions: readonly string[] | null;
  /**
   * When the regions are not known: the regions where the snapshot states a milder phase for the
   * model (AWS still listed it there), so that the verdict does not speak for them.
   */
  readonly notIn: readonly string[];
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
  /** An ID the snapshot does not list that is certainly wrong. */
  readonly unknown: UnknownModel | null;
  /** An ID the snapshot does not list that may be a model newer than the snapshot. */
  readonly unlisted: UnlistedModel | null;
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
  const empty = { profileRequired: null, invalidProfile: null, lifecycle: null, unknown: null, unlisted: null };

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
    const unknown: UnknownModel = { reason: 'first-party', choices, target: target.id, firstParty: true, date: null };
    return { ref, model: null, profile: null, regions, ...empty, unknown };
  }

  const model = registry.models.get(ref.modelId) ?? null;
  const profileId = ref.geo === null ? null : `${ref.geo}.${ref.modelId}`;
  const profile = profileId === null ? null : (registry.profiles.get(profileId) ?? null);

  const lifecycle = lifecycleOf(ref, model, registry, regions, now);
  if (!model) {
    const judged = lifecycle ? null : judgeUnlisted(ref, registry);
    if (judged?.kind === 'wrong') {
      const unknown: UnknownModel = {
        reason: judged.reason,
        choices: didYouMean(ref, registry),
        target: null,
        firstParty: false,
        date: judged.date,
      };
      return { ref, model, profile, regions, ...empty, lifecycle, unknown };
    }
    const unlisted: UnlistedModel | null = judged && {
      sign: judged.sign,
      date: judged.date,
      asOf: registry.asOf,
      listedAsOf: registry.listedAsOf,
      ageDays: Math.max(0, daysSince(registry.asOf, now)),
    };
    return { ref, model, profile, regions, ...empty, lifecycle, unlisted };
  }

  let profileRequired: ProfileRequired | null = null;
  let invalidProfile: InvalidProfile | null = null;
  if (ref.form === 'bare') {
    profileRequired = requireProfile(ref, model, registry, regions);
  } else if (ref.form === 'profile' || ref.form === 'inference-profile-arn') {
    // A profile of a model past end of life is the lifecycle rules' concern, withdrawn or not.
    const retired = lifecycle?.phase === 'eol';
    invalidProfile = checkProfile(ref, model, profile, registry, regions, retired);
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

/**
 * Whether the snapshot can tell that a bare ID fails in a region: an API listing covered it. In
 * a region only documentation speaks for, the absence of ON_DEMAND is missing data, not a fact.
 */
const failsIn = (model: ModelRecord, region: string, registry: Registry): boolean =>
  registry.apiRegions.has(region) && !onDemandIn(model, region);

/**
 * Whether the snapshot cannot tell if a profile is callable from a region: no API listing covered
 * the region, and the profile's geography does serve it. (A geography that never serves the
 * region, such as `us.` from `eu-west-1`, is a fact of the geography, not of a listing.)
 */
const unsureIfServes = (profile: ProfileRecord, region: string, registry: Registry): boolean =>
  !registry.apiRegions.has(region) && (registry.geographies.get(profile.geo)?.has(region) ?? false);

/** Regions where the bare ID works on demand. */
const onDemandRegionsOf = (model: ModelRecord): string[] =>
  Object.keys(model.regions).filter((r) => onDemandIn(model, r));

/**
 * Whether the snapshot's region records of a model can be believed: it is verified (not only
 * named by third-party lists), not a provisioned-throughput variant, and has region data.
 */
const knowsRegions = (model: ModelRecord): boolean =>
  model.verified && !model.variantOf && Object.keys(model.regions).length > 0;

export type RegionAvailability = 'on-demand' | 'profile-only' | 'not-offered' | 'not-scanned';

/**
 * How a model's bare ID fares in each region the registry knows, as the profile rules judge it:
 * `on-demand` (it works), `profile-only` (only through the live profiles given, which serve the
 * region), `not-offered`, or `not-scanned` (no API data for the region and no documented
 * in-Region support: the snapshot cannot say; the live profiles given serve it). Null where the
 * snapshot cannot say for any region: a model AWS no longer lists, or one whose region records
 * cannot be believed (see knowsRegions).
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
    const availability = onDemandIn(model, region)
      ? 'on-demand'
      : !registry.apiRegions.has(region)
        ? 'not-scanned'
        : profiles.length
          ? 'profile-only'
          : 'not-offered';
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
    const failing = regions.filter((r) => failsIn(model, r, registry) && profiles.some((p) => serves(p, r)));
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

/** Live profiles of a model that serve a region in play (all of them when the regions are not known). */
function servingChoices(ref: ModelRef, model: ModelRecord, registry: Registry, regions: readonly string[] | null): Choice[] {
  const live = liveProfiles(registry, model.id);
  return (regions ? live.filter((p) => regions.some((r) => serves(p, r))) : live).map((p) => toChoice(ref, p));
}

/**
 * The profiles offered for a profile ID that does not work, and the bare ID where it works on
 * demand in the regions in play (for a profile that exists but cannot be used, only when no
 * other profile serves: the caller chose a profile). The fix is certain only where the regions
 * are known, the bare ID is no alternative, and one geography profile serves them all.
 */
function offer(
  ref: ModelRef,
  model: ModelRecord,
  registry: Registry,
  regions: readonly string[] | null,
  profiles: Choice[],
  bareOnlyAsLastResort = false,
) {
  const onDemand = onDemandRegionsOf(model);
  const bareWorks =
    (!bareOnlyAsLastResort || profiles.length === 0) &&
    (regions ? regions.every((r) => onDemandIn(model, r)) : model.verified && onDemand.length > 0 && !failsForMost(model, registry));
  const choices = bareWorks
    ? [...profiles, { text: rewrite(ref, model.id), id: model.id, geo: null, sourceRegions: regions ?? onDemand }]
    : profiles;
  return { choices, fix: regions && !bareWorks ? certainFix(profiles, regions) : null };
}

function checkProfile(
  ref: ModelRef,
  model: ModelRecord,
  profile: ProfileRecord | null,
  registry: Registry,
  regions: readonly string[] | null,
  retired: boolean,
): InvalidProfile | null {
  const geo = ref.geo ?? '';
  if (profile?.removed) {
    if (retired) return null;
    return { reason: 'withdrawn', ...offer(ref, model, registry, regions, servingChoices(ref, model, registry, regions), true) };
  }
  if (profile) {
    if (!regions || regions.some((r) => serves(profile, r) || unsureIfServes(profile, r, registry))) return null;
    return { reason: 'region-cannot-call', ...offer(ref, model, registry, regions, servingChoices(ref, model, registry, regions), true) };
  }
  const reason: InvalidProfileReason =
    ref.geo === null ? 'missing-geography' : registry.geographies.has(geo) ? 'no-such-profile' : 'not-a-geography';
  const live = liveProfiles(registry, model.id);
  // A region written as the prefix (`us-east-1.`) says where the call is made from: it narrows
  // the choices, but only a region in play makes a fix certain.
  const hinted = regions ?? (registry.regions.has(geo) ? [geo] : null);
  const narrowed = hinted ? live.filter((p) => hinted.some((r) => serves(p, r))) : live;
  const serving = narrowed.length || regions ? narrowed : live;
  return { reason, ...offer(ref, model, registry, regions, serving.map((p) => toChoice(ref, p))) };
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
    ? regions.some((r) => failsIn(model, r, registry))
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

/** The lifecycle of a model in a region: the region's own where a source states one, else the model-wide one. */
const lifecycleIn = (model: ModelRecord, region: string): Lifecycle => model.regions[region]?.lifecycle ?? model.lifecycle;

type Phase = NonNullable<ReturnType<typeof phaseOf>>;
const severity = (phase: Phase | null): number => (phase === null ? 0 : phase.phase === 'eol' ? 2 : 1);

/**
 * The snapshot's phase of a model in the regions in play: the most severe among them (a call
 * from that region fails first), with the regions where it holds. When the regions are not
 * known, the model-wide phase, with the regions whose own lifecycle is milder set apart.
 */
function phaseInRegions(
  model: ModelRecord,
  regions: readonly string[] | null,
  now: Date,
): (Phase & Pick<LifecycleFinding, 'regions' | 'notIn'>) | null {
  if (regions) {
    let worst: Phase | null = null;
    let where: string[] = [];
    for (const region of regions) {
      const phase = phaseOf(lifecycleIn(model, region), now);
      if (severity(phase) > severity(worst)) [worst, where] = [phase, [region]];
      else if (phase && severity(phase) === severity(worst)) where.push(region);
    }
    return worst && { ...worst, regions: where, notIn: [] };
  }
  const phase = phaseOf(model.lifecycle, now);
  if (!phase) return null;
  const notIn = Object.keys(model.regions)
    .filter((region) => {
      const own = model.regions[region]?.lifecycle;
      return own !== undefined && severity(phaseOf(own, now)) < severity(phase);
    })
    .sort();
  return { ...phase, regions: null, notIn };
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
  const everywhere = { regions, notIn: [] };
  if (model) {
    const phase = phaseInRegions(model, regions, now);
    if (phase) found = { ...phase, basis: 'snapshot' };
  }
  if (!found) {
    const name = lowerId.slice(ref.provider.length + 1);
    const pattern = registry.obsoletePatterns.find((p) => p.provider === ref.provider && name.includes(p.contains));
    if (pattern) {
      found = { phase: pattern.phase, since: pattern.since, eolDate: null, basis: 'curated', ...everywhere };
      curatedReplacement = pattern.replacement;
    }
  }
  if (!found && model?.removed) {
    found = { phase: 'eol', since: model.lastSeen, eolDate: null, basis: 'removed', ...everywhere };
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
