import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, nearestModels } from '../../src/classifier/classify.js';
import { describeId, formatInfo, type ModelInfo } from '../../src/checker/info.js';
import { loadRegistry } from '../../src/registry/registry.js';
import { FIXTURE_SNAPSHOT, HAIKU_45, NOW, SONNET_37, tempTree } from './helpers.js';

const TOMBSTONE = 'amazon.titan-text-lite-v1';
const UNVERIFIED = 'ai21.j2-ultra-v1';
const VARIANT = 'amazon.nova-lite-v1:0:300k';

/**
 * The fixture snapshot, with stale region records where the snapshot must not be believed: a
 * tombstone and an unverified model that still list on-demand regions, and a provisioned-throughput
 * variant.
 */
function staleRegistry() {
  const snapshot = JSON.parse(readFileSync(FIXTURE_SNAPSHOT, 'utf8')) as {
    models: Record<string, { regions: Record<string, unknown>; variantOf?: string }>;
  };
  const onDemand = { 'us-east-1': { inferenceTypes: ['ON_DEMAND'] }, 'eu-west-1': { inferenceTypes: ['ON_DEMAND'] } };
  snapshot.models[TOMBSTONE]!.regions = onDemand;
  snapshot.models[UNVERIFIED]!.regions = onDemand;
  snapshot.models[VARIANT] = { ...snapshot.models['amazon.nova-lite-v1:0']!, regions: onDemand, variantOf: 'amazon.nova-lite-v1:0' };
  const path = join(tempTree({}), 'snapshot.json');
  writeFileSync(path, JSON.stringify(snapshot));
  return loadRegistry(path);
}

const describeFound = (id: string, registry = loadRegistry(FIXTURE_SNAPSHOT)): ModelInfo => {
  const info = describeId(id, registry, NOW);
  if (!info.found) throw new Error(`${id} not found: ${info.reason}`);
  return info;
};

