/**
 * eslint-plugin-aws-bedrock: the plugin object, its configs, and the shared core for tools that
 * want the same verdicts (the registry and the classifier).
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { readFileSync } from 'node:fs';
import { createConfigs } from './configs.js';
import { rules } from './rules/index.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

const base = {
  meta: { name: pkg.name, version: pkg.version, namespace: 'aws-bedrock' },
  rules,
};

const plugin = base as typeof base & { configs: ReturnType<typeof createConfigs> };
plugin.configs = createConfigs(plugin as unknown as TSESLint.FlatConfig.Plugin);

export default plugin;
export { plugin as 'module.exports' };
export { rules };
export { classify, classifyRef, phaseOf } from './classifier/classify.js';
export type { Choice, ClassifyOptions, Verdict } from './classifier/classify.js';
export { parseModelRef, mightBeModelRef } from './classifier/parse.js';
export type { ModelRef } from './classifier/parse.js';
export { loadRegistry, SnapshotError, DEFAULT_SNAPSHOT_PATH } from './registry/registry.js';
export type { Registry } from './registry/registry.js';
export type { Snapshot } from './registry/schema.js';
