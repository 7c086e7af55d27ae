/**
 * The change report of a sync: a markdown summary, fit for a pull-request body, of the models and
 * profiles added, removed, and changed (lifecycle, regions), and of the verdicts that change. The
 * verdicts come from the shared classifier and the rules of the core (`reportsOf`), the same as the ESLint rules, run on
 * the affected IDs in each region they concern, against the registries before and after.
 *
 * Everything from the API is written through ./markdown.ts (scrubbed, escaped), and the whole
 * report is scrubbed once more as it leaves: it is meant to be pasted where anyone can read it.
 */
import { classify } from '../classifier/classify.js';
import { buildRegistry, type Registry } from '../registry/registry.js';
import type { Curated, Lifecycle, ModelEntry, ProfileEntry, Snapshot } from '../registry/schema.js';
import { stableStringify } from '../registry/serialize.js';
import { reportsOf } from '../core/judge.js';
import type { RegionFailure } from './fetch.js';
import { scrub } from '../util/scrub.js';
import { mdCell, mdCode, mdText } from './markdown.js';
import { liveCount } from './safety.js';

export interface ReportInput {
  readonly before: Snapshot;
  readonly after: Snapshot;
  readonly curated: Curated;
  readonly refreshed: readonly string[];
  /** Regions that failed and kept their previous data (--allow-partial). */
  readonly failures: readonly RegionFailure[];
  /** The clock for lifecycle verdicts: the date of the sync. */
  readonly now: Date;
}

/** Items shown per section; GitHub caps a pull-request body at 65,536 characters. */
const MAX_ITEMS = 60;
const MAX_LENGTH = 60_000;

/** An entry of an ID-keyed record, never an inherited property (`constructor` is a model ID too). */
const own = <T>(record: Readonly<Record<string, T>>, id: string): T | undefined =>
  Object.hasOwn(record, id) ? record[id] : undefined;
const same = (a: unknown, b: unknown): boolean => stableStringify(a) === stableStringify(b);
const sorted = (items: Iterable<string>): string[] => [...items].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

function section(title: string, items: readonly string[], header: readonly string[] = []): string[] {
  if (!items.length) return [];
  const more = items.length - MAX_ITEMS;
  return [
    `### ${title} (${items.length})`,
    '',
    ...header,
    ...items.slice(0, MAX_ITEMS),
    ...(more > 0 ? ['', `… and ${more} more.`] : []),
    '',
  ];
}

function lifecycleText(lifecycle: Lifecycle): string {
  const dates = [
    ['start', lifecycle.startOfLifeDate],
    ['legacy', lifecycle.legacyDate],
    ['public extended access', lifecycle.publicExtendedAccessDate],
    ['end of life', lifecycle.eolDate],
  ]
    .filter(([, date]) => date)
    .map(([what, date]) => `${what} ${date}`);
  return `${mdText(lifecycle.status ?? 'unknown')}${dates.length ? ` (${dates.join(', ')})` : ''}`;
}

function regionsText(model: ModelEntry): string {
  const byTypes = new Map<string, string[]>();
  for (const region of sorted(Object.keys(model.regions))) {
    const types = mdText(model.regions[region]!.inferenceTypes.join('+')) || 'listed';
    byTypes.set(types, [...(byTypes.get(types) ?? []), region]);
  }
  return [...byTypes].map(([types, regions]) => `${types} in ${regions.join(', ')}`).join('; ') || 'no region';
}

/** `+a, b; −c; d: X → Y` for the per-region differences of a model. */
function modelRegionDiff(before: ModelEntry, after: ModelEntry): string {
  const parts: string[] = [];
  const types = (m: ModelEntry, r: string): string => mdText(m.regions[r]?.inferenceTypes.join('+') ?? '');
  const added = sorted(Object.keys(after.regions).filter((r) => !before.regions[r]));
  const removed = sorted(Object.keys(before.regions).filter((r) => !after.regions[r]));
  if (added.length) parts.push(`+ ${added.map((r) => `${r} (${types(after, r)})`).join(', ')}`);
  if (removed.length) parts.push(`− ${removed.join(', ')}`);
  for (const r of sorted(Object.keys(after.regions))) {
    if (before.regions[r] && types(before, r) !== types(after, r)) parts.push(`${r}: ${types(before, r)} → ${types(after, r)}`);
  }
  return parts.join('; ');
}

function listDiff(label: string, before: readonly string[], after: readonly string[]): string {
  const added = after.filter((r) => !before.includes(r));
  const removed = before.filter((r) => !after.includes(r));
  if (!added.length && !removed.length) return '';
  return `${label} ${[...(added.length ? [`+ ${added.join(', ')}`] : []), ...(removed.length ? [`− ${removed.join(', ')}`] : [])].join(' ')}`;
}

function profileText(profile: ProfileEntry): string {
  return `from ${profile.sourceRegions.join(', ') || 'no region'} to ${profile.destinationRegions.join(', ') || 'unknown regions'}`;
}

/** What the four rules say about a string in a region (null: region unknown), in one short text. */
function verdictText(text: string, registry: Registry, region: string | null, now: Date): string {
  const verdict = classify(text, registry, { regions: region ? [region] : null, now });
  if (!verdict) return 'ok';
  const findings = reportsOf(verdict, registry).map(
    ({ rule, report }) => `${rule.name} (${report.messageId}${report.fix ? ` → ${mdCell(report.fix)}` : ''})`,
  );
  return findings.join(', ') || 'ok';
}

