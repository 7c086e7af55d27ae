/**
 * One `bedrock-lint check` run: finds the files, checks each, applies certain fixes when asked,
 * prints the findings in the chosen format, and returns the exit code (0: no error-severity
 * finding, 1: at least one, or more warnings than allowed). Usage problems throw UsageError,
 * an unusable snapshot throws SnapshotError; the command turns both into exit code 2.
 *
 * The report is written a file at a time as the check goes (formats/writer.ts). A file that
 * cannot be read or fixed is a note (stderr, and the JSON and SARIF reports), never the end of
 * the run, and does not change the exit code.
 */
import { dirname, join, relative, resolve } from 'node:path';
import { loadRegistry } from '../registry/registry.js';
import { checkRegions } from '../core/regions.js';
import { RULE_NAMES, ruleNamed } from '../core/rules.js';
import type { ActiveRule } from '../core/judge.js';
import type { Directive } from '../core/directives.js';
import { escapeControl } from '../util/escape.js';
import { rewriteInPlace } from '../util/write-in-place.js';
import { checkBulkOptions, DEFAULT_SUPPRESSIONS_FILE, settleSuppressions, type BulkOptions } from './bulk-suppressions.js';
import { checkFile, type FileCheck, type FileCheckOptions } from './check-file.js';
import { FileSetups, type LoadedConfig } from './config.js';
import { displayName, findFiles, readSource, UsageError, type Source, type SourceFile } from './files.js';
import { applyFixes } from './fix.js';
import { redact } from './redact.js';
import { jsonWriter } from './formats/json.js';
import { sarifWriter } from './formats/sarif.js';
import { stylishWriter } from './formats/stylish.js';
import type { Note, ReportWriter } from './formats/writer.js';
import { isEcmascript } from '../readers/languages.js';
import { LineIndex } from './line-index.js';
import { DEFAULT_STALE_AFTER_DAYS, staleNotice } from './stale.js';
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
  /** `--stale-after`; undefined: the configuration's `staleAfter`, else DEFAULT_STALE_AFTER_DAYS (30). */
  readonly staleAfter?: number;
  readonly staleNotice: boolean;
  readonly now: Date;
  readonly color: boolean;
  readonly version: string;
  /** A glob pattern that matches no file to check is a usage error (default true), as in ESLint. */
  readonly errorOnUnmatchedPattern?: boolean;
  readonly hooks?: CheckHooks;
  /** The configuration file in effect (src/cli/config.ts finds it), or none. */
  readonly config?: LoadedConfig | null;
  /** Report `-disable` directives that silence nothing, as errors. */
  readonly reportUnusedDisableDirectives?: boolean;
  /** Bulk suppressions (src/checker/bulk-suppressions.ts). */
  readonly bulk?: BulkOptions;
}

/** Points where tests step in, as another process would (a file removed, or changed during a fix). */
export interface CheckHooks {
  /** Just before a listed file is read. */
  beforeRead?(path: string): void;
  /** Just before a fixed file is written. */
  beforeWrite?(path: string): void;
}

/** The rule id of a finding about a directive that silences nothing; not a rule of the plugin. */
export const UNUSED_DIRECTIVE = 'unused-disable-directive';


export interface Output {
  /** The report. A promise means: wait before writing more (the stream's buffer is full). */
  out(text: string): void | Promise<void>;
  /** Notes, one line each. */
  err(text: string): void;
}

function ruleName(name: string, option: string): string {
  const rule = ruleNamed(name);
  if (rule) return rule.name;
  throw new UsageError(`unknown rule '${name}' in ${option}; the rules are ${RULE_NAMES.join(', ')}.`);
}

/**
 * The judge's setup of each file: the rules of the `recommended` config (a rule it leaves out runs
 * as a warning when `--rule` names it) and the regions files state, as the configuration changes
 * them per path, and as `--region`, `--rule` and `--disable-rule` override them.
 */
function fileSetups(options: CheckOptions, registry: FileCheckOptions['registry']): FileSetups {
  const flags = {
    regions: options.regions,
    only: options.only.map((name) => ruleName(name, '--rule')),
    disabled: options.disabled.map((name) => ruleName(name, '--disable-rule')),
  };
  return new FileSetups({ registry, now: options.now }, flags, options.config ?? null);
}

