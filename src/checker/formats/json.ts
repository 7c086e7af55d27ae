/**
 * The `json` format: one array of findings, each with its file relative to the working
 * directory, its position, rule, severity, message, the offending string, and the certain fix
 * and suggestions (the new string values) where there are any.
 */
import type { FileReport } from '../types.js';

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
      ...(f.fix ? { fix: { text: f.fix.text } } : {}),
      ...(f.suggestions.length ? { suggestions: f.suggestions.map((s) => ({ message: s.message, text: s.text })) } : {}),
    })),
  );
}

export function formatJson(reports: readonly FileReport[]): string {
  return `${JSON.stringify(toJsonFindings(reports), null, 2)}\n`;
}
