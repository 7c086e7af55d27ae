/**
 * One line of the benchmark table: what was measured against what, the ratio, the goal and
 * whether it was met. A row that cannot be measured (a missing tool, a command not there yet)
 * says why instead of showing a number.
 */
export interface Row {
  readonly name: string;
  /** measured / baseline; null when the row could not be measured. */
  readonly ratio: number | null;
  /** The goal as people read it: `≤ 1.02`, `≤ +15 ms`. */
  readonly goal: string;
  /** true: goal met, false: missed, null: no goal or not measured. */
  readonly met: boolean | null;
  /** The figures behind the ratio, in words: `15.1 s vs 14.9 s CPU (median of 5)`. */
  readonly figures: string;
  /** Raw samples and settings, for results.json. */
  readonly data?: Readonly<Record<string, unknown>>;
}

export const unavailable = (name: string, goal: string, why: string): Row => ({
  name,
  ratio: null,
  goal,
  met: null,
  figures: why,
});

export const ms = (value: number): string =>
  value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;

const verdict = (row: Row): string => (row.met === null ? (row.ratio === null ? 'n/a' : '—') : row.met ? 'ok' : 'MISSED');

/** The table, as plain text with aligned columns. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['Row', 'Ratio', 'Goal', 'Met', 'Figures'];
  const cells = rows.map((row) => [row.name, row.ratio === null ? '—' : row.ratio.toFixed(3), row.goal, verdict(row), row.figures]);
  const widths = header.slice(0, 4).map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => [...c.slice(0, 4).map((v, i) => v.padEnd(widths[i]!)), c[4]].join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w)).concat('-------')), ...cells.map(line)].join('\n');
}

/** The table as Markdown, for docs/benchmarks.md. */
export function formatMarkdown(rows: readonly Row[]): string {
  const escape = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| Row | Ratio | Goal | Met | Figures |',
    '| --- | ---: | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${escape(row.name)} | ${row.ratio === null ? '—' : row.ratio.toFixed(3)} | ${escape(row.goal)} | ${verdict(row)} | ${escape(row.figures)} |`,
    ),
  ].join('\n');
}
