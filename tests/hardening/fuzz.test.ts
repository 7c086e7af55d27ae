/**
 * Fuzzing with fast-check, on arbitrary strings and on mutations of the real IDs of the bundled
 * snapshot: the classifier and every rule never throw; every autofix's output passes the rule
 * that made it; no suggestion or fix writes an ID the classifier calls unknown.
 *
 * FUZZ_RUNS sets the cases per property (`npm run fuzz` runs 100,000); the rule properties lint
 * ten strings per file, so they take FUZZ_RUNS / 10 files.
 */
import json from '@eslint/json';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classifier/classify.js';
import { loadRegistry } from '../../src/registry/registry.js';
import { reportsOf } from '../../src/core/judge.js';
import { messageOf } from '../../src/core/rule.js';
import { RULE_NAMES } from '../../src/core/rules.js';
import { rules } from '../../src/eslint/rules.js';
import { anyString, FUZZ_RUNS, mutatedId, regionsInPlay } from './arbitraries.js';

const registry = loadRegistry();
const NOW = '2026-11-26';
/** Each input, and whether it must reach suggestions and fixes (so that those properties are not vacuous). */
const inputs = { 'arbitrary strings': [anyString, false], 'mutated real IDs': [mutatedId(registry), true] } as const;
const date = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true });
const PLACEHOLDER = /\{\{\s*\w+\s*\}\}/;
/** Whole runs of a property: the slow ones get more time when FUZZ_RUNS is raised. */
const timeout = Math.max(30_000, FUZZ_RUNS * 20);

// JavaScript string literals holding any string (JSON escapes are valid in all three forms).
const escaped = (s: string): string => JSON.stringify(s).slice(1, -1);
const double = (s: string): string => JSON.stringify(s);
const single = (s: string): string => `'${escaped(s).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
const template = (s: string): string => `\`${escaped(s).replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``;

/** Ten strings in the places model IDs are written: constants, SDK calls, templates, keys, resources. */
function sourceWith(strings: readonly string[], region: string | undefined): string {
  const lines = [
    "import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';",
    region ? `const client = new BedrockRuntimeClient({ region: '${region}' });` : 'declare const client: BedrockRuntimeClient;',
  ];
  strings.forEach((s, i) => {
    switch (i % 5) {
      case 0:
        lines.push(`export const v${i} = ${single(s)};`);
        break;
      case 1:
        lines.push(`void client.send(new ConverseCommand({ modelId: ${double(s)}, messages: [] }));`);
        break;
      case 2:
        lines.push(`export const t${i} = ${template(s)};`);
        break;
      case 3:
        lines.push(`export const o${i} = { model: ${double(s)}, [${single(s)}]: 1 };`);
        break;
      default:
        lines.push(`export const p${i} = { Resource: [${single(`arn:aws:bedrock:us-east-1::foundation-model/${s}`)}] };`);
    }
  });
  return `${lines.join('\n')}\n`;
}

const linter = new Linter({ configType: 'flat' });
const plugin = { rules } as unknown as NonNullable<Linter.Config['plugins']>[string];

function lint(code: string, filename: string, only: readonly string[] = RULE_NAMES, regions: readonly string[] = []) {
  const config: Linter.Config = {
    // Not '**/*': ESLint only lints other extensions than .js for patterns that name them.
    files: ['**/*.ts', '**/*.json'],
    plugins: { 'aws-bedrock': plugin, json },
    rules: Object.fromEntries(only.map((name) => [`aws-bedrock/${name}`, 'error'])),
    settings: { 'aws-bedrock': { now: NOW, regions: [...regions] } },
    ...(filename.endsWith('.json') ? { language: 'json/json' } : { languageOptions: { parser: tsParser } }),
  };
  return linter.verify(code, [config], filename);
}

describe.each(Object.entries(inputs))('fuzz: %s', (_name, [input, reachesFixes]) => {
  it(
    'the classifier and every finding never throw, and messages fill every placeholder',
    () => {
      fc.assert(
        fc.property(input, regionsInPlay(registry), date, fc.boolean(), (text, regions, now, usesBedrock) => {
          const verdict = classify(text, registry, { regions, now });
          if (!verdict) return;
          for (const { rule, report } of reportsOf(verdict, registry, { regions: [], usesBedrock })) {
            const message = messageOf(rule, report.messageId, report.data);
            if (!text.includes('{{')) expect(message).not.toMatch(PLACEHOLDER);
            for (const suggestion of report.suggestions) expect(typeof messageOf(rule, suggestion.messageId, suggestion.data)).toBe('string');
          }
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    timeout,
  );

  it(
    'no suggestion or fix writes an ID the classifier calls unknown',
    () => {
      let checked = 0;
      fc.assert(
        fc.property(input, regionsInPlay(registry), date, (text, regions, now) => {
          const verdict = classify(text, registry, { regions, now });
          if (!verdict) return;
          for (const { rule, report } of reportsOf(verdict, registry, { regions: [], usesBedrock: true })) {
            const written = [...report.suggestions.map((s) => s.text), ...(report.fix ? [report.fix] : [])];
            for (const replacement of written) {
              checked++;
              expect(classify(replacement, registry, { regions, now })?.unknown ?? null, `${rule.name}: ${text} -> ${replacement}`).toBeNull();
            }
          }
        }),
        { numRuns: FUZZ_RUNS },
      );
      if (reachesFixes) expect(checked).toBeGreaterThan(0);
    },
    timeout,
  );

  it(
    'every rule lints any of these strings in TypeScript and JSON without throwing',
    () => {
      const batch = fc.array(input, { minLength: 1, maxLength: 10 });
      const region = fc.option(fc.constantFrom(...registry.regions), { nil: undefined });
      fc.assert(
        fc.property(batch, region, (strings, clientRegion) => {
          const messages = lint(sourceWith(strings, clientRegion), 'fuzz.ts');
          const jsonMessages = lint(`${JSON.stringify({ modelId: strings[0], models: strings })}\n`, 'fuzz.json');
          // Every message comes from a rule: no parse error, no configuration problem.
          for (const m of [...messages, ...jsonMessages]) expect(m.ruleId ?? m.message).toMatch(/^aws-bedrock\//);
        }),
        { numRuns: Math.ceil(FUZZ_RUNS / 10) },
      );
    },
    timeout,
  );

  it(
    "every autofix's output passes the rule that made it",
    () => {
      let fixes = 0;
      fc.assert(
        fc.property(input, regionsInPlay(registry), (text, regions) => {
          // Lint only what some rule can fix: the classifier says so without ESLint.
          const verdict = classify(text, registry, { regions, now: new Date(`${NOW}T00:00:00Z`) });
          if (!verdict || !reportsOf(verdict, registry).some(({ report }) => report.fix)) return;
          const code = `export const modelId = ${single(text)};\n`;
          const fixed = lint(code, 'fix.ts', RULE_NAMES, regions).filter((m) => m.fix);
          expect(fixed.length).toBeGreaterThan(0);
          for (const message of fixed) {
            const { range, text: replacement } = message.fix!;
            const output = code.slice(0, range[0]) + replacement + code.slice(range[1]);
            const rule = message.ruleId!.replace('aws-bedrock/', '');
            const again = lint(output, 'fix.ts', [rule], regions);
            expect(again, `${rule} fixed ${code} into ${output}`).toEqual([]);
            fixes++;
          }
        }),
        { numRuns: FUZZ_RUNS },
      );
      if (reachesFixes) expect(fixes).toBeGreaterThan(0);
    },
    timeout,
  );
});
