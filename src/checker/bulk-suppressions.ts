/**
 * Bulk suppressions, in the manner of ESLint's: a file (`bedrock-lint-suppressions.json`) of how
 * many error-severity findings each rule has in each file, so that a team can adopt the gate on a
 * codebase that already has findings. A file and rule with no more findings than recorded passes;
 * with more, every one of them is reported (which are new cannot be told). Warnings are never
 * suppressed. `--suppress-all` / `--suppress-rule` record the current findings, `--prune-suppressions`
 * lowers the counts to what is left; counts that are higher than what a run finds are "unpruned",
 * and fail the run until pruned, so that a fixed finding cannot come back unnoticed.
 *
 * Paths in the file are relative to the file's folder, with `/`, so the same file works whatever
 * folder `check` runs from. It is written atomically, with sorted keys, so that it diffs well.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import * as v from 'valibot';
import { ConfigError } from '../core/regions.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { UsageError } from './files.js';
import type { CheckFinding, FileReport } from './types.js';

export const DEFAULT_SUPPRESSIONS_FILE = 'bedrock-lint-suppressions.json';

/** Counts by file (relative to the suppressions file), then by rule. */
export type SuppressionCounts = Record<string, Record<string, { count: number }>>;

const CountsSchema = v.record(
  v.string(),
  v.record(v.string(), v.strictObject({ count: v.pipe(v.number(), v.integer(), v.minValue(1)) })),
);

/** The counts in a suppressions file; an empty set when there is none. */
export function readSuppressions(path: string, shown: string): SuppressionCounts {
  if (!existsSync(path)) return {};
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`the suppressions file ${shown} is not valid JSON (${(error as Error).message}); restore it, or delete it and run \`bedrock-lint check --suppress-all\`.`);
  }
  const result = v.safeParse(CountsSchema, value);
  if (!result.success) {
    const at = v.getDotPath(result.issues[0]);
    throw new ConfigError(
      `the suppressions file ${shown} is malformed${at ? ` at ${at}` : ''}: it must map files to rules to { "count": <whole number of 1 or more> }.`,
    );
  }
  return result.output;
}

/** Writes the counts atomically, keys sorted at every level, with a final newline. */
export function writeSuppressions(path: string, counts: SuppressionCounts): void {
  const sorted: SuppressionCounts = {};
  for (const file of Object.keys(counts).sort()) {
    const rules = counts[file]!;
    const names = Object.keys(rules).sort();
    if (!names.length) continue;
    sorted[file] = Object.fromEntries(names.map((rule) => [rule, { count: rules[rule]!.count }]));
  }
  writeFileAtomic(path, `${JSON.stringify(sorted, null, 2)}\n`);
}

/** Error-severity findings of a report by rule: what bulk suppressions count. */
function errorsByRule(findings: readonly CheckFinding[], rules: ReadonlySet<string>): Map<string, CheckFinding[]> {
  const byRule = new Map<string, CheckFinding[]>();
  for (const finding of findings) {
    if (finding.severity !== 'error' || !rules.has(finding.ruleId)) continue;
    let list = byRule.get(finding.ruleId);
    if (!list) byRule.set(finding.ruleId, (list = []));
    list.push(finding);
  }
  return byRule;
}

export interface BulkRun {
  /** The suppressions file (absolute). */
  readonly path: string;
  /** The rules that ran: their counts are recorded, applied and pruned; others are left as they are. */
  readonly rules: ReadonlySet<string>;
}

/** The key of a report in the suppressions file. */
const keyOf = (run: BulkRun, report: FileReport): string => relative(dirname(run.path), report.path).split(sep).join('/');

/**
 * `--suppress-all` (`only` undefined) or `--suppress-rule` (the rules in `only`): the counts of
 * the checked files become their current error counts, for those rules; other files and rules
 * keep theirs. A rule that no longer has findings in a checked file loses its entry.
 */
export function recordSuppressions(
  counts: SuppressionCounts,
  reports: readonly FileReport[],
  run: BulkRun,
  only?: ReadonlySet<string>,
): SuppressionCounts {
  const next: SuppressionCounts = structuredClone(counts);
  const recorded = only ? new Set([...run.rules].filter((rule) => only.has(rule))) : run.rules;
  for (const report of reports) {
    const key = keyOf(run, report);
    const entry = { ...next[key] };
    for (const rule of recorded) delete entry[rule];
    for (const [rule, findings] of errorsByRule(report.findings, recorded)) entry[rule] = { count: findings.length };
    if (Object.keys(entry).length) next[key] = entry;
    else delete next[key];
  }
  return next;
}

export interface Applied {
  readonly reports: FileReport[];
  /** Counts higher than what this run found, by file and rule: what `--prune-suppressions` removes. */
  readonly unused: SuppressionCounts;
  /** Files and rules with more findings than recorded: all of them are reported. */
  readonly exceeded: { file: string; rule: string; count: number; found: number }[];
}

/**
 * Moves the findings the counts cover into each report's `suppressed` (marked `external`), and
 * tells which counts are too high. Entries of files this run did not check are left alone.
 */
