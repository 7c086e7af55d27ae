/**
 * Merge: folds the listings of the regions scanned in one sync into the previous snapshot.
 *
 * - Regions scanned: their per-region data is replaced by what the API says now. Regions not
 *   scanned (and regions that failed under --allow-partial, marked `refreshed: false`) keep theirs.
 * - Per model: per-region inference types and lifecycle; name, provider, modalities and streaming
 *   from one listing (us-east-1 first); the model-wide lifecycle from the us-east-1 entry (else the
 *   first region that has one), over the previous one, so dates only documents gave survive.
 * - Per profile: source regions = the regions whose listing contains it; destination regions =
 *   the regions of its model ARNs.
 * - Tombstones: a model or profile that no region lists any more keeps its last data, gets
 *   `removed: true`, and keeps the `lastSeen` of the last sync that saw it. Nothing is deleted.
 * - Date stamps (`lastSeen`, `refreshedAt`, `generatedAt`, `dataAsOf`) are set to `today`;
 *   `safety.sameContent` ignores them, so a file is only rewritten when the data changes.
 * - IDs are data, not property names: every record keyed by an ID has no prototype (`dict`), so
 *   a model called `__proto__` or `constructor` is an entry like any other.
 */
import { SNAPSHOT_SCHEMA_VERSION, type ModelEntry, type ProfileEntry, type Snapshot } from '../registry/schema.js';
import { normalizeSnapshot } from '../registry/serialize.js';
import type { ApiModel, ApiProfile, RegionListing } from './fetch.js';
import { commercialRegions, type RegionTable } from './regions.js';

/** Source ID of the data a sync reads, in `provenance.sources` and each entry's `sources`. */
export const API_SOURCE_ID = 'aws-bedrock-api';

/** Preferred region for model-wide fields, then alphabetical order. */
const LEAD_REGION = 'us-east-1';
const INFERENCE_PROFILE = 'INFERENCE_PROFILE';

export interface MergeInput {
  /** The snapshot to merge into; null starts an empty one. */
  readonly previous: Snapshot | null;
  /** Listings of the regions that answered. */
  readonly listings: readonly RegionListing[];
  /** Regions that failed and keep their previous data (--allow-partial). */
  readonly failedRegions: readonly string[];
  readonly regionTable: RegionTable;
  /** The date of the sync, YYYY-MM-DD. */
  readonly today: string;
}

const DESCRIPTION =
  'Refreshed by `bedrock-lint sync` from the Amazon Bedrock control-plane API (ListFoundationModels, and ' +
  'ListInferenceProfiles of type SYSTEM_DEFINED) in the regions whose refreshedAt is set; data of other ' +
  'regions comes from the snapshot the sync started from. Models and profiles AWS stopped listing are kept ' +
  'with removed=true and the lastSeen date of the last sync that saw them.';

/**
 * A record without a prototype, holding `from`'s own entries: `record[id]`, `id in record` and
 * `record[id] ??= ...` see only entries, never `Object.prototype` (`__proto__`, `constructor`).
 */
export const dict = <T>(from: Readonly<Record<string, T>> = {}): Record<string, T> =>
  Object.assign(Object.create(null) as Record<string, T>, from);

/** A deep copy of a snapshot whose records keyed by IDs, regions or sources are dicts. */
export function ownSnapshot(snapshot: Snapshot): Snapshot {
  const copy = structuredClone(snapshot);
  copy.provenance.sources = dict(copy.provenance.sources);
  copy.regions = dict(copy.regions);
  copy.geographies = dict(copy.geographies);
  copy.models = dict(copy.models);
  copy.profiles = dict(copy.profiles);
  for (const model of Object.values(copy.models)) model.regions = dict(model.regions);
  return copy;
}

/** A snapshot with no data, the start of a new file. */
export function emptySnapshot(today: string): Snapshot {
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    generatedAt: today,
    provenance: { kind: 'aws-api', description: DESCRIPTION, inputs: [], dataAsOf: today, sources: dict(), excluded: [] },
    regions: dict(),
    geographies: dict(),
    models: dict(),
    profiles: dict(),
  };
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The region whose answer speaks for the whole model or profile: us-east-1, else the first. */
const leadRegion = (regions: Iterable<string>): string => {
  const list = [...regions].sort(byName);
  return list.includes(LEAD_REGION) ? LEAD_REGION : list[0]!;
};

/** id -> region -> item, over every listing. */
function indexListings<T extends { id: string }>(
  listings: readonly RegionListing[],
  pick: (listing: RegionListing) => readonly T[],
): Map<string, Map<string, T>> {
  const index = new Map<string, Map<string, T>>();
  for (const listing of listings) {
    for (const item of pick(listing)) {
      let byRegion = index.get(item.id);
      if (!byRegion) index.set(item.id, (byRegion = new Map()));
      byRegion.set(listing.region, item);
    }
  }
  return index;
}

