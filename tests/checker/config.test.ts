/**
 * The configuration file of `bedrock-lint check`: where it is found, what its keys do per path,
 * that flags override it, that a bad one is one clear error (exit code 2), and that the published
 * JSON Schema says what the valibot schema says.
 */
import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { JsonFinding } from '../../src/checker/formats/json.js';
import { ConfigError } from '../../src/core/regions.js';
import { loadRegistry } from '../../src/registry/registry.js';
import { RULE_NAMES } from '../../src/core/rules.js';
import { findConfig, readConfig, validateConfig } from '../../src/cli/config.js';
import { check, DAY, FIXTURE_SNAPSHOT, HAIKU_45, runCli, SONNET_37, tempTree } from './helpers.js';

/** A Python file that invokes Claude Haiku 4.5 by its bare ID and states no region. */
const INVOKE = `client.converse(modelId="${HAIKU_45}")\n`;

/** Runs a check in `root` with the configuration found there (as the CLI does). */
async function checkWithConfig(root: string, options: Parameters<typeof check>[1] = {}) {
  const result = await check(root, { config: await findConfig(root), ...options });
  return { ...result, findings: result.stdout ? (JSON.parse(result.stdout) as JsonFinding[]) : [] };
}

/** The certain fix of each file's require-inference-profile finding. */
const fixes = (findings: readonly JsonFinding[]): Record<string, string | undefined> =>
  Object.fromEntries(findings.filter((f) => f.ruleId === 'require-inference-profile').map((f) => [f.file, f.fix?.text]));

describe('per-path regions', () => {
  const monorepo = (config: Record<string, string>) =>
    tempTree({
      ...config,
      'services/eu/app.py': INVOKE,
      'services/jp/app.py': INVOKE,
      'services/jp/legacy/app.py': INVOKE,
      'tools/app.py': INVOKE,
    });
  const overrides = {
    overrides: [
      { files: ['services/eu/**'], region: 'eu-west-1' },
      { files: ['services/jp/**'], ignores: ['services/jp/legacy/**'], region: 'ap-northeast-1' },
    ],
  };

  it('a monorepo judged from eu-west-1 under services/eu and from ap-northeast-1 under services/jp gets eu. and jp. fixes', async () => {
    const root = monorepo({ 'bedrock-lint.config.json': JSON.stringify({ region: 'us-east-1', ...overrides }) });
    const { findings, code } = await checkWithConfig(root);
    expect(code).toBe(1);
    expect(fixes(findings)).toEqual({
      'services/eu/app.py': `eu.${HAIKU_45}`,
      'services/jp/app.py': `jp.${HAIKU_45}`,
      // `ignores` of the block: the top level's region.
      'services/jp/legacy/app.py': `us.${HAIKU_45}`,
      'tools/app.py': `us.${HAIKU_45}`,
    });
  });

  it('matches globs from the configuration file\'s folder, wherever check runs', async () => {
    const root = monorepo({ 'bedrock-lint.config.json': JSON.stringify(overrides) });
    const inJp = join(root, 'services/jp');
    const { stdout } = await check(inJp, { config: await findConfig(inJp) });
    // legacy/ is left out of the block: judged as the ESLint rules judge a file without a region.
    expect(fixes(JSON.parse(stdout) as JsonFinding[])['app.py']).toBe(`jp.${HAIKU_45}`);
    expect(fixes(JSON.parse(stdout) as JsonFinding[])['legacy/app.py']).not.toBe(`jp.${HAIKU_45}`);
  });

  it('--region overrides the file and its overrides', async () => {
    const root = monorepo({ 'bedrock-lint.config.json': JSON.stringify(overrides) });
    const { findings } = await checkWithConfig(root, { regions: ['eu-central-1'] });
    expect(new Set(Object.values(fixes(findings)))).toEqual(new Set([`eu.${HAIKU_45}`]));
  });

  it('pyproject.toml [tool.bedrock-lint] region = "ap-northeast-1" works too', async () => {
    const root = tempTree({
      'pyproject.toml': '[project]\nname = "app"\n\n[tool.bedrock-lint]\nregion = "ap-northeast-1"\n',
      'src/app.py': INVOKE,
    });
    expect((await findConfig(root))?.name).toBe('pyproject.toml#tool.bedrock-lint');
    expect(fixes((await checkWithConfig(root)).findings)).toEqual({ 'src/app.py': `jp.${HAIKU_45}` });
  });
});

