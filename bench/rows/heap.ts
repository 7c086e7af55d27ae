/**
 * Row: heap the loaded plugin keeps. In a fresh `node --expose-gc`, heapUsed after a full GC,
 * before and after importing the plugin and loading its snapshot; median of several processes.
 */
import type { BenchContext } from '../lib/context.js';
import type { Row } from '../lib/row.js';
import { median, run } from '../lib/stats.js';

const GOAL_MB = 10;
const SCRIPT = `
const settle = () => { for (let i = 0; i < 4; i++) globalThis.gc(); return process.memoryUsage().heapUsed; };
const before = settle();
const plugin = await import('eslint-plugin-aws-bedrock');
plugin.loadRegistry();
const after = settle();
console.log(JSON.stringify({ before, after, models: plugin.loadRegistry().models.size }));
`;

export async function heapRow(ctx: BenchContext): Promise<Row> {
  const retained: number[] = [];
  for (let i = 0; i < Math.max(ctx.reps, 3); i++) {
    const { stdout } = await run(process.execPath, ['--expose-gc', '--input-type=module', '-e', SCRIPT], { cwd: ctx.root });
    const { before, after } = JSON.parse(stdout) as { before: number; after: number };
    retained.push((after - before) / 1024 / 1024);
  }
  const mb = median(retained);
  ctx.log(`  heap: ${mb.toFixed(2)} MB retained`);
  return {
    name: 'Retained heap of the loaded plugin',
    ratio: mb / GOAL_MB,
    goal: `≤ ${GOAL_MB} MB`,
    met: mb <= GOAL_MB,
    figures: `${mb.toFixed(2)} MB (heapUsed after GC, after vs before import + loadRegistry; median of ${retained.length}); ratio is to the goal`,
    data: { retainedMb: retained },
  };
}
