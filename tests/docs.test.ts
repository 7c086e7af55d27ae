/**
 * Lints every fenced example of every rule doc (docs/rules/<rule>.md) with that doc's rule only,
 * on the bundled snapshot with the clock pinned: blocks marked `<!-- incorrect -->` must report
 * at least one problem of the rule, blocks marked `<!-- correct -->` none. A block sets its own
 * region (a Bedrock client in the block, or an inline `/* eslint ... *\/` rule config). What a
 * block's comments claim is checked too: `Fixed to '<id>'` must be what --fix writes, and
 * `Suggestion: '<id>'` must be among the rule's suggestions.
 */
import json from '@eslint/json';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { DEFAULT_SNAPSHOT_PATH } from '../src/registry/registry.js';
import { CuratedSchema, SnapshotSchema } from '../src/registry/schema.js';
import { AWS_ERRORS } from '../src/rules/utils/reports.js';
import { rules } from '../src/eslint/rules.js';

/** The day lifecycle examples are judged on, so that they do not drift as dates pass. */
const NOW = '2026-11-26';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOCS_DIR = `${ROOT}docs/rules/`;
const LANGUAGES = { ts: 'example.ts', js: 'example.js', json: 'example.json' } as const;

type Kind = 'incorrect' | 'correct';

interface Example {
  readonly kind: Kind;
  readonly lang: keyof typeof LANGUAGES;
  readonly code: string;
  /** 1-based line of the opening fence in the doc. */
  readonly line: number;
}

interface Block {
  readonly kind: Kind | null;
  readonly lang: string;
  readonly code: string;
  readonly line: number;
  readonly section: string;
}