describe('discovery', () => {
  const regionIn = async (files: Record<string, string>, from = '.') => {
    const root = tempTree(files);
    const found = await findConfig(join(root, from));
    return found && { name: found.name, region: found.config.region };
  };

  it.each([
    ['bedrock-lint.config.json', '{ "region": "eu-west-1" }'],
    ['bedrock-lint.config.yaml', 'region: eu-west-1\n'],
    ['bedrock-lint.config.yml', 'region: eu-west-1\n'],
    ['bedrock-lint.config.js', 'export default { region: "eu-west-1" };\n'],
    ['bedrock-lint.config.mjs', 'export default { region: "eu-west-1" };\n'],
    ['bedrock-lint.config.cjs', 'module.exports = { region: "eu-west-1" };\n'],
    ['.bedrock-lintrc', '{ "region": "eu-west-1" }'],
    ['.bedrock-lintrc.json', '{ "region": "eu-west-1" }'],
    ['.bedrock-lintrc.yaml', 'region: eu-west-1\n'],
    ['package.json', '{ "name": "app", "bedrock-lint": { "region": "eu-west-1" } }'],
    ['pyproject.toml', '[tool.bedrock-lint]\nregion = "eu-west-1"\n'],
  ])('reads %s', async (file, content) => {
    const key = file === 'package.json' ? '#bedrock-lint' : file === 'pyproject.toml' ? '#tool.bedrock-lint' : '';
    expect(await regionIn({ [file]: content })).toEqual({ name: `${file}${key}`, region: 'eu-west-1' });
  });

  it('looks from the working directory upward; the nearest folder wins', async () => {
    const files = {
      'bedrock-lint.config.json': '{ "region": "us-east-1" }',
      'services/eu/.bedrock-lintrc.yaml': 'region: eu-west-1\n',
      'services/eu/src/app.py': INVOKE,
    };
    expect(await regionIn(files, 'services/eu/src')).toEqual({ name: '../.bedrock-lintrc.yaml', region: 'eu-west-1' });
    expect(await regionIn(files, 'services')).toEqual({ name: '../bedrock-lint.config.json', region: 'us-east-1' });
  });

  it('passes over a package.json without "bedrock-lint" and a pyproject.toml without [tool.bedrock-lint]', async () => {
    const files = {
      'bedrock-lint.config.yaml': 'region: eu-west-1\n',
      'app/package.json': '{ "name": "app" }',
      'app/pyproject.toml': '[tool.ruff]\nline-length = 100\n',
    };
    expect(await regionIn(files, 'app')).toEqual({ name: '../bedrock-lint.config.yaml', region: 'eu-west-1' });
  });

  it('finds nothing where there is nothing', async () => {
    expect(await regionIn({ 'a.py': 'x = 1\n' })).toBeNull();
  });

  it('--config names a file; it must exist and hold a configuration', async () => {
    const root = tempTree({ 'ci/bedrock.yaml': 'region: eu-west-1\n', 'package.json': '{}' });
    expect((await readConfig('ci/bedrock.yaml', root)).config).toEqual({ region: 'eu-west-1' });
    await expect(readConfig('ci/missing.yaml', root)).rejects.toThrow('the configuration file ci/missing.yaml does not exist.');
    await expect(readConfig('package.json', root)).rejects.toThrow('package.json has no bedrock-lint configuration.');
  });
});

