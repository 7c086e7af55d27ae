/**
 * `runSync`: refreshes a snapshot file from the Amazon Bedrock control-plane API. Fetches the
 * regions, merges into the previous snapshot, checks it (schema, account data, sanity floors),
 * writes it atomically only when its data changed, and returns the markdown change report.
 * Used by `bedrock-lint sync`; usable on its own (benchmarks, other tools).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  clearRegistryCache,
  DEFAULT_CURATED_PATH,
  parseSnapshot,
  readCurated,
  readSnapshot,
  SnapshotError,
} from '../registry/registry.js';
import type { Snapshot } from '../registry/schema.js';
import { stableStringify } from '../registry/serialize.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { isoDay } from '../util/day.js';
import { fetchRegions, type FetchOptions, type RegionFailure } from './fetch.js';
import { emptySnapshot, mergeSnapshot } from './merge.js';
import { createProgress, type ProgressStream } from './progress.js';
import { checkRegionNames, commercialRegions, readRegionTable, type RegionTable } from './regions.js';
import { changeReport } from './report.js';
import { assertNoAccountData, sameContent, scrub, shrinkBeyond, type Shrink } from './safety.js';

export type { ApiModel, ApiProfile, RegionFailure, RegionListing } from './fetch.js';
export { commercialRegions, readRegionTable } from './regions.js';

export const SYNC_DEFAULTS = {
  // Every commercial region at once: throttling is per region, so regions do not contend.
  concurrency: 32,
  pageSize: 1000,
  requestTimeoutMs: 30_000,
  maxAttempts: 3,
  /** Refuse to write when live models or profiles would shrink by more than this share. */
  maxShrink: 0.2,
} as const;

export interface SyncOptions {
  /** Regions to scan; each must be in rules-data/regions.json. Default: the commercial ones. */
  readonly regions?: readonly string[];
  /** The snapshot file to merge into and write (created when missing). */
  readonly out: string;
  readonly endpoint?: string | undefined;
  readonly profile?: string | undefined;
  readonly credentials?: FetchOptions['credentials'];
  /** Compute and report, write nothing. */
  readonly dryRun?: boolean;
  /** Like dryRun; the caller exits 1 when `changed`. */
  readonly check?: boolean;
  /** Keep the previous data of regions that fail, marked `refreshed: false`. */
  readonly allowPartial?: boolean;
  /** Write even when the sanity floors are breached. */
  readonly force?: boolean;
  readonly concurrency?: number;
  readonly pageSize?: number;
  readonly requestTimeoutMs?: number;
  readonly maxAttempts?: number;
  readonly maxShrink?: number;
  /** The date of the sync (date stamps, lifecycle verdicts). Default: now. */
  readonly now?: Date;
  /** Where per-region progress goes (the CLI: stderr). Default: nowhere. */
  readonly progress?: ProgressStream | null;
  readonly regionTable?: RegionTable;
}

export interface SyncResult {
  /** written; unchanged (nothing to write); would-change (dry run or check, nothing written). */
  readonly outcome: 'written' | 'unchanged' | 'would-change';
  readonly changed: boolean;
  readonly out: string;
  /** The snapshot as it is (unchanged) or would be / was written. */
  readonly snapshot: Snapshot;
  /** Markdown change report. */
  readonly report: string;
  readonly refreshed: readonly string[];
  readonly failures: readonly RegionFailure[];
  /** Sanity floors breached (only with force or a dry run; otherwise runSync throws). */
  readonly shrinks: readonly Shrink[];
}

/** A sync that cannot complete; the message is one clear, printable sentence (no account data). */
export class SyncError extends Error {
  override name = 'SyncError';
}


function readPrevious(out: string): Snapshot | null {
  if (!existsSync(out)) return null;
  try {
    return readSnapshot(out);
  } catch (error) {
    if (error instanceof SnapshotError) throw new SyncError(`${error.message}\nNothing was written.`);
    throw error;
  }
}