/** Fenced code blocks of a Markdown doc, each with the marker comment before it (if any). */
function fencedBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  let section = '';
  let marker: Kind | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^## (.+)$/.exec(line);
    const mark = /^<!-- (incorrect|correct) -->$/.exec(line.trim());
    const fence = /^(`{3,})(\w*)\s*$/.exec(line);
    if (heading) section = heading[1]!.trim();
    if (mark) {
      marker = mark[1] as Kind;
    } else if (fence) {
      const end = lines.findIndex((l, j) => j > i && l.trim() === fence[1]);
      if (end < 0) throw new Error(`unclosed code fence at line ${i + 1}`);
      blocks.push({ kind: marker, lang: fence[2]!, code: lines.slice(i + 1, end).join('\n'), line: i + 1, section });
      marker = null;
      i = end;
    } else if (line.trim() !== '') {
      marker = null;
    }
  }
  return blocks;
}

function examplesOf(name: string): Example[] {
  const blocks = fencedBlocks(readFileSync(`${DOCS_DIR}${name}.md`, 'utf8'));
  for (const block of blocks) {
    if (block.section === 'Examples' && block.kind === null) {
      throw new Error(`docs/rules/${name}.md:${block.line}: a block under "## Examples" needs <!-- incorrect --> or <!-- correct -->`);
    }
    if (block.kind !== null && !(block.lang in LANGUAGES)) {
      throw new Error(`docs/rules/${name}.md:${block.line}: marked block of language '${block.lang}'; use ts, js or json`);
    }
  }
  return blocks.filter((b): b is Block & { kind: Kind; lang: Example['lang'] } => b.kind !== null);
}

/** IDs a block's comments claim as `Fixed to '<id>'` and as `Suggestion(s)[ include]: '<id>'`. */
const claims = (code: string, pattern: RegExp): string[] => [...code.matchAll(pattern)].map((m) => m[1]!);
const FIXED_TO = /fixed to '([^']+)'/gi;
const SUGGESTED = /suggestions?(?: include)?:? '([^']+)'/gi;
const count = (text: string, part: string): number => text.split(part).length - 1;

function configFor(ruleName: string): Linter.Config[] {
  return [
    { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
    { files: ['**/*.json'], plugins: { json }, language: 'json/json' },
    {
      plugins: { 'aws-bedrock': plugin as never },
      rules: { [`aws-bedrock/${ruleName}`]: 'error' },
      settings: { 'aws-bedrock': { now: NOW } },
    },
  ];
}

const lint = (ruleName: string, example: Example): Linter.LintMessage[] =>
  new Linter().verify(example.code, configFor(ruleName), { filename: LANGUAGES[example.lang] });

const fix = (ruleName: string, example: Example): string =>
  new Linter().verifyAndFix(example.code, configFor(ruleName), { filename: LANGUAGES[example.lang] }).output;

const ruleNames = Object.keys(rules);

describe('rule docs', () => {
  it.each(ruleNames)('docs/rules/%s.md exists and has incorrect and correct examples', (name) => {
    expect(existsSync(`${DOCS_DIR}${name}.md`)).toBe(true);
    const kinds = new Set(examplesOf(name).map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['correct', 'incorrect']);
  });

  describe.each(ruleNames.filter((name) => existsSync(`${DOCS_DIR}${name}.md`)))('docs/rules/%s.md', (name) => {
    const ruleId = `aws-bedrock/${name}`;
    it.each(examplesOf(name).map((e) => [`${e.kind} example at line ${e.line}`, e] as const))('%s', (_, example) => {
      const messages = lint(name, example);
      expect(messages.filter((m) => m.fatal || m.ruleId === null)).toEqual([]);
      const ofRule = messages.filter((m) => m.ruleId === ruleId);
      if (example.kind === 'incorrect') expect(ofRule.length).toBeGreaterThan(0);
      else expect(ofRule).toEqual([]);

      const fixed = fix(name, example);
      for (const id of claims(example.code, FIXED_TO)) {
        expect(count(fixed, id), `--fix writes '${id}'`).toBeGreaterThan(count(example.code, id));
      }
      const suggested = ofRule.flatMap((m) => (m.suggestions ?? []).map((s) => s.desc));
      for (const id of claims(example.code, SUGGESTED)) {
        expect(suggested.some((desc) => desc.includes(`'${id}'`)), `suggests '${id}'`).toBe(true);
      }
    });
  });
});

/** Every field name of a valibot schema, nested objects, arrays and records included. */
function fieldNames(schema: unknown, names = new Set<string>()): Set<string> {
  const node = schema as { entries?: Record<string, unknown>; wrapped?: unknown; item?: unknown; value?: unknown; pipe?: unknown[] };
  for (const [key, entry] of Object.entries(node.entries ?? {})) {
    names.add(key);
    fieldNames(entry, names);
  }
  for (const inner of [node.wrapped, node.item, node.value, node.pipe?.[0]]) {
    if (inner && inner !== schema) fieldNames(inner, names);
  }
  return names;
}

describe('README.md', () => {
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');

  it.each(Object.entries(AWS_ERRORS))('quotes the AWS error text %s exactly', (_, text) => {
    for (const part of text.split(/\{\{\w+\}\}/)) expect(readme).toContain(part);
  });

  it('states the date of the bundled snapshot', () => {
    const { generatedAt } = JSON.parse(readFileSync(DEFAULT_SNAPSHOT_PATH, 'utf8')) as { generatedAt: string };
    expect(readme).toContain(`as of **${generatedAt}**`);
  });

  it('gives the two commands for a fresh clone', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm ci && npm test');
  });
});

describe('docs/snapshot.md', () => {
  const doc = readFileSync(`${ROOT}docs/snapshot.md`, 'utf8');
  const fields = [...fieldNames(SnapshotSchema), ...fieldNames(CuratedSchema)];

  it('finds the fields of the schema', () => {
    expect(fields).toEqual(expect.arrayContaining(['schemaVersion', 'sourceRegions', 'obsoletePatterns']));
  });

  it.each([...new Set(fields)])('documents the field %s', (field) => {
    expect(doc).toContain(`\`${field}\``);
  });
});