describe('keys', () => {
  it('rules: off, warn and error per rule, at the top level and per path; --rule and --disable-rule override them', async () => {
    const root = tempTree({
      'bedrock-lint.config.json': JSON.stringify({
        rules: { 'no-legacy-model': 'error', 'aws-bedrock/no-unknown-model': 'off' },
        overrides: [{ files: ['legacy/**'], rules: { 'no-legacy-model': 'off' } }],
      }),
      'app/models.yaml': `legacy: eu.${SONNET_37}\nunknown: anthropic.claude-sonet-4-6\nregion: eu-west-1\n`,
      'legacy/models.yaml': `legacy: eu.${SONNET_37}\nunknown: anthropic.claude-sonet-4-6\nregion: eu-west-1\n`,
    });
    const rules = (findings: JsonFinding[]) => findings.map((f) => `${f.file} ${f.ruleId} ${f.severity}`);
    const { findings, code } = await checkWithConfig(root);
    expect(code).toBe(1);
    expect(rules(findings)).toEqual(['app/models.yaml no-legacy-model error']);
    expect(rules((await checkWithConfig(root, { only: ['no-unknown-model'] })).findings)).toEqual([
      'app/models.yaml no-unknown-model error',
      'legacy/models.yaml no-unknown-model error',
    ]);
    expect(rules((await checkWithConfig(root, { disabled: ['no-legacy-model'] })).findings)).toEqual([]);
  });

  it('ignores: files never checked, even when named', async () => {
    const root = tempTree({
      'bedrock-lint.config.json': JSON.stringify({ ignores: ['vendor/', '**/*.generated.yaml'] }),
      'vendor/lib/models.yaml': 'model: ai21.j2-ultra-v1\n',
      'config/models.generated.yaml': 'model: ai21.j2-ultra-v1\n',
      'config/models.yaml': 'model: ai21.j2-ultra-v1\n',
    });
    expect((await checkWithConfig(root)).findings.map((f) => f.file)).toEqual(['config/models.yaml']);
    expect((await checkWithConfig(root, { paths: ['vendor/lib/models.yaml'] })).findings).toEqual([]);
  });

  it('snapshot is relative to the configuration file; staleAfter sets the notice; flags override both', async () => {
    const snapshot = readFileSync(FIXTURE_SNAPSHOT, 'utf8');
    const { asOf } = loadRegistry(FIXTURE_SNAPSHOT);
    const root = tempTree({
      'bedrock-lint.config.json': JSON.stringify({ snapshot: 'data/snapshot.json', staleAfter: 0 }),
      'data/snapshot.json': snapshot,
      'src/a.yaml': 'model: ai21.j2-ultra-v1\n',
    });
    const inSrc = join(root, 'src');
    const config = await findConfig(inSrc);
    const run = await check(inSrc, { config, snapshot: undefined, staleAfter: undefined, now: new Date(`${asOf}T00:00:00Z`) });
    expect(run.stderr).toBe('');
    const later = new Date(Date.parse(`${asOf}T00:00:00Z`) + 86_400_000);
    const stale = await check(inSrc, { config, snapshot: undefined, staleAfter: undefined, now: later });
    expect(stale.stderr).toContain('(1 days old); refresh it with `npx bedrock-lint sync --out ../data/snapshot.json`');
    expect((await check(inSrc, { config, snapshot: undefined, staleAfter: 5, now: later })).stderr).toBe('');
    await expect(check(inSrc, { config, snapshot: 'nope.json' })).rejects.toThrow(/nope\.json does not exist/);
  });

  it('a region the snapshot does not know names the file and the key', async () => {
    const root = tempTree({
      'bedrock-lint.config.json': JSON.stringify({ overrides: [{ files: ['a/**'], region: 'eu-west1' }] }),
      'a/x.py': INVOKE,
    });
    await expect(checkWithConfig(root)).rejects.toThrow(
      /unknown region 'eu-west1' in overrides\[0\]\.region of bedrock-lint\.config\.json\. Did you mean 'eu-west-1'\?/,
    );
  });
});

