/**
 * The staleness notice of `check`: one line at the end of a run when the snapshot is older than
 * a threshold. The rules never print it (see docs/cli.md).
 */

import { daysSince } from '../util/day.js';

/**
 * Days after which `check` prints the notice by default. Bedrock adds and retires models every
 * few weeks; past a month, an ID the snapshot does not list is more and more likely to be newer.
 */
export const DEFAULT_STALE_AFTER_DAYS = 30;

/**
 * The notice for a snapshot older than `staleAfter` days, or null. `snapshot` is the path of the
 * snapshot file as the user gave it, or null for the bundled one.
 */
export function staleNotice(asOf: string, now: Date, staleAfter: number, snapshot: string | null): string | null {
  const age = daysSince(asOf, now);
  if (age <= staleAfter) return null;
  const refresh = snapshot
    ? `refresh it with \`npx bedrock-lint sync --out ${snapshot}\``
    : 'build a current one with `npx bedrock-lint sync --out bedrock-snapshot.json` and pass ' +
      '--snapshot bedrock-snapshot.json, or upgrade eslint-plugin-aws-bedrock';
  return `bedrock-lint: the Bedrock model snapshot is from ${asOf} (${age} days old); ${refresh} (hide this notice with --no-stale-notice).`;
}
