/**
 * Bench worker: the built classifier over one million literal strings, against a loop doing a
 * trivial operation on the same strings, alternated `reps` times after a warm-up. Prints medians
 * in ns per string, with the prefilter alone and the share of strings it lets through.
 *
 * Usage: classifier.ts <reps>
 */
import { classify, loadRegistry, mightBeModelRef } from 'eslint-plugin-aws-bedrock';
import { corpusIds } from '../gen/corpus.js';
import { literalStrings } from '../gen/strings.js';
import { median } from '../lib/stats.js';

const COUNT = 1_000_000;
const reps = Number(process.argv[2] ?? 5);
const registry = loadRegistry();
const strings = literalStrings(COUNT, corpusIds(registry));
const now = new Date();

const loops = {
  baseline(): number {
    let sum = 0;
    for (const s of strings) sum += s.length + s.charCodeAt(0);
    return sum;
  },
  prefilter(): number {
    let passed = 0;
    for (const s of strings) if (mightBeModelRef(s)) passed++;
    return passed;
  },
  classify(): number {
    let refs = 0;
    for (const s of strings) if (classify(s, registry, { now }) !== null) refs++;
    return refs;
  },
};
type Loop = keyof typeof loops;

const nsPerString = (loop: Loop): { ns: number; result: number } => {
  const start = process.hrtime.bigint();
  const result = loops[loop]();
  return { ns: Number(process.hrtime.bigint() - start) / COUNT, result };
};

for (const loop of Object.keys(loops) as Loop[]) nsPerString(loop);
const samples: Record<Loop, number[]> = { baseline: [], prefilter: [], classify: [] };
const results: Partial<Record<Loop, number>> = {};
for (let i = 0; i < reps; i++) {
  for (const loop of Object.keys(loops) as Loop[]) {
    const { ns, result } = nsPerString(loop);
    samples[loop].push(ns);
    results[loop] = result;
  }
}
console.log(
  JSON.stringify({
    count: COUNT,
    baselineNs: median(samples.baseline),
    prefilterNs: median(samples.prefilter),
    classifyNs: median(samples.classify),
    passedPrefilter: results.prefilter,
    modelRefs: results.classify,
  }),
);
