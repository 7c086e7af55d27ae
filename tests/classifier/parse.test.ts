import { describe, expect, it } from 'vitest';
import { mightBeModelRef, parseModelRef } from '../../src/classifier/parse.js';
import { loadRegistry } from '../../src/registry/registry.js';

const registry = loadRegistry(new URL('../fixtures/snapshot.json', import.meta.url).pathname);
const parse = (text: string) => parseModelRef(text, registry);

describe('parseModelRef', () => {
  it('reads bare IDs', () => {
    expect(parse('anthropic.claude-3-haiku-20240307-v1:0')).toMatchObject({
      form: 'bare',
      head: '',
      geo: null,
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      provider: 'anthropic',
    });
  });

  it('reads geo-prefixed profile IDs, including prefixes that are not geographies', () => {
    expect(parse('eu.anthropic.claude-sonnet-4-6')).toMatchObject({ form: 'profile', geo: 'eu', modelId: 'anthropic.claude-sonnet-4-6' });
    expect(parse('us-east-1.anthropic.claude-sonnet-4-6')).toMatchObject({ form: 'profile', geo: 'us-east-1' });
    expect(parse('ap.amazon.nova-lite-v1:0')).toMatchObject({ form: 'profile', geo: 'ap', provider: 'amazon' });
  });

  it('reads ARNs and keeps their head for rewrites', () => {
    expect(parse('arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-6')).toMatchObject({
      form: 'foundation-model-arn',
      head: 'arn:aws:bedrock:us-east-1::foundation-model/',
      arnRegion: 'us-east-1',
      modelId: 'anthropic.claude-sonnet-4-6',
    });
    expect(parse('arn:aws:bedrock:eu-west-1:111122223333:inference-profile/eu.anthropic.claude-sonnet-4-6')).toMatchObject({
      form: 'inference-profile-arn',
      geo: 'eu',
      arnRegion: 'eu-west-1',
    });
    expect(parse('arn:aws-us-gov:bedrock:us-gov-west-1:111122223333:inference-profile/us-gov.anthropic.claude-sonnet-4-6')).toMatchObject({
      form: 'inference-profile-arn',
      geo: 'us-gov',
    });
  });

  it('recognises application inference profiles without reading a model from them', () => {
    expect(parse('arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/a1b2c3d4e5f6')).toMatchObject({
      form: 'application-profile-arn',
      modelId: '',
    });
  });

  it('strips LiteLLM route prefixes into the head', () => {
    expect(parse('bedrock/anthropic.claude-sonnet-4-6')).toMatchObject({ form: 'bare', head: 'bedrock/' });
    expect(parse('bedrock/converse/us.anthropic.claude-sonnet-4-6')).toMatchObject({
      form: 'profile',
      head: 'bedrock/converse/',
      geo: 'us',
    });
  });

  it('reads Anthropic first-party names', () => {
    expect(parse('claude-3-7-sonnet-20250219')).toMatchObject({ form: 'first-party', modelId: 'claude-3-7-sonnet-20250219' });
  });

  it.each([
    'bedrock-runtime.us-east-1.amazonaws.com',
    'bedrock-2023-05-31',
    '@aws-sdk/client-bedrock-runtime',
    'arn:aws:bedrock:${region}::foundation-model/${id}',
    'arn:aws:bedrock:*::foundation-model/*',
    'anthropic.',
    'hello world. anthropic.claude',
    '',
    'x'.repeat(10_000),
  ])('returns null for %j', (text) => {
    expect(parse(text)).toBeNull();
  });

  it('pre-filters without allocation on ordinary strings', () => {
    expect(mightBeModelRef('hello')).toBe(false);
    expect(mightBeModelRef('./relative/path.js')).toBe(false);
    expect(mightBeModelRef('anthropic.claude-sonnet-4-6')).toBe(true);
    expect(mightBeModelRef('claude-sonnet-4-6')).toBe(true);
  });
});
