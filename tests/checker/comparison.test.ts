/**
 * What `bedrock-lint check` reports on examples/ and the checker fixtures, pinned: a change to what
 * any reader, rule or the judge decides shows up here as a diff to review (and to accept by
 * updating tests/fixtures/comparison-expected.json when it is intended).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { JsonFinding } from '../../src/checker/formats/json.js';
import { check } from './helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXPECTED = new URL('../fixtures/comparison-expected.json', import.meta.url);

describe('bedrock-lint check on examples/ and tests/fixtures/checker', () => {
  it('reports the pinned findings: rule, position, severity and fix', async () => {
    // Each tree from its own root: below it, no path is a test's (tests/ would make every file one).
    const found: object[] = [];
    for (const tree of ['examples', 'tests/fixtures/checker']) {
      const { stdout } = await check(`${ROOT}${tree}`, { snapshot: undefined, now: new Date('2026-11-28T00:00:00Z'), staleNotice: false });
      for (const { file, line, column, ruleId, severity, fix } of JSON.parse(stdout) as JsonFinding[]) {
        found.push({ file: `${tree}/${file}`, line, column, ruleId, severity, ...(fix ? { fix: fix.text } : {}) });
      }
    }
    expect(found.length).toBeGreaterThan(20);
    expect(found).toEqual(JSON.parse(readFileSync(EXPECTED, 'utf8')));
  });
});
