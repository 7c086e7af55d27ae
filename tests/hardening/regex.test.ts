/**
 * No regular expression of the classifier, the rules or the reports can backtrack badly: checked
 * statically with eslint-plugin-regexp's super-linear analyses (which flag exponential and
 * polynomial backtracking, and super-linear moves of an unanchored search), and by running every
 * place that matches a regex on adversarial inputs of 100,000 characters (a catastrophic regex
 * there would not finish within the test timeout).
 */
import tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import regexp from 'eslint-plugin-regexp';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify, nearestModels } from '../../src/classifier/classify.js';
import { mightBeModelRef, parseModelRef } from '../../src/classifier/parse.js';
import { loadRegistry } from '../../src/registry/registry.js';
import { formatMessage } from '../../src/core/rule.js';
import { rules } from '../../src/eslint/rules.js';
import { checkRegions } from '../../src/core/regions.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const AUDITED = ['src/classifier/**/*.ts', 'src/rules/**/*.ts', 'src/core/**/*.ts', 'src/readers/**/*.ts', 'src/registry/**/*.ts'];
const REGEXP_RULES = {
  'regexp/no-super-linear-backtracking': 'error',
  'regexp/no-super-linear-move': 'error',
} as const;

const analysis = (): ESLint =>
  new ESLint({
    cwd: ROOT,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { regexp }, rules: REGEXP_RULES }],
  });

describe('regular expressions: static analysis', () => {
  it('flags a regex that backtracks badly (the check can fail)', async () => {
    const [result] = await analysis().lintText('export const bad = /^(a+)+$/;\nexport const slow = /a*a*b/;\n', {
      filePath: `${ROOT}src/example.ts`,
    });
    expect(result!.messages.map((m) => m.ruleId)).toEqual(
      expect.arrayContaining(['regexp/no-super-linear-backtracking', 'regexp/no-super-linear-move']),
    );
  });

  it('finds no super-linear regex in the classifier, rules, reports or registry', async () => {
    const results = await analysis().lintFiles(AUDITED);
    expect(results.length).toBeGreaterThan(10);
    const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line}: ${m.message}`));
    expect(problems).toEqual([]);
  });
});

const registry = loadRegistry();
const N = 100_000;
const ID = 'anthropic.claude-3-haiku-20240307-v1:0';

/** Long runs of the characters each pattern loops over, each with a tail that makes it fail late. */
const ADVERSARIAL = [
  'a'.repeat(N),
  'a.'.repeat(N / 2),
  `anthropic.${'-'.repeat(N)}`,
  `anthropic.${'a-'.repeat(N / 2)}!`,
  `us.anthropic.${'0'.repeat(N)}.`,
  `bedrock/${'converse/'.repeat(N / 9)}`,
  `arn:aws${'-'.repeat(N)}:bedrock:`,
  `arn:aws:bedrock:${'a'.repeat(N)}::foundation-model/${ID}`,
  `arn:aws:bedrock:us-east-1:${'1'.repeat(N)}:inference-profile/us.${ID}`,
  `claude-${'a-'.repeat(N / 2)}!`,
  `claude-${'-'.repeat(N)}`,
  `anthropic.claude${'-v1'.repeat(N / 3)}:x`,
  `meta.${'.a'.repeat(N / 2)}`,
  `${'{{ '.repeat(N / 3)}}}`,
  `{{${' '.repeat(N)}x`,
  `ab${'-a'.repeat(N / 2)}-`,
  `ab${'-aaaa'.repeat(N / 5)}-1x`,
  ':'.repeat(N),
  '\u0000'.repeat(N),
];

describe('regular expressions: adversarial inputs', () => {
  it.each(ADVERSARIAL.map((s) => [`${JSON.stringify(s.slice(0, 24))}… (${s.length} chars)`, s]))(
    'every matcher finishes on %s',
    (_name, input) => {
      expect(typeof mightBeModelRef(input)).toBe('boolean');
      // Past the prefilter's length cap too: the parser alone, on the whole string.
      const ref = parseModelRef(input.slice(0, 512), registry);
      expect(ref === null || typeof ref.modelId === 'string').toBe(true);
      expect(classify(input, registry, { regions: ['us-east-1'] })).toBeNull();
      expect(nearestModels(`anthropic.${input.slice(0, 512)}`, registry).length).toBeLessThanOrEqual(3);
      // No data: every placeholder stays as written.
      expect(formatMessage(input, {})).toBe(input);
      expect(() => checkRegions([input], registry, 'a test')).toThrow(/unknown region/);
    },
  );

  it('an adversarial region name in the options of every rule is one clear error', () => {
    const linter = new Linter({ configType: 'flat' });
    const value = `ab${'-a'.repeat(N / 2)}-x`;
    for (const name of Object.keys(rules)) {
      const config: Linter.Config = {
        plugins: { 'aws-bedrock': { rules } as never },
        rules: { [`aws-bedrock/${name}`]: ['error', { region: value }] },
      };
      expect(() => linter.verify('const a = 1;', config)).toThrow(/unknown region 'ab-a-a/);
    }
  });
});
