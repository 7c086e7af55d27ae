/**
 * eslint-plugin-aws-bedrock: the plugin object, its configs, and the shared core for tools that
 * want the same verdicts (the registry and the classifier).
 */
import type { ESLint, Rule } from 'eslint';
import { createConfigs, type BedrockConfigs } from './configs.js';
import { rules } from './eslint/rules.js';
import { packageInfo } from './util/package-root.js';

const pkg = packageInfo();

/** The plugin, typed with ESLint's own types so that `defineConfig([...])` accepts its configs. */
export interface BedrockPlugin extends ESLint.Plugin {
  readonly meta: { readonly name: string; readonly version: string; readonly namespace: string };
  readonly rules: Record<string, Rule.RuleModule>;
  readonly configs: BedrockConfigs;
}

const base = { meta: { name: pkg.name, version: pkg.version, namespace: 'aws-bedrock' }, rules };
const plugin: BedrockPlugin = Object.assign(base, { configs: createConfigs(base) });

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
export type { BedrockConfigs } from './configs.js';
