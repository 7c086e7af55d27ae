import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fs } from './builtins.js';

/**
 * The folder of this package (the one holding `package.json` and `rules-data/`), found by walking
 * up from this module: the same answer from `src/`, from `dist/` and from the bundled
 * `dist/plugin.js`, which all sit at different depths.
 */
function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (fs.existsSync(join(dir, 'package.json')) && fs.existsSync(join(dir, 'rules-data'))) return dir;
    if (dirname(dir) === dir) {
      throw new Error(`aws-bedrock: no package folder with rules-data/ above ${start}; reinstall eslint-plugin-aws-bedrock.`);
    }
  }
}

export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** The name and version in this package's `package.json`. */
export function packageInfo(): { readonly name: string; readonly version: string } {
  return JSON.parse(fs.readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
}
