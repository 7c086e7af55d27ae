/**
 * `bedrock-lint info <id>`: what the snapshot knows about a model or profile ID (also in ARN or
 * LiteLLM form): the verdict per region, its inference profiles with their source and
 * destination regions, its lifecycle and dates, and the curated replacement. The verdicts and
 * the did-you-mean candidates for an ID the snapshot does not know are the classifier's.
 */
import { AWS_ERRORS, onDemandError } from '../classifier/aws-errors.js';
import { availabilityByRegion, classify, nearestModels, phaseOf, type RegionAvailability } from '../classifier/classify.js';
import { parseModelRef } from '../classifier/parse.js';
import type { ModelRecord, ProfileRecord, Registry } from '../registry/registry.js';
import type { Lifecycle } from '../registry/schema.js';
import { escapeControl } from '../util/escape.js';
import { listText } from '../util/list-text.js';
import { redact } from './redact.js';

export type RegionVerdict = RegionAvailability;

export interface ProfileInfo {
  id: string;
  geo: string;
  sourceRegions: string[];
  destinationRegions: string[];
  /** AWS stopped listing the profile. */
  removed: boolean;
}

export interface ModelInfo {
  found: true;
  input: string;
  modelId: string;
  /** The profile the input names, if it names one. */
  profileId: string | null;
  name: string | null;
  provider: string | null;
  /** A region the input states (an ARN's region). */
  inputRegion: string | null;
  lifecycle: {
    /** The phase the classifier judges today (the snapshot, a tombstone, or a curated pattern). */
    phase: 'active' | 'legacy' | 'eol';
    basis: 'snapshot' | 'removed' | 'curated' | null;
    status: string | null;
    legacyDate: string | null;
    publicExtendedAccessDate: string | null;
    eolDate: string | null;
    /** AWS stopped listing the model (last seen on `lastSeen`). */
    removed: boolean;
    lastSeen: string | null;
    /**
     * Regions whose own lifecycle differs from the model-wide one (a source states it per region):
     * the rules judge a call from there by it.
     */
    byRegion: Record<string, { phase: 'active' | 'legacy' | 'eol'; status: string | null; legacyDate: string | null; eolDate: string | null }>;
  };
  /** AWS's exact answers a call of this ID can get, by the situation that causes them. */
  awsErrors: { situation: string; message: string }[];
  /** The curated replacement, or the active model the classifier suggests moving to. */
  replacement: { modelId: string; note: string | null } | null;
  /** The verdict per region; null where the snapshot cannot say, with `regionsNote` saying why. */
  regions: Record<string, { verdict: RegionVerdict; profiles: string[] }> | null;
  regionsNote: string | null;
  profiles: ProfileInfo[];
  snapshotDate: string;
}

export interface UnknownInfo {
  found: false;
  input: string;
  reason: string;
  didYouMean: string[];
  /** AWS's exact answer to a call with this ID; null when the snapshot cannot know (an ID that may be newer). */
  awsError: string | null;
}

const MAX_SUGGESTIONS = 5;

const nearestIds = (modelId: string, registry: Registry): string[] => nearestModels(modelId, registry).map((m) => m.id);

/** Known models near an input that is not a model ID (`nova-lite`): the nearest under each provider. */
function nearestUnderProviders(input: string, registry: Registry): string[] {
  const lower = input.toLowerCase();
  return [...registry.providers].flatMap((provider) => nearestIds(`${provider}.${lower}`, registry)).slice(0, MAX_SUGGESTIONS);
}

function profileInfo(profile: ProfileRecord): ProfileInfo {
  return {
    id: profile.id,
    geo: profile.geo,
    sourceRegions: [...profile.sourceRegions],
    destinationRegions: [...profile.destinationRegions],
    removed: profile.removed ?? false,
  };
}

/** Why the snapshot says nothing about where a model can be invoked (see availabilityByRegion). */
function regionsNote(model: ModelRecord): string {
  if (model.removed) return `no longer listed by AWS (last seen ${model.lastSeen ?? 'on an unknown date'})`;
  if (!model.verified) return 'only third-party lists name this model; the snapshot has no verified region data for it';
  if (model.variantOf) return `a provisioned-throughput variant of ${model.variantOf}`;
  const endpoints = model.endpoints?.length ? ` (served by ${model.endpoints.join(', ')})` : '';
  return `the snapshot has no per-region data for it${endpoints}`;
}

function regionVerdicts(model: ModelRecord, registry: Registry): Pick<ModelInfo, 'regions' | 'regionsNote'> {
  const byRegion = availabilityByRegion(model, registry);
  if (!byRegion) return { regions: null, regionsNote: regionsNote(model) };
  const regions: NonNullable<ModelInfo['regions']> = {};
  for (const [region, { availability, profiles }] of byRegion) regions[region] = { verdict: availability, profiles: profiles.map((p) => p.id) };
  return { regions, regionsNote: null };
}

