import { ESLintUtils } from '@typescript-eslint/utils';

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

export const createRule = ESLintUtils.RuleCreator<BedrockRuleDocs>(docsUrl);
