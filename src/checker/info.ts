/**
 * `bedrock-lint info <id>`: what the snapshot knows about a model or profile ID (also in ARN or
 * LiteLLM form): the verdict per region, its inference profiles with their source and
 * destination regions, its lifecycle and dates, and the curated replacement. The verdicts and
 * the did-you-mean candidates for an ID the snapshot does not know are the classifier's.
 */
import { availabilityByRegion, classify, nearestModels, type RegionAvailability } from '../classifier/classify.js';
import { parseModelRef } from '../classifier/parse.js';
import type { ModelRecord, ProfileRecord, Registry } from '../registry/registry.js';
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
  };
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

export function describeId(input: string, registry: Registry, now: Date): ModelInfo | UnknownInfo {
  const text = input.trim();
  const unknown = (reason: string, didYouMean: string[]): UnknownInfo => ({ found: false, input: redact(text), reason, didYouMean });
  const ref = parseModelRef(text, registry);
  if (!ref) return unknown('it is not a Bedrock model or inference-profile ID', nearestUnderProviders(text, registry));
  if (ref.form === 'application-profile-arn') {
    return unknown('application inference profiles belong to an AWS account; the snapshot does not know them', []);
  }
  const model = registry.models.get(ref.modelId);
  if (!model) {
    const verdict = classify(text, registry, { now });
    if (verdict?.unknown?.target) {
      return unknown("it is Anthropic's own API name, not a Bedrock model ID", [verdict.unknown.target]);
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
    },
    replacement,
    ...regionVerdicts(model, registry),
    profiles: profiles.map(profileInfo),
    snapshotDate: registry.asOf,
  };
}

const VERDICT_LABELS: Record<RegionVerdict, string> = {
  'on-demand': 'on demand',
  'profile-only': 'profile only',
  'not-offered': 'not offered',
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
  const phase = { active: 'Active', legacy: 'Legacy', eol: 'End of life' }[lifecycle.phase];
  return dates.length ? `${phase} (${dates.join('; ')})` : phase;
}

/**
 * The text form of `info`. The input is the user's, and a snapshot given with --snapshot can hold
 * anything: each line is printed with its control characters escaped (src/util/escape.ts).
 */
export function formatInfo(info: ModelInfo | UnknownInfo): string {
  if (!info.found) {
    const hint = info.didYouMean.length ? ` Did you mean ${listText(info.didYouMean.map((id) => `'${id}'`))}?` : '';
    return `${escapeControl(`'${info.input}': ${info.reason}.${hint}`)}\n`;
  }
  const lines: string[] = [];
  const title = [info.name, info.provider && `(${info.provider})`].filter(Boolean).join(' ');
  lines.push(`${info.profileId ?? info.modelId}${title ? `  ${title}` : ''}`);
  if (info.profileId) lines.push(`Inference profile of ${info.modelId}`);
  lines.push(`Snapshot: ${info.snapshotDate}`, '', `Lifecycle: ${lifecycleText(info)}`);
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
  lines.push('', info.profiles.length ? 'Inference profiles:' : 'Inference profiles: none');
  for (const profile of info.profiles) {
    const marker = profile.id === info.profileId ? '* ' : '  ';
    lines.push(`${marker}${profile.id}${profile.removed ? '  (no longer listed by AWS)' : ''}`);
    lines.push(`    source regions:      ${profile.sourceRegions.join(', ')}`);
    lines.push(`    destination regions: ${profile.destinationRegions.join(', ')}`);
  }
  return `${lines.map(escapeControl).join('\n')}\n`;
}
