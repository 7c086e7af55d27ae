/**
 * `bedrock-lint info <id>`: what the snapshot knows about a model or profile ID (also in ARN or
 * LiteLLM form): the verdict per region, its inference profiles with their source and
 * destination regions, its lifecycle and dates, and the curated replacement. The verdicts read
 * the same records the classifier reads; an ID the snapshot does not know gets did-you-mean
 * candidates instead.
 */
import { distance } from 'fastest-levenshtein';
import { classify } from '../classifier/classify.js';
import { parseModelRef } from '../classifier/parse.js';
import type { ModelRecord, ProfileRecord, Registry } from '../registry/registry.js';
import { listText } from '../report/findings.js';
import { redact } from './redact.js';

export type RegionVerdict = 'on-demand' | 'profile-only' | 'not-offered';

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
  regions: Record<string, { verdict: RegionVerdict; profiles: string[] }>;
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

/** Known IDs like the input: containing it, else nearest by edit distance. */
function similarIds(input: string, registry: Registry): string[] {
  const wanted = input.toLowerCase();
  const ids = [...registry.models.values()].filter((m) => !m.variantOf).map((m) => m.id);
  const containing = ids.filter((id) => id.toLowerCase().includes(wanted));
  if (containing.length) return containing.sort().slice(0, MAX_SUGGESTIONS);
  const limit = Math.max(3, Math.floor(wanted.length * 0.3));
  return ids
    .map((id) => ({ id, d: distance(id.toLowerCase(), wanted) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1))
    .slice(0, MAX_SUGGESTIONS)
    .map((x) => x.id);
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

function regionVerdicts(model: ModelRecord, profiles: readonly ProfileRecord[], registry: Registry): ModelInfo['regions'] {
  const live = profiles.filter((p) => !p.removed);
  const regions: ModelInfo['regions'] = {};
  for (const region of [...registry.regions].sort()) {
    const serving = live.filter((p) => p.sourceRegions.includes(region)).map((p) => p.id);
    const onDemand = model.regions[region]?.inferenceTypes.includes('ON_DEMAND') ?? false;
    regions[region] = { verdict: onDemand ? 'on-demand' : serving.length ? 'profile-only' : 'not-offered', profiles: serving };
  }
  return regions;
}

export function describeId(input: string, registry: Registry, now: Date): ModelInfo | UnknownInfo {
  const text = input.trim();
  const unknown = (reason: string, didYouMean: string[]): UnknownInfo => ({ found: false, input: redact(text), reason, didYouMean });
  const ref = parseModelRef(text, registry);
  if (!ref) return unknown('it is not a Bedrock model or inference-profile ID', similarIds(text, registry));
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
    return unknown(`the snapshot of ${registry.asOf} does not know this model`, near.length ? near : similarIds(ref.modelId, registry));
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
    regions: regionVerdicts(model, profiles, registry),
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

export function formatInfo(info: ModelInfo | UnknownInfo): string {
  if (!info.found) {
    const hint = info.didYouMean.length ? ` Did you mean ${listText(info.didYouMean.map((id) => `'${id}'`))}?` : '';
    return `'${info.input}': ${info.reason}.${hint}\n`;
  }
  const lines: string[] = [];
  const title = [info.name, info.provider && `(${info.provider})`].filter(Boolean).join(' ');
  lines.push(`${info.profileId ?? info.modelId}${title ? `  ${title}` : ''}`);
  if (info.profileId) lines.push(`Inference profile of ${info.modelId}`);
  lines.push(`Snapshot: ${info.snapshotDate}`, '', `Lifecycle: ${lifecycleText(info)}`);
  if (info.replacement) {
    lines.push(`Replacement: ${info.replacement.modelId}${info.replacement.note ? ` (${info.replacement.note})` : ''}`);
  }
  if (info.inputRegion) {
    const region = info.regions[info.inputRegion];
    lines.push(`In ${info.inputRegion} (from the ARN): ${region ? VERDICT_LABELS[region.verdict] : 'a region the snapshot does not know'}`);
  }
  lines.push('', 'Regions:');
  for (const verdict of Object.keys(VERDICT_LABELS) as RegionVerdict[]) {
    const regions = Object.keys(info.regions).filter((r) => info.regions[r]!.verdict === verdict);
    if (regions.length) lines.push(`  ${`${VERDICT_LABELS[verdict]} (${regions.length}):`.padEnd(19)} ${regions.join(', ')}`);
  }
  lines.push('', info.profiles.length ? 'Inference profiles:' : 'Inference profiles: none');
  for (const profile of info.profiles) {
    const marker = profile.id === info.profileId ? '* ' : '  ';
    lines.push(`${marker}${profile.id}${profile.removed ? '  (no longer listed by AWS)' : ''}`);
    lines.push(`    source regions:      ${profile.sourceRegions.join(', ')}`);
    lines.push(`    destination regions: ${profile.destinationRegions.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
