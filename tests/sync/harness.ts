/**
 * The setting of the in-process sync tests: a hermetic AWS environment for the file, and for each
 * test a fresh fake control plane (three regions, two profiles a page), a temporary folder and a
 * snapshot path in it. `restart` swaps the fake for one with other options; `sync` runs
 * `bedrock-lint sync` on the three regions against the current fake.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startFakeBedrock, type FakeBedrock, type FakeBedrockOptions } from './fake-bedrock-server.js';
import { REGIONS, tempDir, threeRegions, useIsolatedAwsEnv } from './fixtures.js';
import { runInProcess, type CliRun } from './run-cli.js';

export interface SyncHarness {
  readonly fake: FakeBedrock;
  readonly tmp: ReturnType<typeof tempDir>;
  /** `snapshot.json` in `tmp`. */
  readonly out: string;
  /** Closes the fake and starts another on `threeRegions()` with these options. */
  restart(options: Omit<FakeBedrockOptions, 'regions'>): Promise<FakeBedrock>;
  /** `bedrock-lint sync --regions <the three> --endpoint-url <fake> --out <out> ...extra`, in this process. */
  sync(...extra: string[]): Promise<CliRun>;
}

export function useSyncHarness(options: Omit<FakeBedrockOptions, 'regions'> = { maxPageSize: 2 }): SyncHarness {
  const state = {} as { fake: FakeBedrock; tmp: ReturnType<typeof tempDir>; out: string };
  let restoreEnv: () => void = () => {};
  beforeAll(() => {
    restoreEnv = useIsolatedAwsEnv();
  });
  afterAll(() => restoreEnv());
  beforeEach(async () => {
    state.fake = await startFakeBedrock({ regions: threeRegions(), ...options });
    state.tmp = tempDir();
    state.out = join(state.tmp.dir, 'snapshot.json');
  });
  afterEach(async () => {
    await state.fake.close();
    state.tmp.remove();
  });
  return {
    get fake() {
      return state.fake;
    },
    get tmp() {
      return state.tmp;
    },
    get out() {
      return state.out;
    },
    async restart(next) {
      await state.fake.close();
      return (state.fake = await startFakeBedrock({ regions: threeRegions(), ...next }));
    },
    sync: (...extra) =>
      runInProcess(['sync', '--regions', REGIONS.join(','), '--endpoint-url', state.fake.url, '--out', state.out, ...extra]),
  };
}
