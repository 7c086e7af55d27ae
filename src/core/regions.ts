/**
 * Region names given by a user (settings, rule options, the command line, a config file), checked
 * against the snapshot with one clear error for an unknown one.
 */
import type { Registry } from '../registry/registry.js';

/** A configuration the user must fix: one clear message, no stack. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Checks region names against the snapshot; throws one clear error for an unknown one. */
export function checkRegions(regions: readonly string[], registry: Registry, where: string): void {
  for (const region of regions) {
    if (registry.regions.has(region)) continue;
    const near = [...registry.regions].filter((r) => r.replace(/-/g, '') === region.replace(/-/g, '')).join(', ');
    throw new ConfigError(
      `aws-bedrock: unknown region '${region}' in ${where}.${near ? ` Did you mean '${near}'?` : ''} ` +
        `Name a region the snapshot knows: ${[...registry.regions].sort().join(', ')}. A region that opened after ` +
        `the snapshot's date (${registry.asOf}) needs a newer one: \`npx bedrock-lint sync --out <file>\`, then ` +
        "point at it (`settings['aws-bedrock'].snapshot` in ESLint, `--snapshot` of bedrock-lint).",
    );
  }
}
