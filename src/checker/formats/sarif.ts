/**
 * The `sarif` format: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Every rule
 * that ran is listed with its description and documentation URL; file locations are relative to
 * the working directory (`%SRCROOT%`), columns in UTF-16 code units as ESLint counts them. A
 * result whose rule knows AWS's exact answer to the call carries it as `properties.awsError`.
 * Files that could not be checked or fixed are `toolExecutionNotifications` of the run's one
 * invocation (see writer.ts); the run still succeeded.
 */
import { pathToFileURL } from 'node:url';
import type { Invocation, Log, Notification, ReportingDescriptor, Result } from 'sarif';
import type { ActiveRule } from '../../core/judge.js';
import { docsUrl, REPO_URL } from '../../core/docs-url.js';
import type { CheckFinding, FileReport } from '../types.js';
import { Chunker, JsonArrayWriter, type Note, type ReportWriter, type Write } from './writer.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  readonly cwd: string;
  readonly version: string;
  /** The rules that ran, in order, with their severity. */
  readonly rules: readonly Pick<ActiveRule, 'rule' | 'severity'>[];
}

function descriptor({ rule, severity }: Pick<ActiveRule, 'rule' | 'severity'>): ReportingDescriptor {
  return {
    id: rule.name,
    shortDescription: { text: rule.description },
    helpUri: docsUrl(rule.name),
    help: { text: `${rule.description}. See ${docsUrl(rule.name)}` },
    defaultConfiguration: { level: severity === 'warn' ? 'warning' : 'error' },
  };
}

/** A relative path as a URI reference: each segment percent-encoded. */
const uriOf = (file: string): string => file.split('/').map(encodeURIComponent).join('/');

/**
 * A suppressed finding's suppressions as SARIF has them: `inSource` for a directive in the file,
 * `external` for the bulk suppressions file; the directive's reason as the justification.
 */
const suppressionsOf = (f: CheckFinding): Pick<Result, 'suppressions'> =>
  f.suppressions
    ? { suppressions: f.suppressions.map((s) => ({ kind: s.kind, ...(s.justification ? { justification: s.justification } : {}) })) }
    : {};

/** The index of a finding's rule in the rule table; none for findings about directives. */
function ruleIndexOf(f: CheckFinding, rules: SarifOptions['rules']): Pick<Result, 'ruleIndex'> {
  const index = rules.findIndex((active) => active.rule.name === f.ruleId);
  return index < 0 ? {} : { ruleIndex: index };
}

const toResult = (file: string, f: CheckFinding, options: SarifOptions): Result => ({
  ruleId: f.ruleId,
  ...ruleIndexOf(f, options.rules),
  level: f.severity,
  message: { text: f.message },
  ...(f.awsError ? { properties: { awsError: f.awsError } } : {}),
  locations: [
    {
      physicalLocation: {
        artifactLocation: { uri: uriOf(file), uriBaseId: '%SRCROOT%' },
        region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
      },
    },
  ],
  ...suppressionsOf(f),
});

/** A file's results: its findings, then the ones suppressed (kept in the log, marked so). */
const resultsOf = (report: FileReport, options: SarifOptions): Result[] =>
  [...report.findings, ...(report.suppressed ?? [])].map((f) => toResult(report.file, f, options));

const toNotification = (note: Note): Notification => ({
  level: note.level,
  message: { text: note.message },
  locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(note.file), uriBaseId: '%SRCROOT%' } } }],
});

const invocation = (notes: readonly Note[]): Invocation => ({
  executionSuccessful: true,
  ...(notes.length ? { toolExecutionNotifications: notes.map(toNotification) } : {}),
});

export function toSarif(reports: readonly FileReport[], options: SarifOptions, notes: readonly Note[] = []): Log {
  const results = reports.flatMap((report) => resultsOf(report, options));
  const root = pathToFileURL(options.cwd).href;
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'bedrock-lint',
            informationUri: REPO_URL,
            version: options.version,
            rules: options.rules.map(descriptor),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: root.endsWith('/') ? root : `${root}/` } },
        columnKind: 'utf16CodeUnits',
        // `results` before `invocations`: the writer streams the results, then prints the rest.
        results,
        invocations: [invocation(notes)],
      },
    ],
  };
}

const EMPTY_RESULTS = '"results": []';

/**
 * Writes the SARIF log a file at a time: the log is printed with no results and split where they
 * go; the results are streamed in between, at the indentation JSON.stringify gives them.
 */
class SarifWriter implements ReportWriter {
  private readonly out: Chunker;
  private readonly results: JsonArrayWriter;
  /** Where the `]` of the empty results array is in every skeleton. */
  private readonly bracket: number;
  private opened = false;

  constructor(
    write: Write,
    private readonly options: SarifOptions,
  ) {
    this.out = new Chunker(write);
    const text = this.skeleton([]);
    const key = text.indexOf(EMPTY_RESULTS);
    this.bracket = key + EMPTY_RESULTS.length - 1;
    const indent = key - text.lastIndexOf('\n', key) - 1;
    this.results = new JsonArrayWriter(this.out, indent + 2);
  }

  private skeleton(notes: readonly Note[]): string {
    return `${JSON.stringify(toSarif([], this.options, notes), null, 2)}\n`;
  }

  private async open(): Promise<void> {
    if (!this.opened) await this.out.add(this.skeleton([]).slice(0, this.bracket));
    this.opened = true;
  }

  async file(report: FileReport): Promise<void> {
    const results = resultsOf(report, this.options);
    if (!results.length) return;
    await this.open();
    for (const result of results) await this.results.push(result);
    await this.out.flush();
  }

  async end(notes: readonly Note[]): Promise<void> {
    await this.open();
    // What follows the results: the same in every skeleton up to the invocation, which holds the notes.
    await this.out.add(this.results.close() + this.skeleton(notes).slice(this.bracket + 1));
    await this.out.flush();
  }
}

export const sarifWriter = (write: Write, options: SarifOptions): ReportWriter => new SarifWriter(write, options);

export function formatSarif(reports: readonly FileReport[], options: SarifOptions, notes: readonly Note[] = []): string {
  return `${JSON.stringify(toSarif(reports, options, notes), null, 2)}\n`;
}
