/**
 * `bedrock-lint sync` in-process (`main(argv)`) against the loopback fake control plane, with the
 * real BedrockClient: pagination, retries, failures of one region, timeouts, partial syncs,
 * tombstones, floors, determinism, and no account data anywhere.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CURATED_PATH, DEFAULT_SNAPSHOT_PATH, readSnapshot } from '../../src/registry/registry.js';
import { runSync } from '../../src/sync/index.js';
import { commercialRegions, readRegionTable } from '../../src/sync/regions.js';
import { FAKE_ACCOUNT_ID, type FakeBedrock } from './fake-bedrock-server.js';
import { ACCOUNT_ID_SHAPE, LEGACY, ON_DEMAND, PROFILE_ONLY, REGIONS, threeRegions } from './fixtures.js';
import { useSyncHarness, type SyncHarness } from './harness.js';
import { runInProcess } from './run-cli.js';

const today = new Date().toISOString().slice(0, 10);
const harness = useSyncHarness();
let fake: FakeBedrock;
let tmp: SyncHarness['tmp'];
let out: string;
beforeEach(() => {
  ({ fake, tmp, out } = harness);
});

const sync = harness.sync;

/** No account ID in any text; no ARN at all in what is written. */
const expectNoAccountData = (written: string | null, ...printed: string[]): void => {
  for (const text of [written ?? '', ...printed]) expect(text).not.toMatch(ACCOUNT_ID_SHAPE);
  expect(written ?? '').not.toContain('arn:aws');
};

