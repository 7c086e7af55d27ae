import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classifier/classify.js';
import { nameParts } from '../../src/classifier/unknown.js';
import { loadRegistry } from '../../src/registry/registry.js';

const fixture = loadRegistry(new URL('../fixtures/snapshot.json', import.meta.url).pathname);
const bundled = loadRegistry();
const now = new Date('2026-11-28T00:00:00Z');

/** `wrong:<reason>`, `newer:<sign>`, or `-` when the string is not judged as an unlisted ID. */
function judged(id: string, registry = bundled): string {
  const verdict = classify(id, registry, { now });
  if (verdict?.unknown) return `wrong:${verdict.unknown.reason}`;
  if (verdict?.unlisted) return `newer:${verdict.unlisted.sign}`;
  return '-';
}

describe('nameParts', () => {
  it('takes a dated Anthropic name apart', () => {
    expect(nameParts('claude-3-5-sonnet-20241022-v2:0')).toEqual({
      stem: 'claude-3-5-sonnet-20241022',
      family: 'claude',
      words: ['sonnet'],
      sizes: [],
      numbers: [3, 5],
      date: '2024-10-22',
      dateForm: 'YYYYMMDD',
      suffix: '-v2:0',
      dotted: false,
    });
  });

  it('reads a family number, sizes, dotted versions and the other date forms', () => {
    expect(nameParts('llama4-maverick-17b-instruct-v1:0')).toMatchObject({ family: 'llama', numbers: [4], sizes: ['17b'], words: ['instruct', 'maverick'] });
    expect(nameParts('gpt-5.4-2026-03-05')).toMatchObject({ family: 'gpt', numbers: [5, 4], date: '2026-03-05', dateForm: 'YYYY-MM-DD', dotted: true });
    expect(nameParts('mistral-large-2407-v1:0')).toMatchObject({ date: '2024-07-01', dateForm: 'YYMM', suffix: '-v1:0' });
    expect(nameParts('qwen3-235b-a22b-2507')).toMatchObject({ family: 'qwen', numbers: [3], sizes: ['235b', 'a22b'], dateForm: 'YYMM' });
    expect(nameParts('r1-v1:0')).toMatchObject({ family: 'r', numbers: [1], suffix: '-v1:0' });
  });

  it('does not read an impossible date as one', () => {
    expect(nameParts('claude-x-20261345-v1:0')).toMatchObject({ date: null, dateForm: '' });
  });
});

describe('an ID the snapshot does not list', () => {
  it.each([
    // A date after the snapshot's listing (2026-08-21, less 30 days of grace).
    ['anthropic.claude-haiku-4-5-20261015-v1:0', 'newer:date'],
    ['mistral.mistral-large-2609-v1:0', 'newer:date'],
    // A version above the newest of its line, by a step or two.
    ['anthropic.claude-opus-5-1', 'newer:version'],
    ['us.anthropic.claude-opus-5-1', 'newer:version'],
    ['amazon.nova-3-lite-v1:0', 'newer:version'],
    ['openai.gpt-5.7', 'newer:version'],
    ['deepseek.v4', 'newer:version'],
    // A new family number of a known provider.
    ['meta.llama5-70b-instruct-v1:0', 'newer:version'],
    ['deepseek.r2-v1:0', 'newer:version'],
    // A new model name in a known family.
    ['meta.llama4-behemoth-288b-instruct-v1:0', 'newer:name'],
    ['amazon.nova-2-omni-v1:0', 'newer:name'],
    ['amazon.nova-2-premier-v1:0', 'newer:version'],
  ])('%s may be newer (%s)', (id, expected) => {
    expect(judged(id)).toBe(expected);
  });

  it.each([
    ['anthropic.claude-sonnet-4.5', 'wrong:dotted-version'],
    ['meta.llama3.1-70b-instruct-v1:0', 'wrong:dotted-version'],
    ['us-east-1.anthropic.claude-opus-5-1', 'wrong:not-a-geography'],
    ['amazon.nova-pro-v1', 'wrong:incomplete'],
    ['anthropic.claude-sonnet-4-5', 'wrong:incomplete'],
    ['anthropic.claude-3-5-sonnet-20241022-v3:0', 'wrong:suffix'],
    ['amazon.titan-embed-text-v3:0', 'wrong:suffix'],
    ['amazon.nova-pro-v1:0:999k', 'wrong:suffix'],
    ['anthropic.claude-sonnet-4-5-2025-09-29-v1:0', 'wrong:suffix'],
    ['anthropic.claude-3-6-sonnet-20241022-v1:0', 'wrong:old-date'],
    ['mistral.mistral-large-2512-v1:0', 'wrong:old-date'],
    ['anthropic.claude-sonet-4-6', 'wrong:typo'],
    ['anthropic.clade-sonnet-4-6', 'wrong:typo'],
    // Skipped or far-off versions of a known line: Sonnet 5 is known, and 45 is no step from 4.5.
    ['anthropic.claude-sonnet-4-7', 'wrong:no-such-version'],
    ['anthropic.claude-haiku-45', 'wrong:no-such-version'],
    ['meta.llama3-2-70b-instruct-v1:0', 'wrong:no-such-version'],
    // A new model name of a generation the family has moved past (Llama 4 is listed).
    ['meta.llama3-2-11b-vision-instruct-v1:0', 'wrong:no-such-version'],
  ])('%s is certainly wrong (%s)', (id, expected) => {
    expect(judged(id)).toBe(expected);
  });

  it('leaves alone strings that are not model IDs of their provider', () => {
    for (const text of ['meta.og-image-2', 'amazon.s3-bucket-1', 'meta.version2', 'anthropic.v1.messages', 'amazon.nova-config-1.json']) {
      expect([text, judged(text)]).toEqual([text, '-']);
    }
  });

  it("names the snapshot's date and age for an ID that may be newer", () => {
    expect(classify('anthropic.claude-opus-5-1', bundled, { now })?.unlisted).toEqual({
      sign: 'version',
      date: null,
      asOf: '2026-09-07',
      listedAsOf: '2026-08-21',
      ageDays: 82,
    });
  });

  it('learns the grammar of a provider whose models only third-party lists name', () => {
    // The fixture's only Cohere model is unverified (`command-text-v14`): a `-vN:N` suffix is not its grammar.
    expect(judged('cohere.command-r-plus-v9:0', fixture)).toBe('wrong:suffix');
  });

  it("takes the fixture's newer listing date into account", () => {
    expect(fixture.listedAsOf).toBe('2026-09-01');
    // 2026-08-05 is within 30 days before the listing: the model may not have been released by then.
    expect(judged('anthropic.claude-haiku-4-5-20260805-v1:0', fixture)).toBe('newer:date');
    expect(judged('anthropic.claude-haiku-4-5-20260705-v1:0', fixture)).toBe('wrong:old-date');
  });
});
