import type { TSESLint } from '@typescript-eslint/utils';
// Its `eslint-utils` entry only: the package root loads all of ESLint and the scope manager. The
// published plugin is one bundled module (scripts/bundle.mjs) with this code inlined.
import { RuleCreator } from '@typescript-eslint/utils/eslint-utils';

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
 * RuleCreator, without its own merge of the options with their defaults: ESLint (9.15 and later,
 * the peer range) merges `meta.defaultOptions` into `context.options` itself, so RuleCreator's
 * merge (a structuredClone per file and rule) only repeats work.
 */
export const createRule: typeof createNamedRule = <Options extends readonly unknown[], MessageIds extends string>(
  rule: Parameters<typeof createNamedRule<Options, MessageIds>>[0],
) => ({
  ...createNamedRule<Options, MessageIds>(rule),
  create: (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>) => rule.create(context, context.options),
});