describe('a sync of three regions', () => {
  it('pages through ListInferenceProfiles with maxResults and nextToken, type SYSTEM_DEFINED', async () => {
    const run = await sync();
    expect(run.stderr).toContain('bedrock-lint sync: wrote');
    expect(run.code).toBe(0);
    const pages = fake.requests.filter((r) => r.region === 'us-east-1' && r.operation === 'ListInferenceProfiles');
    // us-east-1 lists 5 system-defined profiles; the fake returns at most 2 per page.
    expect(pages).toHaveLength(3);
    expect(pages.map((p) => p.query.nextToken === undefined)).toEqual([true, false, false]);
    for (const page of pages) {
      expect(page.query.type).toBe('SYSTEM_DEFINED');
      expect(Number(page.query.maxResults)).toBeGreaterThanOrEqual(1);
    }
    const snapshot = readSnapshot(out);
    expect(Object.keys(snapshot.profiles).filter((id) => snapshot.profiles[id]!.sourceRegions.includes('us-east-1'))).toHaveLength(5);
  });

  it('records per-region inference types, lifecycle, modalities, streaming and profile regions', async () => {
    expect((await sync()).code).toBe(0);
    const snapshot = readSnapshot(out);
    const large = snapshot.models[PROFILE_ONLY]!;
    expect(Object.keys(large.regions).sort()).toEqual([...REGIONS]);
    expect(large.regions['ap-northeast-1']!.inferenceTypes).toEqual(['INFERENCE_PROFILE']);
    expect(large.inputModalities).toEqual(['IMAGE', 'TEXT']);
    expect(large.streaming).toBe(true);
    expect(snapshot.models['acme.kumo-embed-v1']!.streaming).toBeNull();
    expect(snapshot.models[`${ON_DEMAND}:28k`]!.variantOf).toBe(ON_DEMAND);
    expect(snapshot.models[ON_DEMAND]!.regions['eu-west-1']!.inferenceTypes).toEqual(['ON_DEMAND']);
    const legacy = snapshot.models[LEGACY]!;
    expect(legacy.lifecycle).toEqual({
      status: 'LEGACY',
      startOfLifeDate: '2024-03-04',
      legacyDate: '2026-01-21',
      publicExtendedAccessDate: '2026-07-21',
      eolDate: '2027-01-21',
    });
    expect(legacy.regions['us-east-1']!.lifecycle).toEqual(legacy.lifecycle);
    expect(snapshot.profiles[`jp.${PROFILE_ONLY}`]).toMatchObject({
      geo: 'jp',
      modelId: PROFILE_ONLY,
      sourceRegions: ['ap-northeast-1'],
      destinationRegions: ['ap-northeast-1', 'ap-northeast-3'],
    });
    expect(snapshot.profiles[`global.${PROFILE_ONLY}`]!.sourceRegions).toEqual([...REGIONS]);
    expect(snapshot.regions['eu-west-1']!.refreshedAt).toBe(today);
    expect(snapshot.regions['us-west-2']!.refreshedAt).toBeNull();
  });

  it('prints a markdown change report with the verdicts that change', async () => {
    const run = await sync();
    expect(run.stdout).toMatch(/^## Amazon Bedrock snapshot sync/);
    expect(run.stdout).toContain('### Models added (5)');
    expect(run.stdout).toContain(`- \`jp.${PROFILE_ONLY}\`: from ap-northeast-1 to ap-northeast-1, ap-northeast-3`);
    expect(run.stdout).toContain(
      `| \`${PROFILE_ONLY}\` | ap-northeast-1 | ok | require-inference-profile (profileRequired → \`jp.${PROFILE_ONLY}\`) |`,
    );
  });

  it('retries throttling and server errors, then succeeds', async () => {
    fake.faults = [
      { kind: 'throttle', count: 2 },
      { kind: 'internal', region: 'eu-west-1', count: 1 },
      { kind: 'unavailable', region: 'ap-northeast-1', operation: 'ListFoundationModels', count: 1 },
    ];
    const run = await sync();
    expect(run.stderr).not.toContain('failed');
    expect(run.code).toBe(0);
    expect(fake.requests.filter((r) => r.status === 429)).toHaveLength(2);
    expect(fake.requests.filter((r) => r.status >= 500)).toHaveLength(2);
    expect(fake.requests.filter((r) => (r.attempt ?? 1) > 1).length).toBeGreaterThanOrEqual(4);
    expect(Object.keys(readSnapshot(out).models)).toContain(PROFILE_ONLY);
  });

  it('excludes application profiles even when the server returns them', async () => {
    fake = await harness.restart({ ignoreTypeFilter: true });
    const run = await sync();
    expect(run.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain('v8gtbe8pryd4');
    expectNoAccountData(text, run.stdout, run.stderr);
  });
});

describe('a failed region', () => {
  it('AccessDenied in one region: exit 2, one message naming it, the old file unchanged byte for byte', async () => {
    expect((await sync()).code).toBe(0);
    const before = readFileSync(out);
    fake.regions['us-east-1']!.models.pop();
    fake.faults = [{ kind: 'access-denied', region: 'eu-west-1' }];
    const run = await sync();
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bedrock-lint sync: could not refresh region eu-west-1: access denied.*AccessDeniedException/);
    expect(run.stderr).toContain('Nothing was written');
    expect(readFileSync(out).equals(before)).toBe(true);
    // The server's message names the account; what the program prints does not.
    expectNoAccountData(null, run.stdout, run.stderr);
    expect(run.stderr).toContain('<account-id>');
  });

  it('a region that is not enabled (UnrecognizedClientException) fails the sync', async () => {
    const run = await runInProcess(['sync', '--regions', 'us-east-1,eu-west-2', '--endpoint-url', fake.url, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/eu-west-2: the credentials were not accepted in this region.*UnrecognizedClientException/);
    expect(existsSync(out)).toBe(false);
  });

  it('no credentials at all: one message, and no advice that --allow-partial cannot make good', async () => {
    const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY } = process.env;
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    try {
      const run = await sync();
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/could not refresh .*no AWS credentials found/);
      expect(run.stderr).not.toContain('--allow-partial');
    } finally {
      Object.assign(process.env, { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY });
    }
    expect(fake.requests).toHaveLength(0);
    expect(existsSync(out)).toBe(false);
  });

  it('malformed JSON fails the region cleanly', async () => {
    fake.faults = [{ kind: 'malformed-json', region: 'us-east-1', operation: 'ListFoundationModels' }];
    const run = await sync();
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/could not refresh region us-east-1: the answer was not valid JSON/);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(out)).toBe(false);
  });

  it('a server that never answers fails the region at the request timeout', async () => {
    fake.faults = [{ kind: 'hang', region: 'ap-northeast-1' }];
    const run = await sync('--timeout', '0.2');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/could not refresh region ap-northeast-1: timed out \(--timeout\) \(TimeoutError, 3 attempts\)/);
    expect(existsSync(out)).toBe(false);
  });

  it('--allow-partial keeps the failed region’s previous data, marked refreshed: false', async () => {
    expect((await sync()).code).toBe(0);
    const before = readSnapshot(out);
    fake.regions['us-east-1']!.models.push({ modelId: 'acme.kumo-new-v1:0', inferenceTypesSupported: ['ON_DEMAND'] });
    fake.faults = [{ kind: 'access-denied', region: 'eu-west-1' }];
    const run = await sync('--allow-partial');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('**Not refreshed**');
    expect(run.stderr).toContain('not refreshed: eu-west-1');
    const after = readSnapshot(out);
    expect(after.regions['eu-west-1']).toEqual({ ...before.regions['eu-west-1'], refreshed: false });
    expect(after.regions['us-east-1']!.refreshed).toBeUndefined();
    expect(after.models[PROFILE_ONLY]!.regions['eu-west-1']).toEqual(before.models[PROFILE_ONLY]!.regions['eu-west-1']);
    expect(after.profiles[`eu.${PROFILE_ONLY}`]).toEqual(before.profiles[`eu.${PROFILE_ONLY}`]);
    expect(after.models['acme.kumo-new-v1:0']!.regions['us-east-1']!.inferenceTypes).toEqual(['ON_DEMAND']);
    expectNoAccountData(readFileSync(out, 'utf8'), run.stdout, run.stderr);
  });
});

