/**
 * Bench worker: lints one pathological input at two sizes with the four rules (TypeScript parser,
 * ESLint's Linter), `reps` times each after a warm-up, and prints the median time of each size.
 * The `yaml` input is read by the checker's YAML scanner instead.
 *
 * Usage: pathological.ts <string|literals|nested|yaml> <size1> <size2> <reps>
 */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import plugin from 'eslint-plugin-aws-bedrock';
import { scanYaml } from '../../src/readers/yaml.js';
import { hugeLiteral, manyLiterals, nestedTemplates, yamlMapping } from '../gen/pathological.js';
import { median } from '../lib/stats.js';

const [kind, size1, size2, repsArg] = process.argv.slice(2);
const ID = 'anthropic.claude-3-haiku-20240307-v1:0';
const inputs: Record<string, (size: number) => string> = {
  string: hugeLiteral,
  literals: (n) => manyLiterals(n, ID),
  nested: (depth) => nestedTemplates(depth, ID),
  yaml: (keys) => yamlMapping(keys, ID),
};
const make = inputs[kind ?? ''];
if (!make || !size1 || !size2) throw new Error('usage: pathological.ts <string|literals|nested|yaml> <size1> <size2> <reps>');

const linter = new Linter({ configType: 'flat' });
const config: Linter.Config[] = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser },
    plugins: { 'aws-bedrock': plugin as never },
    rules: Object.fromEntries(Object.keys(plugin.rules).map((name) => [`aws-bedrock/${name}`, 'error'])),
  },
];

function lint(code: string): { messages: number; fatal: string | null } {
  const messages = linter.verify(code, config, 'input.ts');
  return { messages: messages.length, fatal: messages.find((m) => m.fatal)?.message ?? null };
}

/** The YAML scanner's candidates stand in for messages. */
function scan(code: string): { messages: number; fatal: string | null } {
  const result = scanYaml(code);
  return result ? { messages: result.candidates.length, fatal: null } : { messages: 0, fatal: 'not valid YAML' };
}

function time(code: string): { ms: number; messages: number; fatal: string | null } {
  const start = performance.now();
  const result = (kind === 'yaml' ? scan : lint)(code);
  return { ms: performance.now() - start, ...result };
}

const sizes = [Number(size1), Number(size2)];
const codes = sizes.map(make);
time(make(Math.max(1, Math.floor(sizes[0]! / 10))));
const samples = sizes.map(() => [] as number[]);
const last: { messages: number; fatal: string | null }[] = [];
for (let i = 0; i < Number(repsArg ?? 3); i++) {
  codes.forEach((code, k) => {
    const result = time(code);
    samples[k]!.push(result.ms);
    last[k] = result;
  });
}
console.log(JSON.stringify({ sizes, ms: samples.map(median), bytes: codes.map((c) => c.length), results: last }));
