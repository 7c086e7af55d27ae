/**
 * Rows: ESLint with `aws-bedrock/recommended` against the same run without the plugin, on two
 * generated TypeScript corpora: 2,000 files of which one in five calls Bedrock (most projects),
 * and 600 files that all call Bedrock (a service built on it: the plugin's pre-filter lets every
 * file through, so its whole per-file cost shows).
 *
 * One worker process lints every file with both configs and an A/A control (the base config
 * again), each `reps` times in rotating order, keeping each side's fastest time per file; the
 * ratio is the sum of the plugin side's times over the base side's. The control's ratio, computed
 * the same way, shows how far noise alone moves such a figure.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateBedrockCorpus, generateCorpus, writeCorpus, type CorpusFile } from '../gen/corpus.js';
import type { BenchContext } from '../lib/context.js';
import { ms, type Row } from '../lib/row.js';
import { worker } from '../lib/stats.js';

const WARMUP_FILES = 200;
const CHUNK = 100;

type Timing = { bedrock: boolean; base: number; plugin: number; control: number };
interface LintRun {
  files: Timing[];
  problems: { base: number; plugin: number; control: number };
}

const sum = (timings: readonly Timing[], side: 'base' | 'plugin' | 'control'): number =>
  timings.reduce((total, t) => total + t[side], 0);
const ratioOf = (timings: readonly Timing[], side: 'plugin' | 'control' = 'plugin'): number =>
  sum(timings, side) / sum(timings, 'base');

/** Writes the corpus and a warm-up corpus to bench/.out and lints them in the worker. */
async function lint(ctx: BenchContext, name: string, files: readonly CorpusFile[], warmup: readonly CorpusFile[], reps: number): Promise<LintRun> {
  const corpus = join(ctx.out, name);
  const warmupDir = join(ctx.out, `${name}-warmup`);
  for (const dir of [corpus, warmupDir]) rmSync(dir, { recursive: true, force: true });
  writeCorpus(corpus, files);
  writeCorpus(warmupDir, warmup);
  const run = await worker<LintRun>(join(ctx.root, 'bench/workers/lint.ts'), [corpus, warmupDir, String(reps)]);
  if (run.files.length !== files.length) throw new Error(`the worker linted ${run.files.length} files, expected ${files.length}`);
  return run;
}

/** The figures both rows give: the sums, the control, the spread over chunks, the size, the problems. */
function figures(run: LintRun, reps: number, bytes: number): { chunks: number[]; text: string } {
  const chunks: number[] = [];
  for (let i = 0; i < run.files.length; i += CHUNK) chunks.push(ratioOf(run.files.slice(i, i + CHUNK)));
  const text =
    `sum over the files of each side's fastest of ${reps} runs (wall, in one process, rotating order); ` +
    `${ms(sum(run.files, 'plugin'))} vs ${ms(sum(run.files, 'base'))}; A/A control (base vs base) ${ratioOf(run.files, 'control').toFixed(3)}; ` +
    `chunks of ${CHUNK} files ${Math.min(...chunks).toFixed(3)}–${Math.max(...chunks).toFixed(3)}; ` +
    `${(bytes / 1e6).toFixed(1)} MB; the plugin reports ${run.problems.plugin - run.problems.base} problems`;
  return { chunks, text };
}

const FILES = 2_000;
const GOAL = 1.02;

export async function eslintRow(ctx: BenchContext): Promise<Row> {
  const files = generateCorpus(FILES, ctx.ids, 1);
  const reps = Math.min(ctx.reps, 5);
  const run = await lint(ctx, 'corpus', files, generateCorpus(WARMUP_FILES, ctx.ids, 2), reps);
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  const { chunks, text } = figures(run, reps, bytes);
  const bedrock = run.files.filter((t) => t.bedrock);
  const other = run.files.filter((t) => !t.bedrock);
  const ratio = ratioOf(run.files);
  ctx.log(`  eslint: chunk ratios ${chunks.map((r) => r.toFixed(3)).join(' ')}`);
  return {
    name: `ESLint, ${FILES} TS files, recommended vs without plugin`,
    ratio,
    goal: `≤ ${GOAL}`,
    met: ratio <= GOAL,
    figures: `${text}; the ${bedrock.length} files that call Bedrock ${ratioOf(bedrock).toFixed(3)}, the ${other.length} others ${ratioOf(other).toFixed(3)}`,
    data: { files: FILES, bytes, reps, chunks, timings: run.files, problems: run.problems },
  };
}

const BEDROCK_FILES = 600;
const BEDROCK_FUNCTIONS = 40;
const BEDROCK_GOAL = 1.03;
const BEDROCK_STRETCH = 1.02;

export async function eslintBedrockRow(ctx: BenchContext): Promise<Row> {
  const files = generateBedrockCorpus(BEDROCK_FILES, ctx.ids, 3, BEDROCK_FUNCTIONS);
  // Fastest of 3: the corpus takes about 25 s a side and round on the bench machine.
  const reps = Math.min(ctx.reps, 3);
  const run = await lint(ctx, 'corpus-bedrock', files, generateBedrockCorpus(WARMUP_FILES, ctx.ids, 4, BEDROCK_FUNCTIONS), reps);
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  const { chunks, text } = figures(run, reps, bytes);
  const ratio = ratioOf(run.files);
  ctx.log(`  eslint-bedrock: chunk ratios ${chunks.map((r) => r.toFixed(3)).join(' ')}`);
  return {
    name: `ESLint overhead, all-Bedrock corpus (${BEDROCK_FILES} TS files)`,
    ratio,
    goal: `≤ ${BEDROCK_GOAL} (stretch ${BEDROCK_STRETCH})`,
    met: ratio <= BEDROCK_GOAL,
    figures: `${text}; each file a BedrockRuntimeClient, one ConverseCommand and ${BEDROCK_FUNCTIONS} ordinary functions`,
    data: { files: BEDROCK_FILES, bytes, reps, chunks, timings: run.files, problems: run.problems },
  };
}
