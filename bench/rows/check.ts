/**
 * Row: `bedrock-lint check --format json` over a generated tree of 4,000 files in a dozen
 * languages (10 MB, one file in 50 naming a model), against ripgrep listing the files that hold a
 * provider's name (`rg -i -l`, the pattern the checker's pre-filter looks for). Both run in the
 * tree (`check .`, `rg ... .`), in fresh processes, interleaved; the ratio is of the medians of
 * wall time. ripgrep reads with two threads on two cores; the checker with one.
 *
 * The tree lives in the OS temp folder: the checker honours .gitignore, which lists bench/.out.
 * Without `rg` on the PATH the row says so and is skipped.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTree } from '../gen/tree.js';
import type { BenchContext } from '../lib/context.js';
import { ms, unavailable, type Row } from '../lib/row.js';
import { interleave, median, run } from '../lib/stats.js';

const NAME = 'check vs ripgrep, 4,000 mixed files';
const GOAL = 10;
const STRETCH = 3;
const SHAPE = { files: 4_000, bytes: 10_000_000, naming: 0.02 } as const;

async function hasRipgrep(): Promise<boolean> {
  return run('rg', ['--version']).then(
    () => true,
    () => false,
  );
}

interface Sample {
  readonly ms: number;
  readonly cpuMs: number | null;
}

const medianCpu = (samples: readonly Sample[]): number | null =>
  samples.some((s) => s.cpuMs === null) ? null : median(samples.map((s) => s.cpuMs!));

export async function checkRow(ctx: BenchContext): Promise<Row> {
  if (!(await hasRipgrep())) {
    ctx.log('  skipped: ripgrep not installed (apt-get install ripgrep, or see https://github.com/BurntSushi/ripgrep#installation)');
    return unavailable(NAME, `≤ ${GOAL} (stretch ${STRETCH})`, 'skipped: ripgrep not installed (`apt-get install ripgrep`, then run again)');
  }
  const tree = join(tmpdir(), 'aws-bedrock-bench-tree');
  rmSync(tree, { recursive: true, force: true });
  const stats = writeTree(tree, SHAPE, ctx.ids);
  const pattern = `claude-|(?:${ctx.providers.join('|')})\\.`;
  const cli = join(ctx.root, 'dist/cli/bin.js');
  let listed = 0;
  let findings = 0;
  const rg = async (): Promise<Sample> => {
    const r = await run('rg', ['-i', '-l', '--no-messages', '-e', pattern, '.'], { cwd: tree, okCodes: [0, 1] });
    listed = r.stdout.split('\n').filter(Boolean).length;
    return r;
  };
  const check = async (): Promise<Sample> => {
    const r = await run(process.execPath, [cli, 'check', '.', '--format', 'json', '--no-stale-notice'], { cwd: tree, okCodes: [0, 1] });
    findings = (JSON.parse(r.stdout) as { ruleId: string | null }[]).filter((e) => e.ruleId !== null).length;
    return r;
  };
  try {
    // Once each, untimed: the page cache holds the tree for both from then on.
    await rg();
    await check();
    const samples = await interleave(ctx.reps, rg, check);
    const rgMs = median(samples.a.map((s) => s.ms));
    const checkMs = median(samples.b.map((s) => s.ms));
    const rgCpu = medianCpu(samples.a);
    const checkCpu = medianCpu(samples.b);
    const ratio = checkMs / rgMs;
    ctx.log(`  check ${samples.b.map((s) => ms(s.ms)).join(' ')}; rg ${samples.a.map((s) => ms(s.ms)).join(' ')}`);
    const cpu = rgCpu && checkCpu !== null ? `; CPU time ${ms(checkCpu)} vs ${ms(rgCpu)} (${(checkCpu / rgCpu).toFixed(1)}x)` : '';
    return {
      name: NAME,
      ratio,
      goal: `≤ ${GOAL} (stretch ${STRETCH})`,
      met: ratio <= GOAL,
      figures:
        `${ms(checkMs)} vs ${ms(rgMs)} (wall, median of ${ctx.reps}, interleaved)${cpu}; ` +
        `${stats.files} files, ${(stats.bytes / 1e6).toFixed(1)} MB, ${stats.namingModels} naming a model; ` +
        `rg lists ${listed} files, check reports ${findings} findings`,
      data: { rg: samples.a, check: samples.b, tree: stats, pattern },
    };
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}