/** The model a system-defined profile serves and its geography prefix (`jp` of `jp.<model>`). */
function profileTarget(id: string, profile: ApiProfile): { modelId: string; geo: string } {
  const modelId = profile.modelIds.find((m) => id.endsWith(`.${m}`)) ?? profile.modelIds[0] ?? id.slice(id.indexOf('.') + 1);
  const geo = id.endsWith(`.${modelId}`) ? id.slice(0, id.length - modelId.length - 1) : id.slice(0, id.indexOf('.'));
  return { modelId, geo };
}

const addSource = (entry: { sources: string[] }): void => {
  if (!entry.sources.includes(API_SOURCE_ID)) entry.sources.push(API_SOURCE_ID);
};

function newModel(): ModelEntry {
  return {
    provider: null,
    name: null,
    inputModalities: null,
    outputModalities: null,
    streaming: null,
    lifecycle: { status: null },
    regions: dict(),
    verified: true,
    firstSeen: null,
    lastSeen: null,
    sources: [],
  };
}

/** Name, provider, modalities and streaming from the lead listing; absent values keep the old ones. */
function applyListing(model: ModelEntry, api: ApiModel): void {
  model.name = api.name ?? model.name;
  model.provider = api.provider ?? model.provider;
  model.inputModalities = api.inputModalities ? [...api.inputModalities] : model.inputModalities;
  model.outputModalities = api.outputModalities ? [...api.outputModalities] : model.outputModalities;
  model.streaming = api.streaming ?? model.streaming;
}

/** The model-wide lifecycle: the lead region's, over the previous one. */
function applyLifecycle(model: ModelEntry): void {
  const withLifecycle = Object.keys(model.regions).filter((r) => model.regions[r]?.lifecycle);
  if (!withLifecycle.length) return;
  const lead = model.regions[leadRegion(withLifecycle)]!.lifecycle!;
  model.lifecycle = { ...model.lifecycle, ...lead };
}

/** `x-v1:0:28k` is a provisioned-throughput variant of `x-v1:0` when that model is known. */
function variantBase(id: string, known: (id: string) => boolean): string | undefined {
  const cut = id.lastIndexOf(':');
  const base = id.slice(0, cut);
  return cut > 0 && base.includes(':') && known(base) ? base : undefined;
}

export function mergeSnapshot(input: MergeInput): Snapshot {
  const { listings, failedRegions, regionTable, today } = input;
  const snapshot = ownSnapshot(input.previous ?? emptySnapshot(today));
  const scanned = new Set(listings.map((l) => l.region));
  const listedModels = indexListings(listings, (l) => l.models);
  const listedProfiles = indexListings(listings, (l) => l.profiles);

  mergeRegions(snapshot, scanned, failedRegions, regionTable, today);
  // Profiles first: they name models too (a profile-only model may be missing from a listing).
  const profileModels = mergeProfiles(snapshot, listedProfiles, scanned, regionTable, today);
  const seenModels = new Set([...listedModels.keys(), ...profileModels]);
  const previousRegions = refreshModels(snapshot, listedModels, seenModels, scanned, today);
  addProfileRoutes(snapshot, scanned);
  settleModels(snapshot, previousRegions, seenModels, scanned);

  snapshot.geographies = dict();
  for (const profile of Object.values(snapshot.profiles)) {
    (snapshot.geographies[profile.geo] ??= { sourceRegions: [] }).sourceRegions.push(...profile.sourceRegions);
  }
  const provenance = snapshot.provenance;
  provenance.kind = 'aws-api';
  provenance.description = DESCRIPTION;
  provenance.dataAsOf = today;
  provenance.sources[API_SOURCE_ID] = {
    url: 'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_ListFoundationModels.html',
    what: 'ListFoundationModels and ListInferenceProfiles (type SYSTEM_DEFINED) of the Amazon Bedrock control-plane API, read by bedrock-lint sync',
    seen: today,
  };
  provenance.excluded = provenance.excluded.filter((e) => !(e.id in snapshot.models) && !(e.id in snapshot.profiles));
  snapshot.generatedAt = today;
  return normalizeSnapshot(snapshot);
}

/**
 * Profiles: scanned source regions replaced by the listings; a profile no region lists any more
 * becomes a tombstone with its last source regions. Returns the models the listed profiles serve.
 */
