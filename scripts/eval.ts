/**
 * `npm run eval`: measures `bedrock-lint check` against the labelled evaluation set in
 * tests/fixtures/eval (see docs/evaluation.md).
 *
 * Runs the built CLI (dist/) on the whole set with the default rules, as a user would, and matches
 * each finding to a label by (file, line, text). A finding with no label, or from a rule its label
 * does not expect, is a false positive; an expected rule that does not report its string is a false
 * negative. A fix where the label has none, or a different one, is unsafe: --fix would write it.
 * Precision and recall are per (string, rule) pair, overall and per role and language.
 *
 * Exits 1 when a label does not match its file (the set itself is wrong) or a threshold fails.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { JsonFinding } from '../src/checker/formats/json.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The set, relative to the repository root; labels name files relative to it. */
const SET = 'tests/fixtures/eval';
const LABELS = join(ROOT, SET, 'labels.json');
/** The day the labels were judged for: lifecycle phases move with it. */
export const EVAL_DAY = '2026-11-28';

export const THRESHOLDS = { precision: 0.97, recall: 0.95, unsafeFixes: 0 } as const;

export const ROLES = ['sent', 'model-setting', 'catalog', 'lookup-key', 'test', 'descriptive'] as const;
export type Role = (typeof ROLES)[number];

export interface Label {
  file: string;
  line: number;
  /** The string value (for prose or a multi-ID string, the ID inside it). */
  text: string;
  role: Role;
  /**
   * Rules that must report the string. `a|b` accepts either rule, for the one case where the
   * policy names two (a region used as a profile prefix, `us-east-1.anthropic...`).
   */
  expect: string[];
  /** The certain fix --fix must write; null when no fix may be offered. */
  fix: string | null;
  why: string;
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
  /** null when nothing was reported (no denominator). */
  precision: number | null;
  /** null when nothing was expected. */
  recall: number | null;
}

export interface FalsePositive {
  finding: JsonFinding;
  /** The label of the string, when it has one (the rule was not expected there). */
  label: Label | null;
}

export interface FalseNegative {
  label: Label;
  rule: string;
}

export interface UnsafeFix {
  finding: JsonFinding;
  /** The fix the label allows (null: none). */
  expected: string | null;
}

export interface Report {
  labels: number;
  findings: number;
  overall: Tally;
  byRole: Record<string, Tally>;
  byLanguage: Record<string, Tally>;
  falsePositives: FalsePositive[];
  falseNegatives: FalseNegative[];
  unsafeFixes: UnsafeFix[];
  /** Labels whose certain fix no finding offered (measured, not a threshold). */
  missedFixes: Label[];
  /** Labels that do not match the fixtures: the set is wrong, not the checker. */
  labelErrors: string[];
  /** What the CLI printed on stderr (notes on files read in fallback mode, ...). */
  stderr: string;
  failures: string[];
  passed: boolean;
}

const UNLABELLED = '(unlabelled)';

/** The rules whose findings may carry a certain fix: both swap in the one profile the region can call. */
const FIXING_RULES = new Set(['require-inference-profile', 'valid-inference-profile']);

/** The first folder of a label's path: the set is laid out by language. */
const languageOf = (file: string): string => file.split('/')[0] ?? file;

const keyOf = (file: string, line: number, text: string): string => `${file}\u0000${line}\u0000${text}`;

function counts(): { tp: number; fp: number; fn: number } {
  return { tp: 0, fp: 0, fn: 0 };
}

function finish({ tp, fp, fn }: { tp: number; fp: number; fn: number }): Tally {
  return {
    tp,
    fp,
    fn,
    precision: tp + fp === 0 ? null : tp / (tp + fp),
    recall: tp + fn === 0 ? null : tp / (tp + fn),
  };
}

/** Every file of the set but the labels, relative to it, with `/` separators. */
function setFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => file !== 'labels.json')
    .sort();
}

/** Checks the labels against the fixtures: each text on its line, each fixture labelled, no key twice. */
export function labelErrorsOf(labels: readonly Label[], dir: string): string[] {
  const errors: string[] = [];
  const files = setFiles(dir);
  const seen = new Set<string>();
  const lines = new Map<string, string[]>();
  for (const label of labels) {
    const where = `${label.file}:${label.line} '${label.text}'`;
    if (!ROLES.includes(label.role)) errors.push(`${where}: unknown role '${label.role}'`);
    const key = keyOf(label.file, label.line, label.text);
    if (seen.has(key)) errors.push(`${where}: labelled twice`);
    seen.add(key);
    if (!files.includes(label.file)) {
      errors.push(`${where}: no such fixture`);
      continue;
    }
    if (!lines.has(label.file)) lines.set(label.file, readFileSync(join(dir, label.file), 'utf8').split(/\r?\n/));
    if (!lines.get(label.file)![label.line - 1]?.includes(label.text)) errors.push(`${where}: text not on that line`);
    if (label.fix !== null && !label.expect.some((rule) => FIXING_RULES.has(rule)))
      errors.push(`${where}: a fix, but no rule that fixes`);
  }
  const labelled = new Set(labels.map((l) => l.file));
  for (const file of files) if (!labelled.has(file)) errors.push(`${file}: fixture without labels`);
  return errors;
}

