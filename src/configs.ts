/**
 * Flat configs, computed from each rule's severity per config so that no rule is listed twice.
 */
import type { ESLint, Linter } from 'eslint';
import { rulesOf } from './core/rules.js';
import type { ConfigName } from './core/rule.js';
import { createRequire } from './util/builtins.js';

const PREFIX = 'aws-bedrock';

const entries = (config: ConfigName | 'all'): Linter.RulesRecord =>
  Object.fromEntries(rulesOf(config).map(({ rule, severity }) => [`${PREFIX}/${rule.name}`, severity]));

// Annotated so that the declarations name ESLint's own type, not the @eslint/core type behind it
// (a package a consumer's compiler may not be able to resolve).
export const recommendedRules: Linter.RulesRecord = entries('recommended');
export const strictRules: Linter.RulesRecord = entries('strict');
export const allRules: Linter.RulesRecord = entries('all');

/** Files the `json` config applies to. */
export const JSON_FILES = ['**/*.json'];

/** A type (not an interface) so that it fits ESLint's `Record<string, Config>` of plugin configs. */
export type BedrockConfigs = {
  readonly recommended: Linter.Config;
  readonly strict: Linter.Config;
  readonly all: Linter.Config;
  /** The recommended rules on `*.json` files, through @eslint/json (an optional peer dependency). */
  readonly json: Linter.Config;
};

export function createConfigs(plugin: ESLint.Plugin): BedrockConfigs {
  const plugins = { [PREFIX]: plugin };
  const configs: BedrockConfigs = {
    recommended: { name: `${PREFIX}/recommended`, plugins, rules: recommendedRules },
    strict: { name: `${PREFIX}/strict`, plugins, rules: strictRules },
    all: { name: `${PREFIX}/all`, plugins, rules: allRules },
    get json(): Linter.Config {
      return {
        name: `${PREFIX}/json`,
        files: JSON_FILES,
        plugins: { ...plugins, json: loadJsonPlugin() },
        language: 'json/json',
        rules: recommendedRules,
      };
    },
  };
  return configs;
}

function loadJsonPlugin(): ESLint.Plugin {
  try {
    const mod = createRequire(import.meta.url)('@eslint/json') as { default?: ESLint.Plugin };
    return mod.default ?? (mod as ESLint.Plugin);
  } catch (error) {
    throw new Error(
      "aws-bedrock: the 'json' config lints JSON files through @eslint/json, which is not installed. " +
        `Install it with \`npm install --save-dev @eslint/json\`. (${(error as Error).message})`,
    );
  }
}
