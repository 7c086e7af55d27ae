// Run by `npm run build` after tsc: bundles the plugin's entry (dist/index.js and what it imports,
// valibot included) into one module, dist/plugin.js, which package.json exports. Node then loads
// one file instead of about twenty, which was most of what importing the plugin cost an editor.
// The bundled snapshot and curated data are validated here with the full schemas (a broken one
// fails the build) and written, minified, to dist/bundled-rules-data.json for the bundle, so that
// the plugin's start does not hash or validate them. ESLint, @eslint/json and fastest-levenshtein
// stay outside: peers, and a module loaded on first use. Then it bundles the CLI in place (below),
// which reads rules-data/ itself.
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

/** What the two bundles (the plugin's and the CLI's) share. */
const COMMON = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // Less for V8 to scan at every start; names are kept, so stack traces still read.
  minifyWhitespace: true,
  minifySyntax: true,
  // Linked, without the sources' text: stack traces name src/ files and lines; the package does
  // not ship src/.
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  metafile: true,
};

const result = await build({
  ...COMMON,
  entryPoints: ['dist/index.js'],
  outfile: 'dist/plugin.js',
  external: ['eslint', 'eslint/*', '@eslint/json', 'fastest-levenshtein'],
  // A file of its own rather than a string in the bundle: V8 scans a 300 kB string literal more
  // slowly than Node reads the file.
  define: { BUNDLED_RULES_DATA: JSON.stringify(DATA_FILE) },
});
const inputs = Object.keys(result.metafile.inputs);
if (inputs.some((input) => /node_modules\/(?:eslint|typescript|@typescript-eslint\/(?:parser|typescript-estree|scope-manager))\//.test(input))) {
  throw new Error(`dist/plugin.js must not bundle ESLint, TypeScript or the parser; it took in:\n${inputs.join('\n')}`);
}
// The CLI's configuration loader and what it loads are for `bedrock-lint` only: ESLint has its own.
if (inputs.some((input) => /node_modules\/(?:lilconfig|smol-toml|minimatch)\/|^dist\/(?:cli|checker)\//.test(input))) {
  throw new Error(`dist/plugin.js must not bundle the CLI, the checker or its configuration loader; it took in:\n${inputs.join('\n')}`);
}

// The CLI, bundled in place: dist/cli/bin.js and the chunks it imports on demand (the checker's
// formats, sync) under dist/cli/chunks/. Its libraries (commander, globby, yaml, momoa, valibot)
// are inlined, so they are devDependencies and a lint-only install does not carry them. Outside:
// ESLint and @eslint/json (peers), the AWS SDK (an optional peer: sync says how to install it),
// web-tree-sitter (loaded from dist/wasm/), and the parsers the checker requires on first use
// (espree, acorn, acorn-typescript: dependencies, which ESLint's install mostly has already).
if (readFileSync('dist/cli/bin.js', 'utf8').includes('__bundleRequire')) {
  throw new Error('dist/cli/bin.js is already a bundle: run `npm run build` (tsc first), not build:assets alone');
}
const cli = await build({
  ...COMMON,
  entryPoints: ['dist/cli/bin.js'],
  outdir: 'dist/cli',
  allowOverwrite: true,
  splitting: true,
  chunkNames: 'chunks/[hash]',
  // Node built-ins that the CommonJS libraries (fast-glob and its kin) require().
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  external: ['eslint', 'eslint/*', '@eslint/json', '@aws-sdk/*', 'web-tree-sitter', 'fastest-levenshtein', 'espree', 'acorn', '@sveltejs/acorn-typescript'],
});

/** The packages a build took in, by folder (the innermost node_modules/<name> of each input). */
const packagesOf = (metafile) =>
  new Set(Object.keys(metafile.inputs).flatMap((input) => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? []));
const inPlugin = packagesOf(result.metafile);
const inCli = packagesOf(cli.metafile);
const where = (dir) => [inPlugin.has(dir) && '`dist/plugin.js`', inCli.has(dir) && '`dist/cli/`'].filter(Boolean).join(' and ');
writeNotices('dist/THIRD_PARTY_LICENSES.md', [
  ...[...new Set([...inPlugin, ...inCli])].map((dir) => [dir, `bundled into ${where(dir)}`]),
  ...VENDORED.map(({ name, files }) => [packageDir(name), `copied into \`dist/wasm/\`: ${files.map(([, to]) => `\`${to}\``).join(', ')}`]),
]);
