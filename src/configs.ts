/**
 * Flat configs, computed from each rule's `meta.docs` so that no rule is listed twice.
 */
import type { ESLint, Linter } from 'eslint';
import { createRequire } from './util/builtins.js';
import { rules } from './rules/index.js';

type Severity = 'error' | 'warn';
type RuleEntries = Record<string, Severity>;

const PREFIX = 'aws-bedrock';
const ruleEntries = Object.entries(rules);

const pick = (severityOf: (docs: (typeof rules)[keyof typeof rules]['meta']['docs']) => Severity | undefined): RuleEntries =>
  Object.fromEntries(
    ruleEntries.flatMap(([name, rule]) => {
      const severity = severityOf(rule.meta.docs);
      return severity ? [[`${PREFIX}/${name}`, severity]] : [];
    }),
  );

export const recommendedRules = pick((docs) => docs?.recommended);
export const strictRules = pick((docs) => docs?.strict ?? 'error');
export const allRules = pick(() => 'error');

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
