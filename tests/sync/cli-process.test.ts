/**
 * The built `bedrock-lint sync` (dist/cli/bin.js) as a child process: the end-to-end path from the
 * fake control plane to an ESLint report and fix, and a process killed while writing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../src/registry/registry.js';
import { runSync } from '../../src/sync/index.js';
import { startFakeBedrock, type FakeBedrock } from './fake-bedrock-server.js';
import { ACCOUNT_ID_SHAPE, PROFILE_ONLY, REGIONS, tempDir, threeRegions, useIsolatedAwsEnv } from './fixtures.js';
import { assertBuilt, spawnCli } from './run-cli.js';

const HOOK = pathToFileURL(new URL('./pause-before-rename.mjs', import.meta.url).pathname).href;

let restoreEnv: () => void;
let fake: FakeBedrock;
let tmp: ReturnType<typeof tempDir>;

beforeAll(() => {
  assertBuilt();
  restoreEnv = useIsolatedAwsEnv();
});
afterAll(() => restoreEnv());
beforeEach(async () => {
  tmp = tempDir();
});
afterEach(async () => {
  await fake.close();
  tmp.remove();
});

const APP = `import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'ap-northeast-1' });
await client.send(new ConverseCommand({ modelId: '${PROFILE_ONLY}', messages: [] }));
`;

describe('bedrock-lint sync as a child process', () => {
  it('end to end: syncs three regions (throttled, paginated), then ESLint reports the profile-only model and fixes it to jp.', async () => {
    fake = await startFakeBedrock({ regions: threeRegions(), maxPageSize: 2, faults: [{ kind: 'throttle', count: 3 }] });
    const out = join(tmp.dir, 'new.json');
    const run = await spawnCli(['sync', '--regions', 'us-east-1,eu-west-1,ap-northeast-1', '--endpoint-url', fake.url, '--out', out]).done;
    expect(run.stderr).toContain('wrote');
    expect(run.code).toBe(0);
    expect(fake.requests.filter((r) => r.status === 429)).toHaveLength(3);
    expect(fake.requests.filter((r) => r.query.nextToken).length).toBeGreaterThan(0);
    for (const text of [readFileSync(out, 'utf8'), run.stdout, run.stderr]) expect(text).not.toMatch(ACCOUNT_ID_SHAPE);

    const { ESLint } = await import('eslint');
    const plugin = ((await import('eslint-plugin-aws-bedrock')) as { default: object }).default;
    const config = {
      files: ['**/*.js'],
      plugins: { 'aws-bedrock': plugin },
      rules: { 'aws-bedrock/require-inference-profile': 'error' as const },
      settings: { 'aws-bedrock': { snapshot: out } },
    };
    const lint = (fix: boolean) =>
      new ESLint({ cwd: tmp.dir, overrideConfigFile: true, overrideConfig: [config], fix }).lintText(APP, {
        filePath: join(tmp.dir, 'app.js'),
      });
    const [report] = await lint(false);
    expect(report!.messages.map((m) => m.ruleId)).toEqual(['aws-bedrock/require-inference-profile']);
    expect(report!.messages[0]!.message).toContain('ap-northeast-1');
    const [fixed] = await lint(true);
    expect(fixed!.output).toContain(`modelId: 'jp.${PROFILE_ONLY}'`);
    expect(fixed!.messages).toEqual([]);
  });

  it('prints no Node-version notice of the AWS SDK on a supported Node', async () => {
    fake = await startFakeBedrock({ regions: threeRegions() });
    const run = await spawnCli(['sync', '--regions', 'us-east-1', '--endpoint-url', fake.url, '--dry-run', '--out', join(tmp.dir, 'x.json')]).done;
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('would change');
    expect(run.stderr).not.toMatch(/NodeVersionSupportWarning|will require node/);
  });

  it('a process killed between writing the temporary file and the rename leaves the old snapshot intact', async () => {
    fake = await startFakeBedrock({ regions: threeRegions() });
    const out = join(tmp.dir, 'snapshot.json');
    await runSync({ regions: [...REGIONS], endpoint: fake.url, out });
    const before = readFileSync(out);
    fake.regions['us-east-1']!.models.push({ modelId: 'acme.kumo-new-v1:0', inferenceTypesSupported: ['ON_DEMAND'] });

    let paused: (tmpFile: string) => void = () => {};
    const pause = new Promise<string>((resolve) => (paused = resolve));
    const child = spawnCli(['sync', '--regions', REGIONS.join(','), '--endpoint-url', fake.url, '--out', out], {
      nodeArgs: ['--import', HOOK],
      env: { PAUSE_BEFORE_RENAME_OF: 'snapshot.json' },
      onStderr: (soFar) => {
        const match = /paused-before-rename (\S+)/.exec(soFar);
        if (match) paused(match[1]!);
      },
    });
    const tmpFile = await Promise.race([
      pause,
      child.done.then((r) => {
        throw new Error(`the sync ended before the rename (exit ${r.code}): ${r.stderr}`);
      }),
    ]);
    expect(readFileSync(tmpFile, 'utf8')).toContain('acme.kumo-new-v1:0');
    expect(readFileSync(out).equals(before)).toBe(true);

    child.kill();
    const killed = await child.done;
    expect(killed.signal).toBe('SIGKILL');
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(Object.keys(readSnapshot(out).models)).not.toContain('acme.kumo-new-v1:0');
    expect(existsSync(tmpFile)).toBe(true); // left behind, never read: the next write uses a new name

    const again = await spawnCli(['sync', '--regions', REGIONS.join(','), '--endpoint-url', fake.url, '--out', out]).done;
    expect(again.code).toBe(0);
    expect(Object.keys(readSnapshot(out).models)).toContain('acme.kumo-new-v1:0');
  });
});
