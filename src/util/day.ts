/** Calendar days (YYYY-MM-DD, UTC): the unit of every date in the snapshot and of the clock. */

export const DAY_MS = 86_400_000;

let lastTime = Number.NaN;
let lastDay = '';

/**
 * The day of a date, as YYYY-MM-DD in UTC. The last answer is kept: the classifier asks for the
 * day of the same clock for every string it judges. (An invalid date still throws RangeError.)
 */
export function isoDay(date: Date): string {
  const time = date.getTime();
  if (time !== lastTime) {
    lastDay = date.toISOString().slice(0, 10);
    lastTime = time;
  }
  return lastDay;
}

/** Whole days from a day (YYYY-MM-DD) to `now`: the age of a snapshot. */
export const daysSince = (day: string, now: Date): number => Math.floor((now.getTime() - Date.parse(`${day}T00:00:00Z`)) / DAY_MS);

/** The start (UTC) of a YYYY-MM-DD day; null for anything else, `2026-02-30` included. */
export function parseDay(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || isoDay(date) !== text ? null : date;
}
