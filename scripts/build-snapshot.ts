/**
 * Builds rules-data/bedrock-snapshot.json from the public-documentation facts in
 * rules-data/sources/bedrock-facts.json. Deterministic: the same input gives the same bytes.
 *
 *   npm run build:snapshot            write the snapshot
 *   npm run build:snapshot -- --check exit 1 if the committed snapshot differs from a rebuild
 *
 * Once a team can reach AWS, `bedrock-lint sync` refreshes the same file from the live API.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseSnapshot, RULES_DATA_DIR } from '../src/registry/registry.js';
import type { ModelEntry, ModelRegion, ProfileEntry, Snapshot } from '../src/registry/schema.js';
import { SNAPSHOT_SCHEMA_VERSION } from '../src/registry/schema.js';
import { normalizeSnapshot, stableStringify } from '../src/registry/serialize.js';
import { writeFileAtomic } from '../src/util/atomic-write.js';
import { PACKAGE_ROOT } from '../src/util/package-root.js';

const ROOT = PACKAGE_ROOT;
const FACTS_PATH = resolve(RULES_DATA_DIR, 'sources/bedrock-facts.json');
const REGIONS_PATH = resolve(RULES_DATA_DIR, 'regions.json');
const OUT_PATH = resolve(RULES_DATA_DIR, 'bedrock-snapshot.json');

/**
 * The newest dated content among the inputs: the AWS model-lifecycle (Legacy) page copy holds
 * content from after 2026-09-07 (source `aws-ug-model-lifecycle-legacy-2026-09`); the newest
 * API-derived data is from 2026-08-21/22.
 */
const DATA_AS_OF = '2026-09-07';
/** Date of the newest API-derived listing (mirai73 snapshot); a model last seen before it was dropped. */
const API_AS_OF = '2026-08-21';
/** Date of the AWS docs copy that covers the regions the API dataset skipped. */
const DOCS_AS_OF = '2026-02-15';
/** Regions the API-derived dataset did not scan (see the facts README). */
const API_UNSCANNED = new Set(['me-central-1', 'me-south-1', 'us-gov-east-1', 'us-gov-west-1']);
/** The AWS docs copy whose in-Region table speaks for the regions the API data did not scan. */
const DOCS_REGIONS_SOURCE = 'aws-ug-models-regions-2026-02-15';
/** The API-derived listing whose per-region status is the newest word on a model's lifecycle. */
const API_LISTING = `mirai73-bedrock-models@${API_AS_OF}`;
/**
 * Dates of the lifecycle pages, for choosing between two rows of one region: the later page wins.
 * The mid-2026 copy is undated; it predates the "Legacy" page, whose content is after 2026-09-07.
 */
const LIFECYCLE_SOURCE_DATES: Record<string, string> = {
  'aws-ug-model-lifecycle-2026mid': '2026-06-01',
  'aws-ug-model-lifecycle-legacy-2026-09': DATA_AS_OF,
};
/** The lifecycle pages' state words, as the snapshot's statuses. */
const LIFECYCLE_STATES: Record<string, string> = { LEGACY: 'LEGACY', EOL_REACHED: 'EOL', ACTIVE: 'ACTIVE' };

/** Sources that are first-hand: AWS pages, Anthropic's docs, and datasets read off the live API. */
const isFirstHand = (sourceId: string): boolean =>
  /^(aws-|anthropic-docs-|mirai73-|kimnamu-)/.test(sourceId);

interface FactsModel {
  modelId: string;
  provider: string | null;
  name: string | null;
  inputModalities: string[] | null;
  outputModalities: string[] | null;
  onDemand: boolean | null;
  onDemandRegions: string[] | null;
  lifecycle: string | null;
  legacyDate: string | null;
  eolDate: string | null;
  publicExtendedAccessDate: string | null;
  endpoint: string | null;
  variantOf: string | null;
  apiFirstSeen?: string | null;
  apiLastSeen?: string | null;
  lifecycleByRegion?: FactsLifecycleRow[];
  regionEvidence?: Record<string, { inRegion?: string[]; listedRegions?: string[]; lifecycleStatus?: string }>;
  sourceIds: string[];
}

interface FactsLifecycleRow {
  regions: string[];
  legacyDate: string | null;
  eolDate: string | null;
  publicExtendedAccessDate: string | null;
  state: string;
  sourceId: string;
}

interface FactsProfile {
  profileId: string;
  geo: string;
  modelId: string;
  sourceRegions: string[] | null;
  destinationRegions: string[] | null;
  observedGlobalDestinations?: string[];
  status: string | null;
  apiFirstSeen: string | null;
  apiLastSeen: string | null;
  sourceIds: string[];
}