/** The snapshot in use, absolute, and as the staleness notice names it: `--snapshot`, else the configuration's. */
function snapshotOf(options: CheckOptions): { path: string; shown: string } | undefined {
  if (options.snapshot !== undefined) return { path: resolve(options.cwd, options.snapshot), shown: options.snapshot };
  const { config } = options;
  if (config?.config.snapshot === undefined) return undefined;
  const path = resolve(dirname(config.path), config.config.snapshot);
  return { path, shown: relative(options.cwd, path) || path };
}

/** Findings about directives that silence nothing, at the directive's word. */
function unusedDirectiveFindings(text: string, directives: readonly Directive[]): CheckFinding[] {
  if (!directives.length) return [];
  const lines = text.split('\n');
  return directives.map((d) => {
    const word = `${d.family}-${d.kind}`;
    const column = (lines[d.line - 1]?.indexOf(word) ?? -1) + 1 || 1;
    const named = d.rules.length ? ` (no ${d.rules.map((r) => `'${r}'`).join(', ')} finding there)` : '';
    const where = d.target === null ? 'in its block' : `on line ${d.target}`;
    return {
      ruleId: UNUSED_DIRECTIVE,
      severity: 'error' as const,
      message: `This ${word} directive silences nothing ${where}${named}; remove it.`,
      line: d.line,
      column,
      endLine: d.line,
      endColumn: column + word.length,
      text: word,
      fix: null,
      suggestions: [],
    };
  });
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
  const bulk = options.bulk && {
    ...options.bulk,
    suppressRules: options.bulk.suppressRules?.map((name) => ruleName(name, '--suppress-rule')),
  };
  if (bulk) checkBulkOptions(bulk);
  const snapshot = snapshotOf(options);
  const registry = loadRegistry(snapshot?.path);
  checkRegions(options.regions, registry, '--region');
  const setups = fileSetups(options, registry);
  const { files, skipped } = await findFiles(options.paths.length ? options.paths : ['.'], options.cwd, {
    errorOnUnmatchedPattern: options.errorOnUnmatchedPattern ?? true,
  });
  const notes: Note[] = [];
  const note: NoteSink = (file, level, message) => {
    notes.push({ file, level, message });
    output.err(`bedrock-lint: ${escapeControl(message)}\n`);
  };
  for (const { path, reason, level, folder } of skipped) {
    const name = `${displayName(path, options.cwd)}${folder ? '/' : ''}`;
    note(name, level, `skipped ${name}: ${reason}.`);
  }
  // Every file's report is kept until the bulk suppressions are settled, then written a file at a
  // time (formats/writer.ts): never as one string.
  let reports: FileReport[] = [];
  for (const file of files) {
    if (setups.ignored(file.path)) continue;
    const report = await checkOne(file, options, { ...setups.setupFor(file.path), root: options.cwd }, output, note);
    if (report) reports.push(report);
  }
  const rules = setups.rulesRun();

  let unpruned = false;
  if (bulk) {
    // By default next to the configuration file (the project's root), else in the working directory.
    const location =
      bulk.location === undefined
        ? join(options.config ? dirname(options.config.path) : options.cwd, DEFAULT_SUPPRESSIONS_FILE)
        : resolve(options.cwd, bulk.location);
    const shown = relative(options.cwd, location) || location;
    const settled = settleSuppressions(reports, location, shown, new Set(rules.map(({ rule }) => rule.name)), bulk);
    reports = settled.reports;
    unpruned = settled.unpruned;
    for (const line of settled.notes) output.err(`${line}\n`);
  }

  const writer = reportWriter(options, rules, output);
  let errors = 0;
  let warnings = 0;
  for (const report of reports) {
    for (const finding of report.findings) {
      if (finding.severity === 'error') errors++;
      else warnings++;
    }
    await writer.file(report);
  }
  await writer.end(notes);

  const tooManyWarnings = options.maxWarnings !== null && warnings > options.maxWarnings;
  if (tooManyWarnings) {
    output.err(`bedrock-lint: too many warnings (${warnings}; the maximum is ${options.maxWarnings}).\n`);
  }
  const staleAfter = options.staleAfter ?? options.config?.config.staleAfter ?? DEFAULT_STALE_AFTER_DAYS;
  const notice = options.staleNotice ? staleNotice(registry.asOf, options.now, staleAfter, snapshot?.shown ?? null) : null;
  if (notice) output.err(`${notice}\n`);
  if (unpruned) return 2;
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

function reportWriter(options: CheckOptions, rules: readonly ActiveRule[], output: Output): ReportWriter {
  const write = (text: string) => output.out(text);
  switch (options.format) {
    case 'json':
      return jsonWriter(write);
    case 'sarif':
      return sarifWriter(write, { cwd: options.cwd, version: options.version, rules });
    default:
      return stylishWriter(write, options.color);
  }
}

/** Records a note about one file (see formats/writer.ts) and prints it. */
type NoteSink = (file: string, level: Note['level'], message: string) => void;

/** Checks (and with --fix, fixes) one file; null when the file is skipped. */
async function checkOne(
  file: SourceFile,
  options: CheckOptions,
  fileOptions: FileCheckOptions,
  output: Output,
  note: NoteSink,
): Promise<FileReport | null> {
  const name = displayName(file.path, options.cwd);
  options.hooks?.beforeRead?.(file.path);
  const source = readSource(file.path);
  if ('skip' in source) {
    note(name, source.level, `skipped ${name}: ${source.skip}.`);
    return null;
  }
  let result = await checkFile(source.text, file.path, file.language, fileOptions);
  if (result.fallback) {
    output.err(`bedrock-lint: ${escapeControl(name)}: ${result.fallback}; checked with the plain-text scanner.\n`);
  }
  if (options.fix && result.findings.some((f) => f.fix)) {
    result = await fix(file, name, source, result, { options, fileOptions, output, note });
  }

  let findings = result.findings;
  let suppressed = result.suppressed;
  if (options.reportUnusedDisableDirectives) findings = [...findings, ...unusedDirectiveFindings(source.text, result.unused)];
  if (options.quiet) {
    findings = findings.filter((f) => f.severity === 'error');
    suppressed = suppressed.filter((f) => f.severity === 'error');
  }
  return {
    path: file.path,
    file: name,
    findings: findings.map(shown).sort(byPosition),
    ...(suppressed.length ? { suppressed: suppressed.map(shown).sort(byPosition) } : {}),
  };
}

interface FixContext {
  readonly options: CheckOptions;
  readonly fileOptions: FileCheckOptions;
  readonly output: Output;
  readonly note: NoteSink;
}

/**
 * Applies the certain fixes of a file, pass after pass, and writes the file in place
 * (src/util/write-in-place.ts). Returns the check of what the file holds afterwards: the fixed
 * text, or the text as read when the file is not written (it is read-only, not valid UTF-8, or
 * changed after it was read), with a note saying why.
 */
async function fix(file: SourceFile, name: string, source: Source, checked: FileCheck, context: FixContext): Promise<FileCheck> {
  const { options, fileOptions, output, note } = context;
  if (!source.lossless) {
    note(name, 'warning', `not fixing ${name}: it is not valid UTF-8.`);
    return checked;
  }
  let text = source.text;
  let result = checked;
  const changes: string[] = [];
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = result.findings.flatMap((f) => (f.fix ? [f.fix] : []));
    if (!fixes.length) break;
    const lines = new LineIndex(text, isEcmascript(file.language));
    const { output: fixed, applied } = applyFixes(text, fixes);
    for (const change of applied) {
      const at = lines.position(change.start);
      const was = redact(text.slice(change.start, change.end));
      changes.push(`bedrock-lint: fixed ${escapeControl(`${name}:${at.line}:${at.column}: '${was}' -> '${redact(change.text)}'`)}\n`);
    }
    text = fixed;
    result = await checkFile(text, file.path, file.language, fileOptions);
  }
  if (text === source.text) return result;
  options.hooks?.beforeWrite?.(file.path);
  const written = rewriteInPlace(file.path, source.stamp, Buffer.from(source.bom ? `\uFEFF${text}` : text, 'utf8'));
  if (!written.written) {
    note(name, 'warning', `not fixing ${name}: ${written.reason}.`);
    return checked;
  }
  for (const change of changes) output.err(change);
  if (written.warning) note(name, 'warning', `fixed ${name}, but ${written.warning}.`);
  return result;
}
