// npm's `prepare` script: builds dist/ (which is not in git).
//
// It runs in three places. In a checkout (`npm ci`, `npm install`) and before `npm pack` or
// `npm publish`, the devDependencies are installed and it runs `npm run build`. The third is an
// install from git, which is how the pre-commit framework (4.x) installs the hook:
// `npm install -g git+file://<clone>`. npm prepares a git dependency by running `npm install` in
// its clone, but under `-g` that install is global too, so the clone gets no devDependencies
// (`tsc: not found`), and npm runs `prepare` a second time on the same clone before packing it.
//
// So when the build tools are missing in a source checkout, this script installs only what the
// build uses (TypeScript, esbuild, the tree-sitter wasm packages, the bundled libraries and the
// runtime dependencies, at the versions package-lock.json records) into .prepare-tools/ in the clone, links node_modules
// to it, and builds without type checking (the checkout's own build and CI check the types; the
// emitted JavaScript is the same). `--ignore-scripts`: no dependency's install script runs and
// this script is not entered again. The second run finds dist/ built from this clone and stops.
// A registry install never runs `prepare`; the published package has no install scripts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const TOOLS = join(ROOT, '.prepare-tools');
const BUILT_MARK = join(TOOLS, 'built');

/**
 * The devDependencies the build uses (the rest are for tests, lint and docs): the compilers, the
 * wasm packages copied to dist/wasm/, and the libraries bundled into dist/plugin.js and dist/cli/.
 */
const BUILD_TOOLS = [
  'typescript',
  '@types/node', // tsconfig.json's "types"
  'esbuild',
  'web-tree-sitter',
  'tree-sitter-python',
  'tree-sitter-go',
  '@tree-sitter-grammars/tree-sitter-toml',
  '@tree-sitter-grammars/tree-sitter-hcl',
  'commander',
  'globby',
  'valibot',
  'yaml',
  '@humanwhocodes/momoa',
  // The CLI's configuration loader.
  'lilconfig',
  'minimatch',
  'smol-toml',
];

/** npm settings, passed down as npm_config_* variables, that would make a nested install global or partial. */
const INSTALL_SHAPE = /^npm_config_(?:global|location|prefix|omit|include|only|production|dry_run|package_lock_only|ignore_scripts|install_links)$/i;
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !INSTALL_SHAPE.test(key)));

const run = (command, args, cwd = ROOT) => execFileSync(command, args, { cwd, env, stdio: ['ignore', 2, 2] });
const installed = (name) => existsSync(join(ROOT, 'node_modules', name, 'package.json'));

function buildWithoutDevDependencies() {
  if (existsSync(BUILT_MARK) && existsSync(join(ROOT, 'dist', 'cli', 'bin.js'))) return; // npm's second run
  if (!existsSync(join(ROOT, 'src')) || !existsSync(join(ROOT, 'package-lock.json'))) {
    throw new Error('prepare: no build tools, and no sources or package-lock.json to build from; install the package from the npm registry instead');
  }
  if (existsSync(join(ROOT, 'node_modules')) && !existsSync(TOOLS)) {
    throw new Error('prepare: node_modules/ lacks the build tools; run `npm ci` in this checkout');
  }
  process.stderr.write('prepare: installing the build tools (an install from git, without devDependencies)\n');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')).packages;
  const dependencies = Object.fromEntries(
    [...BUILD_TOOLS, ...Object.keys(pkg.dependencies ?? {})].map((name) => {
      const version = lock[`node_modules/${name}`]?.version;
      if (!version) throw new Error(`prepare: package-lock.json has no ${name}; run npm install and commit the lockfile`);
      return [name, version];
    }),
  );
  mkdirSync(TOOLS, { recursive: true });
  writeFileSync(join(TOOLS, 'package.json'), JSON.stringify({ name: 'prepare-tools', private: true, dependencies }));
  run(NPM, ['install', '--ignore-scripts', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error'], TOOLS);
  if (!existsSync(join(ROOT, 'node_modules'))) symlinkSync(join(TOOLS, 'node_modules'), join(ROOT, 'node_modules'), 'junction');
  run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--noCheck']);
  run(NPM, ['run', 'build:assets']);
  writeFileSync(BUILT_MARK, '');
}

if (BUILD_TOOLS.every(installed) && !existsSync(TOOLS)) run(NPM, ['run', 'build']);
else buildWithoutDevDependencies();
