/**
 * The `stylish` format: findings grouped by file, like ESLint's default formatter. Colour only
 * when the caller says the stream is a colour terminal. File names and messages are printed with
 * their control characters escaped (src/util/escape.ts): a file named with an ANSI escape or a
 * newline and `::error ...::` can neither restyle the terminal nor inject a CI workflow command.
 * Notes about files that could not be checked go to stderr only.
 */
import { styleText } from 'node:util';
import { escapeControl } from '../../util/escape.js';
import type { CheckFinding, FileReport } from '../types.js';
import { Chunker, type Note, type ReportWriter, type Write } from './writer.js';

type Style = Parameters<typeof styleText>[0];
type Paint = (style: Style, text: string) => string;

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
const painter = (color: boolean): Paint => (style, text) => (color ? styleText(style, text) : text);

/** A file's block: its name, then one row per finding, the columns aligned over the whole file. */
function* block(report: FileReport, paint: Paint): Generator<string> {
  yield paint('underline', escapeControl(report.file));
  // Column widths once per file, in a loop: no spread of a file's rows into one call.
  let atWidth = 0;
  let severityWidth = 0;
  for (const f of report.findings) {
    atWidth = Math.max(atWidth, `${f.line}:${f.column}`.length);
    severityWidth = Math.max(severityWidth, f.severity.length);
  }
  for (const { line, column, severity, message, ruleId } of report.findings) {
    const at = paint('dim', `${line}:${column}`.padEnd(atWidth));
    const label = paint(severity === 'error' ? 'red' : 'yellow', severity.padEnd(severityWidth));
    yield `  ${at}  ${label}  ${escapeControl(message)}  ${paint('dim', ruleId)}`;
  }
}

/** The counts of the summary line. */
class Tally {
  errors = 0;
  warnings = 0;
  fixable = 0;

  add(findings: readonly CheckFinding[]): void {
    for (const finding of findings) {
      if (finding.severity === 'error') this.errors++;
      else this.warnings++;
      if (finding.fix) this.fixable++;
    }
  }

  summary(paint: Paint): string {
    const { errors, warnings, fixable } = this;
    const summary = `✖ ${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
    const fixHint = fixable ? `\n  ${plural(fixable, 'problem')} fixable with the \`--fix\` option.` : '';
    return `${paint(['bold', errors ? 'red' : 'yellow'], summary)}${fixHint}`;
  }
}

/** Writes the stylish report a file at a time; the summary comes last. */
class StylishWriter implements ReportWriter {
  private readonly out: Chunker;
  private readonly paint: Paint;
  private readonly tally = new Tally();
  private blocks = 0;

  constructor(write: Write, color: boolean) {
    this.out = new Chunker(write);
    this.paint = painter(color);
  }

  async file(report: FileReport): Promise<void> {
    if (!report.findings.length) return;
    this.tally.add(report.findings);
    let separator = this.blocks++ ? '\n\n' : '\n';
    for (const line of block(report, this.paint)) {
      await this.out.add(separator + line);
      separator = '\n';
    }
    await this.out.flush();
  }

  async end(_notes: readonly Note[]): Promise<void> {
    if (this.blocks) await this.out.add(`\n\n${this.tally.summary(this.paint)}\n`);
    await this.out.flush();
  }
}

export const stylishWriter = (write: Write, color: boolean): ReportWriter => new StylishWriter(write, color);

export function formatStylish(reports: readonly FileReport[], color: boolean): string {
  const paint = painter(color);
  const tally = new Tally();
  const blocks: string[] = [];
  for (const report of reports) {
    if (!report.findings.length) continue;
    tally.add(report.findings);
    blocks.push([...block(report, paint)].join('\n'));
  }
  return blocks.length ? `\n${blocks.join('\n\n')}\n\n${tally.summary(paint)}\n` : '';
}
