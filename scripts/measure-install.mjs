#!/usr/bin/env node
// What a lint-only user pays for this package: installs ESLint alone in one fresh project and
// ESLint with the packed tarball in another (each as `npm i -D` would), and compares the two
// node_modules. Then runs `bedrock-lint check` in the second project on one file per language the
// checker parses, to show that the lean install still reads them all (a missing grammar or parser
// would make check fall back to its plain-text scanner and say so on stderr).
//
//   node scripts/measure-install.mjs [--tarball <file.tgz>] [--json]
//
// Without --tarball it packs the current build (run `npm run build` first). The ESLint version is
// the one this repository tests with, so runs compare. docs/install-size.md records the figures.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Bare Claude Sonnet 4.5 in eu-west-1: every reader must report it (it needs an inference profile). */
const MODEL = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
export const SAMPLE_FILES = {
  'app.py': `import boto3\nclient = boto3.client("bedrock-runtime", region_name="eu-west-1")\nMODEL_ID = "${MODEL}"\n`,
  'app.ts': `import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';\nconst client = new BedrockRuntimeClient({ region: 'eu-west-1' });\nexport const modelId: string = '${MODEL}';\nexport type Client = typeof client;\n`,
  'app.js': `const client = new BedrockRuntimeClient({ region: 'eu-west-1' });\nexport const modelId = '${MODEL}';\n`,
  'main.go': `package main\n\nconst region = "eu-west-1"\nconst modelID = "${MODEL}"\n`,
  'main.tf': `provider "aws" {\n  region = "eu-west-1"\n}\n\nlocals {\n  model_id = "${MODEL}"\n}\n`,
  'config.toml': `region = "eu-west-1"\nmodel_id = "${MODEL}"\n`,
  'config.yaml': `region: eu-west-1\nmodel_id: ${MODEL}\n`,
  'settings.json': `{ "region": "eu-west-1", "modelId": "${MODEL}" }\n`,
};

/**
 * Apparent bytes (file sizes), disk usage (allocated blocks, what `du` says) and bytes per
 * package name of a node_modules tree; symlinks are counted as links, not followed.
 */
export function treeSize(dir) {
  let bytes = 0;
  let disk = 0;
  const packages = new Map();
  const walk = (path, pkgName) => {
    const stat = lstatSync(path);
    disk += stat.blocks * 512;
    if (!stat.isDirectory()) {
      bytes += stat.size;
      if (pkgName) packages.set(pkgName, (packages.get(pkgName) ?? 0) + stat.size);
      return;
    }
    for (const entry of readdirSync(path)) {
      const child = join(path, entry);
      // A package folder: node_modules/<name> or node_modules/@scope/<name>, at any depth.
      let name = pkgName;
      if (path.endsWith('node_modules') && !entry.startsWith('@') && !entry.startsWith('.')) name = entry;
      else if (/node_modules[\\/]@[^\\/]+$/.test(path)) name = `${path.split(/[\\/]/).pop()}/${entry}`;
      walk(child, name);
    }
  };
  walk(dir, null);
  return { bytes, disk, packages };
}

/** Installed packages whose install would run a script: (pre|post)install, or a binding.gyp. */
export function installScripts(nodeModules) {
  const found = [];
  const visit = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir)) {
      if (entry.startsWith('.')) continue;
      const path = join(dir, entry);
      if (entry.startsWith('@')) {
        visit(path);
        continue;
      }
      const manifest = join(path, 'package.json');
      if (existsSync(manifest)) {
        const { name, scripts = {} } = JSON.parse(readFileSync(manifest, 'utf8'));
        const hooks = ['preinstall', 'install', 'postinstall'].filter((hook) => scripts[hook]);
        if (!hooks.length && existsSync(join(path, 'binding.gyp'))) hooks.push('binding.gyp');
        if (hooks.length) found.push(`${name} (${hooks.join(', ')})`);
      }
      visit(join(path, 'node_modules'));
    }
  };
  visit(nodeModules);
  return found;
}

function npm(args, cwd) {
  return execFileSync(NPM, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function project(parent, name, specs) {
  const dir = join(parent, name);
  rmSync(dir, { recursive: true, force: true });
  execFileSync('mkdir', ['-p', dir]);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `measure-${name}`, private: true, type: 'module' }));
  npm(['install', '--save-dev', '--no-audit', '--no-fund', '--loglevel=error', ...specs], dir);
  return dir;
}

/** Packs this repository's current build (without running `prepare` again) and returns the tarball. */
function packBuild(into) {
  if (!existsSync(join(ROOT, 'dist', 'plugin.js'))) throw new Error('measure-install: no dist/ build; run `npm run build` first');
  const out = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', into], ROOT));
  return join(into, out[0].filename);
}

