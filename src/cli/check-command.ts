/**
 * `bedrock-lint check [paths...]`: the static checker for every file type (src/checker/check.ts).
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { FORMATS, runCheck, type OutputFormat } from '../checker/check.js';
import { UsageError } from '../checker/files.js';
import { SnapshotError } from '../registry/registry.js';
import { ConfigError } from '../core/regions.js';
import { parseDay } from '../util/day.js';
import { streamError, writeTo } from '../util/stdio.js';
import { DEFAULT_SUPPRESSIONS_FILE } from '../checker/bulk-suppressions.js';
import { findConfig, readConfig } from './config.js';

interface CheckFlags {
  format: OutputFormat;
  region?: string[];
  snapshot?: string;
  rule?: string[];
  disableRule?: string[];
  quiet?: boolean;
  maxWarnings?: number;
  fix?: boolean;
  staleAfter?: number;
  staleNotice: boolean;
  errorOnUnmatchedPattern: boolean;
  now?: Date;
  /** `--config <path>`, or false for `--no-config`. */
  config?: string | false;
  reportUnusedDisableDirectives?: boolean;
  suppressAll?: boolean;
  suppressRule?: string[];
  pruneSuppressions?: boolean;
  suppressionsLocation?: string;
  passOnUnprunedSuppressions?: boolean;
}

/** Repeatable options; each value may also be a comma-separated list. */
const collect = (value: string, previous: string[] = []): string[] => [
  ...previous,
  ...value.split(',').map((v) => v.trim()).filter(Boolean),
];

function count(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number such as 0 or 10.');
  return Number(value);
}

function day(value: string): Date {
  const date = parseDay(value);
  if (!date) throw new InvalidArgumentError('expected a date as YYYY-MM-DD.');
  return date;
}

/** Errors that are the user's to fix: one line, no stack, exit code 2. */
export function reportUsageError(error: unknown): boolean {
  if (!(error instanceof UsageError || error instanceof SnapshotError || error instanceof ConfigError)) return false;
  process.stderr.write(`bedrock-lint: ${error.message.replace(/^aws-bedrock: /, '')}\n`);
  process.exitCode = 2;
  return true;
}

export function register(program: Command): void {
  program
    .command('check')
    .description(
      'Check Amazon Bedrock model IDs in every file: Python, JavaScript/TypeScript, Go, JSON, YAML, ' +
        'Terraform, TOML, .env, shell, Dockerfiles, Ruby, Rust and more.',
    )
    .argument('[paths...]', 'files, directories or glob patterns (default: the current directory)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('stylish'))
    .option('--region <region>', 'the region the code calls Bedrock from; overrides what files state (repeatable)', collect)
    .option('--snapshot <path>', 'judge against this snapshot file instead of the bundled one')
    .option('--rule <name>', 'run only this rule (repeatable)', collect)
    .option('--disable-rule <name>', 'do not run this rule (repeatable)', collect)
    .option('--quiet', 'report errors only, not warnings')
    .option('--max-warnings <count>', 'exit with code 1 when there are more warnings than this', count)
    .option('--fix', "apply the certain fixes (those ESLint's --fix makes) and write the files")
    .option('--stale-after <days>', 'print a notice when the snapshot is older than this (default: 30)', count)
    .option('--no-stale-notice', 'never print the staleness notice')
    .option('--now <date>', 'judge lifecycle phases as of this day (YYYY-MM-DD), for reproducible runs', day)
    .option('--no-error-on-unmatched-pattern', 'do not exit with code 2 when a glob pattern matches no file to check')
    .option('-c, --config <path>', 'use this configuration file instead of looking for one')
    .option('--no-config', 'use no configuration file')
    .option('--report-unused-disable-directives', 'report bedrock-lint-disable comments that silence nothing, as errors')
    .option('--suppress-all', `record every current error in the suppressions file (${DEFAULT_SUPPRESSIONS_FILE})`)
    .option('--suppress-rule <name>', "record this rule's current errors in the suppressions file (repeatable)", collect)
    .option('--prune-suppressions', 'lower the counts of the suppressions file to the errors that remain')
    .option('--suppressions-location <path>', `the suppressions file (default: ${DEFAULT_SUPPRESSIONS_FILE} next to the configuration file, else here)`)
    .option('--pass-on-unpruned-suppressions', 'do not fail when the suppressions file allows more errors than remain')
    .action(async (paths: string[], flags: CheckFlags) => {
      const { default: plugin } = await import('../index.js');
      try {
        const cwd = process.cwd();
        const config = flags.config === false ? null : flags.config ? await readConfig(flags.config, cwd) : await findConfig(cwd);
        process.exitCode = await runCheck(
          {
            paths,
            cwd,
            format: flags.format,
            regions: flags.region ?? [],
            snapshot: flags.snapshot,
            only: flags.rule ?? [],
            disabled: flags.disableRule ?? [],
            quiet: flags.quiet ?? false,
            fix: flags.fix ?? false,
            maxWarnings: flags.maxWarnings ?? null,
            staleAfter: flags.staleAfter,
            staleNotice: flags.staleNotice,
            errorOnUnmatchedPattern: flags.errorOnUnmatchedPattern,
            now: flags.now ?? new Date(),
            color: Boolean(process.stdout.isTTY && process.stdout.hasColors?.()),
            version: plugin.meta.version,
            config,
            reportUnusedDisableDirectives: flags.reportUnusedDisableDirectives ?? false,
            bulk: {
              location: flags.suppressionsLocation,
              suppressAll: flags.suppressAll,
              suppressRules: flags.suppressRule,
              prune: flags.pruneSuppressions,
              passOnUnpruned: flags.passOnUnprunedSuppressions,
            },
          },
          { out: (text) => writeTo(process.stdout, text), err: (text) => void writeTo(process.stderr, text) },
        );
      } catch (error) {
        if (!reportUsageError(error)) throw error;
      }
      // A report cut short (a full disk under `> report.sarif`) must not pass for a whole one; a
      // reader that went away (`| head`) is no failure.
      const failure = streamError(process.stdout);
      if (failure) {
        process.stderr.write(`bedrock-lint: the report could not be written: ${failure.message}\n`);
        process.exitCode = 2;
      }
    });
}
