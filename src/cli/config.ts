/**
 * Finds and reads the configuration of `bedrock-lint check`, for the CLI only (the ESLint plugin
 * never loads this module: ESLint has its own configuration). Discovery is lilconfig's: from the
 * working directory upward, the first folder holding one of `SEARCH_PLACES` wins. Within a folder
 * the order of `SEARCH_PLACES` decides. A `package.json` without a `bedrock-lint` key, or a
 * `pyproject.toml` without `[tool.bedrock-lint]`, does not count, and the search goes on upward.
 * The TOML parser (smol-toml) and the YAML one are loaded only when such a file is read.
 *
 * What the file says is validated with valibot (the project's schema library); the first problem
 * is one error that names the file and the key. `schemas/bedrock-lint.config.schema.json`, the
 * JSON Schema editors complete with, says the same (a test holds the two together).
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, extname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lilconfig, type Loader } from 'lilconfig';
import * as v from 'valibot';
import { ConfigError } from '../core/regions.js';
import { RULE_NAMES, ruleNamed } from '../core/rules.js';
import type { CheckConfig, LoadedConfig } from '../checker/config.js';

export const CONFIG_NAME = 'bedrock-lint';

/** The files a configuration may be in, in the order they are looked for in each folder. */
export const SEARCH_PLACES = [
  'bedrock-lint.config.json',
  'bedrock-lint.config.yaml',
  'bedrock-lint.config.yml',
  'bedrock-lint.config.js',
  'bedrock-lint.config.mjs',
  'bedrock-lint.config.cjs',
  '.bedrock-lintrc',
  '.bedrock-lintrc.json',
  '.bedrock-lintrc.yaml',
  '.bedrock-lintrc.yml',
  'package.json',
  'pyproject.toml',
] as const;

// ---------------------------------------------------------------------------------------------
// The schema

const SEVERITIES = ['off', 'warn', 'error'] as const;

/** `"a", "b" or "c"`. */
const list = (items: readonly string[], quote = "'"): string => {
  const quoted = items.map((item) => `${quote}${item}${quote}`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : quoted.join('');
};

/** A plain object: valibot's object schemas take arrays too. */
const plainObject = (what: string) =>
  v.custom<Record<string, unknown>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    (issue) => `must be ${what} (an object), got ${Array.isArray(issue.input) ? 'an array' : issue.received}`,
  );

/** A closed object whose problems read as sentences: a missing key, an unknown one (with the known ones). */
function closedObject<const T extends v.ObjectEntries>(entries: T, what: string) {
  const keys = Object.keys(entries);
  return v.pipe(
    plainObject(what),
    v.strictObject(entries, (issue) =>
      issue.expected === 'never' ? `unknown key ${issue.received}; the keys of ${what} are ${keys.join(', ')}` : `missing key ${issue.expected}`,
    ),
  );
}

const stringArray = (what: string) =>
  v.array(v.string(`must be ${what}, got a non-string`), `must be an array of ${what}, got something else`);

const regionEntries = {
  region: v.optional(v.string((issue) => `must be a region name such as 'eu-west-1', got ${issue.received}`)),
  regions: v.optional(stringArray("region names such as 'eu-west-1'")),
};

const RulesSchema = v.pipe(
  plainObject('an object of rule names and severities such as { "no-legacy-model": "off" }'),
  v.record(
  v.pipe(
    v.string(),
    v.check((name) => ruleNamed(name) !== undefined, (issue) => `unknown rule ${issue.received}; the rules are ${RULE_NAMES.join(', ')}`),
  ),
  v.picklist(SEVERITIES, (issue) => `must be ${list(SEVERITIES, '"')}, got ${issue.received}`),
  ),
);

const globs = (what: string) =>
  v.pipe(stringArray('glob patterns'), v.minLength(1, `must list at least one glob pattern of ${what}`));

const OverrideSchema = closedObject(
  {
    files: globs('the files the block applies to'),
    ignores: v.optional(stringArray('glob patterns')),
    ...regionEntries,
    rules: v.optional(RulesSchema),
  },
  'an overrides block',
);

export const ConfigSchema = closedObject(
  {
    $schema: v.optional(v.string()),
    ...regionEntries,
    snapshot: v.optional(v.string((issue) => `must be the path of a snapshot file, got ${issue.received}`)),
    rules: v.optional(RulesSchema),
    ignores: v.optional(stringArray('glob patterns')),
    staleAfter: v.optional(
      v.pipe(
        v.number((issue) => `must be a number of days such as 90, got ${issue.received}`),
        v.integer((issue) => `must be a whole number of days, got ${issue.received}`),
        v.minValue(0, (issue) => `must be 0 or more, got ${issue.received}`),
      ),
    ),
    overrides: v.optional(v.array(OverrideSchema, (issue) => `must be an array of blocks such as { "files": ["services/eu/**"], "region": "eu-west-1" }, got ${issue.received}`)),
  },
  'the configuration',
);

