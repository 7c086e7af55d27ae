/**
 * tree-sitter for the checker: the wasm runtime and one grammar per language, loaded on first
 * use from node_modules (nothing is downloaded at run time), and an iterative walk over a tree.
 */
import { createRequire } from 'node:module';
import type { Node, Parser, Tree } from 'web-tree-sitter';

export type Grammar = 'python' | 'go' | 'toml' | 'hcl';

/**
 * Grammar wasm files, as module paths: each grammar's own package, an optional dependency (its
 * native install step may fail on unusual platforms; without it the file is read as text).
 */
const GRAMMARS: Readonly<Record<Grammar, string>> = {
  python: 'tree-sitter-python/tree-sitter-python.wasm',
  go: 'tree-sitter-go/tree-sitter-go.wasm',
  toml: '@tree-sitter-grammars/tree-sitter-toml/tree-sitter-toml.wasm',
  hcl: '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm',
};

const require = createRequire(import.meta.url);
let runtime: Promise<typeof import('web-tree-sitter')> | undefined;
const parsers = new Map<Grammar, Promise<Parser | null>>();

async function loadParser(grammar: Grammar): Promise<Parser | null> {
  let wasm: string;
  try {
    wasm = require.resolve(GRAMMARS[grammar]);
  } catch {
    return null;
  }
  runtime ??= import('web-tree-sitter').then(async (module) => {
    await module.Parser.init();
    return module;
  });
  const { Language, Parser } = await runtime;
  const parser = new Parser();
  parser.setLanguage(await Language.load(wasm));
  return parser;
}

/** The parser of a grammar, or null when its package is not installed. */
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

/** Calls `visit` for every node whose type is in `types`, in document order, without recursion. */
export function visitNodes(root: Node, types: ReadonlySet<string>, visit: (node: Node) => void): void {
  const cursor = root.walk();
  try {
    for (;;) {
      if (types.has(cursor.nodeType)) visit(cursor.currentNode);
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return;
      }
    }
  } finally {
    cursor.delete();
  }
}

/** Ancestors of a node, nearest first, at most `depth` of them. */
export function* ancestors(node: Node, depth: number): Generator<Node> {
  let current = node.parent;
  for (let i = 0; current && i < depth; i++, current = current.parent) yield current;
}
