/**
 * eslint-doc-generator settings: the README rules and configs tables and the header of each
 * docs/rules/<rule>.md. `npm run docs` writes them; `npm run docs:check` (part of `npm test`)
 * fails when they are out of date. The generator reads the built plugin (package.json
 * `exports` -> dist/), so run `npm run build` first.
 */
const REPO_URL = 'https://github.com/eslint-plugin-aws-bedrock/eslint-plugin-aws-bedrock';

/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['all', '🌐'],
    ['json', '📄'],
  ],
  ruleDocNotices: ['deprecated', 'configs', 'fixableAndHasSuggestions', 'description'],
  ruleListColumns: ['name', 'description', 'configsError', 'configsWarn', 'fixable', 'hasSuggestions', 'options'],
  ruleDocSectionInclude: ['Examples', 'Options', 'When Not To Use It'],
  urlConfigs: `${REPO_URL}/blob/main/docs/configs.md`,
};
