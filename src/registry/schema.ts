/**
 * The schema of the two files under `rules-data/`:
 *
 * - `bedrock-snapshot.json`: generated (from AWS documentation facts, or by `bedrock-lint sync`
 *   from the AWS API). Never edited by hand.
 * - `curated.json`: written by people. Replacements, obsolete ID patterns and notes, each with a
 *   source. Sync never touches it.
 *
 * `docs/snapshot.md` documents every field. Enum-like values coming from AWS (inference types,
 * lifecycle status, modalities) are kept as open strings so that a new value from AWS never makes
 * a snapshot invalid.
 */
import * as v from 'valibot';

export const SNAPSHOT_SCHEMA_VERSION = 1;
export const CURATED_SCHEMA_VERSION = 1;

const IsoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'));
const RegionName = v.pipe(
  v.string(),
  v.regex(/^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/, 'expected an AWS region name such as us-east-1'),
);
const RegionList = v.array(RegionName);
const OpenString = v.pipe(v.string(), v.minLength(1));

export const LifecycleSchema = v.strictObject({
  /** ACTIVE, LEGACY, EOL, or any later value AWS introduces. null: no source states it. */
  status: v.nullable(OpenString),
  legacyDate: v.optional(v.nullable(IsoDate)),
  publicExtendedAccessDate: v.optional(v.nullable(IsoDate)),
  eolDate: v.optional(v.nullable(IsoDate)),
  startOfLifeDate: v.optional(v.nullable(IsoDate)),
});

export const ModelRegionSchema = v.strictObject({
  /** `inferenceTypesSupported` in this region: ON_DEMAND, INFERENCE_PROFILE, PROVISIONED, ... */
  inferenceTypes: v.array(OpenString),
  /** Lifecycle in this region, when a source states it per region. */
  lifecycle: v.optional(LifecycleSchema),
});

export const ModelSchema = v.strictObject({
  /** Provider display name, e.g. "Anthropic". */
  provider: v.nullable(v.string()),
  /** Model display name, e.g. "Claude Sonnet 4.5". */
  name: v.nullable(v.string()),
  inputModalities: v.nullable(v.array(OpenString)),
  outputModalities: v.nullable(v.array(OpenString)),
  streaming: v.nullable(v.boolean()),
  lifecycle: LifecycleSchema,
  /** Per region where the model is listed: how it can be invoked there. */
  regions: v.record(RegionName, ModelRegionSchema),
  /**
   * false when only third-party lists name the model: kept so that rules do not call it unknown,
   * but never used to claim anything about where or how it can be invoked.
   */
  verified: v.boolean(),
  /** Set for provisioned-throughput context variants such as `...:200k`. */
  variantOf: v.optional(v.string()),
  /** Which endpoint serves the ID: bedrock-runtime, bedrock-mantle (OpenAI-compatible), ... */
  endpoints: v.optional(v.array(OpenString)),
  firstSeen: v.nullable(IsoDate),
  lastSeen: v.nullable(IsoDate),
  /** Tombstone: AWS stopped listing the model. Kept so that the legacy rule still knows it. */
  removed: v.optional(v.boolean()),
  sources: v.array(v.string()),
});

export const ProfileSchema = v.strictObject({
  /** Geography prefix, e.g. "us", "eu", "apac", "jp", "au", "us-gov", "global". */
  geo: OpenString,
  modelId: OpenString,
  /** Regions from which the profile can be called. */
  sourceRegions: RegionList,
  /** Regions the profile routes to. Global profiles: every commercial region (see `geographies`). */
  destinationRegions: RegionList,
  firstSeen: v.nullable(IsoDate),
  lastSeen: v.nullable(IsoDate),
  removed: v.optional(v.boolean()),
  sources: v.array(v.string()),
});

