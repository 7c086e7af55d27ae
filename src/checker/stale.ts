/**
 * The staleness notice of `check`: one line at the end of a run when the snapshot is older than
 * a threshold. The rules never print it (see docs/cli.md).
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from a snapshot date (YYYY-MM-DD) to `now`. */
export const snapshotAge = (asOf: string, now: Date): number =>
  Math.floor((now.getTime() - Date.parse(`${asOf}T00:00:00Z`)) / DAY_MS);

/** The notice for a snapshot older than `staleAfter` days, or null. */
export function staleNotice(asOf: string, now: Date, staleAfter: number): string | null {
  const age = snapshotAge(asOf, now);
  if (age <= staleAfter) return null;
  return (
    `bedrock-lint: the Bedrock model snapshot is from ${asOf} (${age} days old); ` +
    'refresh it with `npx bedrock-lint sync` (hide this notice with --no-stale-notice).'
  );
}
