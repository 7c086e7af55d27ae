/**
 * Reads what every rule shares: the registry (from `settings['aws-bedrock'].snapshot`), the regions
 * configured in options or settings, and the clock. Bad values throw one clear error.
 */
import { isAbsolute, resolve } from 'node:path';
import { loadRegistry, type Registry } from '../registry/registry.js';
import { parseDay } from '../util/day.js';
import { checkRegions, ConfigError } from '../core/regions.js';

export { ConfigError };

export const SETTINGS_KEY = 'aws-bedrock';

export interface BedrockSettings {
  /** Path to a snapshot file (a team's own synced copy), relative to the ESLint working directory. */
  snapshot?: string;
  /** The region (or regions) the code calls Bedrock from. */
  region?: string;
  regions?: string[];
  /** Pins the date lifecycle phases are judged on (YYYY-MM-DD), for reproducible runs. */
  now?: string;
}

export interface RegionOptions {
  region?: string;
  regions?: string[];
}

/**
 * JSON schema of the `region`/`regions` rule options. Names are checked against the snapshot
 * (`checkRegions`), not with a pattern here: a pattern's error cannot say "did you mean 'us-east-1'?".
 */
export const regionOptionSchema = {
  region: {
    type: 'string',
    description: 'The AWS region the code calls Bedrock from, such as eu-west-1.',
  },
  regions: {
    type: 'array',
    items: { type: 'string' },
    uniqueItems: true,
    description: 'The AWS regions the code calls Bedrock from.',
  },
} as const;

interface RuleContextLike {
  readonly id: string;
  readonly cwd: string;
  readonly settings: Readonly<Record<string, unknown>>;
}


/** Settings objects already checked: ESLint hands the same object to every file of a config. */
const checked = new WeakSet<object>();

export function bedrockSettings(context: RuleContextLike): BedrockSettings {
  const raw = context.settings[SETTINGS_KEY];
  if (raw === undefined) return {};
  if (checked.has(raw as object)) return raw as BedrockSettings;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(
      `aws-bedrock: settings['${SETTINGS_KEY}'] must be an object such as { region: 'us-east-1' }, got ${JSON.stringify(raw)}.`,
    );
  }
  const settings = raw as Record<string, unknown>;
  const known = ['snapshot', 'region', 'regions', 'now'];
  for (const key of Object.keys(settings)) {
    if (!known.includes(key)) {
      throw new ConfigError(
        `aws-bedrock: unknown key '${key}' in settings['${SETTINGS_KEY}']; the keys are ${known.join(', ')}.`,
      );
    }
  }
  const expect = (key: string, ok: boolean, what: string): void => {
    if (settings[key] !== undefined && !ok) {
      throw new ConfigError(
        `aws-bedrock: settings['${SETTINGS_KEY}'].${key} must be ${what}, got ${JSON.stringify(settings[key])}.`,
      );
    }
  };
  expect('snapshot', typeof settings.snapshot === 'string', 'a path to a snapshot file');
  expect('region', typeof settings.region === 'string', "a region name such as 'us-east-1'");
  expect(
    'regions',
    Array.isArray(settings.regions) && settings.regions.every((r) => typeof r === 'string'),
    "an array of region names such as ['us-east-1']",
  );
  expect('now', typeof settings.now === 'string' && parseDay(settings.now) !== null, "a date as 'YYYY-MM-DD'");
  checked.add(settings);
  return settings as BedrockSettings;
}

export function registryFor(context: RuleContextLike): Registry {
  const { snapshot } = bedrockSettings(context);
  const path = snapshot === undefined ? undefined : isAbsolute(snapshot) ? snapshot : resolve(context.cwd, snapshot);
  return loadRegistry(path);
}


/** Regions from the rule's options, else from settings; empty when neither names one. */
export function configuredRegions(
  context: RuleContextLike,
  options: RegionOptions,
  registry: Registry,
): readonly string[] {
  const fromOptions = [...(options.region ? [options.region] : []), ...(options.regions ?? [])];
  if (fromOptions.length) {
    checkRegions(fromOptions, registry, `the options of ${context.id}`);
    return fromOptions;
  }
  const settings = bedrockSettings(context);
  const fromSettings = [...(settings.region ? [settings.region] : []), ...(settings.regions ?? [])];
  checkRegions(fromSettings, registry, `settings['${SETTINGS_KEY}']`);
  return fromSettings;
}

export function clockFor(context: RuleContextLike): Date {
  const { now } = bedrockSettings(context);
  return (now && parseDay(now)) || new Date();
}
