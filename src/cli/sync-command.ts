/**
 * `bedrock-lint sync`: refreshes a snapshot from the Amazon Bedrock control-plane API across
 * regions (src/sync), prints the markdown change report on stdout and progress on stderr.
 * The AWS SDK and the sync modules are loaded only when the command runs.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { relative, sep } from 'node:path';
import { DEFAULT_SNAPSHOT_PATH } from '../registry/registry.js';
import { PACKAGE_ROOT } from '../util/package-root.js';

interface SyncFlags {
  regions?: string[];
  allRegions?: boolean;
  profile?: string;
  endpointUrl?: string;
  out?: string;
  dryRun?: boolean;
  check?: boolean;
  allowPartial?: boolean;
  force?: boolean;
  timeout: number;
  deadline: number;
  concurrency: number;
}

const regionList = (value: string): string[] => {
  const list = value.split(',').map((r) => r.trim()).filter(Boolean);
  if (!list.length) throw new InvalidArgumentError('expected region names separated by commas, such as us-east-1,eu-west-1');
  return list;
};

const positive = (what: string, integer: boolean) => (value: string): number => {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || (integer && !Number.isInteger(number))) {
    throw new InvalidArgumentError(`expected a positive ${integer ? 'whole number' : 'number'} of ${what}`);
  }
  return number;
};

const endpointUrl = (value: string): string => {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value;
  } catch {
    // reported below
  }
  throw new InvalidArgumentError('expected an http:// or https:// URL, such as http://127.0.0.1:4010');
};

/**
 * The default output: the snapshot this package ships, but only when run inside this package's own
 * repository (not from an installed copy under node_modules).
 */
function defaultOut(): string | null {
  const root = PACKAGE_ROOT;
  const cwd = process.cwd();
  const inside = cwd === root || cwd.startsWith(root + sep);
  return inside && !root.split(sep).includes('node_modules') ? DEFAULT_SNAPSHOT_PATH : null;
}

const HELP_AFTER = `
Regions are scanned concurrently (--concurrency), with the SDK's retries (standard mode) for throttling and
server errors. Progress goes to stderr; the markdown change report (models and profiles added,
removed, changed, and the lint verdicts that change) goes to stdout, fit for a pull-request body.

A region that fails (access denied, region not enabled, network error, timeout, an answer without
its list, pagination that repeats a token or never ends) fails the whole sync and nothing is
written, unless --allow-partial. So does a region whose live models or profiles would shrink by
more than 20% (an empty or half answer), unless --force, or --allow-partial (which keeps that
region's previous data). When nothing answers (offline, no credentials) the sync stops at once.
The file is written atomically, only when its data changed, after schema validation and the
sanity floors.

Exit codes: 0 done (written or already up to date), 1 with --check: the snapshot would change,
2 usage or runtime error.

Examples:
  bedrock-lint sync --out bedrock-snapshot.json
  bedrock-lint sync --regions us-east-1,eu-west-1 --profile bedrock-readonly --out snapshot.json
  bedrock-lint sync --check --out snapshot.json          # CI gate
  AWS_ENDPOINT_URL_BEDROCK=http://127.0.0.1:4010 bedrock-lint sync --dry-run --out snapshot.json
`;

