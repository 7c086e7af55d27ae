/**
 * What every bench row gets: where the repository and the scratch folder are, how many
 * repetitions to run, the IDs of the bundled snapshot to build inputs from, and a progress log.
 */
import type { CorpusIds } from '../gen/corpus.js';

export interface BenchContext {
  /** Repository root (the bench runs the built dist/ from here). */
  readonly root: string;
  /** Scratch folder for generated inputs and results: bench/.out (gitignored). */
  readonly out: string;
  /** Repetitions per side of a side-by-side measurement (BENCH_REPS, default 5). */
  readonly reps: number;
  readonly ids: CorpusIds;
  /** Provider prefixes of the snapshot (for the candidate pattern given to rg). */
  readonly providers: readonly string[];
  /** Progress, on stderr. */
  log(message: string): void;
}