function mergeProfiles(
  snapshot: Snapshot,
  listed: ReadonlyMap<string, ReadonlyMap<string, ApiProfile>>,
  scanned: ReadonlySet<string>,
  table: RegionTable,
  today: string,
): Set<string> {
  const previousSources = new Map<string, string[]>();
  for (const [id, profile] of Object.entries(snapshot.profiles)) {
    if (profile.removed && !listed.has(id)) continue;
    previousSources.set(id, profile.sourceRegions);
    profile.sourceRegions = profile.sourceRegions.filter((r) => !scanned.has(r));
  }
  const models = new Set<string>();
  for (const [id, byRegion] of listed) {
    const target = profileTarget(id, byRegion.get(leadRegion(byRegion.keys()))!);
    const old: ProfileEntry | undefined = snapshot.profiles[id];
    const kept = old?.sourceRegions ?? [];
    const fresh = [...byRegion.values()].flatMap((p) => p.destinationRegions);
    let destinations = kept.length ? [...fresh, ...(old?.destinationRegions ?? [])] : fresh;
    if (!destinations.length) {
      destinations = old?.destinationRegions ?? (target.geo === 'global' ? commercialRegions(table) : []);
    }
    snapshot.profiles[id] = {
      geo: target.geo,
      modelId: target.modelId,
      sourceRegions: [...kept, ...byRegion.keys()],
      destinationRegions: destinations,
      firstSeen: old?.firstSeen ?? today,
      lastSeen: today,
      sources: [...(old?.sources ?? []), API_SOURCE_ID],
    };
    models.add(target.modelId);
  }
  for (const [id, profile] of Object.entries(snapshot.profiles)) {
    const before = previousSources.get(id);
    if (listed.has(id) || !before?.length || profile.sourceRegions.length) continue;
    profile.sourceRegions = before;
    profile.removed = true;
  }
  return models;
}

/**
 * Models: scanned regions replaced by the listings, seen models created or revived. Returns the
 * region entries each live model had before, for `settleModels`.
 */
function refreshModels(
  snapshot: Snapshot,
  listed: ReadonlyMap<string, ReadonlyMap<string, ApiModel>>,
  seen: ReadonlySet<string>,
  scanned: ReadonlySet<string>,
  today: string,
): Map<string, ModelEntry['regions']> {
  const previousRegions = new Map<string, ModelEntry['regions']>();
  for (const [id, model] of Object.entries(snapshot.models)) {
    if (model.removed && !seen.has(id)) continue;
    previousRegions.set(id, { ...model.regions });
    for (const region of scanned) delete model.regions[region];
  }
  const known = (id: string): boolean => listed.has(id) || id in snapshot.models;
  for (const id of seen) {
    const model = (snapshot.models[id] ??= newModel());
    const byRegion = listed.get(id);
    for (const [region, api] of byRegion ?? []) {
      model.regions[region] = {
        inferenceTypes: [...api.inferenceTypes],
        ...(api.lifecycle ? { lifecycle: { ...api.lifecycle } } : {}),
      };
    }
    if (byRegion) applyListing(model, byRegion.get(leadRegion(byRegion.keys()))!);
    const base = model.variantOf ?? variantBase(id, known);
    if (base) model.variantOf = base;
    delete model.removed;
    model.verified = true;
    model.firstSeen ??= today;
    model.lastSeen = today;
    addSource(model);
  }
  return previousRegions;
}

/** Where a live profile can be called from (in the scanned regions), its model can be invoked through it. */
function addProfileRoutes(snapshot: Snapshot, scanned: ReadonlySet<string>): void {
  for (const profile of Object.values(snapshot.profiles)) {
    const model = snapshot.models[profile.modelId];
    if (profile.removed || !model) continue;
    for (const region of profile.sourceRegions) {
      if (!scanned.has(region)) continue;
      (model.regions[region] ??= { inferenceTypes: [] }).inferenceTypes.push(INFERENCE_PROFILE);
    }
  }
}

/** A model gone from every scanned region with nothing left elsewhere becomes a tombstone; others get their lifecycle. */
function settleModels(
  snapshot: Snapshot,
  previousRegions: ReadonlyMap<string, ModelEntry['regions']>,
  seen: ReadonlySet<string>,
  scanned: ReadonlySet<string>,
): void {
  for (const [id, model] of Object.entries(snapshot.models)) {
    if (model.removed) continue;
    const before = previousRegions.get(id) ?? {};
    const goneFromScan = !seen.has(id) && Object.keys(before).some((r) => scanned.has(r));
    if (goneFromScan && Object.keys(model.regions).length === 0) {
      model.regions = before;
      model.removed = true;
    } else {
      applyLifecycle(model);
    }
  }
}

function mergeRegions(
  snapshot: Snapshot,
  scanned: ReadonlySet<string>,
  failed: readonly string[],
  table: RegionTable,
  today: string,
): void {
  for (const [name, info] of Object.entries(table)) {
    snapshot.regions[name] ??= { partition: info.partition, refreshedAt: null };
  }
  for (const name of scanned) {
    snapshot.regions[name] = { partition: snapshot.regions[name]?.partition ?? table[name]?.partition ?? 'aws', refreshedAt: today };
  }
  for (const name of failed) {
    const old = snapshot.regions[name] ?? { partition: table[name]?.partition ?? 'aws', refreshedAt: null };
    snapshot.regions[name] = { ...old, refreshed: false };
  }
}
