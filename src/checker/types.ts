/**
 * What the checker reports: a finding of the one judge, with its lines and columns, as the output
 * formats print it.
 */
import type { FindingFix } from '../core/judge.js';

export type { Replacement } from '../core/judge.js';

export type Severity = 'error' | 'warning';

/** Output only: the text of a fix or suggestion had account IDs masked, so it is not a working value. */
interface Masked {
  readonly masked?: boolean;
}

/**
 * Why a finding does not count, in SARIF's terms: `inSource`, a directive in the file (with the
 * text after its ` -- ` as the justification); `external`, the bulk suppressions file.
 */
export interface FindingSuppression {
  readonly kind: 'inSource' | 'external';
  readonly justification: string | null;
}

export interface CheckFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** 1-based lines and columns; `endColumn` is the column after the last character (as ESLint). */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The offending string. */
  readonly text: string;
  /** The certain fix: the replacement of a range of the source; null when a person must choose. */
  readonly fix: (FindingFix & Masked) | null;
  readonly suggestions: readonly ({ readonly message: string; readonly text: string } & Masked)[];
  /** AWS's exact answer to the call, when the rule knows it (kept out of the message). */
  readonly awsError?: string;
  /** Present on a suppressed finding only. */
  readonly suppressions?: readonly FindingSuppression[];
}

/** The findings of one file. */
export interface FileReport {
  /** Absolute path. */
  readonly path: string;
  /** Path relative to the working directory, with forward slashes. */
  readonly file: string;
  readonly findings: readonly CheckFinding[];
  /** Findings that inline directives or bulk suppressions silence: not counted, shown only in SARIF. */
  readonly suppressed?: readonly CheckFinding[];
}
