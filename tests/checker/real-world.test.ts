import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findFiles } from '../../src/checker/files.js';
import type { JsonFinding } from '../../src/checker/formats/json.js';
import { check, NOW } from './helpers.js';

const CORPUS = fileURLToPath(new URL('../fixtures/checker/real-world/', import.meta.url));
const EXPECTED = fileURLToPath(new URL('../fixtures/checker/real-world-expected.json', import.meta.url));

/**
 * Per file, per `<line> <string>`: the rules that report the string there (`rule -> fix` where a
 * fix is certain), or none for a string that must stay quiet.
 */
type Expected = Record<string, Record<string, string[]>>;

describe('real-world-style Bedrock code (tests/fixtures/checker/real-world)', () => {
  it('reports the wrong IDs with the right rules, and stays quiet on the right ones, with the bundled snapshot', async () => {
    const expected = JSON.parse(readFileSync(EXPECTED, 'utf8')) as Expected;
    // The bundled snapshot changes with every sync; the day is pinned (--now 2026-11-26), and the
    // expectations name verdicts, not message texts.
    const { stdout, stderr, code } = await check(CORPUS, { snapshot: undefined, now: NOW, staleNotice: false });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const found: Expected = {};
    for (const f of JSON.parse(stdout) as JsonFinding[]) {
      const rules = ((found[f.file] ??= {})[`${f.line} ${f.text}`] ??= []);
      rules.push(f.fix ? `${f.ruleId} -> ${f.fix.text}` : f.ruleId);
    }
    for (const [file, strings] of Object.entries(expected)) {
      const lines = readFileSync(`${CORPUS}${file}`, 'utf8').split('\n');
      for (const [key, rules] of Object.entries(strings)) {
        const [, line, text] = /^(\d+) (.+)$/.exec(key)!;
        // A string that must stay quiet is really there.
        expect(lines[Number(line) - 1], `${file}:${key}`).toContain(text);
        expect([file, key, found[file]?.[key] ?? []]).toEqual([file, key, rules]);
      }
      // Nothing else is reported in the file.
      expect([file, Object.keys(found[file] ?? {}).filter((key) => !(key in strings))]).toEqual([file, []]);
    }
    expect(Object.keys(found).filter((file) => !(file in expected))).toEqual([]);
  });

  it('lists every file of the corpus in the expectations, and reads every file type', async () => {
    const { files, skipped } = await findFiles(['.'], CORPUS);
    expect(skipped).toEqual([]);
    const expected = JSON.parse(readFileSync(EXPECTED, 'utf8')) as Expected;
    expect(files.map((f) => f.path.slice(CORPUS.length)).sort()).toEqual(Object.keys(expected).sort());
    const languages = new Set(files.map((f) => f.language));
    expect([...languages].sort()).toEqual(['c-text', 'go', 'hash-text', 'hcl', 'javascript', 'json', 'python', 'shell', 'toml', 'yaml']);
  });
});
