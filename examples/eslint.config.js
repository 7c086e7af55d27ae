// The examples' own ESLint config, as a project using the plugin would write it. `npm run demo`
// lints this folder with it, and so does `npx eslint .` run in this folder.
import tsParser from '@typescript-eslint/parser';
import bedrock from 'eslint-plugin-aws-bedrock';

export default [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  bedrock.configs.recommended,
  bedrock.configs.json,
  // LiteLLM names the region `aws_region_name` per model entry; say it once for the whole file.
  { files: ['litellm/**'], settings: { 'aws-bedrock': { region: 'us-west-2' } } },
];
