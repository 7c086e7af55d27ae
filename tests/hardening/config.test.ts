/**
 * Bad configuration gives one clear error that names the problem and the fix: a snapshot given in
 * settings['aws-bedrock'].snapshot that is missing, truncated, of the wrong schema or of a future
 * schemaVersion; rule options of the wrong type (ESLint's schema validation); unknown region names
 * in options and in settings. Run through the ESLint class, as users run it.
 */
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SNAPSHOT_PATH } from '../../src/registry/registry.js';
import { rules } from '../../src/eslint/rules.js';

const cwd = mkdtempSync(join(tmpdir(), 'aws-bedrock-config-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const bundled = readFileSync(DEFAULT_SNAPSHOT_PATH, 'utf8');
writeFileSync(join(cwd, 'truncated.json'), bundled.slice(0, Math.floor(bundled.length / 2)));
writeFileSync(join(cwd, 'wrong-schema.json'), JSON.stringify({ ...JSON.parse(bundled), models: ['anthropic.claude'] }));
writeFileSync(join(cwd, 'future.json'), JSON.stringify({ ...JSON.parse(bundled), schemaVersion: 99 }));

const plugin = { rules } as unknown as NonNullable<Linter.Config['plugins']>[string];
const CODE = "export const modelId = 'anthropic.claude-3-haiku-20240307-v1:0';\n";

const eslintWith = (settings: unknown, ruleConfigs: Linter.RulesRecord): ESLint =>
  new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { 'aws-bedrock': plugin },
        rules: ruleConfigs,
        settings: { 'aws-bedrock': settings },
      },
    ],
  });

/** Lints CODE with every rule (options for one of them), `settings` as given; resolves to the error, if any. */
async function errorOf(settings: Record<string, unknown>, options?: unknown[]): Promise<Error | null> {
  const ruleConfig = (name: string) => (options && name === 'require-inference-profile' ? ['error', ...options] : 'error');
  const ruleConfigs = Object.fromEntries(Object.keys(rules).map((name) => [`aws-bedrock/${name}`, ruleConfig(name)]));
  const eslint = eslintWith(settings, ruleConfigs as Linter.RulesRecord);
  return eslint.lintText(CODE, { filePath: join(cwd, 'app.ts') }).then(
    () => null,
    (error: Error) => error,
  );
}

/** The aws-bedrock part of ESLint's error, asserted to appear once. */
function ourMessage(error: Error | null): string {
  expect(error, 'ESLint should have failed').toBeInstanceOf(Error);
  const message = error!.message;
  expect(message.match(/aws-bedrock: /g), message).toHaveLength(1);
  return message;
}

describe('a bad snapshot in settings: one error naming the file and how to regenerate it', () => {
  const regenerate = /Regenerate it with `npx bedrock-lint sync --out <file>`/;

  it('missing', async () => {
    const message = ourMessage(await errorOf({ snapshot: 'no-such-snapshot.json' }));
    expect(message).toContain(`the Bedrock snapshot ${join(cwd, 'no-such-snapshot.json')} does not exist.`);
    expect(message).toMatch(regenerate);
  });

  it('truncated', async () => {
    const message = ourMessage(await errorOf({ snapshot: 'truncated.json' }));
    expect(message).toContain(`the Bedrock snapshot ${join(cwd, 'truncated.json')} is not valid JSON`);
    expect(message).toContain('it may be truncated.');
    expect(message).toMatch(regenerate);
  });

  it('of the wrong schema: the place that is wrong, and the fix', async () => {
    const message = ourMessage(await errorOf({ snapshot: join(cwd, 'wrong-schema.json') }));
    expect(message).toContain(`the Bedrock snapshot ${join(cwd, 'wrong-schema.json')} does not match the snapshot schema`);
    expect(message).toMatch(/at models\.0: Invalid type: Expected Object/);
    expect(message).toMatch(regenerate);
  });

  it('of a future schemaVersion: upgrade the plugin, or regenerate with the version you run', async () => {
    const message = ourMessage(await errorOf({ snapshot: 'future.json' }));
    expect(message).toContain(`the Bedrock snapshot ${join(cwd, 'future.json')} has schemaVersion 99`);
    expect(message).toMatch(/reads schemaVersion 1\. Upgrade eslint-plugin-aws-bedrock, or regenerate the file/);
  });
});

describe("rule options of the wrong type: ESLint's schema validation names the rule and the value", () => {
  it.each([
    [{ region: 42 }, /Value 42 should be string/],
    [{ regions: 'us-east-1' }, /Value "us-east-1" should be array/],
    [{ regions: ['us-east-1', 'us-east-1'] }, /should NOT have duplicate items/],
    [{ zone: 'us-east-1' }, /Unexpected property "zone"\. Expected properties: "region", "regions"/],
  ])('%j', async (options, expected) => {
    const error = await errorOf({}, [options]);
    expect(error?.message).toContain('aws-bedrock/require-inference-profile');
    expect(error?.message).toMatch(expected);
  });

  it('a string instead of an options object', async () => {
    expect((await errorOf({}, ['us-east-1']))?.message).toMatch(/aws-bedrock\/require-inference-profile[\s\S]*should be object/);
  });
});

describe('unknown region names: one error naming the region, where it was found, and the fix', () => {
  it.each([
    ['options', [{ region: 'us-east-9' }], {}, 'the options of aws-bedrock/require-inference-profile'],
    ['options', [{ regions: ['eu-west-1', 'useast1'] }], {}, 'the options of aws-bedrock/require-inference-profile'],
    ['settings', undefined, { region: 'us-east-9' }, "settings['aws-bedrock']"],
    ['settings', undefined, { regions: ['useast1'] }, "settings['aws-bedrock']"],
  ])('in %s: %j %j', async (_where, options, settings, where) => {
    const message = ourMessage(await errorOf(settings, options));
    const region = message.includes("'us-east-9'") ? 'us-east-9' : 'useast1';
    expect(message).toContain(`unknown region '${region}' in ${where}.`);
    expect(message).toContain('Name a region the snapshot knows: af-south-1, ');
    expect(message).toContain('needs a newer one: `npx bedrock-lint sync --out <file>`');
    if (region === 'useast1') expect(message).toContain("Did you mean 'us-east-1'?");
    else expect(message).not.toContain('Did you mean');
  });
});

describe('settings of the wrong shape: one error naming the key and what it takes', () => {
  it.each([
    ['us-east-1', /settings\['aws-bedrock'\] must be an object/],
    [{ snapshot: 42 }, /settings\['aws-bedrock'\]\.snapshot must be a path to a snapshot file, got 42/],
    [{ regions: 'us-east-1' }, /settings\['aws-bedrock'\]\.regions must be an array of region names/],
    [{ now: '26/11/2026' }, /settings\['aws-bedrock'\]\.now must be a date as 'YYYY-MM-DD'/],
    [{ snapshots: 'x.json' }, /unknown key 'snapshots' in settings\['aws-bedrock'\]; the keys are/],
  ])('%j', async (settings, expected) => {
    const eslint = eslintWith(settings, { 'aws-bedrock/no-unknown-model': 'error' });
    await expect(eslint.lintText(CODE, { filePath: join(cwd, 'app.ts') })).rejects.toThrow(expected);
  });
});
