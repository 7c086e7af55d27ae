/**
 * Bench worker: the IDs, regions and provider prefixes of the built package's bundled snapshot,
 * which the generators draw from. Prints them as JSON.
 */
import { loadRegistry } from 'eslint-plugin-aws-bedrock';
import { corpusIds } from '../gen/corpus.js';

const registry = loadRegistry();
console.log(JSON.stringify({ ids: corpusIds(registry), providers: [...registry.providers].sort() }));
