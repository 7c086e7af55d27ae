// Run by `npm run build`: copies the tree-sitter runtime (web-tree-sitter's ES module and its wasm)
// and the four grammars' wasm files into dist/wasm/, so that the published package carries the
// ~1.2 MB the checker loads instead of depending on ~20 MB of packages: the grammar packages ship
// C sources, prebuilt native addons and a node-gyp install script the checker never uses, and
// web-tree-sitter ships debug builds, source maps and C headers. All five are devDependencies;
// src/readers/tree-sitter.ts loads these copies (and the packages only in a checkout before a build).
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const WASM_DIR = join(ROOT, 'dist', 'wasm');

/** What is copied: the package, and its files as [from (in the package), to (in dist/wasm)]. */
export const VENDORED = [
  {
    name: 'web-tree-sitter',
    // The module finds tree-sitter.wasm next to itself (new URL('tree-sitter.wasm', import.meta.url)).
    files: [
      ['tree-sitter.js', 'web-tree-sitter.js'],
      ['tree-sitter.wasm', 'tree-sitter.wasm'],
    ],
  },
  { name: 'tree-sitter-python', files: [['tree-sitter-python.wasm', 'tree-sitter-python.wasm']] },
  { name: 'tree-sitter-go', files: [['tree-sitter-go.wasm', 'tree-sitter-go.wasm']] },
  { name: '@tree-sitter-grammars/tree-sitter-toml', files: [['tree-sitter-toml.wasm', 'tree-sitter-toml.wasm']] },
  { name: '@tree-sitter-grammars/tree-sitter-hcl', files: [['tree-sitter-hcl.wasm', 'tree-sitter-hcl.wasm']] },
];

const require = createRequire(join(ROOT, 'package.json'));

/** The folder of an installed package (found on the resolution paths: not every package exports its package.json). */
export function packageDir(name) {
  const dir = (require.resolve.paths(name) ?? []).map((base) => join(base, name)).find((d) => existsSync(join(d, 'package.json')));
  if (!dir) throw new Error(`${name} is not installed; run npm ci`);
  return dir;
}

export function vendorWasm() {
  rmSync(WASM_DIR, { recursive: true, force: true });
  mkdirSync(WASM_DIR, { recursive: true });
  for (const { name, files } of VENDORED) {
    for (const [from, to] of files) {
      const source = join(packageDir(name), from);
      if (to.endsWith('.js')) {
        // The source map it names is not shipped; without the comment no tool looks for it.
        const text = readFileSync(source, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
        writeFileSync(join(WASM_DIR, to), text);
      } else {
        copyFileSync(source, join(WASM_DIR, to));
      }
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) vendorWasm();
