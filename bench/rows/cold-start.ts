/**
 * Rows: cold start. A fresh `node -e` that imports the plugin and loads its snapshot, against a
 * bare `node -e`, and against a fresh `node -e` importing eslint-plugin-compat (a data-backed
 * plugin users know). Each process reports the CPU time it used (`process.cpuUsage()`, all its
 * threads) when done; the wall time of the whole process is kept too. The three run interleaved,
 * in rotating order; the added time is the median of the differences within each round.
 */
import type { BenchContext } from '../lib/context.js';
import { ms, type Row } from '../lib/row.js';
import { median, run } from '../lib/stats.js';

/** The median of the differences a[i] - b[i] of samples taken in the same round. */
const medianDifference = (a: readonly number[], b: readonly number[]): number => median(a.map((x, i) => x - b[i]!));

const CPU = 'const u = process.cpuUsage(); console.log((u.user + u.system) / 1000)';
const CASES = {
  bare: CPU,
  plugin: `import('eslint-plugin-aws-bedrock').then((p) => { p.loadRegistry(); ${CPU}; })`,
  compat: `import('eslint-plugin-compat').then(() => { ${CPU}; })`,
} as const;
type Case = keyof typeof CASES;

const ADDED_GOAL_MS = 15;

export async function coldStartRows(ctx: BenchContext): Promise<Row[]> {
  const reps = Math.max(ctx.reps * 4, 11) | 1;
  const wall: Record<Case, number[]> = { bare: [], plugin: [], compat: [] };
  const cpu: Record<Case, number[]> = { bare: [], plugin: [], compat: [] };
  const names = Object.keys(CASES) as Case[];
  for (let i = 0; i < reps; i++) {
    // Rotate the order so that no case always runs right after another.
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length]!;
      const child = await run(process.execPath, ['-e', CASES[name]], { cwd: ctx.root });
      wall[name].push(child.ms);
      cpu[name].push(Number(child.stdout.trim()));
    }
  }
  // CPU time, because other jobs on a shared machine stretch wall time by more than the
  // difference measured; the wall-time figure is shown beside it.
  const added = medianDifference(cpu.plugin, cpu.bare);
  const addedWall = medianDifference(wall.plugin, wall.bare);
  const addedCompat = medianDifference(cpu.compat, cpu.bare);
  const m = { bare: median(cpu.bare), plugin: median(cpu.plugin), compat: median(cpu.compat) };
  ctx.log(`  cold start (CPU): bare ${ms(m.bare)}, plugin ${ms(m.plugin)}, eslint-plugin-compat ${ms(m.compat)}`);
  return [
    {
      name: 'Cold start: import + loadRegistry vs bare node',
      ratio: m.plugin / m.bare,
      goal: `≤ +${ADDED_GOAL_MS} ms`,
      met: added <= ADDED_GOAL_MS,
      figures:
        `+${ms(added)} of CPU time (${ms(m.plugin)} vs ${ms(m.bare)} for a bare node -e; median of ${reps} rounds); ` +
        `wall time +${ms(addedWall)} (${ms(median(wall.plugin))} vs ${ms(median(wall.bare))})`,
      data: { reps, wall, cpu },
    },
    {
      name: 'Cold start vs eslint-plugin-compat',
      ratio: m.plugin / m.compat,
      goal: '< 1',
      met: m.plugin < m.compat,
      figures: `${ms(m.plugin)} vs ${ms(m.compat)} of CPU time (compat adds +${ms(addedCompat)} over bare node)`,
    },
  ];
}