describe('merging into an existing snapshot', () => {
  it('regions not scanned keep their data untouched', async () => {
    expect((await sync()).code).toBe(0);
    const before = readSnapshot(out);
    fake.regions['us-east-1']!.models = fake.regions['us-east-1']!.models.filter((m) => m.modelId !== PROFILE_ONLY);
    const run = await runInProcess(['sync', '--regions', 'us-east-1', '--endpoint-url', fake.url, '--out', out]);
    expect(run.code).toBe(0);
    const after = readSnapshot(out);
    for (const region of ['ap-northeast-1', 'eu-west-1']) {
      expect(after.models[PROFILE_ONLY]!.regions[region]).toEqual(before.models[PROFILE_ONLY]!.regions[region]);
      expect(after.regions[region]).toEqual(before.regions[region]);
    }
    expect(after.profiles[`jp.${PROFILE_ONLY}`]).toEqual(before.profiles[`jp.${PROFILE_ONLY}`]);
    // Still callable in us-east-1 through its profiles, though no longer listed there.
    expect(after.models[PROFILE_ONLY]!.regions['us-east-1']!.inferenceTypes).toEqual(['INFERENCE_PROFILE']);
  });

  it('keeps what AWS stops listing as a tombstone with removed and lastSeen', async () => {
    expect((await sync()).code).toBe(0);
    const before = readSnapshot(out);
    const east = fake.regions['us-east-1']!;
    east.models = east.models.filter((m) => m.modelId !== LEGACY);
    east.profiles = east.profiles.filter((p) => p.modelId !== LEGACY);
    const run = await sync();
    expect(run.code).toBe(0);
    const after = readSnapshot(out);
    expect(after.models[LEGACY]).toEqual({ ...before.models[LEGACY], removed: true });
    expect(after.profiles[`us.${LEGACY}`]).toEqual({ ...before.profiles[`us.${LEGACY}`], removed: true });
    expect(run.stdout).toContain('### Models removed (kept as tombstones) (1)');
    expect(run.stdout).toContain(`- \`${LEGACY}\`: no longer listed; last seen ${today}`);

    // Listed again: alive again.
    fake.regions['us-east-1'] = threeRegions()['us-east-1']!;
    expect((await sync()).code).toBe(0);
    expect(readSnapshot(out).models[LEGACY]!.removed).toBeUndefined();
  });

  it('refuses to write when live models or profiles shrink by more than 20%, unless --force', async () => {
    expect((await sync()).code).toBe(0);
    const before = readFileSync(out);
    for (const region of REGIONS) fake.regions[region] = { models: [], profiles: [] };
    const refused = await sync();
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/refusing to write .*live models would drop from 5 to 0.*--force/);
    expect(readFileSync(out).equals(before)).toBe(true);

    const forced = await sync('--force');
    expect(forced.code).toBe(0);
    const after = readSnapshot(out);
    expect(Object.values(after.models).every((m) => m.removed)).toBe(true);
    expect(Object.keys(after.models)).toHaveLength(5);
  });

  it('--check exits 1 when the snapshot would change and 0 when it would not; --dry-run writes nothing', async () => {
    const dry = await sync('--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('### Models added (5)');
    expect(existsSync(out)).toBe(false);

    const check = await sync('--check');
    expect(check.code).toBe(1);
    expect(existsSync(out)).toBe(false);

    expect((await sync()).code).toBe(0);
    const clean = await sync('--check');
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('No changes.');
  });
});