/** Runs the CLI on the set; exit codes 0 and 1 are results, anything else an error. */
async function runChecker(): Promise<{ findings: JsonFinding[]; stderr: string }> {
  const bin = join(ROOT, 'dist/cli/bin.js');
  // Every entry of the set but labels.json, which names every ID of the set and would be read as config.
  // Run from the set's own folder, as from a project's root: below the repository's tests/, every
  // file would be a test by its path.
  const paths = readdirSync(join(ROOT, SET))
    .filter((name) => name !== 'labels.json')
    .sort();
  const args = [bin, 'check', ...paths, '--format', 'json', '--now', EVAL_DAY, '--no-stale-notice'];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd: join(ROOT, SET), maxBuffer: 64 << 20 });
    return { findings: JSON.parse(stdout) as JsonFinding[], stderr };
  } catch (error) {
    const e = error as { code?: unknown; stdout?: string; stderr?: string; message: string };
    if (e.code === 1 && e.stdout) return { findings: JSON.parse(e.stdout) as JsonFinding[], stderr: e.stderr ?? '' };
    throw new Error(
      `bedrock-lint check failed (${String(e.code)}): ${e.stderr || e.message}` +
        (e.code === 'ENOENT' || /Cannot find module/.test(e.stderr ?? '') ? '\nRun `npm run build` first.' : ''),
    );
  }
}

/** Scores findings against labels. Pure: the CLI run is separate, so this can be tested on its own. */
export function score(labels: readonly Label[], allFindings: readonly JsonFinding[]): Omit<Report, 'labelErrors' | 'stderr' | 'failures' | 'passed'> {
  const prefix = `${SET}/`;
  const findings = allFindings.map((f) => ({ ...f, file: f.file.split(sep).join('/').replace(prefix, '') }));
  const byKey = new Map<string, JsonFinding[]>();
  for (const f of findings) {
    const key = keyOf(f.file, f.line, f.text);
    byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  const overall = counts();
  const byRole = new Map<string, ReturnType<typeof counts>>();
  const byLanguage = new Map<string, ReturnType<typeof counts>>();
  const tally = (role: string, language: string, field: 'tp' | 'fp' | 'fn'): void => {
    overall[field]++;
    for (const [map, name] of [
      [byRole, role],
      [byLanguage, language],
    ] as const) {
      if (!map.has(name)) map.set(name, counts());
      map.get(name)![field]++;
    }
  };
  for (const role of ROLES) byRole.set(role, counts());

  const falsePositives: FalsePositive[] = [];
  const falseNegatives: FalseNegative[] = [];
  const unsafeFixes: UnsafeFix[] = [];
  const missedFixes: Label[] = [];
  const labelled = new Set<string>();

  for (const label of labels) {
    const key = keyOf(label.file, label.line, label.text);
    labelled.add(key);
    const language = languageOf(label.file);
    const pending = [...(byKey.get(key) ?? [])];
    for (const expected of label.expect) {
      const accepted = expected.split('|');
      const index = pending.findIndex((f) => accepted.includes(f.ruleId));
      if (index < 0) {
        falseNegatives.push({ label, rule: expected });
        tally(label.role, language, 'fn');
      } else {
        pending.splice(index, 1);
        tally(label.role, language, 'tp');
      }
    }
    for (const finding of pending) {
      falsePositives.push({ finding, label });
      tally(label.role, language, 'fp');
    }
    for (const finding of byKey.get(key) ?? []) {
      if (finding.fix && finding.fix.text !== label.fix) unsafeFixes.push({ finding, expected: label.fix });
    }
    if (label.fix !== null && !(byKey.get(key) ?? []).some((f) => f.fix?.text === label.fix)) missedFixes.push(label);
  }
  for (const finding of findings) {
    if (labelled.has(keyOf(finding.file, finding.line, finding.text))) continue;
    falsePositives.push({ finding, label: null });
    tally(UNLABELLED, languageOf(finding.file), 'fp');
    if (finding.fix) unsafeFixes.push({ finding, expected: null });
  }
  const finishAll = (map: Map<string, ReturnType<typeof counts>>): Record<string, Tally> =>
    Object.fromEntries([...map].map(([name, c]) => [name, finish(c)]));
  return {
    labels: labels.length,
    findings: findings.length,
    overall: finish(overall),
    byRole: finishAll(byRole),
    byLanguage: finishAll(new Map([...byLanguage].sort(([a], [b]) => a.localeCompare(b)))),
    falsePositives,
    falseNegatives,
    unsafeFixes,
    missedFixes,
  };
}

/** The labels of the set, as written. */
export const loadLabels = (): Label[] => JSON.parse(readFileSync(LABELS, 'utf8')) as Label[];

/** The folder of the set. */
export const SET_DIR = join(ROOT, SET);

/** Loads the labels, runs the checker on the set and scores it against the thresholds. */
export async function evaluate(): Promise<Report> {
  const labels = loadLabels();
  const labelErrors = labelErrorsOf(labels, SET_DIR);
  const { findings, stderr } = await runChecker();
  const scored = score(labels, findings);
  const failures: string[] = [];
  if (labelErrors.length) failures.push(`${labelErrors.length} labelling errors`);
  const { precision, recall } = scored.overall;
  if ((precision ?? 1) < THRESHOLDS.precision)
    failures.push(`precision ${pct(precision)} < ${pct(THRESHOLDS.precision)}`);
  if ((recall ?? 1) < THRESHOLDS.recall) failures.push(`recall ${pct(recall)} < ${pct(THRESHOLDS.recall)}`);
  if (scored.unsafeFixes.length > THRESHOLDS.unsafeFixes) failures.push(`${scored.unsafeFixes.length} unsafe fixes`);
  return { ...scored, labelErrors, stderr, failures, passed: failures.length === 0 };
}

const pct = (value: number | null): string => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);

