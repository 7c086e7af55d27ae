/**
 * Safety checks of a sync before anything is written: no account data in text, content compared
 * without the date stamps (so a file changes only when the data does), and sanity floors against
 * a listing that shrank too much (a broken permission, a wrong endpoint, a region answering with
 * an empty or half list), over all regions and region by region.
 */
import type { Snapshot } from '../registry/schema.js';
import { normalizeSnapshot, stableStringify } from '../registry/serialize.js';
import { findAccountData, scrub } from '../util/scrub.js';

export { scrub };

/** Throws when a text to be written holds account data or a credential (src/util/scrub.ts). */
export function assertNoAccountData(text: string, what: string): void {
  const found = findAccountData(text);
  if (found.length) throw new Error(`refusing to write ${what}: it would contain ${found.join(', ')}`);
}

/** The date stamps a sync sets on every write; content comparison ignores them. */
function withoutStamps(snapshot: Snapshot): unknown {
  const copy = structuredClone(snapshot);
  copy.generatedAt = '';
  copy.provenance = { ...copy.provenance, dataAsOf: '' };
  for (const source of Object.values(copy.provenance.sources)) source.seen = null;
  for (const region of Object.values(copy.regions)) region.refreshedAt = null;
  for (const model of Object.values(copy.models)) model.lastSeen = null;
  for (const profile of Object.values(copy.profiles)) profile.lastSeen = null;
  return normalizeSnapshot(copy);
}

/** Whether two snapshots hold the same data, date stamps aside. */
export function sameContent(a: Snapshot, b: Snapshot): boolean {
  return stableStringify(withoutStamps(a)) === stableStringify(withoutStamps(b));
}

export interface Shrink {
  readonly what: 'models' | 'profiles';
  readonly before: number;
  readonly after: number;
  /** The region whose listing shrank; absent for the count over all regions. */
  readonly region?: string;
}

/** How many entries are not tombstones. */
export const liveCount = (entries: Record<string, { removed?: boolean | undefined }>): number =>
  Object.values(entries).filter((entry) => !entry.removed).length;

const shrank = (before: number, after: number, maxShare: number): boolean => before > 0 && before - after > before * maxShare;

/**
 * The live (not removed) models or profiles that would shrink by more than `maxShare` (0.2: 20%),
 * compared with the previous snapshot.
 */
export function shrinkBeyond(before: Snapshot | null, after: Snapshot, maxShare: number): Shrink[] {
  if (!before) return [];
  const found: Shrink[] = [];
  for (const what of ['models', 'profiles'] as const) {
    const old = liveCount(before[what]);
    const now = liveCount(after[what]);
    if (shrank(old, now, maxShare)) found.push({ what, before: old, after: now });
  }
  return found;
}

/** Per region: its live models (those with an entry for it) and live profiles (callable from it). */
function regionCounts(snapshot: Snapshot): Map<string, { models: number; profiles: number }> {
  const counts = new Map<string, { models: number; profiles: number }>();
  const of = (region: string): { models: number; profiles: number } => {
    let count = counts.get(region);
    if (!count) counts.set(region, (count = { models: 0, profiles: 0 }));
    return count;
  };
  for (const model of Object.values(snapshot.models)) {
    if (!model.removed) for (const region of Object.keys(model.regions)) of(region).models += 1;
  }
  for (const profile of Object.values(snapshot.profiles)) {
    if (!profile.removed) for (const region of profile.sourceRegions) of(region).profiles += 1;
  }
  return counts;
}

/**
 * The scanned regions whose live models or profiles would shrink by more than `maxShare`: a
 * region answering with `[]` or half its list is caught even when the other regions keep the
 * totals up (a model still listed elsewhere stays alive, but not in that region).
 */
export function regionShrinks(before: Snapshot | null, after: Snapshot, regions: readonly string[], maxShare: number): Shrink[] {
  if (!before) return [];
  const old = regionCounts(before);
  const now = regionCounts(after);
  const found: Shrink[] = [];
  for (const region of regions) {
    for (const what of ['models', 'profiles'] as const) {
      const was = old.get(region)?.[what] ?? 0;
      const is = now.get(region)?.[what] ?? 0;
      if (shrank(was, is, maxShare)) found.push({ what, before: was, after: is, region });
    }
  }
  return found;
}

/** `live models would drop from 5 to 0` / `live models from 5 to 0 and live profiles from 7 to 0`. */
const drops = (shrinks: readonly Shrink[]): string =>
  shrinks.map((s, i) => `live ${s.what}${i === 0 ? ' would drop' : ''} from ${s.before} to ${s.after}`).join(' and ');

/**
 * One sentence for breached floors: `live models would drop from 100 to 70; in us-east-1 live
 * models would drop from 104 to 0 and live profiles from 67 to 0 (more than 20%)`.
 */
export function shrinkText(shrinks: readonly Shrink[], maxShare: number): string {
  const overall = shrinks.filter((s) => s.region === undefined);
  const byRegion = new Map<string, Shrink[]>();
  for (const s of shrinks) if (s.region !== undefined) byRegion.set(s.region, [...(byRegion.get(s.region) ?? []), s]);
  const regions = [...byRegion].map(([region, list]) => `in ${region} ${drops(list)}`);
  const shown = regions.length > 4 ? [...regions.slice(0, 4), `and in ${regions.length - 4} more regions`] : regions;
  return [...(overall.length ? [drops(overall)] : []), ...shown].join('; ') + ` (more than ${Math.round(maxShare * 100)}%)`;
}
