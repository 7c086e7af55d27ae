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
import { scrub } from '../util/scrub.js';
import { failureSummary, regionList, type RegionFailure } from './failure.js';
import { fetchRegions, type FetchOptions, type RegionListing } from './fetch.js';
import { emptySnapshot, mergeSnapshot, ownSnapshot } from './merge.js';
import { createProgress, type ProgressStream } from './progress.js';
import { checkRegionNames, commercialRegions, readRegionTable, type RegionTable } from './regions.js';
import { changeReport } from './report.js';
import { assertNoAccountData, regionShrinks, sameContent, shrinkBeyond, shrinkText, type Shrink } from './safety.js';

export type { ApiModel, ApiProfile, RegionFailure, RegionListing } from './fetch.js';
export { shrinkText, type Shrink } from './safety.js';
export { commercialRegions, readRegionTable } from './regions.js';

export const SYNC_DEFAULTS = {
  // Every commercial region at once: throttling is per region, so regions do not contend.
  concurrency: 32,
  pageSize: 1000,
  /** Pages of one region's profile listing at most (a region lists about a hundred profiles). */
  maxPages: 100,
  /** One HTTP attempt, from connecting to the last byte of the answer. */
  requestTimeoutMs: 30_000,
  /** The whole fetch: a sync that goes on longer stops, and its unfinished regions fail. */
  deadlineMs: 300_000,
  /** The largest answer body (a full page of 1,000 profiles is about 1 MB). */
  maxResponseBytes: 32 * 1024 * 1024,
  maxAttempts: 3,
  /** Refuse to write when live models or profiles would shrink by more than this share, overall or in a region. */
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
  /**
   * Keep the previous data of regions that fail or whose listing shrank past the floor, marked
   * `refreshed: false`, and write the others.
   */
  readonly allowPartial?: boolean;
  /** Write even when the sanity floors are breached. */
  readonly force?: boolean;
  readonly concurrency?: number;
  readonly pageSize?: number;
  readonly maxPages?: number;
  readonly requestTimeoutMs?: number;
  readonly deadlineMs?: number;
  readonly maxResponseBytes?: number;
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
    return ownSnapshot(readSnapshot(out));
  } catch (error) {
    if (error instanceof SnapshotError) throw new SyncError(`${error.message}\nNothing was written.`);
    throw error;
  }
}

/** A duration a timer can hold: at least 1 ms, at most about 24.8 days (Node's limit, past which it fires at once). */
const timerMs = (ms: number): number => Math.min(Math.max(1, Math.round(ms)), 2 ** 31 - 1);

/** The one error of a fetch that leaves nothing to write. */
function fetchError(
  fetched: { failures: readonly RegionFailure[]; listings: readonly unknown[]; stopped: string | null },
  regions: readonly string[],
  options: SyncOptions,
  out: string,
): SyncError {
  const { failures } = fetched;
  const nothing = `Nothing was written to ${out}.`;
  if (fetched.stopped === 'nothing-answered') {
    const everywhere = failures.find((f) => f.everywhere);
    if (everywhere) return new SyncError(`could not refresh any region: ${everywhere.cause}. ${nothing}`);
    const others = regions.length - failures.length;
    return new SyncError(
      `could not refresh any region: nothing answered (${failureSummary(failures)}).` +
        `${others > 0 ? ` The other ${others} region${others === 1 ? ' was' : 's were'} stopped or not tried.` : ''}` +
        ` Check the network connection, proxy settings and --endpoint-url. ${nothing}`,
    );
  }
  const count = failures.length === 1 ? 'region ' : `${failures.length} regions: `;
  const partialHelps = !options.allowPartial && regions.length > 1 && !failures.some((f) => f.everywhere);
  const hint = partialHelps ? ' Re-run with --allow-partial to keep the previous data of failed regions.' : '';
  return new SyncError(`could not refresh ${count}${failureSummary(failures)}. ${nothing}${hint}`);
}

