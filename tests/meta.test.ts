/**
 * Meta tests of the plugin object: every rule has its doc, its test and well-formed meta, and the
 * configs are exactly what each rule's `meta.docs` says.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { RULES } from '../src/core/rules.js';
import { rules } from '../src/eslint/rules.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PREFIX = 'aws-bedrock';
const ruleEntries = Object.entries(rules);
const configs = plugin.configs as unknown as Record<string, { name?: string; rules?: Record<string, unknown> }>;

describe('rules', () => {
  it('src/rules/index.ts lists every rule module in src/rules/, each under the name of its file', () => {
    const files = readdirSync(`${ROOT}src/rules`)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.slice(0, -'.ts'.length))
      .filter((name) => name !== 'index');
    expect(RULES.map((rule) => rule.name).sort()).toEqual(files.sort());
    expect(Object.keys(rules).sort()).toEqual(files.sort());
  });

  it.each(RULES.map((rule) => [rule.name, rule] as const))('%s: its messages are written in its own file, and ESLint shows them', (name, rule) => {
    expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
    expect(rules[name]?.meta?.messages).toEqual(rule.messages);
  });

  describe.each(ruleEntries)('%s', (name, rule) => {
    it('has a doc and a test', () => {
      expect(existsSync(`${ROOT}docs/rules/${name}.md`), `docs/rules/${name}.md`).toBe(true);
      expect(existsSync(`${ROOT}tests/rules/${name}.test.ts`), `tests/rules/${name}.test.ts`).toBe(true);
    });

    it('has a docs.url that names its doc, and a description', () => {
      expect(rule.meta?.docs?.url).toMatch(new RegExp(`/docs/rules/${name}\\.md$`));
      expect(rule.meta?.docs?.description).toMatch(/^[A-Z].+[^.]$/);
    });

    it("is of type 'problem' with non-empty messages", () => {
      expect(rule.meta?.type).toBe('problem');
      const messages = Object.entries(rule.meta?.messages ?? {});
      expect(messages.length).toBeGreaterThan(0);
      for (const [, text] of messages) expect(text.trim()).not.toBe('');
    });

    it('has a schema for its options, closed with additionalProperties: false', () => {
      const schema = rule.meta?.schema;
      expect(Array.isArray(schema)).toBe(true);
      for (const item of schema as { type?: string; additionalProperties?: unknown }[]) {
        expect(item.type).toBe('object');
        expect(item.additionalProperties).toBe(false);
      }
    });

    it('is in the all config', () => {
      expect(configs.all?.rules).toHaveProperty([`${PREFIX}/${name}`]);
    });
  });
});

describe('configs', () => {
  const ruleIds = new Set(Object.keys(rules).map((name) => `${PREFIX}/${name}`));

  it('are recommended, strict, all and json, each named after the plugin', () => {
    expect(Object.keys(configs).sort()).toEqual(['all', 'json', 'recommended', 'strict']);
    for (const [key, config] of Object.entries(configs)) expect(config.name).toBe(`${PREFIX}/${key}`);
  });

  it.each(Object.keys(configs))('%s references only existing rules of this plugin', (key) => {
    const referenced = Object.keys(configs[key]?.rules ?? {});
    expect(referenced.length).toBeGreaterThan(0);
    for (const id of referenced) expect(ruleIds).toContain(id);
  });

  it('recommended holds exactly the rules with docs.recommended, at that severity', () => {
    const expected = Object.fromEntries(
      ruleEntries.flatMap(([name, rule]) => {
        const severity = (rule.meta?.docs as { recommended?: string } | undefined)?.recommended;
        return severity ? [[`${PREFIX}/${name}`, severity]] : [];
      }),
    );
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    expect(configs.recommended?.rules).toEqual(expected);
  });

  it('strict holds every rule at its docs.strict severity (default error)', () => {
    const expected = Object.fromEntries(
      ruleEntries.map(([name, rule]) => [
        `${PREFIX}/${name}`,
        (rule.meta?.docs as { strict?: string } | undefined)?.strict ?? 'error',
      ]),
    );
    expect(configs.strict?.rules).toEqual(expected);
  });

  it('all holds every rule as an error', () => {
    expect(configs.all?.rules).toEqual(Object.fromEntries([...ruleIds].map((id) => [id, 'error'])));
  });

  it('json applies the recommended rules to JSON files through @eslint/json', () => {
    const json = plugin.configs.json as { files?: string[]; language?: string; rules?: unknown; plugins?: Record<string, unknown> };
    expect(json.language).toBe('json/json');
    expect(json.files).toContain('**/*.json');
    expect(json.rules).toEqual(configs.recommended?.rules);
    expect(json.plugins?.json).toBeDefined();
  });

  it('register the plugin object itself under its namespace', () => {
    for (const config of [plugin.configs.recommended, plugin.configs.strict, plugin.configs.all, plugin.configs.json]) {
      expect((config as { plugins?: Record<string, unknown> }).plugins?.[PREFIX]).toBe(plugin);
    }
  });
});
