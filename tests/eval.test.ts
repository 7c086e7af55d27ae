/**
 * The evaluation set (tests/fixtures/eval, docs/evaluation.md): the scorer on made-up findings,
 * then the built checker against the thresholds. The last test states the target of the policy;
 * it fails until the checker implements it.
 */
import { describe, expect, it } from 'vitest';
import type { JsonFinding } from '../src/checker/formats/json.js';
import { evaluate, formatReport, labelErrorsOf, loadLabels, ROLES, score, SET_DIR, THRESHOLDS, type Label } from '../scripts/eval.js';

const label = (line: number, text: string, expect: string[], fix: string | null = null): Label => ({
  file: 'python/app.py',
  line,
  text,
  role: 'sent',
  expect,
  fix,
  why: '',
});

const finding = (line: number, text: string, ruleId: string, fix?: string): JsonFinding => ({
  file: 'tests/fixtures/eval/python/app.py',
  line,
  column: 1,
  endLine: line,
  endColumn: 1 + text.length,
  ruleId,
  severity: 'error',
  message: '',
  text,
  ...(fix ? { fix: { text: fix } } : {}),
});

describe('score', () => {
  it('counts an expected rule as a true positive, another rule or an unlabelled string as a false positive', () => {
    const labels = [label(1, 'a.x-v1:0', ['require-inference-profile']), label(2, 'b.y-v1:0', [])];
    const report = score(labels, [
      finding(1, 'a.x-v1:0', 'require-inference-profile'),
      finding(2, 'b.y-v1:0', 'no-legacy-model'),
      finding(3, 'c.z-v1:0', 'no-unknown-model'),
    ]);
    expect(report.overall).toMatchObject({ tp: 1, fp: 2, fn: 0, precision: 1 / 3, recall: 1 });
    expect(report.falsePositives.map((fp) => [fp.finding.line, fp.label?.line ?? null])).toEqual([
      [2, 2],
      [3, null],
    ]);
    expect(report.byRole.sent).toMatchObject({ tp: 1, fp: 1 });
    expect(report.byRole['(unlabelled)']).toMatchObject({ fp: 1 });
  });

  it('counts an expected rule that does not report as a false negative, and accepts either rule of a|b once', () => {
    const labels = [
      label(1, 'a.x-v1:0', ['require-inference-profile', 'no-legacy-model']),
      label(2, 'us-east-1.a.x-v1:0', ['valid-inference-profile|no-unknown-model']),
    ];
    const report = score(labels, [
      finding(1, 'a.x-v1:0', 'no-legacy-model'),
      finding(2, 'us-east-1.a.x-v1:0', 'no-unknown-model'),
      finding(2, 'us-east-1.a.x-v1:0', 'valid-inference-profile'),
    ]);
    expect(report.falseNegatives.map((fn) => [fn.label.line, fn.rule])).toEqual([[1, 'require-inference-profile']]);
    expect(report.overall).toMatchObject({ tp: 2, fp: 1, fn: 1 });
  });

  it('calls a fix unsafe where the label allows none or another one, and notes certain fixes not offered', () => {
    const labels = [
      label(1, 'a.x-v1:0', ['require-inference-profile'], 'eu.a.x-v1:0'),
      label(2, 'b.y-v1:0', ['require-inference-profile']),
      label(3, 'c.z-v1:0', ['require-inference-profile'], 'us.c.z-v1:0'),
    ];
    const report = score(labels, [
      finding(1, 'a.x-v1:0', 'require-inference-profile', 'us.a.x-v1:0'),
      finding(2, 'b.y-v1:0', 'require-inference-profile', 'global.b.y-v1:0'),
      finding(3, 'c.z-v1:0', 'require-inference-profile'),
    ]);
    expect(report.unsafeFixes.map((u) => [u.finding.line, u.expected])).toEqual([
      [1, 'eu.a.x-v1:0'],
      [2, null],
    ]);
    expect(report.missedFixes.map((l) => l.line)).toEqual([1, 3]);
  });
});

describe('the evaluation set', () => {
  it('labels strings that are on their lines, every fixture, every role, at least 320 strings', () => {
    const labels = loadLabels();
    expect(labelErrorsOf(labels, SET_DIR)).toEqual([]);
    expect(labels.length).toBeGreaterThanOrEqual(320);
    expect(new Set(labels.map((l) => l.role))).toEqual(new Set(ROLES));
  });

  it('finds a label whose text is not on its line', () => {
    const [first] = loadLabels();
    expect(labelErrorsOf([{ ...first!, line: first!.line + 1 }], SET_DIR)).toContain(
      `${first!.file}:${first!.line + 1} '${first!.text}': text not on that line`,
    );
  });

  it('meets the thresholds with the built checker', async () => {
    const report = await evaluate();
    // The whole report on failure: which strings, which rules, which fixes.
    const detail = formatReport(report);
    expect(report.labelErrors, detail).toEqual([]);
    expect(report.unsafeFixes.length, detail).toBeLessThanOrEqual(THRESHOLDS.unsafeFixes);
    expect(report.overall.precision, detail).toBeGreaterThanOrEqual(THRESHOLDS.precision);
    expect(report.overall.recall, detail).toBeGreaterThanOrEqual(THRESHOLDS.recall);
  });
});
