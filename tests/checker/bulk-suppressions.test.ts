/**
 * Bulk suppressions: `--suppress-all` / `--suppress-rule` record the current errors per file and
 * rule, later runs pass on them and fail on new ones, `--prune-suppressions` lowers the counts.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { findConfig } from '../../src/cli/config.js';
import type { JsonFinding } from '../../src/checker/formats/json.js';
import { check, DAY, runCli, SONNET_37, tempTree } from './helpers.js';

const FILE = 'bedrock-lint-suppressions.json';
const EOL_MODEL = 'ai21.j2-ultra-v1';
const UNKNOWN = 'anthropic.claude-sonet-4-6';

const codebase = () =>
  tempTree({
    'b/models.yaml': `old: ${EOL_MODEL}\nalso: ${EOL_MODEL}\ntypo: ${UNKNOWN}\n`,
    'a/app.py': `m = "${EOL_MODEL}"\nlegacy = "eu.${SONNET_37}"  # a warning: never suppressed\nregion_name = "eu-west-1"\n`,
  });

const read = (root: string, file = FILE): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));
const rulesOf = (stdout: string): string[] => (JSON.parse(stdout) as JsonFinding[]).map((f) => `${f.file} ${f.ruleId}`);

describe('bulk suppressions', () => {
  it('--suppress-all writes the counts of errors per file and rule, sorted; the next run exits 0; a new finding exits 1', async () => {
    const root = codebase();
    expect((await check(root)).code).toBe(1);
    const first = await check(root, { bulk: { suppressAll: true } });
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`recorded the current errors in ${FILE}`);
    const text = readFileSync(join(root, FILE), 'utf8');
    expect(text).toBe(
      `${JSON.stringify(
        {
          'a/app.py': { 'no-end-of-life-model': { count: 1 } },
          'b/models.yaml': { 'no-end-of-life-model': { count: 2 }, 'no-unknown-model': { count: 1 } },
        },
        null,
        2,
      )}\n`,
    );
    // Warnings are not suppressed: they are still reported (and do not fail the run).
    expect(rulesOf(first.stdout)).toEqual(['a/app.py no-legacy-model']);

    const next = await check(root, { bulk: {} });
    expect([next.code, next.stderr]).toEqual([0, '']);

    writeFileSync(join(root, 'b/models.yaml'), `old: ${EOL_MODEL}\nalso: ${EOL_MODEL}\ntypo: ${UNKNOWN}\nnew: ${EOL_MODEL}\n`);
    const regressed = await check(root, { bulk: {} });
    expect(regressed.code).toBe(1);
    // Which of the three is new cannot be told: all are reported, with a note.
    expect(rulesOf(regressed.stdout).filter((r) => r.startsWith('b/'))).toEqual(Array(3).fill('b/models.yaml no-end-of-life-model'));
    expect(regressed.stderr).toContain(`b/models.yaml has 3 no-end-of-life-model errors where ${FILE} allows 2; all 3 are reported.`);

    writeFileSync(join(root, 'c.yaml'), `m: ${EOL_MODEL}\n`);
    expect((await check(root, { bulk: {} })).code).toBe(1);
  });

  it('writes the same bytes whatever order the findings come in', async () => {
    const root = codebase();
    await check(root, { bulk: { suppressAll: true } });
    const once = readFileSync(join(root, FILE), 'utf8');
    await check(root, { bulk: { suppressAll: true }, paths: ['b', 'a'] });
    expect(readFileSync(join(root, FILE), 'utf8')).toBe(once);
  });

  it('--suppress-rule records only the rules it names, leaving other entries as they are', async () => {
    const root = codebase();
    const run = await check(root, { bulk: { suppressRules: ['aws-bedrock/no-unknown-model'] } });
    expect(read(root)).toEqual({ 'b/models.yaml': { 'no-unknown-model': { count: 1 } } });
    expect(run.code).toBe(1);
    expect(rulesOf(run.stdout)).not.toContain('b/models.yaml no-unknown-model');
    await check(root, { bulk: { suppressRules: ['no-end-of-life-model'] }, paths: ['a'] });
    expect(read(root)).toEqual({
      'a/app.py': { 'no-end-of-life-model': { count: 1 } },
      'b/models.yaml': { 'no-unknown-model': { count: 1 } },
    });
  });

  it('fixed findings leave counts unpruned: exit 2 until --prune-suppressions lowers them', async () => {
    const root = codebase();
    await check(root, { bulk: { suppressAll: true } });
    writeFileSync(join(root, 'b/models.yaml'), `old: ${EOL_MODEL}\n`);
    rmSync(join(root, 'a/app.py'));
    const unpruned = await check(root, { bulk: {} });
    expect(unpruned.code).toBe(2);
    expect(unpruned.stderr).toContain(`${FILE} allows more errors than remain in b/models.yaml (no-end-of-life-model), b/models.yaml (no-unknown-model); lower the counts with --prune-suppressions`);
    expect((await check(root, { bulk: { passOnUnpruned: true } })).code).toBe(0);

    expect((await check(root, { bulk: { prune: true } })).code).toBe(0);
    expect(read(root)).toEqual({ 'b/models.yaml': { 'no-end-of-life-model': { count: 1 } } });
    expect((await check(root, { bulk: {} })).code).toBe(0);
  });

  it('leaves the counts of rules that did not run as they are', async () => {
    const root = codebase();
    await check(root, { bulk: { suppressAll: true } });
    const before = read(root);
    expect((await check(root, { bulk: {}, only: ['no-unknown-model'] })).code).toBe(0);
    await check(root, { bulk: { suppressAll: true }, disabled: ['no-unknown-model'] });
    await check(root, { bulk: { prune: true }, only: ['no-legacy-model'] });
    expect(read(root)).toEqual(before);
  });

  it('lives next to the configuration file, with paths relative to it, wherever check runs', async () => {
    const root = codebase();
    writeFileSync(join(root, 'bedrock-lint.config.json'), '{}');
    const inB = join(root, 'b');
    await check(inB, { config: await findConfig(inB), bulk: { suppressAll: true } });
    expect(read(root)).toEqual({ 'b/models.yaml': { 'no-end-of-life-model': { count: 2 }, 'no-unknown-model': { count: 1 } } });
    expect((await check(root, { config: await findConfig(root), bulk: {} })).code).toBe(1);
    expect(rulesOf((await check(root, { config: await findConfig(root), bulk: {} })).stdout)).not.toContain('b/models.yaml no-unknown-model');
  });

  it('--suppressions-location names another file; it must exist unless the run writes it', async () => {
    const root = codebase();
    await expect(check(root, { bulk: { location: 'ci/suppressions.json' } })).rejects.toThrow(
      'the suppressions file ci/suppressions.json does not exist; create it with --suppress-all or --suppress-rule.',
    );
    writeFileSync(join(root, 'ci.json'), '{}');
    await check(root, { bulk: { location: 'ci.json', suppressAll: true } });
    expect(Object.keys(read(root, 'ci.json') as object)).toEqual(['a/app.py', 'b/models.yaml']);
    expect(existsSync(join(root, FILE))).toBe(false);
  });

  it('marks bulk-suppressed results in SARIF with kind external', async () => {
    const root = codebase();
    await check(root, { bulk: { suppressRules: ['no-unknown-model'] } });
    const { stdout } = await check(root, { bulk: {}, format: 'sarif' });
    const results = (JSON.parse(stdout) as Log).runs[0]?.results ?? [];
    const suppressed = results.filter((r) => r.suppressions);
    expect(suppressed.map((r) => [r.ruleId, r.suppressions])).toEqual([['no-unknown-model', [{ kind: 'external' }]]]);
    expect(results.length).toBeGreaterThan(suppressed.length);
  });

  it('refuses a malformed file and flags that cannot go together, with exit code 2 in the CLI', async () => {
    const root = codebase();
    writeFileSync(join(root, FILE), '{ "a/app.py": { "no-end-of-life-model": 1 } }');
    await expect(check(root, { bulk: {} })).rejects.toThrow(
      `the suppressions file ${FILE} is malformed at a/app.py.no-end-of-life-model: it must map files to rules to { "count": <whole number of 1 or more> }.`,
    );
    const cli = runCli(['check', '--suppress-all', '--prune-suppressions', '--now', DAY], root);
    expect([cli.code, cli.stderr]).toEqual([2, 'bedrock-lint: --suppress-all and --prune-suppressions cannot be used together; run them one after the other.\n']);
    expect(runCli(['check', '--suppress-rule', 'nope'], root).stderr).toMatch(/^bedrock-lint: unknown rule 'nope' in --suppress-rule/);
  });

  it('in the CLI: check --suppress-all, then check passes, then a new finding fails it', () => {
    const root = codebase();
    expect(runCli(['check', '--now', DAY], root).code).toBe(1);
    expect(runCli(['check', '--suppress-all', '--now', DAY], root).code).toBe(0);
    expect(existsSync(join(root, FILE))).toBe(true);
    expect(runCli(['check', '--now', DAY], root).code).toBe(0);
    writeFileSync(join(root, 'new.py'), `m = "${EOL_MODEL}"\n`);
    const failed = runCli(['check', '--now', DAY, '--format', 'json'], root);
    expect(failed.code).toBe(1);
    expect(rulesOf(failed.stdout).filter((r) => !r.endsWith('no-legacy-model'))).toEqual(['new.py no-end-of-life-model']);
  });
});
