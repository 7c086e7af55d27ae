/**
 * The registry: loads, validates and indexes a snapshot (and the curated file) once per process.
 * Everything that needs model knowledge asks a Registry; nothing else reads `rules-data/`.
 */
import { resolve } from 'node:path';
import * as v from 'valibot';
import {
  CURATED_SCHEMA_VERSION,
  CuratedSchema,
  describeIssues,
  GeographySchema,
  ModelSchema,
  ProfileSchema,
  SNAPSHOT_SCHEMA_VERSION,
  SnapshotSchema,
  type Curated,
  type ModelEntry,
  type ObsoletePattern,
  type ProfileEntry,
  type Snapshot,
} from './schema.js';
import { fs } from '../util/builtins.js';
import { PACKAGE_ROOT } from '../util/package-root.js';

/** `rules-data/` of this package. */
export const RULES_DATA_DIR = resolve(PACKAGE_ROOT, 'rules-data');
export const DEFAULT_SNAPSHOT_PATH = resolve(RULES_DATA_DIR, 'bedrock-snapshot.json');
export const DEFAULT_CURATED_PATH = resolve(RULES_DATA_DIR, 'curated.json');

const REGENERATE_HINT =
  'Regenerate it with `npx bedrock-lint sync --out <file>` (needs AWS credentials), or stop pointing at it ' +
  "(`settings['aws-bedrock'].snapshot` in ESLint, `--snapshot` of bedrock-lint) to use the snapshot bundled with eslint-plugin-aws-bedrock.";

/** One clear error for a snapshot or curated file that cannot be used. */
export class SnapshotError extends Error {
  override name = 'SnapshotError';
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
  }
}

export interface ProfileRecord extends ProfileEntry {
  readonly id: string;
}

export interface ModelRecord extends ModelEntry {
  readonly id: string;
  /** Provider prefix of the ID: `anthropic` for `anthropic.claude-...`. */
  readonly providerPrefix: string;
}

export interface Registry {
  readonly snapshotPath: string;
  readonly snapshot: Snapshot;
  readonly curated: Curated;
  readonly models: ReadonlyMap<string, ModelRecord>;
  readonly profiles: ReadonlyMap<string, ProfileRecord>;
  /** Profiles of each model, sorted by geography (geo profiles first, `global` last). */
  readonly profilesByModel: ReadonlyMap<string, readonly ProfileRecord[]>;
  /** Provider prefixes of every known model ID (`anthropic`, `amazon`, ...). */
  readonly providers: ReadonlySet<string>;
  /** Geography prefix -> its source regions. */
  readonly geographies: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every region the snapshot knows. */
  readonly regions: ReadonlySet<string>;
  /**
   * Regions an API listing covered (see `apiListedAt` in the schema). Elsewhere the snapshot knows
   * only what AWS documentation states, and no rule claims that a bare ID fails there.
   */
  readonly apiRegions: ReadonlySet<string>;
  /**
   * The newest date an API listing of the snapshot was taken (the snapshot's date when no region
   * has one): a model released after it cannot be in the snapshot.
   */
  readonly listedAsOf: string;
  readonly obsoletePatterns: readonly ObsoletePattern[];
  /** The date the content reflects (YYYY-MM-DD). */
  readonly asOf: string;
}

interface CacheEntry {
  readonly registry: Registry;
  /** Modification time and size of a user's snapshot when it was read; null for the bundled one. */
  readonly stamp: string | null;
}
const cache = new Map<string, CacheEntry>();
/** The bundled snapshot's registry, looked up by every rule of every file: no key to build. */
let bundledRegistry: Registry | null = null;

/** What tells a changed file: its modification time and size (null when it cannot be read). */
function stampOf(path: string): string | null {
  try {
    const stat = fs.statSync(path);
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return null;
  }
}

/**
 * The registry for a snapshot file (default: the bundled one), loaded, validated and indexed once
 * per process. A user's snapshot is read again when it changes on disk (an editor's ESLint keeps
 * running across a sync). A file that cannot be used throws a SnapshotError naming the file and
 * the fix; failures are not cached, so a repaired file is picked up.
 */
export function loadRegistry(snapshotPath?: string, curatedPath = DEFAULT_CURATED_PATH): Registry {
  if (bundledRegistry && snapshotPath === undefined && curatedPath === DEFAULT_CURATED_PATH) return bundledRegistry;
  const path = snapshotPath === undefined ? DEFAULT_SNAPSHOT_PATH : resolve(snapshotPath);
  const key = `${path}\0${curatedPath}`;
  const stamp = path === DEFAULT_SNAPSHOT_PATH ? null : stampOf(path);
  const entry = cache.get(key);
  if (entry && entry.stamp === stamp) return entry.registry;
  const registry = buildRegistry(readSnapshot(path), readCurated(curatedPath), path);
  cache.set(key, { registry, stamp });
  if (path === DEFAULT_SNAPSHOT_PATH && curatedPath === DEFAULT_CURATED_PATH) bundledRegistry = registry;
  return registry;
}

