/**
 * Invariants of the committed data in rules-data/: they must hold for every snapshot we ship,
 * whether built from the reference facts or synced from the AWS API.
 */
import { parse as parseJson } from '@humanwhocodes/momoa';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify, phaseOf } from '../../src/classifier/classify.js';
import { DEFAULT_CURATED_PATH, DEFAULT_SNAPSHOT_PATH, loadRegistry } from '../../src/registry/registry.js';
import { normalizeSnapshot, stableStringify } from '../../src/registry/serialize.js';
import { buildSnapshot } from '../../scripts/build-snapshot.js';

const text = readFileSync(DEFAULT_SNAPSHOT_PATH, 'utf8');
const registry = loadRegistry();
const { snapshot, curated } = registry;
const asOf = new Date(`${snapshot.generatedAt}T00:00:00Z`);

describe('the committed snapshot', () => {
  it('is written deterministically: sorted keys, sorted sets, 2-space JSON, trailing newline', () => {
    expect(stableStringify(normalizeSnapshot(JSON.parse(text)))).toBe(text);
  });

  it('has unique model and profile IDs', () => {
    const doc = parseJson(text);
    const top = doc.body.type === 'Object' ? doc.body.members : [];
    for (const section of ['models', 'profiles']) {
      const member = top.find((m) => m.name.type === 'String' && m.name.value === section);
      const names = member?.value.type === 'Object' ? member.value.members.map((m) => (m.name as { value: string }).value) : [];
      expect(names.length).toBeGreaterThan(0);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('names an existing model for every profile, and the profile ID is its geography plus the model ID', () => {
    for (const [id, profile] of registry.profiles) {
      expect(registry.models.has(profile.modelId), id).toBe(true);
      expect(id).toBe(`${profile.geo}.${profile.modelId}`);
    }
  });

  it('knows every geography, and each geography covers its profiles’ source regions', () => {
    for (const profile of registry.profiles.values()) {
      const geography = registry.geographies.get(profile.geo);
      expect(geography, profile.geo).toBeDefined();
      for (const region of profile.sourceRegions) expect(geography?.has(region)).toBe(true);
    }
  });

  it('knows every region it mentions', () => {
    const mentioned = new Set<string>();
    for (const model of registry.models.values()) for (const region of Object.keys(model.regions)) mentioned.add(region);
    for (const profile of registry.profiles.values()) {
      for (const region of [...profile.sourceRegions, ...profile.destinationRegions]) mentioned.add(region);
    }
    for (const region of mentioned) expect(registry.regions.has(region), region).toBe(true);
  });

  it('cites only sources it lists', () => {
    const sources = new Set(Object.keys(snapshot.provenance.sources));
    for (const entry of [...registry.models.values(), ...registry.profiles.values()]) {
      for (const source of entry.sources) expect(sources.has(source), `${source}`).toBe(true);
    }
  });

  it('holds no AWS account ID', () => {
    expect(text).not.toMatch(/\b\d{12}\b/);
  });

  // Once `bedrock-lint sync` writes the snapshot from the API, there is no rebuild to compare with.
  it.runIf(snapshot.provenance.kind === 'reference-facts')('matches a rebuild from the reference facts', () => {
    const rebuilt = buildSnapshot(
      readFileSync(new URL('../../rules-data/sources/bedrock-facts.json', import.meta.url), 'utf8'),
      readFileSync(new URL('../../rules-data/regions.json', import.meta.url), 'utf8'),
    );
    expect(stableStringify(rebuilt)).toBe(text);
  });

  it('records per region whether API data covered it, and never claims a bare ID fails where it did not', () => {
    const unscanned = Object.entries(snapshot.regions).filter(([, r]) => r.apiListedAt === null).map(([name]) => name);
    expect(unscanned.sort()).toEqual(['me-central-1', 'me-south-1', 'us-gov-east-1', 'us-gov-west-1']);
    for (const model of registry.models.values()) {
      for (const region of unscanned) {
        expect([model.id, region, classify(model.id, registry, { regions: [region], now: asOf })?.profileRequired ?? null]).toEqual([
          model.id,
          region,
          null,
        ]);
      }
    }
  });

  // The facts are only there to compare with while the snapshot is built from them.
  describe.runIf(snapshot.provenance.kind === 'reference-facts')('agrees with every AWS-backed fact it was built from', () => {
    const facts = JSON.parse(readFileSync(new URL('../../rules-data/sources/bedrock-facts.json', import.meta.url), 'utf8')) as {
      models: { modelId: string; regionEvidence?: Record<string, { inRegion?: string[]; listedRegions?: string[]; lifecycleStatus?: string }> }[];
      profiles: { profileId: string; status: string | null; sourceRegions: string[] | null }[];
    };
    const today = new Date('2026-11-28T00:00:00Z');

    it('lets a bare ID through where the AWS documentation lists it in-Region and no API data contradicts it', () => {
      for (const m of facts.models) {
        for (const region of m.regionEvidence?.['aws-ug-models-regions-2026-02-15']?.inRegion ?? []) {
          if (registry.apiRegions.has(region) || !registry.models.get(m.modelId)?.verified) continue;
          expect([m.modelId, region, classify(m.modelId, registry, { regions: [region], now: today })?.profileRequired ?? null]).toEqual([
            m.modelId,
            region,
            null,
          ]);
        }
      }
    });

    it('reports every profile AWS stopped listing while its model is active, from each of its source regions', () => {
      const withdrawn = facts.profiles.filter((p) => p.status?.startsWith('NOT_LISTED_AFTER_') && p.sourceRegions?.length);
      expect(withdrawn.length).toBeGreaterThan(0);
      for (const p of withdrawn) {
        for (const region of p.sourceRegions!) {
          const verdict = classify(p.profileId, registry, { regions: [region], now: today });
          const reported = verdict?.invalidProfile?.reason === 'withdrawn' || verdict?.lifecycle?.phase === 'eol';
          expect([p.profileId, region, reported]).toEqual([p.profileId, region, true]);
        }
      }
    });

    it('never calls a model past end of life in a region where the newest API listing still had it active', () => {
      const listing = 'mirai73-bedrock-models@2026-08-21';
      for (const m of facts.models) {
        const api = m.regionEvidence?.[listing];
        if (api?.lifecycleStatus !== 'ACTIVE') continue;
        for (const region of api.listedRegions ?? []) {
          const phase = classify(m.modelId, registry, { regions: [region], now: today })?.lifecycle;
          expect([m.modelId, region, phase?.phase === 'eol' && (phase.since ?? '') <= '2026-08-21']).toEqual([m.modelId, region, false]);
        }
      }
    });
  });

  it('holds the documented facts the rules are known by', () => {
    const haiku = 'anthropic.claude-haiku-4-5-20251001-v1:0';
    expect(registry.profiles.get(`jp.${haiku}`)?.sourceRegions).toContain('ap-northeast-1');
    expect(registry.profiles.has(`apac.${haiku}`)).toBe(false);
    expect([...(registry.profilesByModel.get('anthropic.claude-opus-4-1-20250805-v1:0') ?? [])].map((p) => p.geo)).toEqual(['us']);
  });
});

describe('the curated file', () => {
  it('is valid and separate from the snapshot', () => {
    expect(DEFAULT_CURATED_PATH).not.toBe(DEFAULT_SNAPSHOT_PATH);
    expect(curated.schemaVersion).toBe(1);
  });

  it('points every replacement at a known, verified model that is active as of the snapshot date', () => {
    const targets = [
      ...Object.values(curated.replacements).map((r) => r.modelId),
      ...curated.obsoletePatterns.flatMap((p) => (p.replacement ? [p.replacement] : [])),
    ];
    for (const target of targets) {
      const model = registry.models.get(target);
      expect(model, target).toBeDefined();
      expect(model?.verified, target).toBe(true);
      expect(phaseOf(model!.lifecycle, asOf), target).toBeNull();
    }
  });

  it('cites only sources it lists', () => {
    const sources = new Set(Object.keys(curated.sources));
    for (const entry of [...Object.values(curated.replacements), ...curated.obsoletePatterns]) {
      for (const source of entry.sources) expect(sources.has(source), source).toBe(true);
    }
  });

  it('covers the seed’s obsolete patterns', () => {
    const patterns = curated.obsoletePatterns.map((p) => `${p.provider}.${p.contains}`);
    for (const seed of ['amazon.titan-text-lite', 'ai21.j2-', 'cohere.command-text']) expect(patterns).toContain(seed);
  });
});
