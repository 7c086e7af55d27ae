/**
 * The merge, safety checks and change report on their own, without the network: merging into the
 * snapshot this package ships, tombstones, idempotence, floors, scrubbing, the report's sections.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CURATED_PATH, DEFAULT_SNAPSHOT_PATH, parseSnapshot, readCurated, readSnapshot } from '../../src/registry/registry.js';
import type { Snapshot } from '../../src/registry/schema.js';
import { describeFailure, type ApiModel, type RegionListing } from '../../src/sync/fetch.js';
import { API_SOURCE_ID, emptySnapshot, mergeSnapshot } from '../../src/sync/merge.js';
import { readRegionTable } from '../../src/sync/regions.js';
import { changeReport } from '../../src/sync/report.js';
import { assertNoAccountData, sameContent, scrub, shrinkBeyond } from '../../src/sync/safety.js';

const SONNET = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const TODAY = '2026-11-26';
const table = readRegionTable();
const shipped = readSnapshot(DEFAULT_SNAPSHOT_PATH);

const model = (id: string, inferenceTypes: string[], lifecycle: ApiModel['lifecycle'] = { status: 'ACTIVE' }): ApiModel => ({
  id,
  name: null,
  provider: null,
  inputModalities: ['TEXT'],
  outputModalities: ['TEXT'],
  streaming: true,
  inferenceTypes,
  lifecycle,
});

/** us-east-1 listing Sonnet 4.5 only (status without dates), with its us. and global. profiles. */
const eastListing: RegionListing = {
  region: 'us-east-1',
  models: [model(SONNET, ['INFERENCE_PROFILE'], { status: 'LEGACY' })],
  profiles: [
    { id: `us.${SONNET}`, modelIds: [SONNET], destinationRegions: ['us-east-1', 'us-east-2', 'us-west-2'] },
    { id: `global.${SONNET}`, modelIds: [SONNET], destinationRegions: [] },
  ],
};

const merge = (previous: Snapshot | null, listings: RegionListing[], failedRegions: string[] = []): Snapshot =>
  mergeSnapshot({ previous, listings, failedRegions, regionTable: table, today: TODAY });

describe('merging into the shipped snapshot', () => {
  const merged = merge(shipped, [eastListing]);

  it('gives a valid snapshot', () => {
    expect(() => parseSnapshot(JSON.parse(JSON.stringify(merged)), 'merged')).not.toThrow();
  });

  it('replaces the scanned region and leaves the others untouched', () => {
    const before = shipped.models[SONNET]!;
    const after = merged.models[SONNET]!;
    expect(after.regions['us-east-1']).toEqual({ inferenceTypes: ['INFERENCE_PROFILE'], lifecycle: { status: 'LEGACY' } });
    for (const region of Object.keys(before.regions).filter((r) => r !== 'us-east-1')) {
      expect(after.regions[region]).toEqual(before.regions[region]);
    }
    // Dates only the documents gave survive a listing that states the status alone.
    expect(after.lifecycle).toEqual(before.lifecycle);
    expect(after.sources).toContain(API_SOURCE_ID);
    expect(after.lastSeen).toBe(TODAY);
  });

  it('keeps a profile’s unscanned source regions and its known destinations', () => {
    const before = shipped.profiles[`global.${SONNET}`]!;
    const after = merged.profiles[`global.${SONNET}`]!;
    expect(after.sourceRegions).toEqual(before.sourceRegions);
    expect(after.destinationRegions).toEqual(before.destinationRegions);
  });

  it('tombstones what the scanned region stopped listing, and only that', () => {
    const onlyEast = Object.keys(shipped.models).filter((id) => {
      const m = shipped.models[id]!;
      return !m.removed && Object.keys(m.regions).join() === 'us-east-1';
    });
    expect(onlyEast.length).toBeGreaterThan(0);
    for (const id of onlyEast) expect(merged.models[id]).toEqual({ ...shipped.models[id], removed: true });
    const elsewhere = Object.keys(shipped.models).find((id) => {
      const regions = Object.keys(shipped.models[id]!.regions);
      return id !== SONNET && regions.includes('us-east-1') && regions.length > 1 && !shipped.models[id]!.removed;
    })!;
    expect(merged.models[elsewhere]!.removed).toBeUndefined();
    expect(merged.models[elsewhere]!.regions['us-east-1']).toBeUndefined();
    // Models no source ever placed in a region (third-party names) are left as they are.
    const unplaced = Object.keys(shipped.models).filter((id) => Object.keys(shipped.models[id]!.regions).length === 0);
    for (const id of unplaced) expect(merged.models[id]).toEqual(shipped.models[id]);
    expect(Object.keys(merged.models).length).toBe(Object.keys(shipped.models).length);
    expect(Object.keys(merged.profiles).length).toBe(Object.keys(shipped.profiles).length);
  });

  it('is idempotent: the same answers again change nothing but the date stamps', () => {
    const again = mergeSnapshot({ previous: merged, listings: [eastListing], failedRegions: [], regionTable: table, today: '2026-12-03' });
    expect(sameContent(again, merged)).toBe(true);
    expect(again.regions['us-east-1']!.refreshedAt).toBe('2026-12-03');
    expect(sameContent(merged, shipped)).toBe(false);
  });

  it('trips the sanity floors when a scan of every region lists nothing', () => {
    const empty = Object.keys(table).map((region) => ({ region, models: [], profiles: [] }));
    const vanished = merge(shipped, empty);
    const live = (entries: Record<string, { removed?: boolean | undefined }>): number =>
      Object.values(entries).filter((e) => !e.removed).length;
    const shrinks = shrinkBeyond(shipped, vanished, 0.2);
    expect(shrinks).toEqual([
      { what: 'models', before: live(shipped.models), after: live(vanished.models) },
      { what: 'profiles', before: live(shipped.profiles), after: 0 },
    ]);
    expect(shrinkBeyond(shipped, vanished, 1)).toEqual([]);
    expect(shrinkBeyond(null, vanished, 0.2)).toEqual([]);
  });
});

