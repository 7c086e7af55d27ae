/**
 * `npm run bench`: builds the package, runs every benchmark row side by side with its baseline,
 * prints one table of ratios, and writes it to bench/.out/results.json and results.md.
 *
 * Options: `--only <row,...>` (eslint, cold-start, classifier, check, sync, heap, pathological).
 * BENCH_REPS sets the repetitions (default 5): ESLint worker processes, cold starts (×4), and
 * runs per side elsewhere; the check, sync and large pathological rows cap it at 3.
 */
import { cpus, platform, release } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchContext } from './lib/context.js';
import { formatMarkdown, formatTable, type Row } from './lib/row.js';
import { run, worker } from './lib/stats.js';
import { checkRow } from './rows/check.js';
import { classifierRow } from './rows/classifier.js';
import { coldStartRows } from './rows/cold-start.js';
import { eslintRow } from './rows/eslint.js';
import { heapRow } from './rows/heap.js';
import { pathologicalRows } from './rows/pathological.js';
import { syncRow } from './rows/sync.js';
import type { CorpusIds } from './gen/corpus.js';

const ROWS: Record<string, (ctx: BenchContext) => Promise<Row | Row[]>> = {
  eslint: eslintRow,
  'cold-start': coldStartRows,
  classifier: classifierRow,
  check: checkRow,
  sync: syncRow,
  heap: heapRow,
  pathological: pathologicalRows,
};

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'bench/.out');
const log = (message: string): void => void process.stderr.write(`${message}\n`);

function selectedRows(): string[] {
  const at = process.argv.indexOf('--only');
  if (at < 0) return Object.keys(ROWS);
  const names = (process.argv[at + 1] ?? '').split(',').filter(Boolean);
  const unknown = names.filter((n) => !(n in ROWS));
  if (unknown.length || names.length === 0) {
    throw new Error(`--only takes a comma-separated list of: ${Object.keys(ROWS).join(', ')}`);
  }
  return names;
}

function machine(): Record<string, string | number> {
  return { nproc: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, os: `${platform()} ${release()}` };
}

async function main(): Promise<void> {
  const started = performance.now();
  const names = selectedRows();
  const repsEnv = Number(process.env.BENCH_REPS ?? 5);
  const reps = Number.isInteger(repsEnv) && repsEnv > 0 ? repsEnv : 5;
  mkdirSync(out, { recursive: true });

  log('building (npm run build)...');
  await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: root });
  // The bench measures the built package, as users load it.
  const { ids, providers } = await worker<{ ids: CorpusIds; providers: string[] }>(join(root, 'bench/workers/ids.ts'), []);
  const ctx: BenchContext = { root, out, reps, ids, providers, log };

  const rows: Row[] = [];
  for (const name of names) {
    log(`${name}...`);
    const result = await ROWS[name]!(ctx);
    rows.push(...(Array.isArray(result) ? result : [result]));
  }

  const seconds = (performance.now() - started) / 1000;
  const table = formatTable(rows);
  const about = machine();
  process.stdout.write(`\n${table}\n\n${about.nproc} × ${about.cpu}, Node ${about.node}, ${about.os}; ${seconds.toFixed(0)} s in all.\n`);
  const date = new Date().toISOString();
  writeFileSync(join(out, 'results.json'), `${JSON.stringify({ date, machine: about, reps, seconds, rows }, null, 2)}\n`);
  writeFileSync(join(out, 'results.md'), `${formatMarkdown(rows)}\n`);
  log(`wrote ${join('bench/.out', 'results.json')} and results.md`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
