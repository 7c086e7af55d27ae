/** Where the project and each rule's documentation live, for ESLint's `meta.docs.url`, SARIF and messages. */
export const REPO_URL = 'https://github.com/eslint-plugin-aws-bedrock/eslint-plugin-aws-bedrock';

/** The URL of a rule's documentation. */
export const docsUrl = (name: string): string => `${REPO_URL}/blob/main/docs/rules/${name}.md`;
