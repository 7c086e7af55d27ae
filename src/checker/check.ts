/**
 * One `bedrock-lint check` run: finds the files, checks each, applies certain fixes when asked,
 * prints the findings in the chosen format, and returns the exit code (0: no error-severity
 * finding, 1: at least one, or more warnings than allowed). Usage problems throw UsageError,
 * an unusable snapshot throws SnapshotError; the command turns both into exit code 2.
 */
import { relative, resolve, sep } from 'node:path';
import { loadRegistry } from '../registry/registry.js';
import { checkRegions } from '../core/regions.js';
import { activeRules, RULE_NAMES, ruleNamed } from '../core/rules.js';
import type { ActiveRule } from '../core/judge.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { checkFile, type FileCheckOptions } from './check-file.js';
import { findFiles, readSource, UsageError, type SourceFile } from './files.js';
import { applyFixes } from './fix.js';
import { redact } from './redact.js';
import { formatJson } from './formats/json.js';
import { formatSarif } from './formats/sarif.js';
import { formatStylish } from './formats/stylish.js';
import { isEcmascript } from '../readers/languages.js';
import { LineIndex } from './line-index.js';
import { staleNotice } from './stale.js';
import type { CheckFinding, FileReport } from './types.js';

export const FORMATS = ['stylish', 'json', 'sarif'] as const;
export type OutputFormat = (typeof FORMATS)[number];

/** ESLint stops re-applying fixes after 10 passes; so does the checker. */
const MAX_FIX_PASSES = 10;

export interface CheckOptions {
  readonly paths: readonly string[];
  readonly cwd: string;
  readonly format: OutputFormat;
  /** Regions that override what files state. */
  readonly regions: readonly string[];
  /** A snapshot file (relative to cwd), or undefined for the bundled one. */
  readonly snapshot: string | undefined;
  /** `--rule`: only these rules (empty: all). */
  readonly only: readonly string[];
  readonly disabled: readonly string[];
  readonly quiet: boolean;
  readonly fix: boolean;
  readonly maxWarnings: number | null;
  readonly staleAfter: number;
  readonly staleNotice: boolean;
  readonly now: Date;
  readonly color: boolean;
  readonly version: string;
}

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

function ruleName(name: string, option: string): string {
  const rule = ruleNamed(name);
  if (rule) return rule.name;
  throw new UsageError(`unknown rule '${name}' in ${option}; the rules are ${RULE_NAMES.join(', ')}.`);
}

/**
 * The rules that run, with their severity: those of the `recommended` config by default (a rule
 * it leaves out runs as a warning when `--rule` names it), less `--disable-rule`.
 */
function enabledRules(options: CheckOptions): ActiveRule[] {
  const only = options.only.map((name) => ruleName(name, '--rule'));
  const disabled = new Set(options.disabled.map((name) => ruleName(name, '--disable-rule')));
  return activeRules(only.length ? only : undefined).filter(({ rule }) => !disabled.has(rule.name));
}

/** A text as it is shown, and whether masking changed it. */
function masked(text: string): { text: string; masked?: true } {
  const shownText = redact(text);
  return shownText === text ? { text } : { text: shownText, masked: true };
}

/**
 * A finding as it is shown: account IDs masked (src/checker/redact.ts); a fix or suggestion whose
 * text was masked says so, for the formats to leave it out.
 */
const shown = (f: CheckFinding): CheckFinding => ({
  ...f,
  message: redact(f.message),
  text: redact(f.text),
  fix: f.fix && maskedFix(f.fix),
  suggestions: f.suggestions.map((s) => ({ message: redact(s.message), ...masked(s.text) })),
  ...(f.awsError ? { awsError: redact(f.awsError) } : {}),
});

/** A fix as it is shown: its value masked, and marked so when masking changed it. */
function maskedFix(fix: NonNullable<CheckFinding['fix']>): NonNullable<CheckFinding['fix']> {
  const value = redact(fix.value);
  return value === fix.value ? fix : { ...fix, value, text: redact(fix.text), masked: true };
}

const byPosition = (a: CheckFinding, b: CheckFinding): number =>
  a.line - b.line || a.column - b.column || RULE_NAMES.indexOf(a.ruleId) - RULE_NAMES.indexOf(b.ruleId);

export async function runCheck(options: CheckOptions, output: Output): Promise<number> {
  const snapshot = options.snapshot === undefined ? undefined : resolve(options.cwd, options.snapshot);
  const registry = loadRegistry(snapshot);
  checkRegions(options.regions, registry, '--region');
  const rules = enabledRules(options);
  const fileOptions: FileCheckOptions = {
    registry,
    regions: options.regions,
    now: options.now,
    rules,
  };
  const files = await findFiles(options.paths.length ? options.paths : ['.'], options.cwd);
  const reports: FileReport[] = [];
  for (const file of files) {
    const report = await checkOne(file, options, fileOptions, output);
    if (report) reports.push(report);
  }

  switch (options.format) {
    case 'json':
      output.out(formatJson(reports));
      break;
    case 'sarif':
      output.out(formatSarif(reports, { cwd: options.cwd, version: options.version, rules }));
      break;
    default:
      output.out(formatStylish(reports, options.color));
  }

  const all = reports.flatMap((r) => r.findings);
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.length - errors;
  const tooManyWarnings = options.maxWarnings !== null && warnings > options.maxWarnings;
  if (tooManyWarnings) {
    output.err(`bedrock-lint: too many warnings (${warnings}; the maximum is ${options.maxWarnings}).\n`);
  }
  const notice = options.staleNotice
    ? staleNotice(registry.asOf, options.now, options.staleAfter, options.snapshot ?? null)
    : null;
  if (notice) output.err(`${notice}\n`);
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

/** Checks (and with --fix, fixes) one file; null when the file is skipped. */
async function checkOne(
  file: SourceFile,
  options: CheckOptions,
  fileOptions: FileCheckOptions,
  output: Output,
): Promise<FileReport | null> {
  const name = relative(options.cwd, file.path).split(sep).join('/');
  const source = readSource(file.path);
  if ('skip' in source) {
    output.err(`bedrock-lint: skipped ${name}: ${source.skip}.\n`);
    return null;
  }
  let text = source.text;
  let result = await checkFile(text, file.path, file.language, fileOptions);
  if (result.fallback) output.err(`bedrock-lint: ${name}: ${result.fallback}; checked with the plain-text scanner.\n`);

  if (options.fix && result.findings.some((f) => f.fix)) {
    if (!source.lossless) {
      output.err(`bedrock-lint: not fixing ${name}: it is not valid UTF-8.\n`);
    } else {
      const changes: string[] = [];
      for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        const fixes = result.findings.flatMap((f) => (f.fix ? [f.fix] : []));
        if (!fixes.length) break;
        const lines = new LineIndex(text, isEcmascript(file.language));
        const { output: fixed, applied } = applyFixes(text, fixes);
        for (const fix of applied) {
          const at = lines.position(fix.start);
          changes.push(
            `bedrock-lint: fixed ${name}:${at.line}:${at.column}: '${redact(text.slice(fix.start, fix.end))}' -> '${redact(fix.text)}'\n`,
          );
        }
        text = fixed;
        result = await checkFile(text, file.path, file.language, fileOptions);
      }
      writeFileAtomic(file.path, source.bom ? `\uFEFF${text}` : text);
      for (const change of changes) output.err(change);
    }
  }

  let findings = result.findings;
  if (options.quiet) findings = findings.filter((f) => f.severity === 'error');
  return { path: file.path, file: name, findings: findings.map(shown).sort(byPosition) };
}
