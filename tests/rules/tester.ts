/**
 * Shared by the rule tests: a RuleTester on the frozen fixture snapshot with a pinned clock, a
 * Linter run of all four rules (to check that a suggestion's output passes every rule, and for
 * JSON files, which RuleTester cannot parse), and the few lines of code the tests are made of.
 */
import json from '@eslint/json';
import tsParser from '@typescript-eslint/parser';
import { RuleTester, type InvalidTestCase, type RunTests } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import { Linter } from 'eslint';
import { fileURLToPath } from 'node:url';
import type { AnyRule } from '../../src/core/rule.js';
import { toEslintRule } from '../../src/eslint/create-rule.js';
import { rules } from '../../src/eslint/rules.js';

export const snapshot = fileURLToPath(new URL('../fixtures/snapshot.json', import.meta.url));

/** `settings` for the fixture and the pinned day, with `extra` keys (region, regions, now) on top. */
export const bedrockSettings = (extra: Record<string, unknown> = {}) => ({
  'aws-bedrock': { snapshot, now: '2026-11-26', ...extra },
});

/** Model IDs of the fixture that several rule tests use. */
export const SONNET_37 = 'anthropic.claude-3-7-sonnet-20250219-v1:0';
export const SONNET_45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
export const SONNET_46 = 'anthropic.claude-sonnet-4-6';
export const HAIKU_45 = 'anthropic.claude-haiku-4-5-20251001-v1:0';

/** A line creating a Bedrock client in `region`. */
export const client = (region: string): string => `const client = new BedrockRuntimeClient({ region: '${region}' });\n`;
/** `const modelId = '<id>';`: the string starts at column 17. */
export const modelId = (id: string, quote = "'"): string => `const modelId = ${quote}${id}${quote};`;
/** The location of the string of a `modelId(id)` line. */
export const at = (line: number, id: string) => ({ line, column: 17, endLine: line, endColumn: 17 + id.length + 2 });

const ruleTester = new RuleTester({ languageOptions: { parser: tsParser }, settings: bedrockSettings() });

/**
 * `ruleTester.run` for a rule of the core, through the ESLint adapter (as the plugin ships it).
 * RuleTester is typed with typescript-eslint's RuleModule, ESLint's own rule type with stricter
 * types; the cast bridges the two.
 */
export function runRuleTests<M extends string, O extends readonly unknown[]>(name: string, rule: AnyRule, tests: RunTests<M, O>): void {
  ruleTester.run(name, toEslintRule(rule) as unknown as Parameters<typeof ruleTester.run<M, O>>[1], tests);
}

/** Lints `code` with every rule of the plugin at 'error'; `filename` ending in .json uses @eslint/json. */
export function lintAll(
  code: string,
  { filename = 'file.ts', settings = bedrockSettings() }: { filename?: string; settings?: Record<string, unknown> } = {},
): Linter.LintMessage[] {
  const plugin = { rules } as unknown as NonNullable<Linter.Config['plugins']>[string];
  const isJson = filename.endsWith('.json');
  const config: Linter.Config = {
    files: [isJson ? '**/*.json' : '**/*.{js,ts}'],
    plugins: { 'aws-bedrock': plugin, json },
    rules: Object.fromEntries(Object.keys(rules).map((name) => [`aws-bedrock/${name}`, 'error'])),
    settings,
    ...(isJson ? { language: 'json/json' } : { languageOptions: { parser: tsParser } }),
  };
  return new Linter({ configType: 'flat' }).verify(code, [config], filename);
}

/** Every suggestion of `invalid` cases, applied, passes every rule of the plugin. */
export function suggestionsPassEveryRule(name: string, invalid: readonly InvalidTestCase<string, readonly unknown[]>[], atLeast: number): void {
  describe(`${name} suggestions pass every rule`, () => {
    const cases = invalid.flatMap((testCase) =>
      testCase.errors.flatMap((error) =>
        (error.suggestions ?? []).map((suggestion) => ({ output: suggestion.output, settings: testCase.settings })),
      ),
    );

    it('has suggestions to check', () => {
      expect(cases.length).toBeGreaterThanOrEqual(atLeast);
    });

    it.each(cases)('$output', ({ output, settings }) => {
      expect(lintAll(output, { settings: settings ?? bedrockSettings() })).toEqual([]);
    });
  });
}
