// Run by `npm run build` after tsc: bundles the plugin's entry (dist/index.js and what it imports,
// valibot included) into one module, dist/plugin.js, which package.json exports. Node then loads
// one file instead of about twenty, which was most of what importing the plugin cost an editor.
// The bundled snapshot and curated data are validated here with the full schemas (a broken one
// fails the build) and written, minified, to dist/bundled-rules-data.json for the bundle, so that
// the plugin's start does not hash or validate them. ESLint, @eslint/json and fastest-levenshtein
// stay outside: peers, and a module loaded on first use. The CLI keeps using the separate modules
// of dist/, which read rules-data/.
// The bundle's source map chains through tsc's maps to src/ (run with --enable-source-maps to see
// src/ lines in stack traces). Last, it writes dist/THIRD_PARTY_LICENSES.md for what the bundle and
// dist/wasm/ carry.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_CURATED_PATH, DEFAULT_SNAPSHOT_PATH, parseSnapshot, readCurated } from '../dist/registry/registry.js';
import { writeNotices } from './third-party-notices.mjs';
import { VENDORED, packageDir } from './vendor-wasm.mjs';

const snapshot = parseSnapshot(JSON.parse(readFileSync(DEFAULT_SNAPSHOT_PATH, 'utf8')), DEFAULT_SNAPSHOT_PATH);
const curated = readCurated(DEFAULT_CURATED_PATH);
const DATA_FILE = 'dist/bundled-rules-data.json';
writeFileSync(DATA_FILE, JSON.stringify({ snapshot, curated }));

const result = await build({
  entryPoints: ['dist/index.js'],
  outfile: 'dist/plugin.js',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  external: ['eslint', 'eslint/*', '@eslint/json', 'fastest-levenshtein'],
  // A file of its own rather than a string in the bundle: V8 scans a 300 kB string literal more
  // slowly than Node reads the file.
  define: { BUNDLED_RULES_DATA: JSON.stringify(DATA_FILE) },
  // Less for V8 to scan at every start; names are kept, so stack traces still read.
  minifyWhitespace: true,
  minifySyntax: true,
  // Linked, without the sources' text: stack traces name src/ files and lines; the package does
  // not ship src/.
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  metafile: true,
});
const inputs = Object.keys(result.metafile.inputs);
if (inputs.some((input) => /node_modules\/(?:eslint|typescript|@typescript-eslint\/(?:parser|typescript-estree|scope-manager))\//.test(input))) {
  throw new Error(`dist/plugin.js must not bundle ESLint, TypeScript or the parser; it took in:\n${inputs.join('\n')}`);
}

const bundled = new Set(
  inputs.flatMap((input) => /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? []),
);
writeNotices('dist/THIRD_PARTY_LICENSES.md', [
  ...[...bundled].map((name) => [packageDir(name), 'bundled into `dist/plugin.js`']),
  ...VENDORED.map(({ name, files }) => [packageDir(name), `copied into \`dist/wasm/\`: ${files.map(([, to]) => `\`${to}\``).join(', ')}`]),
]);
