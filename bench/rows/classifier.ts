/**
 * Row: the classifier's cost per string literal, over one million strings of real-code shape,
 * against a loop doing a trivial operation on the same strings. No goal: a figure to watch.
 */
import { join } from 'node:path';
import type { BenchContext } from '../lib/context.js';
import type { Row } from '../lib/row.js';
import { worker } from '../lib/stats.js';

interface ClassifierRun {
  count: number;
  baselineNs: number;
  prefilterNs: number;
  classifyNs: number;
  passedPrefilter: number;
  modelRefs: number;
}

export async function classifierRow(ctx: BenchContext): Promise<Row> {
  const run = await worker<ClassifierRun>(join(ctx.root, 'bench/workers/classifier.ts'), [String(ctx.reps)]);
  const pct = (n: number) => `${((100 * n) / run.count).toFixed(1)}%`;
  ctx.log(`  classifier: ${run.classifyNs.toFixed(0)} ns/string, baseline ${run.baselineNs.toFixed(0)} ns/string`);
  return {
    name: 'Classifier per literal, 1,000,000 strings vs trivial loop',
    ratio: run.classifyNs / run.baselineNs,
    goal: '(figure)',
    met: null,
    figures:
      `${run.classifyNs.toFixed(0)} ns/string vs ${run.baselineNs.toFixed(0)} ns (prefilter alone ${run.prefilterNs.toFixed(0)} ns); ` +
      `${pct(run.passedPrefilter)} pass the prefilter, ${pct(run.modelRefs)} parse as model references; median of ${ctx.reps}`,
    data: { ...run },
  };
}