export function applySuppressions(counts: SuppressionCounts, reports: readonly FileReport[], run: BulkRun): Applied {
  const unused: SuppressionCounts = {};
  const exceeded: Applied['exceeded'] = [];
  const markUnused = (key: string, rule: string, count: number): void => {
    (unused[key] ??= {})[rule] = { count };
  };
  const applied = reports.map((report): FileReport => {
    const key = keyOf(run, report);
    const entry = counts[key];
    if (!entry) return report;
    const byRule = errorsByRule(report.findings, run.rules);
    const silenced = new Set<CheckFinding>();
    for (const [rule, { count }] of Object.entries(entry)) {
      // A rule that did not run (`--rule`, `--disable-rule`) says nothing about its count.
      if (!run.rules.has(rule)) continue;
      const found = byRule.get(rule) ?? [];
      if (found.length > count) {
        exceeded.push({ file: report.file, rule, count, found: found.length });
        continue;
      }
      for (const finding of found) silenced.add(finding);
      if (found.length < count) markUnused(key, rule, count - found.length);
    }
    if (!silenced.size) return report;
    const external = { kind: 'external', justification: null } as const;
    return {
      ...report,
      findings: report.findings.filter((f) => !silenced.has(f)),
      suppressed: [...(report.suppressed ?? []), ...[...silenced].map((f) => ({ ...f, suppressions: [external] }))],
    };
  });
  return { reports: applied, unused, exceeded };
}

/**
 * `--prune-suppressions`: lowers each count by what this run did not use, removes entries that
 * reach zero, and entries of files that no longer exist.
 */
export function pruneSuppressions(counts: SuppressionCounts, unused: SuppressionCounts, run: BulkRun): SuppressionCounts {
  const next: SuppressionCounts = {};
  for (const [key, rules] of Object.entries(counts)) {
    if (!existsSync(resolve(dirname(run.path), key))) continue;
    const entry: Record<string, { count: number }> = {};
    for (const [rule, { count }] of Object.entries(rules)) {
      const left = count - (unused[key]?.[rule]?.count ?? 0);
      if (left > 0) entry[rule] = { count: left };
    }
    if (Object.keys(entry).length) next[key] = entry;
  }
  return next;
}

// ---------------------------------------------------------------------------------------------
// One run

export interface BulkOptions {
  /** `--suppressions-location`, relative to the working directory. */
  readonly location?: string;
  readonly suppressAll?: boolean;
  /** `--suppress-rule`: canonical rule names. */
  readonly suppressRules?: readonly string[];
  readonly prune?: boolean;
  /** `--pass-on-unpruned-suppressions`. */
  readonly passOnUnpruned?: boolean;
}

/** The flags that write the file cannot be combined; one clear message when they are. */
export function checkBulkOptions(options: BulkOptions): void {
  const writing = [
    options.suppressAll && '--suppress-all',
    options.suppressRules?.length && '--suppress-rule',
    options.prune && '--prune-suppressions',
  ].filter((flag): flag is string => Boolean(flag));
  if (writing.length > 1) throw new UsageError(`${writing.join(' and ')} cannot be used together; run them one after the other.`);
}

/** How many unpruned entries the note names. */
const SHOWN = 5;

export interface BulkResult {
  readonly reports: FileReport[];
  /** Lines for stderr. */
  readonly notes: string[];
  /** Counts were higher than this run's findings and not pruned: the run fails (exit code 2). */
  readonly unpruned: boolean;
}

/**
 * Reads, updates (with `--suppress-all`, `--suppress-rule`, `--prune-suppressions`) and applies
 * the suppressions file at `path`; without those flags and without the file, changes nothing.
 */
export function settleSuppressions(reports: readonly FileReport[], path: string, shown: string, rules: ReadonlySet<string>, options: BulkOptions): BulkResult {
  const writing = Boolean(options.suppressAll || options.suppressRules?.length || options.prune);
  if (!writing && !existsSync(path)) {
    if (options.location !== undefined) {
      throw new UsageError(`the suppressions file ${shown} does not exist; create it with --suppress-all or --suppress-rule.`);
    }
    return { reports: [...reports], notes: [], unpruned: false };
  }
  const run: BulkRun = { path, rules };
  let counts = readSuppressions(path, shown);
  const notes: string[] = [];
  if (options.suppressAll || options.suppressRules?.length) {
    counts = recordSuppressions(counts, reports, run, options.suppressAll ? undefined : new Set(options.suppressRules));
    writeSuppressions(path, counts);
    notes.push(`bedrock-lint: recorded the current errors in ${shown}.`);
  }
  let applied = applySuppressions(counts, reports, run);
  if (options.prune) {
    counts = pruneSuppressions(counts, applied.unused, run);
    writeSuppressions(path, counts);
    notes.push(`bedrock-lint: pruned ${shown}.`);
    applied = applySuppressions(counts, reports, run);
  }
  for (const { file, rule, count, found } of applied.exceeded) {
    notes.push(`bedrock-lint: ${file} has ${found} ${rule} errors where ${shown} allows ${count}; all ${found} are reported.`);
  }
  const unpruned = !options.passOnUnpruned && Object.keys(applied.unused).length > 0;
  if (unpruned) {
    const entries = Object.entries(applied.unused).flatMap(([file, byRule]) => Object.keys(byRule).map((rule) => `${file} (${rule})`));
    const where = entries.length > SHOWN ? `${entries.slice(0, SHOWN).join(', ')} and ${entries.length - SHOWN} more` : entries.join(', ');
    notes.push(
      `bedrock-lint: ${shown} allows more errors than remain in ${where}; lower the counts with --prune-suppressions ` +
        '(or pass --pass-on-unpruned-suppressions).',
    );
  }
  return { reports: applied.reports, notes, unpruned };
}
