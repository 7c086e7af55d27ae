/**
 * JavaScript and TypeScript go through ESLint's own Linter with this plugin's rules (TypeScript
 * with @typescript-eslint/parser), so that the checker and ESLint agree by construction. The
 * messages are mapped back to findings; `eslint-disable` comments are honoured as ESLint would.
 */
import type { Linter } from 'eslint';
import { parse as parsePath } from 'node:path';
import { RULE_NAMES, type RuleName } from '../../report/messages.js';
import { severityOf } from '../judge.js';
import type { CheckFinding } from '../types.js';

export interface EslintRunOptions {
  /** The snapshot file, or undefined for the bundled one. */
  readonly snapshot: string | undefined;
  /** The day lifecycle phases are judged on (YYYY-MM-DD). */
  readonly day: string;
  /** Regions given on the command line. */
  readonly regions: readonly string[];
  readonly rules: ReadonlySet<RuleName>;
}

/** A file ESLint could not read, and why. */
export interface EslintFailure {
  readonly fatal: string;
}

const PREFIX = 'aws-bedrock/';
const JS_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx'];
const TS_FILES = ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];

interface Setup {
  readonly linter: Linter;
  readonly config: Linter.Config[];
}

const setups = new Map<string, Promise<Setup>>();

async function createSetup(options: EslintRunOptions): Promise<Setup> {
  const [{ Linter }, { default: plugin }, tsParser] = await Promise.all([
    import('eslint'),
    import('../../index.js'),
    import('@typescript-eslint/parser'),
  ]);
  const ruleOptions = options.regions.length ? [{ regions: [...options.regions] }] : [];
  const rules = Object.fromEntries(
    RULE_NAMES.filter((name) => options.rules.has(name)).map((name) => [`${PREFIX}${name}`, ['error', ...ruleOptions]]),
  ) as Linter.RulesRecord;
  const shared = {
    plugins: { 'aws-bedrock': plugin as never },
    linterOptions: { reportUnusedDisableDirectives: 'off' as const },
    settings: { 'aws-bedrock': { ...(options.snapshot ? { snapshot: options.snapshot } : {}), now: options.day } },
    rules,
  };
  return {
    // Files anywhere on the disk: patterns are matched from the root.
    linter: new Linter({ cwd: parsePath(process.cwd()).root }),
    config: [
      { ...shared, files: JS_FILES, languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } } },
      { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
      { ...shared, files: TS_FILES, languageOptions: { parser: tsParser, sourceType: 'module' } },
    ],
  };
}

function setupFor(options: EslintRunOptions): Promise<Setup> {
  const key = JSON.stringify({ ...options, rules: [...options.rules] });
  let setup = setups.get(key);
  if (!setup) {
    setup = createSetup(options);
    setups.set(key, setup);
  }
  return setup;
}

/** Strips the quotes of a literal's source text (string and template literals alike). */
const unquote = (literal: string): string => literal.slice(1, -1);

export async function lintWithEslint(source: string, path: string, options: EslintRunOptions): Promise<CheckFinding[] | EslintFailure> {
  const { linter, config } = await setupFor(options);
  const messages = linter.verify(source, config, { filename: path });
  const fatal = messages.find((m) => m.fatal);
  if (fatal) return { fatal: `ESLint could not parse it: ${fatal.message} (${fatal.line}:${fatal.column})` };
  // ESLint's own reading of the lines (it breaks them at \r, U+2028 and U+2029 too): its 1-based
  // columns back to offsets.
  const sourceCode = linter.getSourceCode();
  const offset = (line: number, column: number): number => sourceCode.getIndexFromLoc({ line, column: column - 1 });
  const findings: CheckFinding[] = [];
  for (const message of messages) {
    const ruleName = message.ruleId?.startsWith(PREFIX) ? (message.ruleId.slice(PREFIX.length) as RuleName) : null;
    if (!ruleName || !RULE_NAMES.includes(ruleName)) continue;
    const endLine = message.endLine ?? message.line;
    const endColumn = message.endColumn ?? message.column;
    const literal = source.slice(offset(message.line, message.column), offset(endLine, endColumn));
    const fix = message.fix
      ? { start: message.fix.range[0] + 1, end: message.fix.range[1] - 1, text: unquote(message.fix.text) }
      : null;
    findings.push({
      ruleId: ruleName,
      severity: severityOf(ruleName, message.messageId ?? ''),
      message: message.message,
      line: message.line,
      column: message.column,
      endLine,
      endColumn,
      text: unquote(literal),
      fix,
      suggestions: (message.suggestions ?? []).map((s) => ({ message: s.desc, text: unquote(s.fix.text) })),
    });
  }
  return findings;
}
