/**
 * The `sarif` format: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Every rule
 * that ran is listed with its description and documentation URL; file locations are relative to
 * the working directory (`%SRCROOT%`), columns in UTF-16 code units as ESLint counts them. A
 * result whose rule knows AWS's exact answer to the call carries it as `properties.awsError`.
 */
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { ActiveRule } from '../../core/judge.js';
import { docsUrl, REPO_URL } from '../../core/docs-url.js';
import type { FileReport } from '../types.js';

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

export function toSarif(reports: readonly FileReport[], options: SarifOptions): Log {
  const results: Result[] = reports.flatMap((report) =>
    report.findings.map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: options.rules.findIndex((active) => active.rule.name === f.ruleId),
      level: f.severity,
      message: { text: f.message },
      ...(f.awsError ? { properties: { awsError: f.awsError } } : {}),
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: uriOf(report.file), uriBaseId: '%SRCROOT%' },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ],
    })),
  );
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
        results,
      },
    ],
  };
}

export function formatSarif(reports: readonly FileReport[], options: SarifOptions): string {
  return `${JSON.stringify(toSarif(reports, options), null, 2)}\n`;
}
