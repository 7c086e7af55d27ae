/**
 * Row: `bedrock-lint sync` of 30 regions against the loopback fake Bedrock server with 100 ms of
 * injected latency, against the same sync run for one region at a time (the slowest single
 * region). Dry runs: nothing is written. The fake and its synthetic data come from the sync
 * tests; the row says so when they are not there yet.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext } from '../lib/context.js';
import { ms, unavailable, type Row } from '../lib/row.js';
import { median, run } from '../lib/stats.js';

const NAME = 'sync, 30 regions at 100 ms latency vs slowest single region';
const GOAL = 1.5;
const REGIONS = 30;
const LATENCY_MS = 100;

interface FakeModule {
  startFakeBedrock(options: { regions: Record<string, unknown>; latencyMs?: number }): Promise<{
    url: string;
    readonly maxInFlight: number;
    close(): Promise<void>;
  }>;
  syntheticRegions(names: readonly string[]): Record<string, unknown>;
}

export async function syncRow(ctx: BenchContext): Promise<Row> {
  const fakePath = join(ctx.root, 'tests/sync/fake-bedrock-server.ts');
  const fixturesPath = join(ctx.root, 'tests/sync/fixtures.ts');
  const help = await run(process.execPath, ['dist/cli/bin.js', 'sync', '--help'], { cwd: ctx.root, okCodes: [0, 1, 2] }).catch(() => null);
  if (!existsSync(fakePath) || !existsSync(fixturesPath) || help?.code !== 0 || !help.stdout.includes('--endpoint-url')) {
    return unavailable(NAME, `≤ ${GOAL}`, 'not available yet: needs the sync command and tests/sync/fake-bedrock-server.ts');
  }
  const fake = (await import(fakePath)) as FakeModule;
  const { isolatedAwsEnv } = (await import(fixturesPath)) as { isolatedAwsEnv(): Record<string, string | undefined> };

  const known = JSON.parse(readFileSync(join(ctx.root, 'rules-data/regions.json'), 'utf8')) as {
    regions: Record<string, { commercial?: boolean }>;
  };
  const regions = Object.entries(known.regions)
    .filter(([, r]) => r.commercial)
    .map(([name]) => name)
    .slice(0, REGIONS);
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(isolatedAwsEnv())) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }

  const server = await fake.startFakeBedrock({ regions: fake.syntheticRegions(regions), latencyMs: LATENCY_MS });
  const dir = mkdtempSync(join(tmpdir(), 'aws-bedrock-bench-sync-'));
  const sync = async (list: readonly string[]): Promise<number> => {
    const args = ['dist/cli/bin.js', 'sync', '--dry-run', '--regions', list.join(','), '--endpoint-url', server.url];
    return (await run(process.execPath, [...args, '--out', join(dir, 'snapshot.json')], { cwd: ctx.root, env })).ms;
  };
  try {
    await sync(regions.slice(0, 1));
    const totals: number[] = [];
    const singles: number[] = [];
    const reps = Math.min(ctx.reps, 5);
    for (let i = 0; i < reps; i++) totals.push(await sync(regions));
    for (const region of regions) singles.push(await sync([region]));
    const total = median(totals);
    const slowest = Math.max(...singles);
    ctx.log(`  sync: ${regions.length} regions ${ms(total)}, slowest single ${ms(slowest)}`);
    return {
      name: NAME,
      ratio: total / slowest,
      goal: `≤ ${GOAL}`,
      met: total / slowest <= GOAL,
      figures:
        `${ms(total)} for ${regions.length} regions (median of ${reps}) vs ${ms(slowest)} slowest of ${singles.length} ` +
        `single-region runs (median single ${ms(median(singles))}); default --concurrency; ${server.maxInFlight} requests in flight at most`,
      data: { regions, totals, singles, maxInFlight: server.maxInFlight },
    };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
