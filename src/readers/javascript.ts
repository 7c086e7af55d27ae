/**
 * JavaScript and TypeScript for the checker, without ESLint's Linter: parse with espree (ESLint's
 * own parser: JavaScript and JSX) or acorn with @sveltejs/acorn-typescript (TypeScript and TSX),
 * then collect candidates with the same ESTree reader the ESLint adapter uses. The parsers are
 * loaded on first use, only for a file that passed the pre-filter. Comments are kept for the
 * `eslint-disable` directives the checker honours.
 *
 * Why these parsers: espree comes with ESLint (a peer dependency), and acorn-typescript adds about
 * 0.2 MB to it; oxc-parser (6 MB with its native binding) and @babel/parser (5 MB with
 * @babel/types) were measured at 3.2 and 3.4 ms per 8 KB TypeScript file against 4.9 ms here,
 * a difference that matters little for the few files that name a model.
 */
import type { TSESTree } from '@typescript-eslint/types';
import { createRequire } from '../util/builtins.js';
import type { Comment } from '../core/directives.js';
import type { Collection } from '../core/candidate.js';
import { collectEstree } from './estree.js';

export interface ParsedScript {
  readonly collection: Collection;
  readonly comments: readonly Comment[];
}

interface RawComment {
  readonly value: string;
  readonly loc: { start: { line: number }; end: { line: number } };
}

type Parse = (text: string, sourceType: 'module' | 'script') => { ast: TSESTree.Node; comments: RawComment[] };

const require = createRequire(import.meta.url);
let espreeParse: Parse | undefined;
const typescriptParsers = new Map<boolean, Parse>();

function javascriptParser(): Parse {
  espreeParse ??= (() => {
    const espree = require('espree') as { parse(text: string, options: object): unknown };
    return (text, sourceType) => {
      const ast = espree.parse(text, {
        ecmaVersion: 'latest',
        sourceType,
        range: true,
        loc: true,
        comment: true,
        ecmaFeatures: { jsx: true, globalReturn: sourceType === 'script' },
      }) as unknown as TSESTree.Program & { comments: RawComment[] };
      return { ast, comments: ast.comments };
    };
  })();
  return espreeParse;
}

function typescriptParser(jsx: boolean): Parse {
  let parse = typescriptParsers.get(jsx);
  if (!parse) {
    const acorn = require('acorn') as typeof import('acorn');
    const { tsPlugin } = require('@sveltejs/acorn-typescript') as typeof import('@sveltejs/acorn-typescript');
    const parser = acorn.Parser.extend(tsPlugin({ jsx }) as never);
    parse = (text, sourceType) => {
      const comments: RawComment[] = [];
      const ast = parser.parse(text, {
        ecmaVersion: 'latest',
        sourceType,
        ranges: true,
        locations: true,
        allowHashBang: true,
        allowReturnOutsideFunction: sourceType === 'script',
        onComment: (_block, value, _start, _end, startLoc, endLoc) =>
          comments.push({ value, loc: { start: { line: startLoc!.line }, end: { line: endLoc!.line } } }),
      }) as unknown as TSESTree.Node;
      return { ast, comments };
    };
    typescriptParsers.set(jsx, parse);
  }
  return parse;
}

/**
 * The candidates and comments of a JavaScript or TypeScript file, given the pre-filter's offsets.
 * A module first, then a script (CommonJS, sloppy mode); throws the parser's error when neither parses.
 */
export function readScript(text: string, path: string, offsets: readonly number[]): ParsedScript {
  const typescript = /\.[cm]?tsx?$/i.test(path);
  const parse = typescript ? typescriptParser(/\.tsx$/i.test(path)) : javascriptParser();
  const order: ('module' | 'script')[] = /\.cjs$|\.cts$/i.test(path) ? ['script', 'module'] : ['module', 'script'];
  let parsed: ReturnType<Parse>;
  try {
    parsed = parse(text, order[0]!);
  } catch (error) {
    try {
      parsed = parse(text, order[1]!);
    } catch {
      throw error;
    }
  }
  return {
    collection: collectEstree({ ast: parsed.ast, text }, offsets),
    comments: parsed.comments.map((c) => ({ text: c.value, line: c.loc.start.line, endLine: c.loc.end.line })),
  };
}
