/**
 * Row: ESLint over 2,000 generated TypeScript files with `aws-bedrock/recommended`, against the
 * same run without the plugin. One worker process lints every file with both configs and an A/A
 * control (the base config again), each `reps` times in rotating order, keeping each side's
 * fastest time per file; the ratio is the sum of the plugin side's times over the base side's.
 * The control's ratio, computed the same way, shows how far noise alone moves such a figure.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus, writeCorpus } from '../gen/corpus.js';
import type { BenchContext } from '../lib/context.js';
import { ms, type Row } from '../lib/row.js';
import { worker } from '../lib/stats.js';

const FILES = 2_000;
const WARMUP_FILES = 200;
const CHUNK = 100;
const GOAL = 1.02;

type Timing = { bedrock: boolean; base: number; plugin: number; control: number };
interface LintRun {
  files: Timing[];
  problems: { base: number; plugin: number; control: number };
}

const sum = (timings: readonly Timing[], side: 'base' | 'plugin' | 'control'): number =>
  timings.reduce((total, t) => total + t[side], 0);
const ratioOf = (timings: readonly Timing[], side: 'plugin' | 'control' = 'plugin'): number =>
  sum(timings, side) / sum(timings, 'base');

export async function eslintRow(ctx: BenchContext): Promise<Row> {
  const corpus = join(ctx.out, 'corpus');
  const warmup = join(ctx.out, 'warmup');
  for (const dir of [corpus, warmup]) rmSync(dir, { recursive: true, force: true });
  const files = generateCorpus(FILES, ctx.ids, 1);
  writeCorpus(corpus, files);
  writeCorpus(warmup, generateCorpus(WARMUP_FILES, ctx.ids, 2));
  const bytes = files.reduce((n, f) => n + f.text.length, 0);

  const reps = Math.min(ctx.reps, 5);
  const run = await worker<LintRun>(join(ctx.root, 'bench/workers/lint.ts'), [corpus, warmup, String(reps)]);
  if (run.files.length !== FILES) throw new Error(`the worker linted ${run.files.length} files, expected ${FILES}`);
  const chunks: number[] = [];
  for (let i = 0; i < FILES; i += CHUNK) chunks.push(ratioOf(run.files.slice(i, i + CHUNK)));
  const bedrock = run.files.filter((t) => t.bedrock);
  const other = run.files.filter((t) => !t.bedrock);
  const ratio = ratioOf(run.files);
  const found = run.problems.plugin - run.problems.base;
  ctx.log(`  eslint: chunk ratios ${chunks.map((r) => r.toFixed(3)).join(' ')}`);
  return {
    name: `ESLint, ${FILES} TS files, recommended vs without plugin`,
    ratio,
    goal: `≤ ${GOAL}`,
    met: ratio <= GOAL,
    figures:
      `sum over the files of each side's fastest of ${reps} runs (wall, in one process, rotating order); ` +
      `${ms(sum(run.files, 'plugin'))} vs ${ms(sum(run.files, 'base'))}; A/A control (base vs base) ${ratioOf(run.files, 'control').toFixed(3)}; ` +
      `the ${bedrock.length} files that call Bedrock ${ratioOf(bedrock).toFixed(3)}, the ${other.length} others ${ratioOf(other).toFixed(3)}; ` +
      `chunks of ${CHUNK} files ${Math.min(...chunks).toFixed(3)}–${Math.max(...chunks).toFixed(3)}; ` +
      `${(bytes / 1e6).toFixed(1)} MB; the plugin reports ${found} problems`,
    data: { files: FILES, bytes, reps, chunks, timings: run.files, problems: run.problems },
  };
}