/** Rows `ID | regions | before | after` for the strings naming the affected models. */
function verdictChanges(input: ReportInput, affected: ReadonlySet<string>): string[] {
  const path = '(sync)';
  const registries = [input.before, input.after].map((s) => buildRegistry(s, input.curated, path));
  const [before, after] = registries as [Registry, Registry];
  const rows = new Map<string, { id: string; was: string; now: string; regions: string[] }>();
  for (const modelId of sorted(affected)) {
    const texts = new Set([modelId]);
    const regions = new Set<string>();
    for (const registry of registries) {
      for (const r of Object.keys(registry.models.get(modelId)?.regions ?? {})) regions.add(r);
      for (const profile of registry.profilesByModel.get(modelId) ?? []) {
        texts.add(profile.id);
        for (const r of profile.sourceRegions) regions.add(r);
      }
    }
    for (const text of sorted(texts)) {
      for (const region of [null, ...sorted(regions)]) {
        const was = verdictText(text, before, region, input.now);
        const now = verdictText(text, after, region, input.now);
        if (was === now) continue;
        const key = `${text}\0${was}\0${now}`;
        const row = rows.get(key) ?? { id: text, was, now, regions: [] };
        row.regions.push(region ?? 'region unknown');
        rows.set(key, row);
      }
    }
  }
  return [...rows.values()].map((r) => `| ${mdCell(r.id)} | ${r.regions.join(', ')} | ${r.was} | ${r.now} |`);
}

const withoutLastSeen = (entry: ModelEntry | ProfileEntry): unknown => ({ ...entry, lastSeen: null });

/** The markdown change report of a sync. */
export function changeReport(input: ReportInput): string {
  const { before, after } = input;
  const affected = new Set<string>();
  const models = { added: [] as string[], removed: [] as string[], lifecycle: [] as string[], regions: [] as string[] };
  for (const id of sorted(Object.keys(after.models))) {
    const now = after.models[id]!;
    const was = own(before.models, id);
    const wasLive = was !== undefined && !was.removed;
    if (!now.removed && !wasLive) {
      const named = `${now.name ? ` ${mdText(now.name)}` : ''}${now.provider ? ` (${mdText(now.provider)})` : ''}`;
      models.added.push(`- ${mdCode(id)}${named}: ${regionsText(now)}`);
    } else if (now.removed && wasLive) {
      models.removed.push(`- ${mdCode(id)}: no longer listed; last seen ${now.lastSeen ?? 'before this sync'}`);
    } else if (was && !now.removed) {
      if (!same(was.lifecycle, now.lifecycle)) {
        models.lifecycle.push(`| ${mdCell(id)} | ${lifecycleText(was.lifecycle)} | ${lifecycleText(now.lifecycle)} |`);
      }
      const diff = modelRegionDiff(was, now);
      if (diff) models.regions.push(`- ${mdCode(id)}: ${diff}`);
    }
    if (!was || !same(withoutLastSeen(was), withoutLastSeen(now))) affected.add(id);
  }
  const profiles = { added: [] as string[], removed: [] as string[], changed: [] as string[] };
  for (const id of sorted(Object.keys(after.profiles))) {
    const now = after.profiles[id]!;
    const was = own(before.profiles, id);
    const wasLive = was !== undefined && !was.removed;
    if (!now.removed && !wasLive) profiles.added.push(`- ${mdCode(id)}: ${profileText(now)}`);
    else if (now.removed && wasLive) profiles.removed.push(`- ${mdCode(id)}: no longer listed; last seen ${now.lastSeen ?? 'before this sync'}`);
    else if (was && !now.removed) {
      const diff = [
        listDiff('sources', was.sourceRegions, now.sourceRegions),
        listDiff('destinations', was.destinationRegions, now.destinationRegions),
      ].filter(Boolean);
      if (diff.length) profiles.changed.push(`- ${mdCode(id)}: ${diff.join('; ')}`);
    }
    if (!was || !same(withoutLastSeen(was), withoutLastSeen(now))) affected.add(now.modelId);
  }

  const failed = input.failures.map((f) => `${f.region} (${mdText(f.cause)})`);
  const plural = input.refreshed.length === 1 ? '' : 's';
  const head = [
    '## Amazon Bedrock snapshot sync',
    '',
    `Refreshed ${input.refreshed.length} region${plural}: ${input.refreshed.join(', ') || 'none'}.`,
    ...(failed.length ? ['', `**Not refreshed** (previous data kept, marked \`refreshed: false\`): ${failed.join('; ')}.`] : []),
    '',
    `Live models: ${liveCount(before.models)} → ${liveCount(after.models)}; ` +
      `live profiles: ${liveCount(before.profiles)} → ${liveCount(after.profiles)}.`,
    '',
  ];
  const body = [
    ...section('Models added', models.added),
    ...section('Models removed (kept as tombstones)', models.removed),
    ...section('Lifecycle changes', models.lifecycle, ['| Model | Before | After |', '|---|---|---|']),
    ...section('Models whose regions changed', models.regions),
    ...section('Profiles added', profiles.added),
    ...section('Profiles removed (kept as tombstones)', profiles.removed),
    ...section('Profiles whose regions changed', profiles.changed),
    ...section('Verdicts that change', verdictChanges(input, affected), [
      '| ID | Regions | Before | After |',
      '|---|---|---|---|',
    ]),
  ];
  if (!body.length) body.push('No changes.', '');
  const text = scrub([...head, ...body].join('\n'));
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH)}\n\n… (report cut at ${MAX_LENGTH} characters)\n` : text;
}
