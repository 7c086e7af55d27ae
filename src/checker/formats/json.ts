/**
 * The `json` format: one array of findings, each with its file relative to the working
 * directory, its position, rule, severity, message, the offending string, and the certain fix
 * and suggestions (the new string values) where there are any, and AWS's exact answer to the
 * call (`awsError`) where the rule knows it. A fix or suggestion whose text had an account ID
 * masked is left out: applied as it is shown, it would write a broken ARN.
 *
 * After the findings come the notes about files that could not be checked or fixed (see
 * writer.ts), as entries with `ruleId: null` and `severity: 'note'`; they never count as findings.
 */
import type { CheckFinding, FileReport } from '../types.js';
import { Chunker, JsonArrayWriter, type Note, type ReportWriter, type Write } from './writer.js';

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

/** A file or folder that could not be checked or fixed. */
export interface JsonNote {
  file: string;
  ruleId: null;
  severity: 'note';
  message: string;
}

export type JsonEntry = JsonFinding | JsonNote;

/** The findings of a JSON report, without its notes. */
export const findingsOf = (entries: readonly JsonEntry[]): JsonFinding[] => entries.filter((e): e is JsonFinding => e.ruleId !== null);

function suggestionsOf(finding: CheckFinding): Pick<JsonFinding, 'suggestions'> {
  const usable = finding.suggestions.filter((s) => !s.masked);
  return usable.length ? { suggestions: usable.map((s) => ({ message: s.message, text: s.text })) } : {};
}

const toJsonFinding = (file: string, f: CheckFinding): JsonFinding => ({
  file,
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
});

export function toJsonFindings(reports: readonly FileReport[]): JsonFinding[] {
  return reports.flatMap((report) => report.findings.map((f) => toJsonFinding(report.file, f)));
}

const toJsonNote = (note: Note): JsonNote => ({ file: note.file, ruleId: null, severity: 'note', message: note.message });

/** Writes the JSON report a file at a time. */
class JsonWriter implements ReportWriter {
  private readonly out: Chunker;
  private readonly entries: JsonArrayWriter;
  private opened = false;

  constructor(write: Write) {
    this.out = new Chunker(write);
    this.entries = new JsonArrayWriter(this.out, 2);
  }

  private async open(): Promise<void> {
    if (!this.opened) await this.out.add('[');
    this.opened = true;
  }

  async file(report: FileReport): Promise<void> {
    if (!report.findings.length) return;
    await this.open();
    for (const finding of report.findings) await this.entries.push(toJsonFinding(report.file, finding));
    await this.out.flush();
  }

  async end(notes: readonly Note[]): Promise<void> {
    await this.open();
    for (const note of notes) await this.entries.push(toJsonNote(note));
    await this.out.add(`${this.entries.close()}\n`);
    await this.out.flush();
  }
}

export const jsonWriter = (write: Write): ReportWriter => new JsonWriter(write);

export async function formatJson(reports: readonly FileReport[], notes: readonly Note[] = []): Promise<string> {
  let text = '';
  const writer = jsonWriter((chunk) => void (text += chunk));
  for (const report of reports) await writer.file(report);
  await writer.end(notes);
  return text;
}
