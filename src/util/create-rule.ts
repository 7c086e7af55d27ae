import type { TSESLint } from '@typescript-eslint/utils';
import { createRequire } from 'node:module';

/**
 * A CommonJS package, loaded with require: imported as ESM, Node first scans all eight of its
 * files for named exports (about 6 ms of the plugin's cold start on the bench machine).
 */
const { applyDefault, RuleCreator } = createRequire(import.meta.url)(
  '@typescript-eslint/utils/eslint-utils',
) as typeof import('@typescript-eslint/utils/eslint-utils');

export const REPO_URL = 'https://github.com/eslint-plugin-aws-bedrock/eslint-plugin-aws-bedrock';

/** The URL of a rule's documentation. */
export const docsUrl = (name: string): string => `${REPO_URL}/blob/main/docs/rules/${name}.md`;

export interface BedrockRuleDocs {
  description: string;
  /** Severity in the `recommended` config; absent: only in `strict` and `all`. */
  recommended?: 'error' | 'warn';
  /** Severity in the `strict` config (default: error). */
  strict?: 'error' | 'warn';
}

const createNamedRule = RuleCreator<BedrockRuleDocs>(docsUrl);

/**
 * What the merged options of a file depend on: ESLint hands each file a fresh `context.options`
 * array, but its one options object is the same for every file of a config.
 */
const optionsKey = (options: readonly unknown[]): object => {
  const first = options[0];
  return options.length === 1 && typeof first === 'object' && first !== null ? first : options;
};

/**
 * RuleCreator, with the options merged with their defaults once per options object instead of
 * once per file: RuleCreator's merge (a structuredClone) was a third of the plugin's own time
 * per file in the ESLint benchmark.
 */
export const createRule: typeof createNamedRule = <Options extends readonly unknown[], MessageIds extends string>(
  rule: Parameters<typeof createNamedRule<Options, MessageIds>>[0],
) => {
  const created = createNamedRule<Options, MessageIds>(rule);
  const defaults = (rule.meta.defaultOptions ?? rule.defaultOptions ?? []) as Options;
  const merged = new WeakMap<object, Options>();
  return {
    ...created,
    create(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>) {
      const key = optionsKey(context.options);
      let options = merged.get(key);
      if (!options) merged.set(key, (options = applyDefault<Options, Options>(defaults, context.options)));
      return rule.create(context, options);
    },
  };
};
