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

/** An ancestor of a node, with the field under which the path to the node hangs (`left`, `value`, ...). */
export interface Ancestor {
  readonly node: Node;
  /** The field name of the child on the way down to the visited node, or null. */
  readonly field: string | null;
}

/** How many ancestors a visit gets: enough for every context the readers look at. */
export const MAX_ANCESTORS = 12;

/**
 * Calls `visit` for every node whose type is in `types`, in document order, without recursion,
 * with its nearest ancestors (nearest first, at most MAX_ANCESTORS), read off a cursor: tree-sitter
 * finds a node's `parent` by walking down from the root, so climbing parents from deep nodes is
 * quadratic, while a cursor's way back up is constant per step.
 */
export function visitNodes(root: Node, types: ReadonlySet<string>, visit: (node: Node, ancestors: readonly Ancestor[]) => void): void {
  const cursor = root.walk();
  const climber = root.walk();
  try {
    for (;;) {
      if (types.has(cursor.nodeType)) {
        climber.resetTo(cursor);
        const ancestors: Ancestor[] = [];
        for (let field = climber.currentFieldName; ancestors.length < MAX_ANCESTORS && climber.gotoParent(); field = climber.currentFieldName) {
          ancestors.push({ node: climber.currentNode, field });
        }
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