interface Facts {
  sources: { id: string; url_or_repo_path: string; what: string; seen_date_if_known: string | null }[];
  models: FactsModel[];
  profiles: FactsProfile[];
}

interface RegionsFile {
  regions: Record<string, { partition: string; commercial: boolean }>;
}

export function buildSnapshot(factsText: string, regionsText: string): Snapshot {
  const facts = JSON.parse(factsText) as Facts;
  const regionTable = (JSON.parse(regionsText) as RegionsFile).regions;
  const commercial = Object.keys(regionTable).filter((r) => regionTable[r]?.commercial);
  const excluded: { id: string; reason: string }[] = [];

  const models: Record<string, ModelEntry> = {};
  for (const m of facts.models) {
    if (!/^[a-z][a-z0-9-]*\.[a-z0-9]/.test(m.modelId)) {
      excluded.push({ id: m.modelId, reason: 'not a Bedrock model ID (no provider prefix); third-party list only' });
      continue;
    }
    const verified = m.sourceIds.some(isFirstHand);
    const removed = Boolean(m.apiLastSeen && m.apiLastSeen < API_AS_OF);
    models[m.modelId] = {
      provider: m.provider,
      name: m.name,
      inputModalities: m.inputModalities,
      outputModalities: m.outputModalities,
      streaming: null,
      lifecycle: {
        status: m.lifecycle,
        legacyDate: m.legacyDate,
        publicExtendedAccessDate: m.publicExtendedAccessDate,
        eolDate: m.eolDate,
      },
      regions: {},
      verified,
      ...(m.variantOf ? { variantOf: m.variantOf } : {}),
      ...(m.endpoint ? { endpoints: m.endpoint.split('+') } : {}),
      firstSeen: m.apiFirstSeen ?? null,
      lastSeen: m.apiLastSeen ?? null,
      ...(removed ? { removed: true } : {}),
      sources: m.sourceIds,
    };
  }

  const profiles: Record<string, ProfileEntry> = {};
  for (const p of facts.profiles) {
    const model = models[p.modelId];
    if (p.status === 'UNVERIFIED_THIRD_PARTY_ONLY') {
      excluded.push({ id: p.profileId, reason: 'profile listed only by third-party lists (LiteLLM, models.dev, Vercel AI SDK)' });
      continue;
    }
    if (!p.sourceRegions?.length) {
      excluded.push({ id: p.profileId, reason: 'no source regions in any first-hand source (API data never listed it)' });
      continue;
    }
    if (!model) {
      excluded.push({ id: p.profileId, reason: `its model ${p.modelId} is not in the snapshot` });
      continue;
    }
    const notListedAfter = /^NOT_LISTED_AFTER_(\d{4}-\d{2}-\d{2})$/.exec(p.status ?? '')?.[1];
    const destinations =
      p.destinationRegions?.includes('ALL_COMMERCIAL_REGIONS')
        ? (p.observedGlobalDestinations ?? commercial)
        : (p.destinationRegions ?? []);
    profiles[p.profileId] = {
      geo: p.geo,
      modelId: p.modelId,
      sourceRegions: p.sourceRegions,
      destinationRegions: destinations,
      firstSeen: p.apiFirstSeen,
      lastSeen: notListedAfter ?? p.apiLastSeen,
      ...(notListedAfter ? { removed: true } : {}),
      sources: p.sourceIds,
    };
  }

  // Per region: ON_DEMAND where the bare ID works, INFERENCE_PROFILE where a live profile can be
  // called from. A model whose on-demand support no source states gets no region entries, so no
  // rule judges its bare ID.
  for (const m of facts.models) {
    const model = models[m.modelId];
    if (!model || !model.verified || m.onDemand === null) continue;
    const add = (region: string, type: string): void => {
      const entry: ModelRegion = (model.regions[region] ??= { inferenceTypes: [] });
      entry.inferenceTypes.push(type);
    };
    for (const region of m.onDemandRegions ?? []) add(region, 'ON_DEMAND');
    // Where the API data never looked, the AWS documentation's in-Region table is the best word.
    for (const region of m.regionEvidence?.[DOCS_REGIONS_SOURCE]?.inRegion ?? []) {
      if (API_UNSCANNED.has(region) && !model.regions[region]?.inferenceTypes.includes('ON_DEMAND')) add(region, 'ON_DEMAND');
    }
    for (const profile of Object.values(profiles)) {
      if (profile.modelId !== m.modelId || profile.removed) continue;
      for (const region of profile.sourceRegions) add(region, 'INFERENCE_PROFILE');
    }
    addRegionalLifecycle(m, model);
  }

  const geographies: Snapshot['geographies'] = {};
  for (const profile of Object.values(profiles)) {
    (geographies[profile.geo] ??= { sourceRegions: [] }).sourceRegions.push(...profile.sourceRegions);
  }

  const regions: Snapshot['regions'] = {};
  for (const [name, info] of Object.entries(regionTable)) {
    const scanned = !API_UNSCANNED.has(name);
    regions[name] = { partition: info.partition, refreshedAt: scanned ? API_AS_OF : DOCS_AS_OF, apiListedAt: scanned ? API_AS_OF : null };
  }

  const sources: Snapshot['provenance']['sources'] = {};
  for (const s of facts.sources) {
    sources[s.id] = { url: s.url_or_repo_path, what: s.what, seen: s.seen_date_if_known };
  }

  const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
  const snapshot: Snapshot = {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    generatedAt: DATA_AS_OF,
    provenance: {
      kind: 'reference-facts',
      description:
        'Built by scripts/build-snapshot.ts from public AWS and Anthropic documentation and public ' +
        'datasets read off the ListFoundationModels/ListInferenceProfiles API (see sources). ' +
        `API-derived data is as of ${API_AS_OF}; GovCloud and Middle East regions come from the AWS docs copy of ${DOCS_AS_OF}. ` +
        'Models named only by third-party lists are kept with verified=false; such profiles are excluded.',
      inputs: [
        { path: relative(ROOT, FACTS_PATH), sha256: sha256(factsText) },
        { path: relative(ROOT, REGIONS_PATH), sha256: sha256(regionsText) },
      ],
      dataAsOf: DATA_AS_OF,
      sources,
      excluded,
    },
    regions,
    geographies,
    models,
    profiles,
  };
  return normalizeSnapshot(snapshot);
}