describe('determinism', () => {
  it('the same answers give byte-identical files; a rerun leaves the file as it is', async () => {
    expect((await sync()).code).toBe(0);
    const first = readFileSync(out);
    const other = join(tmp.dir, 'other.json');
    expect((await runInProcess(['sync', '--regions', REGIONS.join(','), '--endpoint-url', fake.url, '--out', other])).code).toBe(0);
    expect(readFileSync(other).equals(first)).toBe(true);
    const rerun = await sync();
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toContain('is up to date');
    expect(readFileSync(out).equals(first)).toBe(true);
  });

  it('generatedAt and the other date stamps change only when the content does', async () => {
    const base = { regions: [...REGIONS], endpoint: fake.url, out };
    await runSync({ ...base, now: new Date('2026-11-01T12:00:00Z') });
    const first = readFileSync(out);
    const later = await runSync({ ...base, now: new Date('2026-11-20T12:00:00Z') });
    expect(later.outcome).toBe('unchanged');
    expect(readFileSync(out).equals(first)).toBe(true);

    fake.regions['eu-west-1']!.models.push({ modelId: 'acme.kumo-eu-v1:0', inferenceTypesSupported: ['ON_DEMAND'] });
    const changed = await runSync({ ...base, now: new Date('2026-11-20T12:00:00Z') });
    expect(changed.outcome).toBe('written');
    const snapshot = readSnapshot(out);
    expect(snapshot.generatedAt).toBe('2026-11-20');
    expect(snapshot.models['acme.kumo-eu-v1:0']!.firstSeen).toBe('2026-11-20');
    expect(snapshot.regions['us-east-1']!.refreshedAt).toBe('2026-11-20');
  });
});

