/**
 * Rows: cold start. A fresh `node -e` that imports the plugin and loads its snapshot, against a
 * bare `node -e 0`, and against a fresh `node -e` importing eslint-plugin-compat (a data-backed
 * plugin users know). Wall time of the whole process; the three interleaved, medians.
 */
import type { BenchContext } from '../lib/context.js';
import { ms, type Row } from '../lib/row.js';
import { median, run } from '../lib/stats.js';

const CASES = {
  bare: '0',
  plugin: "import('eslint-plugin-aws-bedrock').then((p) => p.loadRegistry())",
  compat: "import('eslint-plugin-compat')",
} as const;
type Case = keyof typeof CASES;

const ADDED_GOAL_MS = 15;

export async function coldStartRows(ctx: BenchContext): Promise<Row[]> {
  const reps = Math.max(ctx.reps * 4, 11) | 1;
  const wall: Record<Case, number[]> = { bare: [], plugin: [], compat: [] };
  const names = Object.keys(CASES) as Case[];
  for (let i = 0; i < reps; i++) {
    // Rotate the order so that no case always runs right after another.
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length]!;
      wall[name].push((await run(process.execPath, ['-e', CASES[name]], { cwd: ctx.root })).ms);
    }
  }
  const m = { bare: median(wall.bare), plugin: median(wall.plugin), compat: median(wall.compat) };
  ctx.log(`  cold start: bare ${ms(m.bare)}, plugin ${ms(m.plugin)}, eslint-plugin-compat ${ms(m.compat)}`);
  const added = m.plugin - m.bare;
  const addedCompat = m.compat - m.bare;
  return [
    {
      name: 'Cold start: import + loadRegistry vs bare node',
      ratio: m.plugin / m.bare,
      goal: `≤ +${ADDED_GOAL_MS} ms`,
      met: added <= ADDED_GOAL_MS,
      figures: `+${ms(added)} (${ms(m.plugin)} vs ${ms(m.bare)} for node -e 0; median of ${reps}, wall)`,
      data: { reps, wall },
    },
    {
      name: 'Cold start vs eslint-plugin-compat',
      ratio: m.plugin / m.compat,
      goal: '< 1',
      met: m.plugin < m.compat,
      figures: `${ms(m.plugin)} vs ${ms(m.compat)} (compat adds +${ms(addedCompat)} over bare node)`,
    },
  ];
}
