/**
 * Checks the text of one file: the pre-filter, then the file's reader (espree or acorn-typescript
 * for JavaScript/TypeScript, tree-sitter for Python, Go, TOML and Terraform, yaml, momoa for JSON,
 * the linear scanner for the rest), falling back to the linear scanner when a parser rejects the
 * file; then the one judge, and the inline suppressions.
 */
import { parse as parseJson } from '@humanwhocodes/momoa';
import { mayNameModel, mayQuoteModel, sourceModelOffsets } from '../classifier/prefilter.js';
import { relative } from 'node:path';
import { isTestPath } from '../context/sinks.js';
import { asTestFile, type Collection } from '../core/candidate.js';
import { directiveComments } from '../core/comments.js';
import { Suppressions, type Comment, type Directive } from '../core/directives.js';
import { judge, type JudgeSetup } from '../core/judge.js';
import { readScript } from '../readers/javascript.js';
import { collectJson } from '../readers/json.js';
import { isEcmascript, type Language } from '../readers/languages.js';
import { scanGo } from '../readers/go.js';
import { scanHcl } from '../readers/hcl.js';
import { scanPython } from '../readers/python.js';
import { DIALECTS, scanText } from '../readers/text.js';
import { scanToml } from '../readers/toml.js';
import { parserFor, withTree, type Grammar } from '../readers/tree-sitter.js';
import { scanYaml } from '../readers/yaml.js';
import { mapToNotebook, notebookProgram } from '../readers/notebook.js';
import { scanProperties } from '../readers/properties.js';
import { LineIndex } from './line-index.js';
import type { CheckFinding } from './types.js';

export interface FileCheckOptions extends JudgeSetup {
  /** The project's root: a file's path below it tells whether it is a test (default: the working directory). */
  readonly root?: string;
}

export interface FileCheck {
  readonly findings: CheckFinding[];
  /** Findings that inline directives silence, each marked with its suppression. */
  readonly suppressed: CheckFinding[];
  /** `-disable` directives that silenced nothing (see `unusedDirectives`). */
  readonly unused: Directive[];
  /** Why the file was read with the linear scanner instead of its parser, if it was. */
  readonly fallback: string | null;
}

/**
 * Languages read through tree-sitter. Code keeps its tree despite syntax errors (tree-sitter
 * recovers locally); a config file with syntax errors goes to the linear scanner, as YAML and
 * JSON files that do not parse do.
 */
const TREE_SITTER: Partial<Record<Language, { grammar: Grammar; scan: typeof scanPython; strict: boolean }>> = {
  python: { grammar: 'python', scan: scanPython, strict: false },
  go: { grammar: 'go', scan: scanGo, strict: false },
  toml: { grammar: 'toml', scan: scanToml, strict: true },
  hcl: { grammar: 'hcl', scan: scanHcl, strict: true },
};

/**
 * Languages whose strings are always quoted: a reference must begin right after a quote (or a
 * `/` in an ARN), a stricter pre-filter than a provider's name anywhere (`import.meta`,
 * `writer.write`, `self.meta.x`). Not YAML, TOML, shell or HCL, whose values (plain scalars,
 * heredocs) need no quotes.
 */
const QUOTED_STRINGS: ReadonlySet<Language> = new Set<Language>(['javascript', 'typescript', 'python', 'go', 'json']);

/** What a reader found, with the file's comments where the reader keeps them. */
interface Read {
  readonly collection: Collection;
  readonly comments?: readonly Comment[];
}

