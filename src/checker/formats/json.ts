/**
 * The `json` format: one array of findings, each with its file relative to the working
 * directory, its position, rule, severity, message, the offending string, and the certain fix
 * and suggestions (the new string values) where there are any, and AWS's exact answer to the
 * call (`awsError`) where the rule knows it. A fix or suggestion whose text had an account ID
 * masked is left out: applied as it is shown, it would write a broken ARN.
 */
import type { CheckFinding, FileReport } from '../types.js';

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  severity: 'error' | 'warning';
  message: string;
  text: string;
  fix?: { text: string };
  suggestions?: { message: string; text: string }[];
  /** AWS's exact answer to the call, when the rule knows it. */
  awsError?: string;
}

function suggestionsOf(finding: CheckFinding): Pick<JsonFinding, 'suggestions'> {
  const usable = finding.suggestions.filter((s) => !s.masked);
  return usable.length ? { suggestions: usable.map((s) => ({ message: s.message, text: s.text })) } : {};
}

export function toJsonFindings(reports: readonly FileReport[]): JsonFinding[] {
  return reports.flatMap((report) =>
    report.findings.map((f) => ({
      file: report.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      text: f.text,
      ...(f.fix && !f.fix.masked ? { fix: { text: f.fix.value } } : {}),
      ...suggestionsOf(f),
      ...(f.awsError ? { awsError: f.awsError } : {}),
    })),
  );
}

export function formatJson(reports: readonly FileReport[]): string {
  return `${JSON.stringify(toJsonFindings(reports), null, 2)}\n`;
}
