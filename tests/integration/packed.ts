/**
 * The packed package, as npm would publish it: `npm pack` of the current build (without running
 * `prepare` again; `npm test` builds first), extracted into a consumer's node_modules.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Packs the build into `dir`; returns the tarball's path. */
export function pack(dir: string): string {
  if (!existsSync(join(ROOT, 'dist', 'plugin.js'))) throw new Error('no dist/ build: run `npm run build` first');
  const [{ filename }] = JSON.parse(
    execFileSync(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
  ) as [{ filename: string }];
  return join(dir, filename);
}

/**
 * A consumer project in `dir`: the tarball extracted as node_modules/eslint-plugin-aws-bedrock,
 * and links to this checkout's copies of the package's runtime dependencies and of the given
 * peers (`name` or `[name, installed folder]`). Nothing else is reachable, as in a strict
 * (pnpm-like) layout: a published file that needs a devDependency fails here.
 */
export function consumer(dir: string, tarball: string, peers: readonly (string | readonly [string, string])[]): void {
  const target = join(dir, 'node_modules', 'eslint-plugin-aws-bedrock');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['xzf', tarball, '-C', target, '--strip-components=1']);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const links = [...Object.keys(pkg.dependencies).map((name) => [name, name] as const), ...peers.map((p) => (typeof p === 'string' ? ([p, p] as const) : p))];
  for (const [name, installed] of links) {
    const link = join(dir, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', installed), link, 'junction');
  }
}
