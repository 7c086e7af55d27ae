/**
 * The `stylish` format: findings grouped by file, like ESLint's default formatter. Colour only
 * when the caller says the stream is a colour terminal.
 */
import { styleText } from 'node:util';
import type { FileReport } from '../types.js';

type Style = Parameters<typeof styleText>[0];

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export function formatStylish(reports: readonly FileReport[], color: boolean): string {
  const paint = (style: Style, text: string): string => (color ? styleText(style, text) : text);
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  const blocks: string[] = [];
  for (const report of reports) {
    if (!report.findings.length) continue;
    // Column widths once per file, in a loop: no spread of a file's rows into one call.
    let atWidth = 0;
    let severityWidth = 0;
    const rows = report.findings.map((f) => {
      const at = `${f.line}:${f.column}`;
      atWidth = Math.max(atWidth, at.length);
      severityWidth = Math.max(severityWidth, f.severity.length);
      return { at, finding: f };
    });
    const lines = rows.map(({ at, finding: { severity, message, ruleId } }) => {
      const label = severity.padEnd(severityWidth);
      return `  ${paint('dim', at.padEnd(atWidth))}  ${paint(severity === 'error' ? 'red' : 'yellow', label)}  ${message}  ${paint('dim', ruleId)}`;
    });
    for (const finding of report.findings) {
      if (finding.severity === 'error') errors++;
      else warnings++;
      if (finding.fix) fixable++;
    }
    blocks.push(`${paint('underline', report.file)}\n${lines.join('\n')}`);
  }
  if (!blocks.length) return '';
  const total = errors + warnings;
  const summary = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  const fixHint = fixable ? `\n  ${plural(fixable, 'problem')} fixable with the \`--fix\` option.` : '';
  return `\n${blocks.join('\n\n')}\n\n${paint(['bold', errors ? 'red' : 'yellow'], summary)}${fixHint}\n`;
}
