/**
 * fast-check inputs for the fuzz tests: arbitrary strings (lone surrogates and control characters
 * included), and mutations of the real IDs of the bundled snapshot: geography, region and LiteLLM
 * prefixes, ARN heads, suffixes, case changes, other separators, Unicode look-alikes, cuts.
 */
import fc from 'fast-check';
import type { Registry } from '../../src/registry/registry.js';

/** Cases per fuzz property: FUZZ_RUNS (npm run fuzz sets 100,000), else a count the test command affords. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 400);

/** Any UTF-16 code unit, lone surrogates included: what a JavaScript string can hold. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

export const anyString = fc.oneof(
  fc.string({ unit: anyCodeUnit, maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom(...'anthropic.claude-v1:0us-east-1/arn:bedrock'.split('')), maxLength: 80 }),
);

const PREFIXES = [
  'us.',
  'eu.',
  'apac.',
  'global.',
  'us-gov.',
  'jp.',
  'ap.',
  'us-east-1.',
  'useast1.',
  'bedrock/',
  'bedrock/converse/',
  'bedrock/invoke/',
  'arn:aws:bedrock:us-east-1::foundation-model/',
  'arn:aws:bedrock:eu-west-1:111122223333:inference-profile/',
  'arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/',
  'arn:aws-us-gov:bedrock:us-gov-west-1::foundation-model/',
  'arn:aws:bedrock:us-east-9:111122223333:inference-profile/',
  ' ',
  '\u200b',
];
const SUFFIXES = [':0', ':1', '-v1:0', '-v2:0', ':200k', ':mm', '.', '/', ' ', '\n', '-', '`', '${x}', '\u0000'];
const SEPARATORS = ['-', '.', ':', '_', '/', ' ', '\u2010', '\u2212', '\uff0e', '\u2024', ''];
/** Characters and the look-alikes people paste from documents and chat tools. */
const LOOK_ALIKES: Record<string, readonly string[]> = {
  a: ['\u0430', '\u00e0'],
  e: ['\u0435'],
  o: ['\u043e', '0'],
  c: ['\u0441'],
  p: ['\u0440'],
  i: ['\u0456', 'l', '1'],
  '.': ['\u2024', '\uff0e', '\u3002'],
  '-': ['\u2010', '\u2013', '\u2212'],
  ':': ['\uff1a', '\u02d0'],
  '0': ['O', 'o'],
  '1': ['l', 'I'],
};

type Mutation = (id: string) => string;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom(...PREFIXES).map((prefix): Mutation => (id) => prefix + id),
  fc.constantFrom(...SUFFIXES).map((suffix): Mutation => (id) => id + suffix),
  fc.constantFrom<Mutation>(
    (id) => id.toUpperCase(),
    (id) => id.toLowerCase(),
    (id) => id.charAt(0).toUpperCase() + id.slice(1),
    (id) => id.replace(/^[a-z-]+\./, ''),
    (id) => id.replace(/:\d+$/, ''),
    (id) => id.replace(/-v\d+(:\d+)?$/, ''),
  ),
  fc
    .tuple(fc.constantFrom('-', '.', ':'), fc.constantFrom(...SEPARATORS), fc.boolean())
    .map(([from, to, all]): Mutation => (id) => (all ? id.split(from).join(to) : id.replace(from, to))),
  fc
    .tuple(fc.constantFrom(...Object.keys(LOOK_ALIKES)), fc.nat(), fc.nat())
    .map(([char, which, nth]): Mutation => (id) => {
      const positions = [...id].flatMap((c, i) => (c === char ? [i] : []));
      if (positions.length === 0) return id;
      const at = positions[nth % positions.length]!;
      const options = LOOK_ALIKES[char]!;
      return id.slice(0, at) + options[which % options.length]! + id.slice(at + 1);
    }),
  fc.tuple(fc.nat(), fc.nat({ max: 3 })).map(([at, length]): Mutation => (id) => {
    const i = at % (id.length + 1);
    return id.slice(0, i) + id.slice(i + length);
  }),
  fc.tuple(fc.nat(), fc.string({ unit: anyCodeUnit, minLength: 1, maxLength: 3 })).map(([at, text]): Mutation => (id) => {
    const i = at % (id.length + 1);
    return id.slice(0, i) + text + id.slice(i);
  }),
);

/** Real model and profile IDs of a registry, each with up to three mutations. */
export function mutatedId(registry: Registry): fc.Arbitrary<string> {
  const ids = [...registry.models.keys(), ...registry.profiles.keys()];
  return fc
    .tuple(fc.constantFrom(...ids), fc.array(mutation, { maxLength: 3 }))
    .map(([id, mutations]) => mutations.reduce((text, mutate) => mutate(text), id));
}

/** Regions in play: none, or one or two the snapshot knows. */
export function regionsInPlay(registry: Registry): fc.Arbitrary<string[]> {
  return fc.subarray([...registry.regions].sort(), { maxLength: 2 });
}
