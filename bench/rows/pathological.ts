/**
 * Rows: pathological inputs linted at two sizes (the four rules through ESLint's Linter), and a
 * YAML mapping of many keys read by the checker's YAML scanner. The ratio is the growth in time
 * divided by the growth in size: 1.0 is linear, 2.0 quadratic.
 */
import { join } from 'node:path';
import type { BenchContext } from '../lib/context.js';
import { ms, type Row } from '../lib/row.js';
import { worker } from '../lib/stats.js';

const GOAL = 1.5;
const bytes = (n: number): string => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1e3).toFixed(1)} KB`);

interface PathologicalRun {
  sizes: [number, number];
  ms: [number, number];
  bytes: [number, number];
  results: { messages: number; fatal: string | null }[];
}

const CASES = [
  { kind: 'string', name: 'One string literal, 5 MB → 10 MB', sizes: [5 * 1024 * 1024, 10 * 1024 * 1024] },
  { kind: 'literals', name: 'Literals in one file, 50,000 → 100,000', sizes: [50_000, 100_000] },
  { kind: 'nested', name: 'Nested template literals, depth 250 → 500', sizes: [250, 500] },
  { kind: 'yaml', name: 'YAML mapping keys (checker), 25,000 → 50,000', sizes: [25_000, 50_000] },
] as const;

export async function pathologicalRows(ctx: BenchContext): Promise<Row[]> {
  const rows: Row[] = [];
  for (const c of CASES) {
    const reps = c.kind === 'nested' ? Math.max(ctx.reps * 2, 9) : Math.min(ctx.reps, 3);
    const result = await worker<PathologicalRun>(join(ctx.root, 'bench/workers/pathological.ts'), [
      c.kind,
      String(c.sizes[0]),
      String(c.sizes[1]),
      String(reps),
    ]);
    const fatal = result.results.find((r) => r.fatal)?.fatal;
    if (fatal) throw new Error(`${c.name}: a fatal error: ${fatal}`);
    const scaling = result.ms[1] / result.ms[0] / (result.sizes[1] / result.sizes[0]);
    ctx.log(`  ${c.name}: ${ms(result.ms[0])} → ${ms(result.ms[1])}`);
    rows.push({
      name: `Pathological: ${c.name}`,
      ratio: scaling,
      goal: `≤ ${GOAL} (1 = linear)`,
      met: scaling <= GOAL,
      figures: `${ms(result.ms[0])} → ${ms(result.ms[1])} for ${bytes(result.bytes[0])} → ${bytes(result.bytes[1])} of source; ${result.results[1]!.messages} reports; median of ${reps}`,
      data: { ...result },
    });
  }
  return rows;
}
