/**
 * tree-sitter for the checker: the wasm runtime and one grammar per language, loaded on first
 * use from files shipped in the package (nothing is downloaded at run time), and an iterative walk
 * over a tree.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Node, Parser, Tree } from 'web-tree-sitter';
import { PACKAGE_ROOT } from '../util/package-root.js';

export type Grammar = 'python' | 'go' | 'toml' | 'hcl';

/**
 * Where the build (scripts/vendor-wasm.mjs) puts the runtime and the grammars: the package ships
 * these files, not the packages they come from, which are devDependencies.
 */
const WASM_DIR = join(PACKAGE_ROOT, 'dist', 'wasm');

/**
 * Each grammar's wasm file, and the same file in its own package (a devDependency), which a checkout
 * reads before its first build. Without either, the file is read by the plain-text scanner.
 */
const GRAMMARS: Readonly<Record<Grammar, { readonly file: string; readonly module: string }>> = {
  python: { file: 'tree-sitter-python.wasm', module: 'tree-sitter-python/tree-sitter-python.wasm' },
  go: { file: 'tree-sitter-go.wasm', module: 'tree-sitter-go/tree-sitter-go.wasm' },
  toml: { file: 'tree-sitter-toml.wasm', module: '@tree-sitter-grammars/tree-sitter-toml/tree-sitter-toml.wasm' },
  hcl: { file: 'tree-sitter-hcl.wasm', module: '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm' },
};
/** The runtime: the shipped copy of web-tree-sitter's ES module, else the package (a checkout). */
const RUNTIME = join(WASM_DIR, 'web-tree-sitter.js');

const require = createRequire(import.meta.url);
let runtime: Promise<typeof import('web-tree-sitter')> | undefined;
const parsers = new Map<Grammar, Promise<Parser | null>>();

/** The shipped copy of a file, else its package's (resolved), else null. */
function locate({ file, module }: { readonly file: string; readonly module: string }): string | null {
  const shipped = join(WASM_DIR, file);
  if (existsSync(shipped)) return shipped;
  try {
    return require.resolve(module);
  } catch {
    return null;
  }
}

async function loadParser(grammar: Grammar): Promise<Parser | null> {
  const wasm = locate(GRAMMARS[grammar]);
  if (!wasm) return null;
  runtime ??= (async () => {
    const module = existsSync(RUNTIME)
      ? ((await import(pathToFileURL(RUNTIME).href)) as typeof import('web-tree-sitter'))
      : await import('web-tree-sitter');
    await module.Parser.init();
    return module;
  })();
  const { Language, Parser } = await runtime;
  const parser = new Parser();
  parser.setLanguage(await Language.load(wasm));
  return parser;
}

/** The parser of a grammar, or null when its wasm file is missing. */
export function parserFor(grammar: Grammar): Promise<Parser | null> {
  let parser = parsers.get(grammar);
  if (!parser) {
    parser = loadParser(grammar);
    parsers.set(grammar, parser);
  }
  return parser;
}

/** Parses `source` and hands the tree to `use`, freeing the tree afterwards. */
export function withTree<T>(parser: Parser, source: string, use: (tree: Tree) => T): T | null {
  const tree = parser.parse(source);
  if (!tree) return null;
  try {
    return use(tree);
  } finally {
    tree.delete();
  }
}

/** An ancestor of a node, with the field under which the path to the node hangs (`left`, `value`, ...). */
export interface Ancestor {
  readonly node: Node;
  /** The field name of the child on the way down to the visited node, or null. */
  readonly field: string | null;
}

/** How many ancestors a visit gets: enough for every context the readers look at. */
export const MAX_ANCESTORS = 12;

/**
 * Calls `visit` for every node whose type is in `types`, in document order, without recursion.
 * `ancestors()` gives the node's nearest ancestors (nearest first, at most MAX_ANCESTORS), read off
 * a cursor: tree-sitter finds a node's `parent` by walking down from the root, so climbing parents
 * from deep nodes is quadratic, while a cursor's way back up is constant per step. They are read
 * only when asked for, during the visit: each step crosses into WebAssembly, and most strings are
 * not model IDs, which need no context.
 */
export function visitNodes(
  root: Node,
  types: ReadonlySet<string>,
  visit: (node: Node, ancestors: () => readonly Ancestor[]) => void,
): void {
  const cursor = root.walk();
  const climber = root.walk();
  let read: Ancestor[] | null = null;
  const ancestors = (): readonly Ancestor[] => {
    if (read) return read;
    read = [];
    climber.resetTo(cursor);
    for (let field = climber.currentFieldName; read.length < MAX_ANCESTORS && climber.gotoParent(); field = climber.currentFieldName) {
      read.push({ node: climber.currentNode, field });
    }
    return read;
  };
  try {
    for (;;) {
      if (types.has(cursor.nodeType)) {
        read = null;
        visit(cursor.currentNode, ancestors);
      }
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return;
      }
    }
  } finally {
    cursor.delete();
    climber.delete();
  }
}
