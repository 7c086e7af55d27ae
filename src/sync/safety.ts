/**
 * Safety checks of a sync before anything is written: no account data in text, content compared
 * without the date stamps (so a file changes only when the data does), and sanity floors against
 * a listing that shrank too much (a broken permission, a wrong endpoint).
 */
import type { Snapshot } from '../registry/schema.js';
import { normalizeSnapshot, stableStringify } from '../registry/serialize.js';

/** A 12-digit AWS account ID standing on its own (inside ARNs it sits between colons). */
const ACCOUNT_ID = /\b\d{12}\b/g;
/** AWS access key IDs, SigV4 signatures and bearer tokens, should an error message quote one. */
const SECRETS = /\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b|(Signature=)[0-9a-f]+|(Bearer\s+)\S+/g;

/** Removes account IDs and credentials from a text that is about to be printed. */
export function scrub(text: string): string {
  return text
    .replace(ACCOUNT_ID, '<account-id>')
    .replace(SECRETS, (_whole, signature?: string, bearer?: string) => `${signature ?? bearer ?? ''}<redacted>`);
}

/** Throws when a text to be written contains something shaped like an account ID. */
export function assertNoAccountData(text: string, what: string): void {
  const found = text.match(ACCOUNT_ID);
  if (found) {
    throw new Error(`refusing to write ${what}: it would contain ${found.length} 12-digit number(s) shaped like an AWS account ID`);
  }
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
}

/** How many entries are not tombstones. */
export const liveCount = (entries: Record<string, { removed?: boolean | undefined }>): number =>
  Object.values(entries).filter((entry) => !entry.removed).length;

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
    if (old > 0 && old - now > old * maxShare) found.push({ what, before: old, after: now });
  }
  return found;
}