/** Forgets loaded registries (tests, and a long-lived process after a sync). */
export function clearRegistryCache(): void {
  cache.clear();
  bundledRegistry = null;
}

function readText(path: string, what: string, hint: string): string {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? String(error)})`;
    throw new SnapshotError(`aws-bedrock: the ${what} ${path} ${why}. ${hint}`, path);
  }
}

function parseJsonText(text: string, path: string, what: string, hint: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new SnapshotError(
      `aws-bedrock: the ${what} ${path} is not valid JSON (${(error as Error).message}); ` +
        `it may be truncated. ${hint}`,
      path,
    );
  }
}

const readJson = (path: string, what: string, hint: string): unknown =>
  parseJsonText(readText(path, what, hint), path, what, hint);

/**
 * The SHA-256 of the bundled snapshot, recorded by `npm run build` after validating it with the
 * full schema (scripts/record-snapshot-digest.mjs). Absent when running from the sources.
 */
export const BUNDLED_DIGEST_PATH = resolve(PACKAGE_ROOT, 'dist/bundled-snapshot.sha256');

/** Whether `text` is the bundled snapshot the build validated. */
function isValidatedBundle(path: string, text: string): boolean {
  if (path !== DEFAULT_SNAPSHOT_PATH) return false;
  let recorded: string;
  try {
    recorded = fs.readFileSync(BUNDLED_DIGEST_PATH, 'utf8').trim();
  } catch {
    return false;
  }
  // Loaded here, not imported: node:crypto takes about 2 ms to load, and dist/plugin.js never hashes.
  const { createHash } = process.getBuiltinModule('node:crypto');
  return createHash('sha256').update(text).digest('hex') === recorded;
}

/**
 * In dist/plugin.js only (an esbuild `define` of scripts/bundle.mjs): the file, under the package
 * folder, holding the bundled snapshot and curated data as the build validated them, so that the
 * published plugin's start neither hashes nor validates them. Undefined in the separate modules
 * (src/, and dist/ for the CLI), which read rules-data/ and check the snapshot against the
 * build's digest.
 */
declare const BUNDLED_RULES_DATA: string | undefined;
let validatedByBuild: { readonly snapshot: Snapshot; readonly curated: Curated } | null | undefined;

/** The build's validated copy of the bundled data, when running as dist/plugin.js and it is there. */
function bundledData(): { readonly snapshot: Snapshot; readonly curated: Curated } | null {
  if (validatedByBuild === undefined) {
    validatedByBuild = null;
    if (typeof BUNDLED_RULES_DATA === 'string') {
      try {
        validatedByBuild = JSON.parse(fs.readFileSync(resolve(PACKAGE_ROOT, BUNDLED_RULES_DATA), 'utf8')) as typeof validatedByBuild;
      } catch {
        // Missing or damaged: read and validate rules-data/ instead.
      }
    }
  }
  return validatedByBuild;
}

export function readSnapshot(path: string): Snapshot {
  const validated = path === DEFAULT_SNAPSHOT_PATH ? bundledData() : null;
  if (validated) return validated.snapshot;
  const text = readText(path, 'Bedrock snapshot', REGENERATE_HINT);
  // The bytes the build validated need no second validation (about 11 ms of every cold start).
  if (isValidatedBundle(path, text)) return JSON.parse(text) as Snapshot;
  return parseSnapshot(parseJsonText(text, path, 'Bedrock snapshot', REGENERATE_HINT), path);
}

/** Validates parsed JSON as a snapshot; throws SnapshotError naming the file and the fix. */
export function parseSnapshot(data: unknown, path: string): Snapshot {
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > SNAPSHOT_SCHEMA_VERSION) {
    throw new SnapshotError(
      `aws-bedrock: the Bedrock snapshot ${path} has schemaVersion ${version}, but this version of ` +
        `eslint-plugin-aws-bedrock reads schemaVersion ${SNAPSHOT_SCHEMA_VERSION}. ` +
        'Upgrade eslint-plugin-aws-bedrock, or regenerate the file with the bedrock-lint of the version you run.',
      path,
    );
  }
  const fail = (issues: Parameters<typeof describeIssues>[0]): SnapshotError =>
    new SnapshotError(
      `aws-bedrock: the Bedrock snapshot ${path} does not match the snapshot schema (docs/snapshot.md):\n` +
        `${describeIssues(issues)}\n${REGENERATE_HINT}`,
      path,
    );
  const result = v.safeParse(SnapshotSchema, data);
  if (!result.success) throw fail(result.issues);
  keepReservedIds(data as Record<string, unknown>, result.output, fail);
  return result.output;
}

/** Keys valibot's `record` skips, as its guard against prototype pollution. */
const RESERVED_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
const ID_RECORDS = { models: ModelSchema, profiles: ProfileSchema, geographies: GeographySchema } as const;

/**
 * Puts back the entries valibot's `record` leaves out of its output without a word: a model or
 * profile whose ID is `__proto__`, `constructor` or `prototype` is data like any other (a sync
 * writes what AWS lists), validated here on its own and defined as an own property.
 */
function keepReservedIds(
  data: Record<string, unknown>,
  output: Snapshot,
  fail: (issues: Parameters<typeof describeIssues>[0]) => SnapshotError,
): void {
  for (const [field, schema] of Object.entries(ID_RECORDS) as [keyof typeof ID_RECORDS, (typeof ID_RECORDS)[keyof typeof ID_RECORDS]][]) {
    const input = data[field] as Record<string, unknown>;
    for (const key of RESERVED_KEYS) {
      if (!Object.hasOwn(input, key)) continue;
      const entry = v.safeParse(schema, input[key]);
      if (!entry.success) {
        for (const step of [{ input, key }, { input: data, key: field }]) {
          for (const issue of entry.issues as { path?: unknown[] }[]) {
            (issue.path ??= []).unshift({ type: 'object', origin: 'value', value: step.input[step.key], ...step });
          }
        }
        throw fail(entry.issues);
      }
      Object.defineProperty(output[field], key, { value: entry.output, enumerable: true, writable: true, configurable: true });
    }
  }
}

export function readCurated(path: string): Curated {
  const validated = path === DEFAULT_CURATED_PATH ? bundledData() : null;
  if (validated) return validated.curated;
  const hint = 'This file ships with eslint-plugin-aws-bedrock; reinstall the package.';
  const data = readJson(path, 'curated data file', hint);
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version !== CURATED_SCHEMA_VERSION) {
    throw new SnapshotError(
      `aws-bedrock: the curated data file ${path} has schemaVersion ${version}; expected ${CURATED_SCHEMA_VERSION}. ${hint}`,
      path,
    );
  }
  const result = v.safeParse(CuratedSchema, data);
  if (!result.success) {
    throw new SnapshotError(
      `aws-bedrock: the curated data file ${path} is invalid:\n${describeIssues(result.issues)}\n${hint}`,
      path,
    );
  }
  return result.output;
}

/** Geographies in alphabetical order, `global` last (it changes where data is processed). */
const byGeo = (a: ProfileEntry, b: ProfileEntry): number =>
  Number(a.geo === 'global') - Number(b.geo === 'global') || (a.geo < b.geo ? -1 : a.geo > b.geo ? 1 : 0);

export function buildRegistry(snapshot: Snapshot, curated: Curated, snapshotPath: string): Registry {
  const models = new Map<string, ModelRecord>();
  const providers = new Set<string>();
  for (const [id, entry] of Object.entries(snapshot.models)) {
    const dot = id.indexOf('.');
    const providerPrefix = dot > 0 ? id.slice(0, dot) : id;
    providers.add(providerPrefix);
    models.set(id, { ...entry, id, providerPrefix });
  }
  const profiles = new Map<string, ProfileRecord>();
  const profilesByModel = new Map<string, ProfileRecord[]>();
  for (const [id, entry] of Object.entries(snapshot.profiles)) {
    const record = { ...entry, id };
    profiles.set(id, record);
    const list = profilesByModel.get(entry.modelId);
    if (list) list.push(record);
    else profilesByModel.set(entry.modelId, [record]);
  }
  for (const list of profilesByModel.values()) {
    list.sort(byGeo);
  }
  const geographies = new Map<string, ReadonlySet<string>>();
  for (const [geo, entry] of Object.entries(snapshot.geographies)) {
    geographies.set(geo, new Set(entry.sourceRegions));
  }
  const apiRegions = new Set<string>();
  let listedAsOf = '';
  for (const [name, region] of Object.entries(snapshot.regions)) {
    const listed = region.apiListedAt === undefined ? region.refreshedAt : region.apiListedAt;
    if (!listed) continue;
    apiRegions.add(name);
    if (listed > listedAsOf) listedAsOf = listed;
  }
  return {
    snapshotPath,
    snapshot,
    curated,
    models,
    profiles,
    profilesByModel,
    providers,
    geographies,
    regions: new Set(Object.keys(snapshot.regions)),
    apiRegions,
    listedAsOf: listedAsOf || snapshot.generatedAt,
    obsoletePatterns: curated.obsoletePatterns,
    asOf: snapshot.generatedAt,
  };
}