/**
 * Measures one install. Returns the sizes, what the package adds, install scripts in the tree,
 * and what `bedrock-lint check` reported per sample file (and any fallback notice on stderr).
 */
export function measureInstall({ tarball, eslint, keep = false } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'aws-bedrock-install-'));
  try {
    const eslintSpec = `eslint@${eslint ?? JSON.parse(readFileSync(join(ROOT, 'node_modules', 'eslint', 'package.json'), 'utf8')).version}`;
    const pkg = tarball ? resolve(tarball) : packBuild(work);
    const alone = treeSize(join(project(work, 'eslint-only', [eslintSpec]), 'node_modules'));
    const withPluginDir = project(work, 'with-plugin', [eslintSpec, pkg]);
    const withPlugin = treeSize(join(withPluginDir, 'node_modules'));
    const added = [...withPlugin.packages]
      .map(([name, bytes]) => [name, bytes - (alone.packages.get(name) ?? 0)])
      .filter(([, bytes]) => bytes > 0)
      .sort((a, b) => b[1] - a[1]);

    for (const [name, text] of Object.entries(SAMPLE_FILES)) writeFileSync(join(withPluginDir, name), text);
    const bin = join(withPluginDir, 'node_modules', '.bin', process.platform === 'win32' ? 'bedrock-lint.cmd' : 'bedrock-lint');
    const run = spawnSync(bin, ['check', '--format', 'json', '--no-stale-notice', '--now', '2026-11-26', '.'], {
      cwd: withPluginDir,
      encoding: 'utf8',
    });
    if (run.error) throw run.error;
    let findings;
    try {
      findings = JSON.parse(run.stdout);
    } catch {
      throw new Error(`measure-install: bedrock-lint check printed no JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    }
    // sync needs the AWS SDK, an optional peer dependency this install does not have.
    const sync = spawnSync(bin, ['sync', '--dry-run', '--out', 'snapshot.json'], { cwd: withPluginDir, encoding: 'utf8' });
    const reported = {};
    for (const name of Object.keys(SAMPLE_FILES)) {
      reported[name] = [...new Set(findings.filter((f) => f.file === name).map((f) => f.ruleId))].sort();
    }
    return {
      eslint: eslintSpec,
      eslintOnly: { bytes: alone.bytes, disk: alone.disk, packages: alone.packages.size },
      withPlugin: { bytes: withPlugin.bytes, disk: withPlugin.disk, packages: withPlugin.packages.size },
      addedBytes: withPlugin.bytes - alone.bytes,
      addedDisk: withPlugin.disk - alone.disk,
      addedPackages: withPlugin.packages.size - alone.packages.size,
      largestAdded: added.slice(0, Number(process.env.MEASURE_TOP ?? 12)).map(([name, bytes]) => ({ name, bytes })),
      addedNames: added.map(([name]) => name).sort(),
      installScripts: installScripts(join(withPluginDir, 'node_modules')),
      check: { exitCode: run.status, reported, stderr: run.stderr.trim() },
      syncWithoutSdk: { exitCode: sync.status, stderr: sync.stderr.trim() },
      ...(keep ? { dir: work } : {}),
    };
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

function print(result) {
  const lines = [
    'node_modules                     files     on disk (du)  packages',
    `ESLint alone (${result.eslint.padEnd(14)}) ${mb(result.eslintOnly.bytes).padStart(8)}  ${mb(result.eslintOnly.disk).padStart(12)}  ${result.eslintOnly.packages}`,
    `with eslint-plugin-aws-bedrock   ${mb(result.withPlugin.bytes).padStart(8)}  ${mb(result.withPlugin.disk).padStart(12)}  ${result.withPlugin.packages}`,
    `the plugin adds                  ${mb(result.addedBytes).padStart(8)}  ${mb(result.addedDisk).padStart(12)}  ${result.addedPackages}`,
    '',
    'largest additions:',
    ...result.largestAdded.map(({ name, bytes }) => `  ${mb(bytes).padStart(8)}  ${name}`),
    '',
    `install scripts in the tree: ${result.installScripts.length ? result.installScripts.join(', ') : 'none'}`,
    '',
    `bedrock-lint check (exit ${result.check.exitCode}):`,
    ...Object.entries(result.check.reported).map(([file, rules]) => `  ${file.padEnd(14)} ${rules.join(', ') || '(nothing)'}`),
  ];
  if (result.check.stderr) lines.push('', 'stderr:', result.check.stderr);
  lines.push('', `bedrock-lint sync without the AWS SDK (exit ${result.syncWithoutSdk.exitCode}): ${result.syncWithoutSdk.stderr}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--tarball');
  const result = measureInstall({ tarball: at >= 0 ? args[at + 1] : undefined });
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else print(result);
}
