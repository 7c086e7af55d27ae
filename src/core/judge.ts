/**
 * The one judge: turns what a reader collected in a file into findings, for every front end (the
 * ESLint adapter and the checker alike). It owns the choice of regions, the bounded verdict cache,
 * the roles each rule judges, severity, and how a fix is written back into the source.
 */
import { classify, type Verdict } from '../classifier/classify.js';
import type { Registry } from '../registry/registry.js';
import { DAY_MS } from '../util/day.js';
import { FIXABLE_ROLES, NO_FACTS, type Candidate, type Collection, type FileFacts } from './candidate.js';
import { messageOf, type AnyRule, type RuleReport, type Severity } from './rule.js';
import { RULES } from './rules.js';

/** A rule as it runs: its severity, its options, and the regions its options name (if any). */
export interface ActiveRule {
  readonly rule: AnyRule;
  readonly severity: Severity;
  readonly options: object;
  /** Regions from the rule's own options; they override everything else. */
  readonly regions?: readonly string[];
}

export interface JudgeSetup {
  readonly registry: Registry;
  readonly now: Date;
  /** Configured regions (settings, command line); they override what files state. */
  readonly regions: readonly string[];
  readonly rules: readonly ActiveRule[];
}

/** A replacement of a range of the source. */
export interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A fix: the replacement, and the new string value it writes. */
export interface FindingFix extends Replacement {
  readonly value: string;
}

export interface FindingSuggestion {
  readonly messageId: string;
  readonly data: Readonly<Record<string, string>>;
  readonly message: string;
  /** The new string value. */
  readonly text: string;
  /** Where it goes; null when the string cannot be rewritten in place. */
  readonly fix: FindingFix | null;
}

export interface Finding {
  readonly rule: AnyRule;
  readonly severity: Severity;
  readonly messageId: string;
  readonly data: Readonly<Record<string, string>>;
  readonly message: string;
  /** The reported range: the literal with its quotes. */
  readonly start: number;
  readonly end: number;
  /** The offending string. */
  readonly text: string;
  readonly fix: FindingFix | null;
  readonly suggestions: readonly FindingSuggestion[];
  /** AWS's exact answer to the call, when the rule knows it. */
  readonly awsError?: string;
}

// ---------------------------------------------------------------------------------------------
// Regions

/** The regions a string is judged in: the rule's own, the configured ones, its client's, the file's. */
export function regionsFor(
  candidate: Candidate,
  facts: FileFacts,
  configured: readonly string[],
  registry: Registry,
): readonly string[] {
  if (configured.length) return configured;
  const stated = candidate.regions ?? facts.regions;
  return stated.length ? [...new Set(stated.filter((region) => registry.regions.has(region)))] : stated;
}

// ---------------------------------------------------------------------------------------------
// The verdict cache

const CACHE_LIMIT = 10_000;
/** Verdicts by registry, then by the regions and day they were made for, then by string. */
const verdicts = new WeakMap<Registry, Map<string, Map<string, Verdict | null>>>();
let cachedCount = 0;

/**
 * The verdict of a string in some regions on some day. Shared by every rule and file of a process
 * through a bounded cache: the same string in the same regions on the same day gets the same
 * verdict, so four rules judging one string classify it once.
 */
export function verdictOf(text: string, registry: Registry, regions: readonly string[], now: Date): Verdict | null {
  let byContext = verdicts.get(registry);
  if (!byContext) verdicts.set(registry, (byContext = new Map()));
  const key = `${regions.join(',')}\0${Math.floor(now.getTime() / DAY_MS)}`;
  let table = byContext.get(key);
  if (!table) byContext.set(key, (table = new Map()));
  let verdict = table.get(text);
  if (verdict === undefined) {
    verdict = classify(text, registry, { regions, now });
    if (++cachedCount > CACHE_LIMIT) {
      byContext.clear();
      byContext.set(key, (table = new Map()));
      cachedCount = 1;
    }
    table.set(text, verdict);
  }
  return verdict;
}

// ---------------------------------------------------------------------------------------------
// Judging

const replacementFor = (candidate: Candidate, value: string): FindingFix | null =>
  candidate.fix && {
    start: candidate.fix.start,
    end: candidate.fix.end,
    text: candidate.fix.prefix + value + candidate.fix.suffix,
    value,
  };

/** What one rule reports about one string, or null. */
export function judgeOne(
  active: ActiveRule,
  candidate: Candidate,
  facts: FileFacts,
  setup: Pick<JudgeSetup, 'registry' | 'now' | 'regions'>,
): Finding | null {
  const { rule } = active;
  if (!rule.roles.includes(candidate.role)) return null;
  const { registry, now } = setup;
  const regions = regionsFor(candidate, facts, active.regions?.length ? active.regions : setup.regions, registry);
  const verdict = verdictOf(candidate.text, registry, regions, now);
  if (!verdict) return null;
  const report = rule.check(verdict, { registry, options: active.options, candidate, facts });
  if (!report) return null;
  return {
    rule,
    severity: active.severity,
    messageId: report.messageId,
    data: report.data,
    message: messageOf(rule, report.messageId, report.data),
    start: candidate.start,
    end: candidate.end,
    text: candidate.display ?? candidate.text,
    fix: report.fix === null || !FIXABLE_ROLES.includes(candidate.role) ? null : replacementFor(candidate, report.fix),
    suggestions: report.suggestions.map((s) => ({
      messageId: s.messageId,
      data: s.data,
      message: messageOf(rule, s.messageId, s.data),
      text: s.text,
      fix: replacementFor(candidate, s.text),
    })),
    ...(report.awsError ? { awsError: report.awsError } : {}),
  };
}

/** Every finding of a file, by candidate in source order, then by rule in the order given. */
export function judge(collection: Collection, setup: JudgeSetup): Finding[] {
  const findings: Finding[] = [];
  for (const candidate of collection.candidates) {
    for (const active of setup.rules) {
      const finding = judgeOne(active, candidate, collection.facts, setup);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

/**
 * What every rule says of a verdict for a string of unknown role, with default options: the
 * lint verdicts sync's change report compares before and after.
 */
export function reportsOf(verdict: Verdict, registry: Registry, facts: FileFacts = NO_FACTS): { rule: AnyRule; report: RuleReport }[] {
  const candidate: Candidate = { text: verdict.ref.raw, start: 0, end: 0, fix: null, role: 'unknown' };
  return RULES.flatMap((rule) => {
    if (!rule.roles.includes(candidate.role)) return [];
    const report = rule.check(verdict, { registry, options: rule.defaultOptions, candidate, facts });
    return report ? [{ rule, report }] : [];
  });
}
