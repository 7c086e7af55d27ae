import { describe, expect, it } from 'vitest';
import { classify, phaseOf } from '../../src/classifier/classify.js';
import { buildRegistry, loadRegistry } from '../../src/registry/registry.js';

const registry = loadRegistry(new URL('../fixtures/snapshot.json', import.meta.url).pathname);
const now = new Date('2026-11-26T00:00:00Z');
const SONNET_45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';

describe('classify', () => {
  it('returns null for strings that are not model references', () => {
    expect(classify('hello.world', registry)).toBeNull();
    expect(classify('bedrock-runtime.us-east-1.amazonaws.com', registry)).toBeNull();
  });

  it('is pure: the same input gives an equal verdict', () => {
    const a = classify(SONNET_45, registry, { regions: ['eu-west-1'], now });
    const b = classify(SONNET_45, registry, { regions: ['eu-west-1'], now });
    expect(a).toEqual(b);
  });

  it('finds the one geography profile for a region as the certain fix', () => {
    const verdict = classify(SONNET_45, registry, { regions: ['eu-west-1'], now });
    expect(verdict?.profileRequired).toMatchObject({
      failingRegions: ['eu-west-1'],
      onDemandRegions: [],
      regionsKnown: true,
      fix: { id: `eu.${SONNET_45}`, geo: 'eu' },
    });
    expect(verdict?.profileRequired?.choices.map((c) => c.geo)).toEqual(['eu', 'global']);
  });

  it('never makes global the certain fix', () => {
    // ap-southeast-2 is served by the au. and global. profiles of Haiku 4.5, but Sonnet 4.5 only by global.
    const verdict = classify(SONNET_45, registry, { regions: ['ap-southeast-2'], now });
    expect(verdict?.profileRequired?.choices.map((c) => c.geo)).toEqual(['global']);
    expect(verdict?.profileRequired?.fix).toBeNull();
  });

  it('judges per region: on demand in one region, profile-only in another', () => {
    const haiku3 = 'anthropic.claude-3-haiku-20240307-v1:0';
    expect(classify(haiku3, registry, { regions: ['us-east-1'], now })?.profileRequired).toBeNull();
    expect(classify(haiku3, registry, { regions: ['eu-central-2'], now })?.profileRequired?.fix?.id).toBe(`eu.${haiku3}`);
  });

  it('uses the region of an inference-profile ARN', () => {
    const verdict = classify(`arn:aws:bedrock:eu-west-1:111122223333:inference-profile/us.${SONNET_45}`, registry, { now });
    expect(verdict?.regions).toEqual(['eu-west-1']);
    expect(verdict?.invalidProfile).toMatchObject({ reason: 'region-cannot-call' });
    expect(verdict?.invalidProfile?.fix?.text).toBe(`arn:aws:bedrock:eu-west-1:111122223333:inference-profile/eu.${SONNET_45}`);
  });

  it('never judges application inference profiles', () => {
    const verdict = classify('arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/abc123', registry, { now });
    expect(verdict).toMatchObject({ profileRequired: null, invalidProfile: null, lifecycle: null, unknown: null });
  });

  it('tells a missing profile from a prefix that is no geography', () => {
    expect(classify('apac.anthropic.claude-opus-4-1-20250805-v1:0', registry, { now })?.invalidProfile?.reason).toBe('no-such-profile');
    expect(classify(`ap.${SONNET_45}`, registry, { now })?.invalidProfile?.reason).toBe('not-a-geography');
  });

  it('narrows the choices by a region written as the prefix, without making a fix certain', () => {
    const verdict = classify(`us-east-1.${SONNET_45}`, registry, { now });
    expect(verdict?.invalidProfile?.reason).toBe('not-a-geography');
    expect(verdict?.invalidProfile?.choices.map((c) => c.geo)).toEqual(['us', 'global']);
    expect(verdict?.invalidProfile?.fix).toBeNull();
  });

  it('maps a first-party name to the ID bedrock-runtime serves, not an ID of another endpoint', () => {
    // The fixture also knows `anthropic.claude-haiku-4-5`, an ID without bedrock-runtime region data.
    expect(classify('claude-haiku-4-5', registry, { now })?.unknown?.target).toBe('anthropic.claude-haiku-4-5-20251001-v1:0');
  });

  it('leaves a region that offers neither the bare ID nor a profile to other checks', () => {
    const verdict = classify('anthropic.claude-opus-4-1-20250805-v1:0', registry, { regions: ['eu-west-1'], now });
    expect(verdict?.profileRequired).toBeNull();
  });

  it('offers the bare ID for a prefixed model that has no profile but works on demand', () => {
    const verdict = classify('us.amazon.titan-embed-text-v2:0', registry, { now });
    expect(verdict?.invalidProfile?.reason).toBe('no-such-profile');
    expect(verdict?.invalidProfile?.choices.map((c) => c.id)).toEqual(['amazon.titan-embed-text-v2:0']);
  });

  it('offers only bare IDs inside foundation-model ARNs', () => {
    const verdict = classify('arn:aws:bedrock:us-east-2::foundation-model/amazon.titan-text-lite-v1', registry, { now });
    expect(verdict?.lifecycle?.choices.map((c) => c.text)).toEqual([
      'arn:aws:bedrock:us-east-2::foundation-model/amazon.nova-micro-v1:0',
    ]);
  });

  it('says where a bare ID works when it offers one for a wrong prefix', () => {
    const choice = classify('us.amazon.titan-embed-text-v2:0', registry, { now })?.invalidProfile?.choices[0];
    expect(choice?.sourceRegions).toContain('us-east-1');
  });

  it('tells an inference-profile ARN without a geography apart', () => {
    const verdict = classify(`arn:aws:bedrock:us-east-1:111122223333:inference-profile/${SONNET_45}`, registry, { now });
    expect(verdict?.invalidProfile?.reason).toBe('missing-geography');
    expect(verdict?.invalidProfile?.fix?.id).toBe(`us.${SONNET_45}`);
  });

  it('follows curated replacements to an active model and writes it for the region', () => {
    const verdict = classify('amazon.titan-text-lite-v1', registry, { regions: ['us-east-1'], now });
    expect(verdict?.lifecycle).toMatchObject({ phase: 'eol', replacement: 'amazon.nova-micro-v1:0' });
    expect(verdict?.lifecycle?.choices.map((c) => c.id)).toEqual(['amazon.nova-micro-v1:0']);
    const inTokyo = classify('amazon.titan-text-lite-v1', registry, { regions: ['us-east-2'], now });
    expect(inTokyo?.lifecycle?.choices.map((c) => c.id)).toEqual(['us.amazon.nova-micro-v1:0']);
  });

  it('offers did-you-mean IDs in the form they were written', () => {
    const bare = classify('anthropic.claude-3-5-sonnet-20241022-v3:0', registry, { now });
    expect(bare?.unknown?.choices[0]?.id).toBe('anthropic.claude-3-5-sonnet-20241022-v2:0');
    const geo = classify('us.anthropic.claude-sonet-4-5-20250929-v1:0', registry, { now });
    expect(geo?.unknown?.choices.map((c) => c.id)).toContain(`us.${SONNET_45}`);
  });

  it('finds nothing wrong in strings that only look like model IDs', () => {
    const texts = [
      'amazon.com',
      'meta.description',
      'anthropic.claude',
      'amazon.nova-config-1.json',
      'com.amazon.bedrock',
      'software.amazon.awssdk.services.bedrockruntime',
      'meta.h1',
      'meta.og-image-2',
      'amazon.s3-bucket-1',
    ];
    for (const text of texts) {
      const verdict = classify(text, registry, { now });
      expect([verdict?.profileRequired, verdict?.invalidProfile, verdict?.lifecycle, verdict?.unknown]).toEqual(
        verdict ? [null, null, null, null] : [undefined, undefined, undefined, undefined],
      );
    }
  });
});

