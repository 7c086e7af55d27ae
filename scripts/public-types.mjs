// Run by `npm run build` after tsc: makes the published declarations self-contained. A consumer's
// compiler reads dist/index.d.ts and every declaration file it reaches; those may import only
// `eslint` (a peer dependency) and each other. tsc writes the snapshot types of
// dist/registry/schema.d.ts as valibot's `InferOutput<typeof Schema>`, which would pull valibot's
// 12,000 lines of declarations (and DOM's Blob and File) into every user's `tsc`; here such types
// are replaced by the plain object types they stand for, as the compiler expands them, and the
// schema constants and helpers (of no use to a consumer) are dropped. Fails the build when a reached file
// still imports anything else, naming it.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = join(ROOT, 'dist', 'index.d.ts');
/** Modules a published declaration may import: the peer whose types the plugin is written in. */
export const ALLOWED_IMPORTS = new Set(['eslint']);

const specifiers = (source) =>
  source.statements.flatMap((statement) =>
    (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)
      ? [statement.moduleSpecifier.text]
      : [],
  );

/** The declaration files reached from `entry` (relative imports and re-exports) and what else they import. */
export function closure(entry = ENTRY) {
  const files = new Map();
  const visit = (file) => {
    if (files.has(file)) return;
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const foreign = [];
    files.set(file, foreign);
    for (const specifier of specifiers(source)) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.d.ts')));
      else foreign.push(specifier);
    }
    // import("x") types, which tsc writes for types it cannot name otherwise.
    for (const match of source.text.matchAll(/\bimport\(\s*["']([^"']+)["']/g)) {
      if (!match[1].startsWith('.')) foreign.push(match[1]);
    }
  };
  visit(entry);
  return files;
}

const leadingComments = (node, text) =>
  (ts.getLeadingCommentRanges(text, node.getFullStart()) ?? []).map((range) => text.slice(range.pos, range.end)).join('\n');

/** Rewrites one declaration file without its foreign imports; returns the new text. */
function inline(file, program) {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const text = source.getFullText();
  const dropped = new Set();
  const modules = new Set();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const from = statement.moduleSpecifier.text;
    if (from.startsWith('.') || ALLOWED_IMPORTS.has(from)) continue;
    modules.add(from);
    const bindings = statement.importClause;
    if (bindings?.name) dropped.add(bindings.name.text);
    const named = bindings?.namedBindings;
    if (named && ts.isNamespaceImport(named)) dropped.add(named.name.text);
    if (named && ts.isNamedImports(named)) for (const element of named.elements) dropped.add(element.name.text);
  }
  const uses = (node) => {
    let found = false;
    const walk = (child) => {
      if (found) return;
      if (ts.isIdentifier(child) && dropped.has(child.text)) found = true;
      else ts.forEachChild(child, walk);
    };
    walk(node);
    return found;
  };
  const printer = ts.createPrinter({ removeComments: false });
  const flags = ts.NodeBuilderFlags.NoTruncation | ts.NodeBuilderFlags.InTypeAlias | ts.NodeBuilderFlags.MultilineObjectLiterals;
  const out = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && uses(statement.importClause ?? statement)) continue;
    if (!uses(statement)) {
      out.push(text.slice(statement.getFullStart(), statement.getEnd()).replace(/^\n+/, ''));
      continue;
    }
    // Schema constants and helpers that take valibot's types: of no use to a consumer (a file that
    // imports one fails the consumer type test).
    if (ts.isVariableStatement(statement) || ts.isFunctionDeclaration(statement)) continue;
    if (ts.isTypeAliasDeclaration(statement) && !statement.typeParameters) {
      const type = checker.getTypeAtLocation(statement.name);
      const node = checker.typeToTypeNode(type, undefined, flags);
      const printed = printer.printNode(ts.EmitHint.Unspecified, node, source);
      if (uses(node) || /\bimport\(/.test(printed)) throw new Error(`public-types: ${statement.name.text} in ${file} still names a foreign module`);
      out.push(`${leadingComments(statement, text)}\nexport type ${statement.name.text} = ${printed};`.replace(/^\n/, ''));
      continue;
    }
    throw new Error(`public-types: cannot make ${ts.SyntaxKind[statement.kind]} at ${file}:${source.getLineAndCharacterOfPosition(statement.getStart()).line + 1} self-contained`);
  }
  const header = `// tsc's declarations without ${[...modules].join(', ')}, made self-contained by scripts/public-types.mjs.`;
  return `${header}\n${out.join('\n')}\n`;
}

export function makePublicTypesSelfContained(entry = ENTRY) {
  const files = closure(entry);
  const offending = [...files].filter(([, foreign]) => foreign.some((name) => !ALLOWED_IMPORTS.has(name)));
  if (offending.length) {
    const program = ts.createProgram({
      rootNames: offending.map(([file]) => file),
      options: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, noEmit: true, types: [] },
    });
    for (const [file] of offending) writeFileSync(file, inline(file, program));
  }
  const left = [...closure(entry)].filter(([, foreign]) => foreign.some((name) => !ALLOWED_IMPORTS.has(name)));
  if (left.length) {
    throw new Error(
      `public-types: the published declarations may import only ${[...ALLOWED_IMPORTS].join(', ')}; still:\n` +
        left.map(([file, foreign]) => `  ${relative(ROOT, file)}: ${foreign.join(', ')}`).join('\n'),
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) makePublicTypesSelfContained();