describe('bedrock-lint info: where a model can be invoked', () => {
  it('never shows a tombstoned model as on demand: it is no longer listed, with its last day and its lifecycle', () => {
    const info = describeFound(TOMBSTONE, staleRegistry());
    expect(info.regions).toBeNull();
    expect(info.regionsNote).toBe('no longer listed by AWS (last seen 2026-01-08)');
    expect(info.lifecycle).toMatchObject({ phase: 'eol', removed: true, lastSeen: '2026-01-08' });
    const text = formatInfo(info);
    expect(text).not.toMatch(/on demand/);
    expect(text).toMatch(/^Lifecycle: End of life \(.*AWS stopped listing it after 2026-01-08/m);
    expect(text).toMatch(/^Regions: no longer listed by AWS \(last seen 2026-01-08\)$/m);
  });

  it('claims nothing about regions for an unverified model or a provisioned-throughput variant', () => {
    const registry = staleRegistry();
    const unverified = describeFound(UNVERIFIED, registry);
    expect([unverified.regions, unverified.regionsNote]).toEqual([null, 'only third-party lists name this model; the snapshot has no verified region data for it']);
    const variant = describeFound(VARIANT, registry);
    expect([variant.regions, variant.regionsNote]).toEqual([null, 'a provisioned-throughput variant of amazon.nova-lite-v1:0']);
    for (const info of [unverified, variant]) expect(formatInfo(info)).not.toMatch(/on demand/);
  });

  it('gives, per region, the verdict the classifier gives a bare ID called from there', () => {
    const registry = loadRegistry(FIXTURE_SNAPSHOT);
    for (const id of [HAIKU_45, SONNET_37, 'amazon.nova-micro-v1:0', 'meta.llama3-1-70b-instruct-v1:0']) {
      const regions = describeFound(id, registry).regions!;
      expect(Object.keys(regions).sort()).toEqual([...registry.regions].sort());
      for (const [region, { verdict, profiles }] of Object.entries(regions)) {
        const judged = classify(id, registry, { regions: [region], now: NOW })!;
        const onDemand = registry.models.get(id)!.regions[region]?.inferenceTypes.includes('ON_DEMAND') ?? false;
        // Where no API data looked and no document states in-Region use, the snapshot cannot say.
        const fallback = registry.apiRegions.has(region) ? 'not-offered' : 'not-scanned';
        expect([id, region, verdict]).toEqual([id, region, judged.profileRequired ? 'profile-only' : onDemand ? 'on-demand' : fallback]);
        if (judged.profileRequired) expect(profiles).toEqual(judged.profileRequired.choices.map((c) => c.id));
      }
    }
  });
});

describe('bedrock-lint info: did you mean', () => {
  it("names the classifier's nearest models, also for an input without a provider", () => {
    const registry = loadRegistry(FIXTURE_SNAPSHOT);
    const typo = describeId('anthropic.claude-sonet-4-6', registry, NOW);
    expect(typo).toMatchObject({ found: false, didYouMean: ['anthropic.claude-sonnet-4-6'] });
    const unshaped = describeId('anthropic.claude-sonnet', registry, NOW);
    expect(unshaped).toMatchObject({ found: false, didYouMean: nearestModels('anthropic.claude-sonnet', registry).map((m) => m.id) });
    expect(describeId('nova-lite', registry, NOW)).toMatchObject({ found: false, didYouMean: nearestModels('amazon.nova-lite', registry).map((m) => m.id) });
    expect((describeId('nova-lite', registry, NOW) as { didYouMean: string[] }).didYouMean).toContain('amazon.nova-lite-v1:0');
  });
});

describe('bedrock-lint info: what the snapshot cannot know', () => {
  const registry = loadRegistry(FIXTURE_SNAPSHOT);

  it('says an ID may be newer than the snapshot, with its date and age, and quotes no AWS answer', () => {
    const info = describeId('us.anthropic.claude-opus-5-1', registry, NOW);
    expect(info).toMatchObject({ found: false, awsError: null, didYouMean: [] });
    expect(formatInfo(info)).toBe(
      "'us.anthropic.claude-opus-5-1': the snapshot of 2026-09-01 (86 days old) does not list it, and it may be a newer model; " +
        'refresh the snapshot with `bedrock-lint sync`, or upgrade eslint-plugin-aws-bedrock.\n',
    );
  });

  it("gives AWS's exact answer for an ID that is certainly wrong", () => {
    const info = describeId('amazon.nova-pro-v1', registry, NOW);
    expect(info).toMatchObject({ found: false, didYouMean: ['amazon.nova-pro-v1:0'], awsError: 'The provided model identifier is invalid.' });
    expect(formatInfo(info)).toMatch(/\nAWS answers: The provided model identifier is invalid\.\n$/);
  });

  it('marks regions without API data, and lists the lifecycle of regions where it differs', () => {
    const nova2 = describeFound('amazon.nova-2-lite-v1:0', registry);
    expect(nova2.regions?.['me-central-1']).toEqual({ verdict: 'not-scanned', profiles: ['apac.amazon.nova-2-lite-v1:0'] });
    expect(formatInfo(nova2)).toMatch(/^ {2}no API data \(1\): +me-central-1$/m);
    const sonnet35 = describeFound('anthropic.claude-3-5-sonnet-20241022-v2:0', registry);
    expect(sonnet35.lifecycle.byRegion).toEqual({ 'us-east-2': { phase: 'active', status: 'ACTIVE', legacyDate: null, eolDate: null } });
    expect(formatInfo(sonnet35)).toMatch(/^ {2}Active in us-east-2$/m);
    expect(sonnet35.awsErrors.map((e) => e.situation)).toEqual(['bare ID on demand in a profile-only region', 'past end of life']);
    expect(formatInfo(sonnet35)).toContain('  past end of life: This model version has reached the end of its life.');
  });
});

describe('bedrock-lint info: output safety', () => {
  it('prints control characters of the input and of the snapshot escaped', () => {
    const registry = loadRegistry(FIXTURE_SNAPSHOT);
    const unknown = formatInfo(describeId('\u001b[2Jnova\n::error::x', registry, NOW));
    expect(unknown).toMatch(/^'\\x1b\[2Jnova\\n::error::x': /);
    expect(unknown.split('\n')).toHaveLength(2);
    const known = describeId(HAIKU_45, registry, NOW) as ModelInfo;
    const text = formatInfo({ ...known, name: 'Claude\u001b[31m Haiku\nInjected: line' });
    expect(text).toContain('Claude\\x1b[31m Haiku\\nInjected: line');
    expect(text).not.toMatch(/\u001b|^Injected/m);
  });
});