describe('merging regions that failed', () => {
  it('marks them refreshed: false and keeps their data', () => {
    const merged = merge(shipped, [eastListing], ['eu-west-1']);
    expect(merged.regions['eu-west-1']).toEqual({ ...shipped.regions['eu-west-1'], refreshed: false });
    expect(merged.models[SONNET]!.regions['eu-west-1']).toEqual(shipped.models[SONNET]!.regions['eu-west-1']);
    const next = merge(merged, [eastListing, { region: 'eu-west-1', models: [], profiles: [] }]);
    expect(next.regions['eu-west-1']).toEqual({ partition: 'aws', refreshedAt: TODAY });
  });
});

describe('profiles whose model no listing names', () => {
  it('creates the model from the profile, callable through it in its source regions', () => {
    const merged = merge(null, [
      { region: 'eu-west-1', models: [], profiles: [{ id: 'eu.acme.x-v1:0', modelIds: ['acme.x-v1:0'], destinationRegions: ['eu-west-1'] }] },
    ]);
    expect(merged.models['acme.x-v1:0']!.regions).toEqual({ 'eu-west-1': { inferenceTypes: ['INFERENCE_PROFILE'] } });
    expect(merged.profiles['eu.acme.x-v1:0']).toMatchObject({ geo: 'eu', modelId: 'acme.x-v1:0' });
  });
});

describe('the change report', () => {
  const curated = readCurated(DEFAULT_CURATED_PATH);
  const now = new Date(`${TODAY}T00:00:00Z`);
  const before = merge(null, [{ region: 'us-east-1', models: [model('acme.y-v1:0', ['ON_DEMAND'])], profiles: [] }]);
  const after = merge(before, [
    {
      region: 'us-east-1',
      models: [model('acme.y-v1:0', ['ON_DEMAND'], { status: 'LEGACY', legacyDate: '2026-10-01', eolDate: '2027-04-01' })],
      profiles: [],
    },
  ]);
  const report = changeReport({ before, after, curated, refreshed: ['us-east-1'], failures: [], now });

  it('lists lifecycle changes with their dates', () => {
    expect(report).toContain('| `acme.y-v1:0` | ACTIVE | LEGACY (legacy 2026-10-01, end of life 2027-04-01) |');
  });

  it('lists the verdicts that change, from the shared classifier', () => {
    expect(report).toMatch(/\| `acme\.y-v1:0` \| region unknown, us-east-1 \| ok \| no-legacy-model \(legacy\) \|/);
  });

  it('says so when nothing changed', () => {
    const same = changeReport({ before: after, after, curated, refreshed: ['us-east-1'], failures: [], now });
    expect(same).toContain('No changes.');
    expect(changeReport({ before: emptySnapshot(TODAY), after: emptySnapshot(TODAY), curated, refreshed: [], failures: [], now })).toContain(
      'No changes.',
    );
  });
});

describe('safety', () => {
  it('scrubs account IDs, access keys, signatures and bearer tokens from printed text', () => {
    const text = scrub(
      'User: arn:aws:sts::111122223333:assumed-role/r/s; Credential=AKIAIOSFODNN7EXAMPLE/x Signature=0a1b2c; Authorization: Bearer abc.def',
    );
    expect(text).not.toMatch(/\b\d{12}\b|AKIA|0a1b2c|abc\.def/);
    expect(text).toContain('<account-id>');
  });

  it('refuses text to write that holds an account ID, and lets digits inside words pass', () => {
    expect(() => assertNoAccountData('{"arn": "arn:aws:bedrock:us-east-1:111122223333:x"}', 'out.json')).toThrow(/account ID/);
    expect(() => assertNoAccountData('https://zenn.dev/a/f879246337551b 20240229', 'out.json')).not.toThrow();
  });

  it('describes an SDK error by its kind, without a stack', () => {
    const error = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    expect(describeFailure(error)).toMatch(/^no AWS credentials found .*CredentialsProviderError.*Could not load credentials/);
    const network = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    expect(describeFailure(network)).toMatch(/^network error \(Error, ECONNREFUSED\)/);
  });
});