/**
 * Lifecycle per region, on the regions the model has entries for: the row of the newest lifecycle
 * page that names the region; else, for a model whose model-wide lifecycle is not plain ACTIVE,
 * the status of the newest API listing where it listed the region after the model-wide end of
 * life (AWS still listed it there, so the model-wide date does not hold there). Elsewhere the
 * model-wide lifecycle applies.
 */
function addRegionalLifecycle(m: FactsModel, model: ModelEntry): void {
  const rows = [...(m.lifecycleByRegion ?? [])].sort(
    (a, b) => (LIFECYCLE_SOURCE_DATES[a.sourceId] ?? '').localeCompare(LIFECYCLE_SOURCE_DATES[b.sourceId] ?? ''),
  );
  for (const row of rows) {
    const status = LIFECYCLE_STATES[row.state] ?? row.state;
    for (const region of row.regions) {
      const entry = model.regions[region];
      if (!entry) continue;
      entry.lifecycle = {
        status,
        legacyDate: row.legacyDate,
        publicExtendedAccessDate: row.publicExtendedAccessDate,
        eolDate: row.eolDate,
      };
    }
  }
  const listing = m.regionEvidence?.[API_LISTING];
  const modelWide = model.lifecycle;
  if (!listing?.lifecycleStatus || (modelWide.status === 'ACTIVE' && !modelWide.eolDate)) return;
  for (const region of listing.listedRegions ?? []) {
    const entry = model.regions[region];
    if (!entry || entry.lifecycle) continue;
    if (listing.lifecycleStatus === 'ACTIVE' && modelWide.eolDate && modelWide.eolDate <= API_AS_OF) {
      entry.lifecycle = { status: 'ACTIVE' };
    }
  }
}

function main(): void {
  const check = process.argv.includes('--check');
  const snapshot = buildSnapshot(readFileSync(FACTS_PATH, 'utf8'), readFileSync(REGIONS_PATH, 'utf8'));
  parseSnapshot(JSON.parse(JSON.stringify(snapshot)), OUT_PATH);
  const text = stableStringify(snapshot);
  if (check) {
    let current = '';
    try {
      current = readFileSync(OUT_PATH, 'utf8');
    } catch {
      // compared as empty below
    }
    if (current !== text) {
      console.error(`${relative(ROOT, OUT_PATH)} is out of date: run npm run build:snapshot`);
      process.exit(1);
    }
    console.log(`${relative(ROOT, OUT_PATH)} is up to date`);
    return;
  }
  writeFileAtomic(OUT_PATH, text);
  console.log(
    `wrote ${relative(ROOT, OUT_PATH)}: ${Object.keys(snapshot.models).length} models, ` +
      `${Object.keys(snapshot.profiles).length} profiles, ${snapshot.provenance.excluded.length} entries excluded`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) main();