describe('command line', () => {
  it('--help documents every flag', async () => {
    const run = await runInProcess(['sync', '--help']);
    expect(run.code).toBe(0);
    for (const flag of [
      '--regions',
      '--all-regions',
      '--profile',
      '--endpoint-url',
      '--out',
      '--dry-run',
      '--check',
      '--allow-partial',
      '--force',
      '--timeout',
      '--concurrency',
    ]) {
      expect(run.stdout).toContain(flag);
    }
    expect(run.stdout).toContain('AWS_ENDPOINT_URL_BEDROCK');
  });

  it('scans every commercial region by default (--all-regions), with no warning for so many requests at once', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning.name);
    process.on('warning', onWarning);
    const run = await runInProcess(['sync', '--all-regions', '--allow-partial', '--endpoint-url', fake.url, '--out', out]);
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', onWarning);
    expect(warnings).not.toContain('MaxListenersExceededWarning');
    expect(run.code).toBe(0);
    const scanned = new Set(fake.requests.map((r) => r.region));
    expect([...scanned].sort()).toEqual(commercialRegions(readRegionTable()));
    const snapshot = readSnapshot(out);
    expect(snapshot.regions['us-gov-west-1']!.refreshedAt).toBeNull();
    expect(snapshot.regions['sa-east-1']!.refreshed).toBe(false);
  });

  it('--concurrency bounds the regions fetched at once', async () => {
    fake = await harness.restart({ latencyMs: 20 });
    expect((await sync('--concurrency', '1')).code).toBe(0);
    // One region at a time: its two list calls, never more.
    expect(fake.maxInFlight).toBeLessThanOrEqual(2);
    const order = fake.requests.map((r) => r.region);
    expect(order).toEqual([...order].sort((a, b) => order.indexOf(a!) - order.indexOf(b!)));
  });

  it('defaults to the snapshot this package ships when run inside its repository', async () => {
    const shipped = readFileSync(DEFAULT_SNAPSHOT_PATH);
    const curated = readFileSync(DEFAULT_CURATED_PATH);
    const run = await runInProcess(['sync', '--regions', 'us-east-1', '--endpoint-url', fake.url, '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('rules-data/bedrock-snapshot.json would change');
    expect(run.stdout).toContain('### Models added');
    expect(readFileSync(DEFAULT_SNAPSHOT_PATH).equals(shipped)).toBe(true);
    expect(readFileSync(DEFAULT_CURATED_PATH).equals(curated)).toBe(true);
  });

  it('--profile selects a profile of the shared credentials file', async () => {
    const credentials = join(tmp.dir, 'credentials');
    writeFileSync(credentials, '[synctest]\naws_access_key_id = AKIDPROFILEEXAMPLE\naws_secret_access_key = fake-profile-secret\n');
    process.env.AWS_SHARED_CREDENTIALS_FILE = credentials;
    try {
      expect((await sync('--profile', 'synctest')).code).toBe(0);
    } finally {
      process.env.AWS_SHARED_CREDENTIALS_FILE = join(tmp.dir, 'none');
    }
    expect(new Set(fake.requests.map((r) => r.accessKeyId))).toEqual(new Set(['AKIDPROFILEEXAMPLE']));
  });

  it('reaches the endpoint named by AWS_ENDPOINT_URL_BEDROCK', async () => {
    process.env.AWS_ENDPOINT_URL_BEDROCK = fake.url;
    try {
      const run = await runInProcess(['sync', '--regions', REGIONS.join(','), '--out', out]);
      expect(run.code).toBe(0);
    } finally {
      delete process.env.AWS_ENDPOINT_URL_BEDROCK;
    }
    expect(fake.requests.length).toBeGreaterThan(0);
  });

  it('rejects unknown regions and conflicting flags with exit 2', async () => {
    const unknown = await runInProcess(['sync', '--regions', 'us-est-1', '--endpoint-url', fake.url, '--out', out]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown region 'us-est-1'");
    const both = await runInProcess(['sync', '--regions', 'us-east-1', '--all-regions', '--out', out]);
    expect(both.code).toBe(2);
    expect(fake.requests).toHaveLength(0);
  });

  it('requires --out outside this repository', async () => {
    const cwd = process.cwd();
    process.chdir(tmp.dir);
    try {
      const run = await runInProcess(['sync', '--regions', 'us-east-1', '--endpoint-url', fake.url]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--out is required');
    } finally {
      process.chdir(cwd);
    }
    expect(fake.requests).toHaveLength(0);
  });

  it('never writes or prints the account ID the server sends', async () => {
    fake.faults = [{ kind: 'access-denied', region: 'eu-west-1', count: 1 }];
    const failed = await sync();
    const run = await sync();
    expect(run.code).toBe(0);
    // What the server answers does carry the account ID.
    const raw = await (await fetch(`${fake.url}/us-east-1/inference-profiles`)).text();
    expect(raw).toContain(`:${FAKE_ACCOUNT_ID}:inference-profile/`);
    expectNoAccountData(readFileSync(out, 'utf8'), run.stdout, run.stderr, failed.stdout, failed.stderr);
  });
});
