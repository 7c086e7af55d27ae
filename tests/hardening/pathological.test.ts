/**
 * Pathological input completes without a crash: a 10 MB string literal, 100,000 literals in one
 * file, deeply nested template literals, files with invalid UTF-8 (through ESLint and through
 * `bedrock-lint check`), and minified bundles in the checker's path, which it skips with a note.
 * No timing assertions: the linear-time claim lives in the bench rows (`npm run bench`).
 */
import tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { hugeLiteral, manyLiterals, nestedTemplates } from '../../bench/gen/pathological.js';
import { rules } from '../../src/eslint/rules.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'dist/cli/bin.js');
/** Past end of life on the pinned day: every rule run on it has something to say. */
const EOL_ID = 'anthropic.claude-3-haiku-20240307-v1:0';
const settings = { 'aws-bedrock': { now: '2026-11-26' } };
const plugin = { rules } as unknown as NonNullable<Linter.Config['plugins']>[string];
const allRules = Object.fromEntries(Object.keys(rules).map((name) => [`aws-bedrock/${name}`, 'error' as const]));
const config: Linter.Config = {
  files: ['**/*.ts'],
  languageOptions: { parser: tsParser },
  plugins: { 'aws-bedrock': plugin },
  rules: allRules,
  settings,
};

const lint = (code: string): Linter.LintMessage[] => new Linter({ configType: 'flat' }).verify(code, [config], 'input.ts');
const byRule = (messages: Linter.LintMessage[]) =>
  messages.reduce<Record<string, number>>((counts, m) => ({ ...counts, [m.ruleId ?? 'none']: (counts[m.ruleId ?? 'none'] ?? 0) + 1 }), {});

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});
const tempDir = (): string => (dir = mkdtempSync(join(tmpdir(), 'aws-bedrock-hardening-')));

describe('pathological source through the ESLint rules', () => {
  it('a 10 MB string literal: linted, not judged (too long to be an ID)', () => {
    const code = hugeLiteral(10 * 1024 * 1024);
    expect(code.length).toBeGreaterThan(10 * 1024 * 1024);
    expect(lint(code)).toEqual([]);
  });

  it('100,000 literals in one file: every one judged', () => {
    const messages = lint(manyLiterals(100_000, EOL_ID));
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    // Every third literal is the end-of-life ID, every third an unknown ID of the same family.
    expect(byRule(messages)).toMatchObject({
      'aws-bedrock/no-end-of-life-model': Math.ceil((100_000 - 1) / 3),
      'aws-bedrock/no-unknown-model': Math.ceil(100_000 / 3),
    });
  });

  it('template literals nested 500 deep: the ID inside is still judged', () => {
    const messages = lint(nestedTemplates(500, EOL_ID));
    expect(messages.map((m) => m.ruleId)).toContain('aws-bedrock/no-end-of-life-model');
  });

  it('template literals nested 5,000 deep: a parsing error from the parser, no crash', () => {
    const messages = lint(nestedTemplates(5_000, EOL_ID));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ fatal: true, ruleId: null });
  });

  it('a file with invalid UTF-8 bytes: ESLint reads it with replacement characters, the rules still judge', async () => {
    const cwd = tempDir();
    const invalid = Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x82, 0xf0, 0x90, 0x80, 0xc0, 0xaf]);
    writeFileSync(
      join(cwd, 'bytes.ts'),
      Buffer.concat([
        Buffer.from("export const a = '"),
        invalid,
        Buffer.from(`';\nexport const modelId = '${EOL_ID}';\n// `),
        invalid,
        Buffer.from(`\nexport const b = '${EOL_ID}`),
        invalid,
        Buffer.from("';\n"),
      ]),
    );
    const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [config] });
    const [result] = await eslint.lintFiles(['bytes.ts']);
    expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
    expect(result!.messages.filter((m) => m.ruleId === 'aws-bedrock/no-end-of-life-model').map((m) => m.line)).toEqual([2]);
  });
});

describe('pathological files in the checker path (bedrock-lint check)', () => {
  const check = (cwd: string) =>
    spawnSync(process.execPath, [BIN, 'check', '--format', 'json', '--no-stale-notice', '--now', '2026-11-26', '.'], {
      cwd,
      encoding: 'utf8',
    });

  it('is built (npm test builds first)', () => {
    expect(existsSync(BIN), `${BIN} is missing: run npm run build`).toBe(true);
  });

  it('files with invalid UTF-8 of every kind are checked without a crash', () => {
    const cwd = tempDir();
    const invalid = Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]);
    const files: Record<string, [string, string]> = {
      'a.py': ['model_id = "', '"\n'],
      'a.ts': ["export const m = '", "';\n"],
      'a.json': ['{"modelId": "', '"}\n'],
      'a.yaml': ['model_id: "', '"\n'],
      'a.go': ['package a\n\nconst m = "', '"\n'],
      'a.tf': ['locals {\n  m = "', '"\n}\n'],
      '.env': ['MODEL_ID=', '\n'],
      'a.rs': ['const M: &str = "', '";\n'],
    };
    for (const [name, [head, tail]] of Object.entries(files)) {
      writeFileSync(join(cwd, name), Buffer.concat([Buffer.from(head), invalid, Buffer.from(tail), Buffer.from(`${head}${EOL_ID}${tail}`)]));
    }
    const result = check(cwd);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(result.status).toBe(1);
    const findings = JSON.parse(result.stdout) as { file: string; ruleId: string }[];
    const files_ = new Set(findings.filter((f) => f.ruleId === 'no-end-of-life-model').map((f) => f.file.replace(/^\.\//, '')));
    expect([...files_].sort()).toEqual(Object.keys(files).sort());
  });

  it('skips a 50 MB minified bundle and a 1 MB one, each with a note, and checks the rest', () => {
    const cwd = tempDir();
    const statement = `var a=1,b="${EOL_ID}";`;
    writeFileSync(join(cwd, 'vendor.min.js'), `!function(){${statement.repeat(Math.ceil((50 * 1024 * 1024) / statement.length))}}();\n`);
    writeFileSync(join(cwd, 'small.min.js'), `!function(){${statement.repeat(Math.ceil((1024 * 1024) / statement.length))}}();\n`);
    writeFileSync(join(cwd, 'app.js'), `export const modelId = '${EOL_ID}';\n`);
    const result = check(cwd);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/skipped \S*vendor\.min\.js: /);
    expect(result.stderr).toMatch(/skipped \S*small\.min\.js: looks minified/);
    const entries = JSON.parse(result.stdout) as { file: string; ruleId: string | null }[];
    const files = (notes: boolean) => new Set(entries.filter((e) => (e.ruleId === null) === notes).map((e) => e.file));
    expect(files(false)).toEqual(new Set(['app.js']));
    // The skipped files are notes at the end of the report.
    expect(files(true)).toEqual(new Set(['small.min.js', 'vendor.min.js']));
  });
});