describe('what the snapshot covered', () => {
  it('knows which regions an API listing covered, and the newest listing date', () => {
    expect(registry.apiRegions.has('us-east-1')).toBe(true);
    expect(registry.apiRegions.has('me-central-1')).toBe(false);
    expect(registry.listedAsOf).toBe('2026-09-01');
  });

  it('never claims a bare ID fails in a region without API data, and never fixes toward another geography there', () => {
    // Nova 2 Lite: profile-only where listed; me-central-1 has only documentation data.
    expect(classify('amazon.nova-2-lite-v1:0', registry, { regions: ['me-central-1'], now })?.profileRequired).toBeNull();
    expect(classify('amazon.nova-2-lite-v1:0', registry, { regions: ['ap-northeast-1'], now })?.profileRequired?.fix?.id).toBe(
      'apac.amazon.nova-2-lite-v1:0',
    );
  });

  it('uses documented in-Region support where the API data did not look', () => {
    expect(classify('amazon.nova-pro-v1:0', registry, { regions: ['me-central-1'], now })?.profileRequired).toBeNull();
  });

  it('claims a profile uncallable from a region without API data only when its geography never serves it', () => {
    expect(classify('apac.amazon.nova-pro-v1:0', registry, { regions: ['me-central-1'], now })?.invalidProfile).toBeNull();
    expect(classify('us.amazon.nova-pro-v1:0', registry, { regions: ['me-central-1'], now })?.invalidProfile?.reason).toBe('region-cannot-call');
  });
});

