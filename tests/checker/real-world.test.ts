import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findFiles } from '../../src/checker/files.js';
import type { JsonFinding } from '../../src/checker/formats/json.js';
import { check } from './helpers.js';

const CORPUS = fileURLToPath(new URL('../fixtures/checker/real-world/', import.meta.url));

interface Expected {
  file: string;
  line: number;
  ruleId: string;
  severity: string;
  fix?: string;
}

const key = (f: Expected): string => `${f.file}:${f.line} ${f.ruleId} ${f.severity}${f.fix ? ` -> ${f.fix}` : ''}`;

describe('real-world-style Bedrock code (tests/fixtures/checker/real-world)', () => {
  it('finds the wrong IDs and stays quiet on the right ones, with the bundled snapshot', async () => {
    const expected = JSON.parse(readFileSync(`${CORPUS}expected.json`, 'utf8')) as Expected[];
    // The bundled snapshot, judged on a pinned day.
    const { stdout, stderr, code } = await check(CORPUS, { snapshot: undefined, staleNotice: false });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const found = (JSON.parse(stdout) as JsonFinding[]).map((f) =>
      key({ file: f.file, line: f.line, ruleId: f.ruleId, severity: f.severity, ...(f.fix ? { fix: f.fix.text } : {}) }),
    );
    expect(found.sort()).toEqual(expected.map(key).sort());
  });

  it('reads every file type of the corpus', async () => {
    const languages = new Set((await findFiles(['.'], CORPUS)).map((f) => f.language));
    expect([...languages].sort()).toEqual(['c-text', 'go', 'hash-text', 'hcl', 'javascript', 'json', 'python', 'shell', 'toml', 'yaml']);
  });
});
