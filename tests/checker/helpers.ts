/**
 * Shared by the checker tests: checking one text as a file of a given name (on the frozen fixture
 * snapshot and a pinned day), temporary project trees, and running `bedrock-lint` itself.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runCheck, type CheckOptions } from '../../src/checker/check.js';
import { checkFile } from '../../src/checker/check-file.js';
import { languageOf } from '../../src/readers/languages.js';
import type { CheckFinding } from '../../src/checker/types.js';
import { loadRegistry } from '../../src/registry/registry.js';
import { activeRules, RULE_NAMES } from '../../src/core/rules.js';

export const FIXTURE_SNAPSHOT = fileURLToPath(new URL('../fixtures/snapshot.json', import.meta.url));
export const DAY = '2026-11-26';
export const NOW = new Date(`${DAY}T00:00:00Z`);
export const BIN = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));
/** tsx's loader, by absolute URL: the child runs in directories without node_modules. */
export const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export const SONNET_45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
export const HAIKU_45 = 'anthropic.claude-haiku-4-5-20251001-v1:0';
export const SONNET_37 = 'anthropic.claude-3-7-sonnet-20250219-v1:0';

export interface CheckTextOptions {
  regions?: string[];
  rules?: readonly string[];
  snapshot?: string;
}

/** Checks `text` as the file `name` (its type decides the scanner); the file need not exist. */
export async function checkText(
  name: string,
  text: string,
  { regions = [], rules = RULE_NAMES, snapshot = FIXTURE_SNAPSHOT }: CheckTextOptions = {},
): Promise<{ findings: CheckFinding[]; fallback: string | null }> {
  const language = languageOf(name);
  if (!language) throw new Error(`no language for ${name}`);
  return checkFile(text, join(tmpdir(), 'bedrock-lint-virtual', name), language, {
    registry: loadRegistry(snapshot),
    regions,
    now: NOW,
    rules: activeRules(rules),
  });
}

/** Findings as `line:column rule` strings, for compact assertions. */
export const summary = (findings: readonly CheckFinding[]): string[] =>
  findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`);

/** Findings as `line rule fix|-` strings: which lines are reported, by which rule, with a certain fix or not. */
export const fixSummary = (findings: readonly CheckFinding[]): string[] =>
  findings.map((f) => `${f.line} ${f.ruleId} ${f.fix ? 'fix' : '-'}`);

/** The findings of one rule. */
export const ofRule = (findings: readonly CheckFinding[], rule: string): CheckFinding[] =>
  findings.filter((f) => f.ruleId === rule);

/** Writes a tree of files (paths relative to a new temporary directory); returns the directory. */
export function tempTree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'bedrock-lint-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

/** The options of a check in `cwd`: JSON output, fixture snapshot, pinned day, unless overridden. */
export const checkOptions = (cwd: string, options: Partial<CheckOptions> = {}): CheckOptions => ({
  paths: [],
  cwd,
  format: 'json',
  regions: [],
  snapshot: FIXTURE_SNAPSHOT,
  only: [],
  disabled: [],
  quiet: false,
  fix: false,
  maxWarnings: null,
  staleAfter: 90,
  staleNotice: true,
  now: NOW,
  color: false,
  version: '0.0.0-test',
  ...options,
});

/** Runs a check in-process in `cwd` (see checkOptions). */
export async function check(cwd: string, options: Partial<CheckOptions> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCheck(checkOptions(cwd, options), {
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `bedrock-lint <args>` in a child process (through tsx) in `cwd`. */
export function runCli(args: readonly string[], cwd: string, env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, ['--import', TSX, BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The 1-based column where `needle` starts in line `line` (1-based) of `text`. */
export function columnOf(text: string, line: number, needle: string): number {
  const index = (text.split('\n')[line - 1] ?? '').indexOf(needle);
  if (index < 0) throw new Error(`'${needle}' is not on line ${line}`);
  return index + 1;
}