const phaseName = (lifecycle: Lifecycle, now: Date): 'active' | 'legacy' | 'eol' => phaseOf(lifecycle, now)?.phase ?? 'active';

/** Regions whose own lifecycle puts the model in another phase than the model-wide one. */
function lifecycleByRegion(model: ModelRecord, now: Date): ModelInfo['lifecycle']['byRegion'] {
  const modelWide = phaseName(model.lifecycle, now);
  const byRegion: ModelInfo['lifecycle']['byRegion'] = {};
  for (const region of Object.keys(model.regions).sort()) {
    const own = model.regions[region]?.lifecycle;
    if (!own || phaseName(own, now) === modelWide) continue;
    byRegion[region] = { phase: phaseName(own, now), status: own.status, legacyDate: own.legacyDate ?? null, eolDate: own.eolDate ?? null };
  }
  return byRegion;
}

/** AWS's answers to calls of a known model: on demand where it needs a profile, and past end of life. */
function awsErrorsOf(model: ModelRecord, regions: ModelInfo['regions'], phase: ModelInfo['lifecycle']['phase']): ModelInfo['awsErrors'] {
  const errors: ModelInfo['awsErrors'] = [];
  if (regions && Object.values(regions).some((r) => r.verdict === 'profile-only')) {
    errors.push({ situation: 'bare ID on demand in a profile-only region', message: onDemandError(model.id) });
  }
  if (phase === 'eol') errors.push({ situation: 'past end of life', message: AWS_ERRORS.endOfLife });
  return errors;
}

export function describeId(input: string, registry: Registry, now: Date): ModelInfo | UnknownInfo {
  const text = input.trim();
  const unknown = (reason: string, didYouMean: string[], awsError: string | null = AWS_ERRORS.invalidIdentifier): UnknownInfo => ({
    found: false,
    input: redact(text),
    reason,
    didYouMean,
    awsError,
  });
  const ref = parseModelRef(text, registry);
  // Not shaped like an ID: what AWS would answer depends on what was meant.
  if (!ref) return unknown('it is not a Bedrock model or inference-profile ID', nearestUnderProviders(text, registry), null);
  if (ref.form === 'application-profile-arn') {
    return unknown('application inference profiles belong to an AWS account; the snapshot does not know them', [], null);
  }
  const model = registry.models.get(ref.modelId);
  if (!model) {
    const verdict = classify(text, registry, { now });
    if (verdict?.unknown?.target) {
      return unknown("it is Anthropic's own API name, not a Bedrock model ID", [verdict.unknown.target]);
    }
    if (verdict?.unlisted) {
      const { asOf, ageDays, date } = verdict.unlisted;
      return unknown(
        `the snapshot of ${asOf} (${ageDays} days old) does not list it, and it may be a newer model${date ? ` (dated ${date})` : ''}; ` +
          'refresh the snapshot with `bedrock-lint sync`, or upgrade eslint-plugin-aws-bedrock',
        [],
        null,
      );
    }
    const near = verdict?.unknown?.choices.map((c) => c.id) ?? [];
    return unknown(`the snapshot of ${registry.asOf} does not know this model`, near.length ? near : nearestIds(ref.modelId, registry));
  }
  const profiles = registry.profilesByModel.get(model.id) ?? [];
  let profileId: string | null = null;
  if (ref.geo !== null) {
    profileId = `${ref.geo}.${model.id}`;
    if (!registry.profiles.has(profileId)) {
      const existing = profiles.filter((p) => !p.removed).map((p) => p.id);
      return unknown(`AWS defines no '${ref.geo}.' inference profile for ${model.name ?? model.id}`, existing);
    }
  }
  const judged = classify(model.id, registry, { now })?.lifecycle ?? null;
  const where = regionVerdicts(model, registry);
  const curated = registry.curated.replacements[model.id];
  const replacement = curated
    ? { modelId: curated.modelId, note: curated.note }
    : judged?.replacement
      ? { modelId: judged.replacement, note: null }
      : null;
  return {
    found: true,
    input: redact(text),
    modelId: model.id,
    profileId,
    name: model.name,
    provider: model.provider,
    inputRegion: ref.arnRegion,
    lifecycle: {
      phase: judged?.phase ?? 'active',
      basis: judged?.basis ?? null,
      status: model.lifecycle.status,
      legacyDate: model.lifecycle.legacyDate ?? null,
      publicExtendedAccessDate: model.lifecycle.publicExtendedAccessDate ?? null,
      eolDate: model.lifecycle.eolDate ?? null,
      removed: model.removed ?? false,
      lastSeen: model.lastSeen,
      byRegion: lifecycleByRegion(model, now),
    },
    awsErrors: awsErrorsOf(model, where.regions, judged?.phase ?? 'active'),
    replacement,
    ...where,
    profiles: profiles.map(profileInfo),
    snapshotDate: registry.asOf,
  };
}