describe('withdrawn profiles', () => {
  it('reports a profile AWS no longer lists, with the live profiles serving the regions in play', () => {
    const verdict = classify('eu.anthropic.claude-fable-5', registry, { regions: ['eu-west-1'], now });
    expect(verdict?.invalidProfile?.reason).toBe('withdrawn');
    expect(verdict?.invalidProfile?.choices.map((c) => c.id)).toEqual(['global.anthropic.claude-fable-5']);
    expect(verdict?.invalidProfile?.fix).toBeNull();
  });

  it('fixes only where exactly one geography profile serves the regions in play', () => {
    expect(classify('eu.anthropic.claude-fable-5', registry, { regions: ['us-east-1'], now })?.invalidProfile?.fix?.id).toBe(
      'us.anthropic.claude-fable-5',
    );
    expect(classify('eu.anthropic.claude-fable-5', registry, { now })?.invalidProfile?.fix).toBeNull();
  });

  it('leaves a withdrawn profile of a model past end of life to the lifecycle rules', () => {
    const snapshot = structuredClone(registry.snapshot);
    snapshot.profiles['us.anthropic.claude-3-5-sonnet-20241022-v2:0']!.removed = true;
    const retired = buildRegistry(snapshot, registry.curated, 'retired.json');
    const verdict = classify('us.anthropic.claude-3-5-sonnet-20241022-v2:0', retired, { regions: ['us-east-1'], now });
    expect([verdict?.invalidProfile, verdict?.lifecycle?.phase]).toEqual([null, 'eol']);
  });
});

describe('lifecycle per region', () => {
  const SONNET_35_V2 = 'anthropic.claude-3-5-sonnet-20241022-v2:0';
  const SONNET_37 = 'anthropic.claude-3-7-sonnet-20250219-v1:0';

  it('reads the lifecycle of the region in play where the snapshot has one', () => {
    // Model-wide end of life 2026-07-30, but AWS still listed it as active in us-east-2.
    expect(classify(`us.${SONNET_35_V2}`, registry, { regions: ['us-east-2'], now })?.lifecycle).toBeNull();
    expect(classify(`us.${SONNET_35_V2}`, registry, { regions: ['us-east-1'], now })?.lifecycle).toMatchObject({
      phase: 'eol',
      regions: ['us-east-1'],
    });
  });

  it('takes the most severe phase among the regions in play, with where it holds', () => {
    const verdict = classify(`eu.${SONNET_37}`, registry, { regions: ['eu-west-1', 'eu-central-2'], now });
    expect(verdict?.lifecycle).toMatchObject({ phase: 'eol', since: '2026-07-30', regions: ['eu-central-2'] });
    expect(classify(`eu.${SONNET_37}`, registry, { regions: ['eu-west-1'], now })?.lifecycle).toMatchObject({ phase: 'legacy' });
  });

  it('uses the model-wide lifecycle with no region in play, setting apart the regions where it does not hold', () => {
    expect(classify(SONNET_35_V2, registry, { now })?.lifecycle).toMatchObject({ phase: 'eol', regions: null, notIn: ['us-east-2'] });
  });
});

describe('phaseOf', () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const lifecycle = { status: 'LEGACY', legacyDate: '2026-04-28', eolDate: '2027-04-28' };

  it('is active before the legacy date, legacy until the end-of-life date, then end of life', () => {
    expect(phaseOf(lifecycle, day('2026-04-27'))).toBeNull();
    expect(phaseOf(lifecycle, day('2026-04-28'))).toEqual({ phase: 'legacy', since: '2026-04-28', eolDate: '2027-04-28' });
    expect(phaseOf(lifecycle, day('2027-04-28'))).toEqual({ phase: 'eol', since: '2027-04-28', eolDate: '2027-04-28' });
  });

  it('trusts an explicit status when no date is known', () => {
    expect(phaseOf({ status: 'EOL' }, day('2026-01-01'))?.phase).toBe('eol');
    expect(phaseOf({ status: 'LEGACY' }, day('2026-01-01'))?.phase).toBe('legacy');
    expect(phaseOf({ status: 'ACTIVE' }, day('2026-01-01'))).toBeNull();
  });
});