describe('a bad configuration', () => {
  const problem = (value: unknown): string => {
    try {
      validateConfig(value, 'bedrock-lint.config.json');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('expected a ConfigError');
  };

  it('is one error that names the file and the key', () => {
    const prefix = 'invalid configuration in bedrock-lint.config.json: ';
    expect(problem({ region: 1 })).toBe(`${prefix}region: must be a region name such as 'eu-west-1', got 1.`);
    expect(problem({ staleAfter: '90' })).toBe(`${prefix}staleAfter: must be a number of days such as 90, got "90".`);
    expect(problem({ rules: { 'no-legacy-model': 'warning' } })).toBe(
      `${prefix}rules.no-legacy-model: must be "off", "warn" or "error", got "warning".`,
    );
    expect(problem({ rules: { 'no-such-rule': 'off' } })).toBe(`${prefix}rules.no-such-rule: unknown rule "no-such-rule"; the rules are ${RULE_NAMES.join(', ')}.`);
    expect(problem({ overrides: [{ files: ['a/**'] }, { region: 'eu-west-1' }] })).toBe(`${prefix}overrides[1]: missing key "files".`);
    expect(problem({ overides: [] })).toMatch(/^invalid configuration in bedrock-lint\.config\.json: unknown key "overides"; the keys of the configuration are \$schema, region, regions,/);
    expect(problem([])).toBe('invalid configuration in bedrock-lint.config.json: must be the configuration (an object), got an array.');
    expect(problem({ rules: [] })).toMatch(/: rules: must be an object of rule names and severities such as .+, got an array\.$/);
  });

  it('exits 2 with one message naming the file, in the CLI', () => {
    const root = tempTree({ 'bedrock-lint.config.json': '{ "region": ["eu-west-1"] }', 'a.py': INVOKE });
    const { code, stdout, stderr } = runCli(['check', '--now', DAY], root);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toBe(
      'bedrock-lint: invalid configuration in bedrock-lint.config.json: region: must be a region name such as \'eu-west-1\', got Array.\n',
    );
    const broken = tempTree({ 'sub/.bedrock-lintrc.json': '{ "region": ', 'sub/a.py': INVOKE });
    const run = runCli(['check'], join(broken, 'sub'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^bedrock-lint: .*\.bedrock-lintrc\.json is not valid JSON: .+\n$/);
    // --no-config: the file is not read at all.
    expect(runCli(['check', '--no-config', '--now', DAY], join(broken, 'sub')).code).toBe(1);
  });
});

describe('the published JSON Schema', () => {
  const path = fileURLToPath(new URL('../../schemas/bedrock-lint.config.schema.json', import.meta.url));
  const schema = JSON.parse(readFileSync(path, 'utf8')) as { definitions: { rules: { properties: object } } };
  const validate = new Ajv({ strict: true, allErrors: true }).compile(schema);
  const valibotAccepts = (value: unknown): boolean => {
    try {
      validateConfig(value, 'x');
      return true;
    } catch {
      return false;
    }
  };

  const good: unknown[] = [
    {},
    { $schema: './node_modules/eslint-plugin-aws-bedrock/schemas/bedrock-lint.config.schema.json' },
    { region: 'eu-west-1', regions: ['eu-west-1', 'eu-central-1'], snapshot: 'snap.json', staleAfter: 0, ignores: ['vendor/'] },
    { rules: { 'no-legacy-model': 'off', 'aws-bedrock/no-unknown-model': 'warn', 'require-inference-profile': 'error' } },
    { overrides: [{ files: ['services/eu/**'], ignores: ['services/eu/old/**'], region: 'eu-west-1', rules: { 'no-legacy-model': 'error' } }] },
    { overrides: [] },
  ];
  const bad: unknown[] = [
    null,
    [],
    'eu-west-1',
    { region: 1 },
    { region: ['eu-west-1'] },
    { regions: 'eu-west-1' },
    { regions: [1] },
    { snapshot: false },
    { staleAfter: -1 },
    { staleAfter: 1.5 },
    { staleAfter: '90' },
    { ignores: 'vendor' },
    { rules: { 'no-legacy-model': 'warning' } },
    { rules: { 'no-legacy-model': 2 } },
    { rules: { 'no-such-rule': 'off' } },
    { rules: { 'other-plugin/no-legacy-model': 'off' } },
    { rules: [] },
    { overrides: {} },
    { overrides: [{}] },
    { overrides: [{ files: [] }] },
    { overrides: [{ files: ['a'], snapshot: 'x.json' }] },
    { overrides: [{ files: ['a'], rules: { 'no-legacy-model': 'on' } }] },
    { unknown: true },
  ];

  it.each(good.map((value) => [JSON.stringify(value), value]))('both accept %s', (_, value) => {
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    expect(valibotAccepts(value)).toBe(true);
  });

  it.each(bad.map((value) => [JSON.stringify(value), value]))('both reject %s', (_, value) => {
    expect(validate(value)).toBe(false);
    expect(valibotAccepts(value)).toBe(false);
  });

  it('lists every rule, and is shipped with the package', () => {
    expect(Object.keys(schema.definitions.rules.properties)).toEqual([...RULE_NAMES]);
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('schemas');
  });

});