export function register(program: Command): void {
  program
    .command('sync')
    .description('Refresh a Bedrock snapshot from the AWS API (ListFoundationModels, ListInferenceProfiles) and print a change report.')
    .addOption(
      new Option('--regions <list>', 'comma-separated regions to scan, such as us-east-1,eu-west-1 (default: every commercial region in rules-data/regions.json)')
        .argParser(regionList)
        .conflicts('allRegions'),
    )
    .option('--all-regions', 'scan every commercial region that offers Bedrock (the default)')
    .option('--profile <name>', "AWS profile of the shared config files (default: the SDK's credential chain: AWS_PROFILE, SSO, environment, instance role)")
    .option('--endpoint-url <url>', 'send every request to this endpoint (the SDK also reads AWS_ENDPOINT_URL_BEDROCK)', endpointUrl)
    .option('--out <path>', 'snapshot file to merge into and write; created when missing (default, inside the eslint-plugin-aws-bedrock repository only: rules-data/bedrock-snapshot.json)')
    .option('--dry-run', 'print the change report, write nothing')
    .option('--check', 'write nothing; exit 1 if the snapshot would change (a CI gate)')
    .option('--allow-partial', 'when a region fails or its listing shrinks by more than 20%, keep its previous data (marked refreshed: false) and write the others')
    .option('--force', 'write even when live models or profiles would shrink by more than 20%, overall or in a region')
    .option('--timeout <seconds>', 'the longest one HTTP request may take, from connecting to the last byte of the answer', positive('seconds', false), 30)
    .option('--deadline <seconds>', 'the longest the whole sync may take; regions not done by then fail', positive('seconds', false), 300)
    .option('--concurrency <n>', 'regions fetched at once', positive('regions', true), 32)
    .addHelpText('after', HELP_AFTER)
    .action(async (flags: SyncFlags) => {
      process.exitCode = await runSyncCommand(flags);
    });
}

const SDK = '@aws-sdk/client-bedrock';

/** The sync modules, or null when the AWS SDK (an optional peer dependency) is not installed. */
async function loadSync(): Promise<typeof import('../sync/index.js') | null> {
  try {
    return await import('../sync/index.js');
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'ERR_MODULE_NOT_FOUND' && message.includes(`'${SDK}'`)) return null;
    throw error;
  }
}

async function runSyncCommand(flags: SyncFlags): Promise<number> {
  const out = flags.out ?? defaultOut();
  if (!out) {
    process.stderr.write(
      'bedrock-lint sync: --out is required: name the snapshot file to write, such as --out bedrock-snapshot.json ' +
        "(then point settings['aws-bedrock'].snapshot at it). Only inside the eslint-plugin-aws-bedrock repository " +
        'does sync default to the snapshot the package ships.\n',
    );
    return 2;
  }
  const sync = await loadSync();
  if (!sync) {
    process.stderr.write(`bedrock-lint sync: needs the AWS SDK's Bedrock client, an optional peer dependency: npm i -D ${SDK}\n`);
    return 2;
  }
  const { runSync, shrinkText, SYNC_DEFAULTS } = sync;
  const { scrub } = await import('../util/scrub.js');
  try {
    const result = await runSync({
      regions: flags.regions,
      out,
      endpoint: flags.endpointUrl,
      profile: flags.profile,
      dryRun: flags.dryRun,
      check: flags.check,
      allowPartial: flags.allowPartial,
      force: flags.force,
      requestTimeoutMs: Math.round(flags.timeout * 1000),
      deadlineMs: Math.round(flags.deadline * 1000),
      concurrency: flags.concurrency,
      progress: process.stderr,
    });
    process.stdout.write(result.report);
    const where = relative(process.cwd(), result.out) || result.out;
    const models = Object.keys(result.snapshot.models).length;
    const profiles = Object.keys(result.snapshot.profiles).length;
    const partial = result.failures.length
      ? ` (${result.failures.length} region(s) not refreshed: ${result.failures.map((f) => f.region).join(', ')})`
      : '';
    if (result.shrinks.length) {
      const verb = result.outcome === 'written' ? 'written despite (--force)' : 'a real run would refuse to write';
      process.stderr.write(`bedrock-lint sync: ${verb}: ${shrinkText(result.shrinks, SYNC_DEFAULTS.maxShrink)}\n`);
    }
    switch (result.outcome) {
      case 'unchanged':
        process.stderr.write(`bedrock-lint sync: ${where} is up to date${partial}; nothing written\n`);
        return 0;
      case 'would-change':
        process.stderr.write(`bedrock-lint sync: ${where} would change${partial}; nothing written (${flags.check ? '--check' : '--dry-run'})\n`);
        return flags.check ? 1 : 0;
      case 'written':
        process.stderr.write(`bedrock-lint sync: wrote ${where}: ${models} models, ${profiles} profiles${partial}\n`);
        return 0;
    }
  } catch (error) {
    process.stderr.write(`bedrock-lint sync: ${scrub(error instanceof Error ? error.message : String(error))}\n`);
    return 2;
  }
}
