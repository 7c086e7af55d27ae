/**
 * Checks the text of one file: picks its scanner (ESLint for JavaScript/TypeScript, a parser for
 * Python, Go, TOML, Terraform, YAML and JSON, the linear scanner for the rest), falls back to the
 * linear scanner when a parser rejects the file, and judges the candidates.
 */
import { mayNameModel, mayQuoteModel } from '../classifier/prefilter.js';
import type { Registry } from '../registry/registry.js';
import { judge, type JudgeOptions } from './judge.js';
import { isEcmascript, type Language } from './languages.js';
import { LineIndex } from './line-index.js';
import { lintWithEslint, type EslintRunOptions } from './scanners/eslint.js';
import { scanGo } from './scanners/go.js';
import { scanHcl } from './scanners/hcl.js';
import { scanJson } from './scanners/json.js';
import { scanPython } from './scanners/python.js';
import { DIALECTS, scanText } from './scanners/text.js';
import { scanToml } from './scanners/toml.js';
import { scanYaml } from './scanners/yaml.js';
import { parserFor, withTree, type Grammar } from './tree-sitter.js';
import type { CheckFinding, Scan } from './types.js';

export interface FileCheckOptions extends JudgeOptions {
  readonly eslint: EslintRunOptions;
}

export interface FileCheck {
  readonly findings: CheckFinding[];
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

/** Whether a file can name a model at all; the files that cannot are neither parsed nor linted. */
const mayNameModelIn = (text: string, language: Language, registry: Registry): boolean =>
  QUOTED_STRINGS.has(language) ? mayQuoteModel(text, registry) : mayNameModel(text, registry);

/** The structured scan of a file, or the reason it needs the linear scanner. */
async function parse(text: string, path: string, language: Language): Promise<Scan | string> {
  const treeSitter = TREE_SITTER[language];
  try {
    if (treeSitter) {
      const parser = await parserFor(treeSitter.grammar);
      if (!parser) return `the ${treeSitter.grammar} grammar is not installed`;
      const scan = withTree(parser, text, (tree) =>
        treeSitter.strict && tree.rootNode.hasError ? null : treeSitter.scan(tree.rootNode, text),
      );
      return scan ?? `not valid ${language.toUpperCase()}`;
    }
    if (language === 'yaml') return scanYaml(text) ?? 'not valid YAML';
    if (language === 'json') return scanJson(text, path.endsWith('.json5')) ?? 'not valid JSON';
    return scanText(text, DIALECTS[language]);
  } catch (error) {
    return `the parser failed (${(error as Error).message})`;
  }
}

export async function checkFile(text: string, path: string, language: Language, options: FileCheckOptions): Promise<FileCheck> {
  if (!mayNameModelIn(text, language, options.registry)) return { findings: [], fallback: null };
  const ecmascript = isEcmascript(language);
  const lines = new LineIndex(text, ecmascript);
  if (ecmascript) {
    const linted = await lintWithEslint(text, path, options.eslint).catch((error: NodeJS.ErrnoException) => {
      // ESLint is a peer dependency: without it, the file is still read, as text.
      if (error.code !== 'ERR_MODULE_NOT_FOUND') throw error;
      return { fatal: `ESLint cannot be loaded (${error.message.split('\n', 1)[0]})` };
    });
    if (Array.isArray(linted)) return { findings: linted, fallback: null };
    const scan = scanText(text, DIALECTS[language]);
    return { findings: judge(scan, lines, options), fallback: linted.fatal };
  }
  const parsed = await parse(text, path, language);
  const scan = typeof parsed === 'string' ? scanText(text, DIALECTS[language]) : parsed;
  return { findings: judge(scan, lines, options), fallback: typeof parsed === 'string' ? parsed : null };
}
