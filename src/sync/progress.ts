/**
 * Progress of a sync per region, on stderr: one line rewritten in place on a terminal, plain
 * lines (one per finished region) elsewhere, such as CI logs.
 */
import { scrub } from '../util/scrub.js';
import type { FetchEvents, RegionFailure, RegionListing } from './fetch.js';

export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
}

export interface Progress extends FetchEvents {
  /** Ends the live line (a terminal) so that later output starts on a new line. */
  finish(): void;
}

export function createProgress(output: ProgressStream, total: number): Progress {
  // Causes are scrubbed where they are made; what is printed passes the scrubber all the same.
  const stream = { write: (text: string): unknown => output.write(scrub(text)) };
  const running = new Set<string>();
  let done = 0;
  let failed = 0;
  const live = output.isTTY === true;
  const summary = (listing: RegionListing): string =>
    `${listing.region}: ${listing.models.length} models, ${listing.profiles.length} profiles`;
  const render = (last: string): void => {
    const active = [...running].sort().slice(0, 4).join(', ');
    const line = `sync: ${done}/${total} regions done${failed ? `, ${failed} failed` : ''}` +
      `${active ? ` · fetching ${active}${running.size > 4 ? ', …' : ''}` : ''} · ${last}`;
    stream.write(`\r\x1b[2K${line}`);
  };
  return {
    start(region) {
      running.add(region);
      if (live) render(`${region}: fetching`);
    },
    done(listing) {
      running.delete(listing.region);
      done += 1;
      if (live) render(summary(listing));
      else stream.write(`sync: [${done + failed}/${total}] ${summary(listing)}\n`);
    },
    fail(failure: RegionFailure) {
      running.delete(failure.region);
      failed += 1;
      if (live) render(`${failure.region}: failed`);
      else stream.write(`sync: [${done + failed}/${total}] ${failure.region}: failed: ${failure.cause}\n`);
    },
    finish() {
      if (live && total > 0) stream.write('\n');
    },
  };
}
