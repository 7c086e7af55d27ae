/**
 * Bench worker: lints a corpus with three ESLint instances side by side in one process: the base
 * config (the TypeScript parser and ESLint's own recommended rules, as most projects run), the
 * same plus `aws-bedrock/recommended`, and a second instance of the base config (an A/A control:
 * its ratio to the base shows the noise of the machine). All first lint a warm-up corpus (warm
 * JIT code, snapshot loaded). Then each file of the corpus is linted by every side in turn, in an
 * order that rotates from file to file, so that a change in the machine's load falls on all sides
 * alike; the CPU time of each side is summed per chunk of files.
 * Prints `{ chunks: [{ base, plugin, control }] (CPU ms), files, problems: { base, plugin, control } }`.
 *
 * Usage: lint.ts <corpusDir> <warmupDir> <chunkCount>
 */
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import plugin from 'eslint-plugin-aws-bedrock';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [corpusArg, warmupArg, chunkArg] = process.argv.slice(2);
if (!corpusArg || !warmupArg || !chunkArg) throw new Error('usage: lint.ts <corpusDir> <warmupDir> <chunkCount>');
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
  const cpu = process.cpuUsage();
  const [result] = await eslint.lintText(text, { filePath: file });
  const used = process.cpuUsage(cpu);
  problems[side] += result!.messages.length;
  return (used.user + used.system) / 1000;
}

const warmup = resolve(warmupArg);
const warmupEngines = { base: engine(warmup, [base]), plugin: engine(warmup, withPlugin), control: engine(warmup, [base]) };
const SIDES = Object.keys(sides) as Side[];
for (const file of tsFiles(warmup)) {
  const text = readFileSync(file, 'utf8');
  for (const side of SIDES) await lint(side, file, text, warmupEngines[side]);
}
for (const side of SIDES) problems[side] = 0;

const ORDERS: Side[][] = [
  ['base', 'plugin', 'control'],
  ['plugin', 'control', 'base'],
  ['control', 'base', 'plugin'],
  ['base', 'control', 'plugin'],
  ['plugin', 'base', 'control'],
  ['control', 'plugin', 'base'],
];
const files = tsFiles(corpus).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
const size = Math.ceil(files.length / Number(chunkArg));
const chunks: Record<Side, number>[] = [];
for (const [i, { file, text }] of files.entries()) {
  if (i % size === 0) chunks.push({ base: 0, plugin: 0, control: 0 });
  const chunk = chunks.at(-1)!;
  // All six orders in turn: each side comes first, second and last equally often.
  const order = ORDERS[i % ORDERS.length]!;
  for (const side of order) chunk[side] += await lint(side, file, text);
}
console.log(JSON.stringify({ chunks, files: files.length, problems }));
