/**
 * `npm run bench`: builds the package, runs every benchmark row side by side with its baseline,
 * prints one table of ratios, and writes it to bench/.out/results.json and results.md.
 *
 * Rows to run: all by default, or those named, as arguments (`npm run bench -- check eslint`) or
 * with `--only check,eslint`. A name selects its row and the rows named `<name>-...` (`eslint`
 * runs eslint and eslint-bedrock). The rows: eslint, eslint-bedrock, cold-start, classifier,
 * check, sync, heap, pathological.
 * BENCH_REPS sets the repetitions (default 5): ESLint runs per file and side, cold starts (×4),
 * and runs per side elsewhere; the sync and large pathological rows cap it at 3.
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
import { eslintBedrockRow, eslintRow } from './rows/eslint.js';
import { heapRow } from './rows/heap.js';
import { pathologicalRows } from './rows/pathological.js';
import { syncRow } from './rows/sync.js';
import type { CorpusIds } from './gen/corpus.js';

const ROWS: Record<string, (ctx: BenchContext) => Promise<Row | Row[]>> = {
  eslint: eslintRow,
  'eslint-bedrock': eslintBedrockRow,
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

/** A mistake in the arguments: its message is all there is to say. */
class UsageError extends Error {}

/** The rows the arguments name (positional, or `--only a,b`), in the table's order; all without any. */
function selectedRows(argv: readonly string[]): string[] {
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--only') names.push(...(argv[++i] ?? '').split(','));
    else if (arg.startsWith('--only=')) names.push(...arg.slice('--only='.length).split(','));
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}; name rows to run (${Object.keys(ROWS).join(', ')}), or none for all`);
    else names.push(arg);
  }
  const wanted = names.filter(Boolean);
  if (!wanted.length) return Object.keys(ROWS);
  const unknown = wanted.filter((n) => !Object.keys(ROWS).some((row) => row === n || row.startsWith(`${n}-`)));
  if (unknown.length) throw new UsageError(`no row named ${unknown.join(', ')}; the rows are ${Object.keys(ROWS).join(', ')}`);
  return Object.keys(ROWS).filter((row) => wanted.some((n) => row === n || row.startsWith(`${n}-`)));
}

function machine(): Record<string, string | number> {
  return { nproc: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, os: `${platform()} ${release()}` };
}

async function main(): Promise<void> {
  const started = performance.now();
  const names = selectedRows(process.argv.slice(2));
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
  const text = error instanceof UsageError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`bench: ${text}\n`);
  process.exitCode = 1;
});
