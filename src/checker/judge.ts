/**
 * Judges what a scanner found with the shared classifier and finding builder, exactly as the
 * ESLint rules do (src/rules/utils/run-rule.ts): the same verdicts, messages, fixes and
 * suggestions, under the same rule names.
 */
import { classify, type Verdict } from '../classifier/classify.js';
import type { Registry } from '../registry/registry.js';
import { findingFor, findingMessage, suggestionMessage } from '../report/findings.js';
import { RULE_NAMES, type RuleName } from '../report/messages.js';
import type { LineIndex } from './line-index.js';
import type { CheckFinding, Scan, Severity } from './types.js';

export interface JudgeOptions {
  readonly registry: Registry;
  /** Regions given on the command line; they override what files state. */
  readonly regions: readonly string[];
  readonly now: Date;
  /** The rules that report. */
  readonly rules: ReadonlySet<RuleName>;
}

/** Warning for a Legacy model; error for everything else, end of life included. */
export const severityOf = (ruleName: RuleName, messageId: string): Severity =>
  ruleName === 'no-legacy-model' && messageId === 'legacy' ? 'warning' : 'error';

/** The regions a file's calls are judged in: the command line's, else the known ones the file states. */
export function regionsFor(scan: Scan, options: JudgeOptions): string[] {
  if (options.regions.length) return [...options.regions];
  return [...new Set(scan.regions.filter((region) => options.registry.regions.has(region)))];
}

export function judge(scan: Scan, lines: LineIndex, options: JudgeOptions): CheckFinding[] {
  const { registry, now } = options;
  const regions = regionsFor(scan, options);
  const findings: CheckFinding[] = [];
  const verdicts = new Map<string, Verdict | null>();
  for (const candidate of scan.candidates) {
    let verdict = verdicts.get(candidate.text);
    if (verdict === undefined) {
      verdict = classify(candidate.text, registry, { regions, now });
      verdicts.set(candidate.text, verdict);
    }
    if (!verdict) continue;
    const start = lines.position(candidate.start);
    const end = lines.position(candidate.end);
    for (const ruleName of RULE_NAMES) {
      if (!options.rules.has(ruleName)) continue;
      const finding = findingFor(ruleName, verdict, registry, {
        resource: candidate.resource,
        firstPartyNames: scan.usesBedrock,
      });
      if (!finding) continue;
      const fix =
        finding.fix === null || candidate.valueStart === null
          ? null
          : { start: candidate.valueStart, end: candidate.valueStart + candidate.text.length, text: finding.fix };
      findings.push({
        ruleId: ruleName,
        severity: severityOf(ruleName, finding.messageId),
        message: findingMessage(finding),
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        text: candidate.text,
        fix,
        suggestions: finding.suggestions.map((s) => ({ message: suggestionMessage(ruleName, s), text: s.text })),
      });
    }
  }
  return findings;
}
