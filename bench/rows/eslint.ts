/**
 * Row: ESLint over 2,000 generated TypeScript files with `aws-bedrock/recommended`, against the
 * same run without the plugin. Each worker process lints every file with both configs and an A/A
 * control (the base config again) in rotating order; the ratio is the median, over the chunks of
 * 100 files of all workers, of the ratio of the CPU time of the two sides. The control's ratio,
 * computed the same way, shows how far the machine's noise alone moves such a figure.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus, writeCorpus } from '../gen/corpus.js';
import type { BenchContext } from '../lib/context.js';
import { ms, type Row } from '../lib/row.js';
import { median, worker } from '../lib/stats.js';

const FILES = 2_000;
const WARMUP_FILES = 200;
const CHUNKS = 20;
const GOAL = 1.02;

interface LintRun {
  chunks: { base: number; plugin: number; control: number }[];
  files: number;
  problems: { base: number; plugin: number; control: number };
}

export async function eslintRow(ctx: BenchContext): Promise<Row> {
  const corpus = join(ctx.out, 'corpus');
  const warmup = join(ctx.out, 'warmup');
  for (const dir of [corpus, warmup]) rmSync(dir, { recursive: true, force: true });
  const files = generateCorpus(FILES, ctx.ids, 1);
  writeCorpus(corpus, files);
  writeCorpus(warmup, generateCorpus(WARMUP_FILES, ctx.ids, 2));
  const bytes = files.reduce((n, f) => n + f.text.length, 0);

  const workers = Math.min(ctx.reps, 4);
  const runs: LintRun[] = [];
  const ratios: number[] = [];
  const controls: number[] = [];
  const totals = { base: 0, plugin: 0 };
  for (let w = 0; w < workers; w++) {
    const run = await worker<LintRun>(join(ctx.root, 'bench/workers/lint.ts'), [corpus, warmup, String(CHUNKS)]);
    if (run.files !== FILES) throw new Error(`the worker linted ${run.files} files, expected ${FILES}`);
    runs.push(run);
    for (const chunk of run.chunks) {
      ratios.push(chunk.plugin / chunk.base);
      controls.push(chunk.control / chunk.base);
      totals.base += chunk.base;
      totals.plugin += chunk.plugin;
    }
    ctx.log(`  eslint worker ${w + 1}/${workers}: chunk ratios ${ratios.slice(-CHUNKS).map((r) => r.toFixed(3)).join(' ')}`);
  }
  const ratio = median(ratios);
  const found = runs[0]!.problems.plugin - runs[0]!.problems.base;
  return {
    name: `ESLint, ${FILES} TS files, recommended vs without plugin`,
    ratio,
    goal: `≤ ${GOAL}`,
    met: ratio <= GOAL,
    figures:
      `median of ${ratios.length} chunk ratios (CPU time, ${workers} processes × ${CHUNKS} chunks of ${FILES / CHUNKS} files, ` +
      `each file linted by both in rotating order; spread ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}); ` +
      `A/A control (base vs base) ${median(controls).toFixed(3)}; ` +
      `totals ${ms(totals.plugin / workers)} vs ${ms(totals.base / workers)} per pass (ratio ${(totals.plugin / totals.base).toFixed(3)}); ` +
      `${(bytes / 1e6).toFixed(1)} MB; the plugin reports ${found} problems`,
    data: { files: FILES, bytes, ratios, controls, totals, runs },
  };
}