/** A region whose listing shrank past the floor, as a failure that keeps its previous data. */
const shrinkFailure = (region: string, shrinks: readonly Shrink[], maxShrink: number): RegionFailure => {
  const cause = `its listing shrank: ${shrinkText(shrinks, maxShrink).replace(`in ${region} `, '')}; previous data kept`;
  return { region, cause, kind: cause, everywhere: false, unreachable: false };
};

export async function runSync(options: SyncOptions): Promise<SyncResult> {
  const out = resolve(options.out);
  const table = options.regionTable ?? readRegionTable();
  const regions = checkRegionNames(options.regions ?? commercialRegions(table), table);
  if (!regions.length) throw new SyncError('no region to sync');
  const now = options.now ?? new Date();
  const today = isoDay(now);
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
        maxPages: options.maxPages ?? SYNC_DEFAULTS.maxPages,
        requestTimeoutMs: timerMs(options.requestTimeoutMs ?? SYNC_DEFAULTS.requestTimeoutMs),
        deadlineMs: timerMs(options.deadlineMs ?? SYNC_DEFAULTS.deadlineMs),
        maxResponseBytes: options.maxResponseBytes ?? SYNC_DEFAULTS.maxResponseBytes,
        maxAttempts: options.maxAttempts ?? SYNC_DEFAULTS.maxAttempts,
        stopOnFailure: !options.allowPartial,
      } satisfies FetchOptions,
      progress ?? {},
    );
  } finally {
    progress?.finish();
  }
  if (fetched.failures.length && (!options.allowPartial || !fetched.listings.length || fetched.stopped === 'nothing-answered')) {
    throw fetchError(fetched, regions, options, out);
  }

  const merge = (listings: readonly RegionListing[], failures: readonly RegionFailure[]): Snapshot =>
    mergeSnapshot({ previous, listings, failedRegions: failures.map((f) => f.region), regionTable: table, today });
  let { listings, failures } = fetched;
  let merged = merge(listings, failures);

  // Region by region: a region that answers with an empty or a much shorter list is suspect.
  const dryRun = options.dryRun || options.check;
  const regional = regionShrinks(previous, merged, listings.map((l) => l.region), maxShrink);
  if (regional.length && !options.force) {
    const shrunk = [...new Set(regional.map((s) => s.region!))];
    if (options.allowPartial) {
      const kept = shrunk.map((region) => shrinkFailure(region, regional.filter((s) => s.region === region), maxShrink));
      listings = listings.filter((l) => !shrunk.includes(l.region));
      failures = [...failures, ...kept].sort((a, b) => (a.region < b.region ? -1 : 1));
      if (!listings.length) throw fetchError({ failures, listings, stopped: null }, regions, options, out);
      merged = merge(listings, failures);
    } else if (!dryRun) {
      throw new SyncError(
        `refusing to write ${out}: ${shrinkText(regional, maxShrink)}. A region that answers with an empty or ` +
          'partial list is more often a fault than a real change: check with --dry-run, then re-run with --force if ' +
          `the removals are real, or with --allow-partial to keep the previous data of ${regionList(shrunk)} and write the rest.`,
      );
    }
  }

  const refreshed = listings.map((l) => l.region);
  const changed = !previous || !sameContent(previous, merged);
  const snapshot = changed ? merged : previous;
  const report = changeReport({
    before: previous ?? emptySnapshot(today),
    after: snapshot,
    curated,
    refreshed,
    failures,
    now,
  });
  const result = { changed, out, snapshot, report, refreshed, failures };
  if (!changed) return { ...result, outcome: 'unchanged', shrinks: [] };

  const shrinks = [...shrinkBeyond(previous, merged, maxShrink), ...(options.allowPartial && !options.force ? [] : regional)];
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
    throw new SyncError(`cannot write ${out}: ${scrub((error as Error).message)}`);
  }
  clearRegistryCache();
  return { ...result, outcome: 'written', shrinks };
}
