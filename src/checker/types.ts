/**
 * The shapes the checker passes around: what a scanner finds in a file (candidate strings and
 * the facts the file states), and what the checker reports for it.
 */
import type { RuleName } from '../report/messages.js';

/** A string in a file that might name a model. */
export interface Candidate {
  /** The string value. */
  readonly text: string;
  /** Source range reported for the string: the literal with its quotes, like ESLint's node. */
  readonly start: number;
  readonly end: number;
  /**
   * Where the value itself starts in the source, when `source.slice(valueStart, valueStart +
   * text.length) === text` (no escapes, no folding); null when a fix cannot be written in place.
   */
  readonly valueStart: number | null;
  /** Names a model as a resource (IAM, foundation-model lookups): the profile rules stay quiet. */
  readonly resource: boolean;
}

/** What a scanner learns about one file. */
export interface Scan {
  readonly candidates: readonly Candidate[];
  /** Region names the file states for its Bedrock calls (unchecked: the judge keeps known ones). */
  readonly regions: readonly string[];
  /** Whether the file talks to Bedrock (imports or creates a Bedrock client). */
  readonly usesBedrock: boolean;
}

export type Severity = 'error' | 'warning';

/** A replacement of a range of the source. */
export interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Output only: the text of a fix or suggestion had account IDs masked, so it is not a working value. */
interface Masked {
  readonly masked?: boolean;
}

export interface CheckFinding {
  readonly ruleId: RuleName;
  readonly severity: Severity;
  readonly message: string;
  /** 1-based lines and columns; `endColumn` is the column after the last character (as ESLint). */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The offending string. */
  readonly text: string;
  /** The certain fix: the new string value and where it goes; null when a person must choose. */
  readonly fix: (Replacement & Masked) | null;
  readonly suggestions: readonly ({ readonly message: string; readonly text: string } & Masked)[];
}

/** The findings of one file. */
export interface FileReport {
  /** Absolute path. */
  readonly path: string;
  /** Path relative to the working directory, with forward slashes. */
  readonly file: string;
  readonly findings: readonly CheckFinding[];
}