/** `live models would drop from 100 to 70 (more than 20%)` */
export const shrinkText = (shrinks: readonly Shrink[], maxShrink: number): string =>
  shrinks.map((s) => `live ${s.what} would drop from ${s.before} to ${s.after}`).join(' and ') +
  ` (more than ${Math.round(maxShrink * 100)}%)`;

export async function runSync(options: SyncOptions): Promise<SyncResult> {
  const out = resolve(options.out);
  const table = options.regionTable ?? readRegionTable();
  const regions = checkRegionNames(options.regions ?? commercialRegions(table), table);
  if (!regions.length) throw new SyncError('no region to sync');
  const now = options.now ?? new Date();
  const maxShrink = options.maxShrink ?? SYNC_DEFAULTS.maxShrink;
  const previous = readPrevious(out);
  const curated = readCurated(DEFAULT_CURATED_PATH);

  const progress = options.progress ? createProgress(options.progress, regions.length) : null;
  let fetched;
  try {
    fetched = await fetchRegions(
      regions,
      {
        endpoint: options.endpoint,
        profile: options.profile,
        credentials: options.credentials,
        concurrency: options.concurrency ?? SYNC_DEFAULTS.concurrency,
        pageSize: options.pageSize ?? SYNC_DEFAULTS.pageSize,
        requestTimeoutMs: options.requestTimeoutMs ?? SYNC_DEFAULTS.requestTimeoutMs,
        maxAttempts: options.maxAttempts ?? SYNC_DEFAULTS.maxAttempts,
        stopOnFailure: !options.allowPartial,
      },
      progress ?? {},
    );
  } finally {
    progress?.finish();
  }
  const { listings, failures } = fetched;
  if (failures.length && (!options.allowPartial || !listings.length)) {
    const what = failures.map((f) => `${f.region}: ${f.cause}`).join('; ');
    const partialHelps = !options.allowPartial && regions.length > 1 && !failures.some((f) => f.everywhere);
    const hint = partialHelps ? ' Re-run with --allow-partial to keep the previous data of failed regions.' : '';
    throw new SyncError(
      `could not refresh ${failures.length === 1 ? 'region ' : `${failures.length} regions: `}${what}. ` +
        `Nothing was written to ${out}.${hint}`,
    );
  }

  const refreshed = listings.map((l) => l.region);
  const merged = mergeSnapshot({
    previous,
    listings,
    failedRegions: failures.map((f) => f.region),
    regionTable: table,
    today: isoDay(now),
  });
  const changed = !previous || !sameContent(previous, merged);
  const snapshot = changed ? merged : previous;
  const report = changeReport({
    before: previous ?? emptySnapshot(isoDay(now)),
    after: snapshot,
    curated,
    refreshed,
    failures,
    now,
  });
  const result = { changed, out, snapshot, report, refreshed, failures };
  if (!changed) return { ...result, outcome: 'unchanged', shrinks: [] };

  const shrinks = shrinkBeyond(previous, merged, maxShrink);
  const dryRun = options.dryRun || options.check;
  if (shrinks.length && !options.force && !dryRun) {
    throw new SyncError(
      `refusing to write ${out}: ${shrinkText(shrinks, maxShrink)}. ` +
        'If AWS really stopped listing them, re-run with --force.',
    );
  }
  const text = stableStringify(merged);
  try {
    parseSnapshot(JSON.parse(text), out);
    assertNoAccountData(text, out);
  } catch (error) {
    throw new SyncError(`${scrub((error as Error).message)}\nNothing was written.`);
  }
  if (dryRun) return { ...result, outcome: 'would-change', shrinks };
  try {
    writeFileAtomic(out, text);
  } catch (error) {
    throw new SyncError(`cannot write ${out}: ${(error as Error).message}`);
  }
  clearRegistryCache();
  return { ...result, outcome: 'written', shrinks };
}

