/**
 * Bench worker: lints a corpus with three ESLint instances side by side in one process: the base
 * config (the TypeScript parser and ESLint's own recommended rules, as most projects run), the
 * same plus `aws-bedrock/recommended`, and a second instance of the base config (an A/A control:
 * its ratio to the base shows the noise of the measurement). All first lint a warm-up corpus
 * (warm JIT code, snapshot loaded). Then each file of the corpus is linted once untimed, then
 * `reps` times by every side, in an order that rotates from round to round and file to file, and
 * each side keeps its fastest time for the file: the minimum drops what the machine's other jobs and the garbage
 * collection of another side's work add to a single run, which would otherwise scatter the sums.
 * Prints `{ files: [{ bedrock, base, plugin, control }] (ms, fastest of reps), problems }`.
 *
 * Usage: lint.ts <corpusDir> <warmupDir> <reps>
 */
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import plugin from 'eslint-plugin-aws-bedrock';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

const [corpusArg, warmupArg, repsArg] = process.argv.slice(2);
if (!corpusArg || !warmupArg || !repsArg) throw new Error('usage: lint.ts <corpusDir> <warmupDir> <reps>');
const corpus = resolve(corpusArg);

/**
 * ESLint's recommended rules; no-undef is off for TypeScript, as typescript-eslint advises. (A
 * config with no rule at all is no baseline: ESLint then skips work that any one rule, even one
 * with no listener, brings back, about 1 ms per file here.)
 */
const coreRules: Linter.RulesRecord = Object.fromEntries(
  [...builtinRules]
    .filter(([name, rule]) => rule.meta?.docs?.recommended && name !== 'no-undef')
    .map(([name]) => [name, 'error']),
);
const base: Linter.Config = { files: ['**/*.ts'], languageOptions: { parser: tsParser }, rules: coreRules };
const withPlugin: Linter.Config[] = [base, { ...plugin.configs.recommended, files: ['**/*.ts'] } as Linter.Config];

const engine = (cwd: string, config: Linter.Config[]) =>
  new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, cache: false });
const sides = { base: engine(corpus, [base]), plugin: engine(corpus, withPlugin), control: engine(corpus, [base]) };
type Side = keyof typeof sides;

const tsFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => join(dir, f));

const problems: Record<Side, number> = { base: 0, plugin: 0, control: 0 };
async function lint(side: Side, file: string, text: string, eslint = sides[side]): Promise<number> {
  const start = performance.now();
  const [result] = await eslint.lintText(text, { filePath: file });
  const elapsed = performance.now() - start;
  problems[side] += result!.messages.length;
  return elapsed;
}

const warmup = resolve(warmupArg);
const warmupEngines = { base: engine(warmup, [base]), plugin: engine(warmup, withPlugin), control: engine(warmup, [base]) };
const SIDES = Object.keys(sides) as Side[];
for (const file of tsFiles(warmup)) {
  const text = readFileSync(file, 'utf8');
  for (const side of SIDES) await lint(side, file, text, warmupEngines[side]);
}
for (const side of SIDES) problems[side] = 0;

const reps = Number(repsArg);
const files = tsFiles(corpus).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
const timings: ({ bedrock: boolean } & Record<Side, number>)[] = [];
for (const [i, { file, text }] of files.entries()) {
  // Once untimed first: whoever reads a text first pays for what the engine caches of it.
  await warmupEngines.control.lintText(text, { filePath: file });
  const fastest: Record<Side, number> = { base: Infinity, plugin: Infinity, control: Infinity };
  for (let round = 0; round < reps; round++) {
    // Rotations: over three rounds (or more) each side runs first, second and third (at least) once.
    for (let k = 0; k < SIDES.length; k++) {
      const side = SIDES[(i + round + k) % SIDES.length]!;
      fastest[side] = Math.min(fastest[side], await lint(side, file, text));
    }
  }
  // The generator puts the files that call Bedrock under ai/.
  timings.push({ bedrock: file.includes(`${sep}ai${sep}`), ...fastest });
}
for (const side of SIDES) problems[side] /= reps;
console.log(JSON.stringify({ files: timings, problems }));