/** The structured reading of a file, or the reason it needs the linear scanner. */
async function read(text: string, path: string, language: Language, registry: JudgeSetup['registry']): Promise<Read | string> {
  try {
    if (isEcmascript(language)) return readScript(text, path, sourceModelOffsets(text, registry));
    const treeSitter = TREE_SITTER[language];
    if (treeSitter) {
      const parser = await parserFor(treeSitter.grammar);
      if (!parser) return `the ${treeSitter.grammar} grammar is not installed`;
      const collection = withTree(parser, text, (tree) =>
        treeSitter.strict && tree.rootNode.hasError ? null : treeSitter.scan(tree.rootNode, text),
      );
      return collection ? { collection } : `not valid ${language.toUpperCase()}`;
    }
    if (language === 'properties' || language === 'ini') return { collection: scanProperties(text, language) };
    if (language === 'notebook') {
      const notebook = notebookProgram(text);
      if (!notebook) return 'not a Python notebook';
      const parser = await parserFor('python');
      if (!parser) return 'the python grammar is not installed';
      const collection = withTree(parser, notebook.program, (tree) => scanPython(tree.rootNode, notebook.program));
      return collection ? { collection: mapToNotebook(collection, notebook, text) } : 'not a Python notebook';
    }
    if (language === 'yaml') {
      const collection = scanYaml(text);
      return collection ? { collection } : 'not valid YAML';
    }
    if (language === 'json') {
      const json5 = path.endsWith('.json5');
      return { collection: collectJson(parseJson(text, json5 ? { mode: 'json5' } : { mode: 'jsonc', allowTrailingCommas: true }), text) };
    }
    return { collection: scanText(text, DIALECTS[language]) };
  } catch (error) {
    const message = (error as Error).message.split('\n', 1)[0];
    return language === 'json' ? 'not valid JSON' : isEcmascript(language) ? `it does not parse: ${message}` : `the parser failed (${message})`;
  }
}

/** What a file's reader collects (the linear scanner's reading when its parser rejects the file). */
export async function collect(text: string, path: string, language: Language, registry: JudgeSetup['registry']): Promise<Collection> {
  const parsed = await read(text, path, language, registry);
  return typeof parsed === 'string' ? scanText(text, DIALECTS[language]) : parsed.collection;
}

/**
 * The directives that silenced nothing and are this checker's to report: `-disable` ones (not
 * `-enable`) that name a rule that ran, or no rule; ESLint's own only when they name one of this
 * plugin's rules (a bare `eslint-disable-line` may be there for another plugin).
 */
function unusedDirectives(suppressions: Suppressions | null, rules: JudgeSetup['rules']): Directive[] {
  if (!suppressions) return [];
  const ran = new Set(rules.map(({ rule }) => rule.name));
  return suppressions.all.filter(
    (d) =>
      d.kind !== 'enable' &&
      !suppressions.used.has(d) &&
      (d.rules.length ? d.rules.some((rule) => ran.has(rule)) : d.family === 'bedrock-lint'),
  );
}

export async function checkFile(text: string, path: string, language: Language, options: FileCheckOptions): Promise<FileCheck> {
  const mayName = QUOTED_STRINGS.has(language) ? mayQuoteModel(text, options.registry) : mayNameModel(text, options.registry);
  let lineIndex: LineIndex | undefined;
  const lines = (): LineIndex => (lineIndex ??= new LineIndex(text, isEcmascript(language)));
  const lineOf = (offset: number): number => lines().position(offset).line;
  if (!mayName) {
    // Nothing to judge; the directives are read only to tell which ones silence nothing.
    const comments = directiveComments(text, language, lineOf);
    return { findings: [], suppressed: [], unused: unusedDirectives(comments.length ? new Suppressions(comments) : null, options.rules), fallback: null };
  }
  const parsed = await read(text, path, language, options.registry);
  // Comments come from the parser where it keeps them (JavaScript, TypeScript); elsewhere, and
  // when a parser rejected the file, from the linear comment finder.
  const reading: Read = typeof parsed === 'string' ? { collection: scanText(text, DIALECTS[language]) } : parsed;
  const comments = reading.comments ?? directiveComments(text, language, lineOf);
  const collection = isTestPath(relative(options.root ?? process.cwd(), path)) ? asTestFile(reading.collection) : reading.collection;
  const suppressions = comments.length ? new Suppressions(comments) : null;
  const findings: CheckFinding[] = [];
  const suppressed: CheckFinding[] = [];
  for (const finding of judge(collection, options)) {
    const start = lines().position(finding.start);
    const directive = suppressions?.silencing(finding.rule.name, start.line);
    const end = lines().position(finding.end);
    (directive ? suppressed : findings).push({
      ruleId: finding.rule.name,
      severity: finding.severity === 'warn' ? 'warning' : 'error',
      message: finding.message,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      text: finding.text,
      fix: finding.fix,
      suggestions: finding.suggestions.map((s) => ({ message: s.message, text: s.text })),
      ...(finding.awsError ? { awsError: finding.awsError } : {}),
      ...(directive ? { suppressions: [{ kind: 'inSource' as const, justification: directive.reason }] } : {}),
    });
  }
  return { findings, suppressed, unused: unusedDirectives(suppressions, options.rules), fallback: typeof parsed === 'string' ? parsed : null };
}
