/**
 * `bedrock-lint init`: writes a starter `bedrock-lint.config.json` in the working directory from
 * the regions its files state (src/checker/starter-config.ts), to review and commit.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../checker/files.js';
import { starterConfig, statedRegions } from '../checker/starter-config.js';
import { loadRegistry } from '../registry/registry.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { reportUsageError } from './check-command.js';
import { findConfig, SEARCH_PLACES } from './config.js';
import { DEFAULT_SUPPRESSIONS_FILE } from '../checker/bulk-suppressions.js';

export const STARTER_FILE = 'bedrock-lint.config.json';
/** Where the schema is once the package is installed next to the configuration. */
export const SCHEMA_REFERENCE = './node_modules/eslint-plugin-aws-bedrock/schemas/bedrock-lint.config.schema.json';

interface InitFlags {
  force?: boolean;
  snapshot?: string;
}

/** Writes the starter configuration; returns what to print. */
export async function runInit(cwd: string, flags: InitFlags): Promise<string> {
  const target = join(cwd, STARTER_FILE);
  const existing = await findConfig(cwd).catch(() => null);
  if (!flags.force && (existsSync(target) || (existing && dirname(existing.path) === cwd))) {
    throw new UsageError(`${existing?.name ?? STARTER_FILE} already configures bedrock-lint here; pass --force to write ${STARTER_FILE} anyway.`);
  }
  const registry = loadRegistry(flags.snapshot === undefined ? undefined : resolve(cwd, flags.snapshot));
  const configFiles = new Set<string>(SEARCH_PLACES.filter((place) => place !== 'package.json'));
  const stated = await statedRegions(cwd, registry, (name) => configFiles.has(name) || name === DEFAULT_SUPPRESSIONS_FILE);
  const config = starterConfig(stated, SCHEMA_REFERENCE);
  writeFileAtomic(target, `${JSON.stringify(config, null, 2)}\n`);
  const lines = [`bedrock-lint: wrote ${STARTER_FILE}.`];
  if (config.region || config.regions) lines.push(`  every file: ${[config.region ?? config.regions].flat().join(', ')}`);
  for (const override of config.overrides ?? []) lines.push(`  ${override.files.join(', ')}: ${[override.region ?? override.regions].flat().join(', ')}`);
  if (!stated.size) lines.push('  No file states a region: add "region" (the region your code calls Bedrock from) by hand.');
  if (existing && existing.path !== target) lines.push(`  It takes the place of ${existing.name} here and in the folders below.`);
  lines.push('  Review it, then run `npx bedrock-lint check`. See docs/cli.md#the-configuration-file.');
  return `${lines.join('\n')}\n`;
}

export function register(program: Command): void {
  program
    .command('init')
    .description(`Write a starter ${STARTER_FILE} here, with the regions the files of this folder state, per folder.`)
    .option('--force', `write ${STARTER_FILE} even when a configuration is already here`)
    .option('--snapshot <path>', 'know the regions of this snapshot file instead of the bundled one')
    .action(async (flags: InitFlags) => {
      try {
        process.stdout.write(await runInit(process.cwd(), flags));
      } catch (error) {
        if (!reportUsageError(error)) throw error;
      }
    });
}