export const RegionSchema = v.strictObject({
  /** aws, aws-us-gov, ... */
  partition: OpenString,
  /** Date the region's data was last refreshed from its source, null if never. */
  refreshedAt: v.nullable(IsoDate),
  /**
   * Date of the newest API listing (ListFoundationModels, ListInferenceProfiles) of this region;
   * null when no API data covered it, so that what the snapshot says of it comes from AWS
   * documentation alone (as of `refreshedAt`). Rules never claim that a bare ID fails in such a
   * region. Absent in snapshots written before the field: `refreshedAt` is then the API date.
   */
  apiListedAt: v.optional(v.nullable(IsoDate)),
  /** false when the last sync could not reach the region and kept its previous data. */
  refreshed: v.optional(v.boolean()),
});

export const GeographySchema = v.strictObject({
  /** Union of the source regions of this geography's profiles. */
  sourceRegions: RegionList,
});

export const SourceSchema = v.strictObject({
  url: v.string(),
  what: v.string(),
  seen: v.nullable(v.string()),
});

export const ProvenanceSchema = v.strictObject({
  /** "reference-facts" (built from documentation facts) or "aws-api" (bedrock-lint sync). */
  kind: OpenString,
  description: v.string(),
  /** Inputs with their digests, so that a rebuild can be checked. */
  inputs: v.array(v.strictObject({ path: v.string(), sha256: v.string() })),
  /** The newest date of the data the snapshot reflects. */
  dataAsOf: IsoDate,
  sources: v.record(v.string(), SourceSchema),
  /** Entries of the input that were left out, with why. */
  excluded: v.array(v.strictObject({ id: v.string(), reason: v.string() })),
});

export const SnapshotSchema = v.strictObject({
  $schema: v.optional(v.string()),
  $comment: v.optional(v.string()),
  schemaVersion: v.literal(SNAPSHOT_SCHEMA_VERSION),
  /** Date of the content; changes only when the content changes. */
  generatedAt: IsoDate,
  provenance: ProvenanceSchema,
  regions: v.record(RegionName, RegionSchema),
  geographies: v.record(OpenString, GeographySchema),
  models: v.record(OpenString, ModelSchema),
  profiles: v.record(OpenString, ProfileSchema),
});

export const ObsoletePatternSchema = v.strictObject({
  /** A substring of the model ID (after any geo prefix), e.g. "titan-text-lite" or "j2-". */
  contains: OpenString,
  /** Only IDs of this provider prefix, e.g. "ai21". */
  provider: OpenString,
  phase: v.picklist(['legacy', 'eol']),
  /** Date the phase began, if a source states it. */
  since: v.nullable(IsoDate),
  replacement: v.nullable(OpenString),
  note: v.string(),
  sources: v.array(v.string()),
});

export const CuratedSchema = v.strictObject({
  $schema: v.optional(v.string()),
  $comment: v.optional(v.string()),
  schemaVersion: v.literal(CURATED_SCHEMA_VERSION),
  /** modelId -> the model to move to, with why and where that comes from. */
  replacements: v.record(
    OpenString,
    v.strictObject({ modelId: OpenString, note: v.string(), sources: v.array(v.string()) }),
  ),
  obsoletePatterns: v.array(ObsoletePatternSchema),
  /** Sources cited above, by id. */
  sources: v.record(v.string(), SourceSchema),
});

export type Lifecycle = v.InferOutput<typeof LifecycleSchema>;
export type ModelRegion = v.InferOutput<typeof ModelRegionSchema>;
export type ModelEntry = v.InferOutput<typeof ModelSchema>;
export type ProfileEntry = v.InferOutput<typeof ProfileSchema>;
export type RegionEntry = v.InferOutput<typeof RegionSchema>;
export type Snapshot = v.InferOutput<typeof SnapshotSchema>;
export type Curated = v.InferOutput<typeof CuratedSchema>;
export type ObsoletePattern = v.InferOutput<typeof ObsoletePatternSchema>;

/** Formats valibot issues as short `path: message` lines. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[], max = 5): string {
  const lines = issues.slice(0, max).map((issue) => {
    const path = v.getDotPath(issue) ?? '(root)';
    return `  at ${path}: ${issue.message}`;
  });
  if (issues.length > max) lines.push(`  ... and ${issues.length - max} more`);
  return lines.join('\n');
}