function table(title: string, rows: Record<string, Tally>): string {
  const width = Math.max(title.length, ...Object.keys(rows).map((k) => k.length));
  const head = `${title.padEnd(width)}  ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)}  precision  recall`;
  const body = Object.entries(rows).map(
    ([name, t]) =>
      `${name.padEnd(width)}  ${String(t.tp).padStart(4)} ${String(t.fp).padStart(4)} ${String(t.fn).padStart(4)}  ${pct(t.precision).padStart(9)}  ${pct(t.recall).padStart(6)}`,
  );
  return [head, ...body].join('\n');
}

const at = (file: string, line: number, text: string): string => `${file}:${line} '${text}'`;

export function formatReport(report: Report): string {
  const out: string[] = [];
  out.push(`${report.labels} labelled strings, ${report.findings} findings (day ${EVAL_DAY})`, '');
  out.push(table('role', report.byRole), '', table('language', report.byLanguage), '');
  out.push(table('overall', { all: report.overall }), '');
  if (report.labelErrors.length) out.push('Labelling errors:', ...report.labelErrors.map((e) => `  ${e}`), '');
  if (report.falsePositives.length) {
    out.push(`False positives (${report.falsePositives.length}):`);
    for (const { finding: f, label } of report.falsePositives)
      out.push(`  ${at(f.file, f.line, f.text)} ${f.ruleId}${label ? ` [${label.role}; expected ${label.expect.join(', ') || 'nothing'}]` : ' [unlabelled]'}`);
    out.push('');
  }
  if (report.falseNegatives.length) {
    out.push(`False negatives (${report.falseNegatives.length}):`);
    for (const { label, rule } of report.falseNegatives)
      out.push(`  ${at(label.file, label.line, label.text)} ${rule} [${label.role}] ${label.why}`);
    out.push('');
  }
  out.push(`Unsafe fixes: ${report.unsafeFixes.length}`);
  for (const { finding: f, expected } of report.unsafeFixes)
    out.push(`  ${at(f.file, f.line, f.text)} -> '${f.fix?.text}' (${f.ruleId}; allowed: ${expected === null ? 'none' : `'${expected}'`})`);
  out.push(`Certain fixes not offered: ${report.missedFixes.length}`, '');
  if (report.stderr.trim()) out.push('bedrock-lint stderr:', report.stderr.trim(), '');
  out.push(report.passed ? 'PASS' : `FAIL: ${report.failures.join('; ')}`);
  return out.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  evaluate().then(
    (report) => {
      console.log(formatReport(report));
      process.exitCode = report.passed ? 0 : 1;
    },
    (error: Error) => {
      console.error(error.message);
      process.exitCode = 2;
    },
  );
}