const VERDICT_LABELS: Record<RegionVerdict, string> = {
  'on-demand': 'on demand',
  'profile-only': 'profile only',
  'not-offered': 'not offered',
  'not-scanned': 'no API data',
};

function lifecycleText(info: ModelInfo): string {
  const { lifecycle } = info;
  const dates = [
    lifecycle.legacyDate && `legacy from ${lifecycle.legacyDate}`,
    lifecycle.publicExtendedAccessDate && `public extended access from ${lifecycle.publicExtendedAccessDate}`,
    lifecycle.eolDate && `end of life on ${lifecycle.eolDate}`,
    lifecycle.removed && `AWS stopped listing it after ${lifecycle.lastSeen ?? 'an unknown date'}`,
    lifecycle.basis === 'curated' && 'from a curated pattern in rules-data/curated.json',
  ].filter(Boolean);
  const phase = PHASE_LABELS[lifecycle.phase];
  return dates.length ? `${phase} (${dates.join('; ')})` : phase;
}

const PHASE_LABELS = { active: 'Active', legacy: 'Legacy', eol: 'End of life' } as const;

/** `  Active in ap-south-1, eu-west-2` lines for the regions whose own lifecycle differs. */
function regionalLifecycleLines(info: ModelInfo): string[] {
  const byPhase = new Map<string, string[]>();
  for (const [region, { phase }] of Object.entries(info.lifecycle.byRegion)) {
    byPhase.set(phase, [...(byPhase.get(phase) ?? []), region]);
  }
  return [...byPhase].map(([phase, regions]) => `  ${PHASE_LABELS[phase as keyof typeof PHASE_LABELS]} in ${regions.join(', ')}`);
}

/**
 * The text form of `info`. The input is the user's, and a snapshot given with --snapshot can hold
 * anything: each line is printed with its control characters escaped (src/util/escape.ts).
 */
export function formatInfo(info: ModelInfo | UnknownInfo): string {
  if (!info.found) {
    const hint = info.didYouMean.length ? ` Did you mean ${listText(info.didYouMean.map((id) => `'${id}'`))}?` : '';
    const answer = info.awsError ? `\nAWS answers: ${info.awsError}` : '';
    return `${escapeControl(`'${info.input}': ${info.reason}.${hint}`)}${answer}\n`;
  }
  const lines: string[] = [];
  const title = [info.name, info.provider && `(${info.provider})`].filter(Boolean).join(' ');
  lines.push(`${info.profileId ?? info.modelId}${title ? `  ${title}` : ''}`);
  if (info.profileId) lines.push(`Inference profile of ${info.modelId}`);
  lines.push(`Snapshot: ${info.snapshotDate}`, '', `Lifecycle: ${lifecycleText(info)}`, ...regionalLifecycleLines(info));
  if (info.replacement) {
    lines.push(`Replacement: ${info.replacement.modelId}${info.replacement.note ? ` (${info.replacement.note})` : ''}`);
  }
  const byRegion = info.regions;
  if (info.inputRegion) {
    const region = byRegion?.[info.inputRegion];
    const verdict = region ? VERDICT_LABELS[region.verdict] : (info.regionsNote ?? 'a region the snapshot does not know');
    lines.push(`In ${info.inputRegion} (from the ARN): ${verdict}`);
  }
  if (byRegion) {
    lines.push('', 'Regions:');
    for (const verdict of Object.keys(VERDICT_LABELS) as RegionVerdict[]) {
      const regions = Object.keys(byRegion).filter((r) => byRegion[r]!.verdict === verdict);
      if (regions.length) lines.push(`  ${`${VERDICT_LABELS[verdict]} (${regions.length}):`.padEnd(19)} ${regions.join(', ')}`);
    }
  } else {
    lines.push('', `Regions: ${info.regionsNote}`);
  }
  if (info.awsErrors.length) {
    lines.push('', 'AWS answers:');
    for (const { situation, message } of info.awsErrors) lines.push(`  ${situation}: ${message}`);
  }
  lines.push('', info.profiles.length ? 'Inference profiles:' : 'Inference profiles: none');
  for (const profile of info.profiles) {
    const marker = profile.id === info.profileId ? '* ' : '  ';
    lines.push(`${marker}${profile.id}${profile.removed ? '  (no longer listed by AWS)' : ''}`);
    lines.push(`    source regions:      ${profile.sourceRegions.join(', ')}`);
    lines.push(`    destination regions: ${profile.destinationRegions.join(', ')}`);
  }
  return `${lines.map(escapeControl).join('\n')}\n`;
}