/** A valibot issue's path as it is written in the file: `overrides[0].rules.no-legacy-model`. */
function keyOf(path: readonly v.IssuePathItem[]): string {
  let key = '';
  for (const item of path) {
    const step = item.key as string | number;
    key += typeof step === 'number' ? `[${step}]` : key ? `.${step}` : step;
  }
  return key;
}

/** The configuration a value holds, or one ConfigError naming the file and the key. */
export function validateConfig(value: unknown, name: string): CheckConfig {
  const result = v.safeParse(ConfigSchema, value);
  if (result.success) return result.output as CheckConfig;
  const issue = result.issues[0];
  // An unknown or missing key is reported at the object that holds it; its own name is in the message.
  const path = issue.path ?? [];
  const key = keyOf(issue.type === 'strict_object' && path.length && issue.received !== 'Object' ? path.slice(0, -1) : path);
  throw new ConfigError(`invalid configuration in ${name}${key ? `: ${key}` : ''}: ${issue.message}.`);
}

// ---------------------------------------------------------------------------------------------
// Loading

/** Why a file could not be read, as one line. */
const reason = (error: unknown): string => ((error as Error).message ?? String(error)).split('\n', 1)[0]!;

const jsonLoader: Loader = (path, content) => {
  try {
    return JSON.parse(content.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new ConfigError(`${path} is not valid JSON: ${reason(error)}`);
  }
};

const yamlLoader: Loader = async (path, content) => {
  const { parse } = await import('yaml');
  try {
    return parse(content) as unknown;
  } catch (error) {
    throw new ConfigError(`${path} is not valid YAML: ${reason(error)}`);
  }
};

/** `[tool.bedrock-lint]` of a pyproject.toml (or null: the search goes on); all of another TOML file. */
const tomlLoader: Loader = async (path, content) => {
  const { parse } = await import('smol-toml');
  let document: Record<string, unknown>;
  try {
    document = parse(content);
  } catch (error) {
    throw new ConfigError(`${path} is not valid TOML: ${reason(error)}`);
  }
  if (basename(path) !== 'pyproject.toml') return document;
  const tool = document.tool as Record<string, unknown> | undefined;
  return tool?.[CONFIG_NAME] ?? null;
};

const moduleLoader: Loader = async (path) => {
  try {
    const module = (await import(pathToFileURL(path).href)) as { default?: unknown };
    return module.default;
  } catch (error) {
    throw new ConfigError(`${path} could not be loaded: ${reason(error)}`);
  }
};

/** The key a configuration sits under in a shared file. */
const KEY_IN: Readonly<Record<string, string>> = { 'package.json': CONFIG_NAME, 'pyproject.toml': `tool.${CONFIG_NAME}` };

const LOADERS: Readonly<Record<string, Loader>> = {
  '.json': jsonLoader,
  '.yaml': yamlLoader,
  '.yml': yamlLoader,
  '.toml': tomlLoader,
  '.js': moduleLoader,
  '.mjs': moduleLoader,
  '.cjs': moduleLoader,
  // `.bedrock-lintrc`: YAML, and so JSON too.
  noExt: yamlLoader,
};

const explorer = (places: readonly string[], stopDir: string) =>
  lilconfig(CONFIG_NAME, { searchPlaces: [...places], stopDir, cache: false, packageProp: CONFIG_NAME, loaders: LOADERS });

function loaded(path: string, value: unknown, cwd: string): LoadedConfig {
  const shown = relative(cwd, path) || basename(path);
  const key = KEY_IN[basename(path)];
  const name = key ? `${shown}#${key}` : shown;
  return { path, name, config: validateConfig(value, name) };
}

/**
 * The configuration that applies in `cwd`: the nearest one found from `cwd` upward, or null.
 * A folder is searched on its own (lilconfig stops at `stopDir`), so that a `pyproject.toml`
 * without a `[tool.bedrock-lint]` table does not end the search.
 */
export async function findConfig(cwd: string): Promise<LoadedConfig | null> {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const found = await explorer(SEARCH_PLACES, dir).search(dir);
    if (found && found.config !== null && found.config !== undefined) return loaded(found.filepath, found.config, cwd);
    if (dirname(dir) === dir) return null;
  }
}

/** The configuration in a file named with `--config`. */
export async function readConfig(file: string, cwd: string): Promise<LoadedConfig> {
  const path = resolve(cwd, file);
  try {
    readFileSync(path);
  } catch {
    throw new ConfigError(`the configuration file ${file} does not exist.`);
  }
  if (extname(path) && !LOADERS[extname(path)]) {
    throw new ConfigError(`cannot read a configuration from ${file}: name a .json, .yaml, .yml, .js, .mjs, .cjs or .toml file.`);
  }
  const place = basename(path);
  const found = await explorer([place], dirname(path)).load(path);
  if (found?.config === null || found?.config === undefined) {
    const key = KEY_IN[place];
    throw new ConfigError(key ? `${file} has no ${key} configuration.` : `${file} holds no configuration.`);
  }
  return loaded(path, found.config, cwd);
}
