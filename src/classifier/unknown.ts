/**
 * IDs the snapshot does not list: certainly wrong, or possibly newer than the snapshot.
 *
 * A snapshot is a picture of a day. An ID it does not list is either a mistake (a typo, a dotted
 * version, a missing `:0`, a date the snapshot would list) or a model released after that day.
 * Calling the second an error turns every team that adopts a new model into a red build; calling
 * the first one "maybe newer" hides the most common run-time failure. So an unlisted ID is only
 * "possibly newer" on a positive sign: a date after the snapshot's listing, a version above the
 * highest known of its line (plausibly: one or two steps), or a new model line of a known family.
 * Everything else is certainly wrong and gets did-you-mean suggestions. The grammar of IDs is
 * learned from the snapshot itself (per provider and family), never written down here.
 */
import { createRequire } from '../util/builtins.js';
import { DAY_MS } from '../util/day.js';
import type { ModelRecord, Registry } from '../registry/registry.js';
import { rewrite, type ModelRef } from './parse.js';

/** Edit distance, loaded on first use: only unknown IDs need it. */
let levenshtein: typeof import('fastest-levenshtein').distance | undefined;
const distance = (a: string, b: string): number =>
  (levenshtein ??= (createRequire(import.meta.url)('fastest-levenshtein') as typeof import('fastest-levenshtein')).distance)(a, b);

/** A way to write a model ID, as the classifier offers it (see Choice in classify.ts). */
export interface UnknownChoice {
  readonly text: string;
  readonly id: string;
  readonly geo: string | null;
  readonly sourceRegions: readonly string[];
}

/** Why an ID the snapshot does not list is certainly wrong. */
export type UnknownReason =
  /** Anthropic's own API name sent to Bedrock (`claude-3-7-sonnet-20250219`). */
  | 'first-party'
  /** The prefix before the provider is not a geography (`us-east-1.`, `ap.`). */
  | 'not-a-geography'
  /** A dotted version (`claude-sonnet-4.5`) of a provider whose IDs use dashes. */
  | 'dotted-version'
  /** A known ID cut short (`amazon.nova-pro-v1`, missing `:0`). */
  | 'incomplete'
  /** A suffix the model's line or family does not use (`-v3:0` of a model that had v1 and v2). */
  | 'suffix'
  /** A date before the snapshot's listing that the listing does not hold. */
  | 'old-date'
  /** A word one or two letters away from one the provider uses (`sonet`). */
  | 'typo'
  /** A version not above the newest of its line (`claude-sonnet-4-7` after 5), or a new name of a generation its family moved past. */
  | 'no-such-version';

/** The positive sign that an unlisted ID may be a model newer than the snapshot. */
export type NewerSign =
  /** Its date is after the snapshot's listing (less a grace period, see RELEASE_GRACE_DAYS). */
  | 'date'
  /** Its version is above the highest known of its line, by one or two steps. */
  | 'version'
  /** A new model name in a known family (`llama4-behemoth`), or a new family with the provider's ID grammar. */
  | 'name';

export interface UnknownModel {
  readonly reason: UnknownReason;
  /**
   * Known IDs close to the string, in the form it was written in: a bare ID for a bare ID, the
   * same geography's profile for a profile ID. For a first-party name, the ways to write its
   * Bedrock model that pass every rule.
   */
  readonly choices: readonly UnknownChoice[];
  /** The Bedrock model a first-party name stands for. */
  readonly target: string | null;
  /** True for an Anthropic first-party name (`claude-3-7-sonnet-20250219`). */
  readonly firstParty: boolean;
  /** The date the ID carries (YYYY-MM-DD), for `old-date`. */
  readonly date: string | null;
}

export interface UnlistedModel {
  readonly sign: NewerSign;
  /** The date the ID carries, when it has one. */
  readonly date: string | null;
  /** The snapshot's date (`generatedAt`). */
  readonly asOf: string;
  /** The date of the newest API listing in the snapshot. */
  readonly listedAsOf: string;
  /** Whole days from the snapshot's date to the day of the verdict. */
  readonly ageDays: number;
}

/**
 * Days before a listing in which a dated model may not have been released yet: Bedrock model IDs
 * carry the date of the model, and release follows it by days or a few weeks.
 */
export const RELEASE_GRACE_DAYS = 30;

/** A version may be one or two steps above the newest known: `nova-3` after `nova-2`, not `haiku-45`. */
const MAX_STEP = 2;

// ---------------------------------------------------------------------------------------------
// Reading a name

/**
 * A model name taken apart: `claude-3-5-sonnet-20241022-v2:0` is family `claude`, words
 * `sonnet`, numbers 3, 5, date 2024-10-22, suffix `-v2:0`.
 */
export interface NameParts {
  /** The name without its suffix: what a suffix change leaves alone. */
  readonly stem: string;
  /** Letters of the first segment: `claude`, `llama` (of `llama4`), `r` (of `r1`), `gpt`. */
  readonly family: string;
  /** Other words, sorted: `instruct`, `sonnet`, `k` (of `k2`). */
  readonly words: readonly string[];
  /** Sizes, sorted: `70b`, `8x7b`, `a22b`. */
  readonly sizes: readonly string[];
  /** Version numbers in order, the family's number first (`llama3-1` is 3, 1). */
  readonly numbers: readonly number[];
  /** The date the name carries (YYYY-MM-DD), or null. */
  readonly date: string | null;
  /** How the date is written: `YYYYMMDD`, `YYYY-MM-DD`, `YYMM`, or empty. */
  readonly dateForm: string;
  /** `-v2:0`, `-v1`, `-1:0`, or empty. */
  readonly suffix: string;
  /** Whether a dot stands between two digits (`4.5`). */
  readonly dotted: boolean;
}

const SUFFIX = /(?:-v\d+(?::\d+)?|-\d+:\d+)$/;
const SIZE = /^(?:\d+(?:x\d+)?[bkm]|[ae]\d+b)$/;
const WORD_NUMBER = /^([a-z]+)(\d+)$/;

/** The shape of a name's ending: its date form and its suffix with digits as `N` (`YYYYMMDD-vN:N`). */
export const endingOf = (parts: NameParts): string => `${parts.dateForm}${parts.suffix.replace(/\d+/g, 'N')}`;

function validDay(year: number, month: number, day: number): string | null {
  if (year < 2020 || year > 2039 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCDate() === day ? date.toISOString().slice(0, 10) : null;
}

/** Takes a name apart; `name` is lower case, without the provider. */
export function nameParts(name: string): NameParts {
  const suffix = SUFFIX.exec(name)?.[0] ?? '';
  const stem = name.slice(0, name.length - suffix.length);
  let tokens = stem.split('-');
  let date: string | null = null;
  let dateForm = '';
  const last = tokens.at(-1) ?? '';
  const iso = tokens.length >= 4 ? tokens.slice(-3) : null;
  if (iso && /^\d{4}$/.test(iso[0]!) && /^\d{2}$/.test(iso[1]!) && /^\d{2}$/.test(iso[2]!)) {
    date = validDay(Number(iso[0]), Number(iso[1]), Number(iso[2]));
    if (date) [dateForm, tokens] = ['YYYY-MM-DD', tokens.slice(0, -3)];
  }
  if (!date && /^\d{8}$/.test(last)) {
    date = validDay(Number(last.slice(0, 4)), Number(last.slice(4, 6)), Number(last.slice(6)));
    if (date) [dateForm, tokens] = ['YYYYMMDD', tokens.slice(0, -1)];
  }
  if (!date && tokens.length > 1 && /^2[3-9](?:0[1-9]|1[0-2])$/.test(last)) {
    date = validDay(2000 + Number(last.slice(0, 2)), Number(last.slice(2)), 1);
    [dateForm, tokens] = ['YYMM', tokens.slice(0, -1)];
  }
  const words: string[] = [];
  const sizes: string[] = [];
  const numbers: number[] = [];
  let family = '';
  tokens.forEach((token, index) => {
    for (const [position, part] of token.split('.').entries()) {
      const first = index === 0 && position === 0;
      const wordNumber = WORD_NUMBER.exec(part);
      if (/^\d+$/.test(part)) numbers.push(Number(part));
      else if (!first && SIZE.test(part)) sizes.push(part);
      else if (wordNumber) {
        if (first) family = wordNumber[1]!;
        else words.push(wordNumber[1]!);
        numbers.push(Number(wordNumber[2]));
      } else if (first) family = part;
      else if (part) words.push(part);
    }
  });
  return {
    stem,
    family,
    words: words.sort(),
    sizes: sizes.sort(),
    numbers,
    date,
    dateForm,
    suffix,
    dotted: /\d\.\d/.test(stem),
  };
}

/** The line of a model: its family, words and sizes. Versions of one line differ only in numbers. */
const lineOf = (parts: NameParts): string => `${parts.family}|${parts.words.join(',')}|${parts.sizes.join(',')}`;

/** -1, 0 or 1, comparing version numbers left to right; a missing number is below any number. */
function compareNumbers(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? -1;
    const y = b[i] ?? -1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Whether `a` is above `b` by a plausible step: the first number that differs is at most MAX_STEP higher. */
function plausiblyAbove(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return false;
    if (y === undefined) return x <= 9;
    return x > y && x - y <= MAX_STEP;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// What a provider's known IDs say

interface ProviderGrammar {
  /** The provider's models the grammar is learnt from, with their names' parts (see grammarOf). */
  readonly models: readonly { readonly model: ModelRecord; readonly name: string; readonly parts: NameParts }[];
  /** Whether any of its IDs carries a dotted version (`gpt-5.4`). */
  readonly dots: boolean;
  /** Whether any of its IDs has no dash (`deepseek.v3.1`). */
  readonly undashed: boolean;
  /** Family -> the endings its IDs use (`YYYYMMDD-vN:N`, `-vN`, ``). */
  readonly endings: ReadonlyMap<string, ReadonlySet<string>>;
  /** Endings any family of the provider uses. */
  readonly anyEnding: ReadonlySet<string>;
  /** Line -> the highest version numbers known in it. */
  readonly newest: ReadonlyMap<string, readonly number[]>;
  /** Family -> the highest version numbers known in it. */
  readonly newestOfFamily: ReadonlyMap<string, readonly number[]>;
  /** Every word and family of its IDs. */
  readonly vocabulary: ReadonlySet<string>;
  /** Stem and date of every ID: a name with a known stem and date but another suffix is wrong. */
  readonly stems: ReadonlySet<string>;
}

const grammars = new WeakMap<Registry, Map<string, ProviderGrammar>>();

function grammarOf(registry: Registry, provider: string): ProviderGrammar {
  let byProvider = grammars.get(registry);
  if (!byProvider) grammars.set(registry, (byProvider = new Map()));
  let grammar = byProvider.get(provider);
  if (grammar) return grammar;
  const models: { model: ModelRecord; name: string; parts: NameParts }[] = [];
  const endings = new Map<string, Set<string>>();
  const anyEnding = new Set<string>();
  const newest = new Map<string, number[]>();
  const newestOfFamily = new Map<string, number[]>();
  const vocabulary = new Set<string>();
  const stems = new Set<string>();
  let dots = false;
  let undashed = false;
  // Verified models teach the grammar; a family only third-party lists name is learnt from them.
  const named = [...registry.models.values()]
    .filter((model) => model.providerPrefix === provider && !model.variantOf)
    .map((model) => {
      const name = model.id.slice(provider.length + 1).toLowerCase();
      return { model, name, parts: nameParts(name) };
    });
  const verifiedFamilies = new Set(named.filter((m) => m.model.verified).map((m) => m.parts.family));
  for (const { model, name, parts } of named) {
    if (!model.verified && verifiedFamilies.has(parts.family)) continue;
    models.push({ model, name, parts });
    dots ||= parts.dotted;
    undashed ||= !name.includes('-');
    const ending = endingOf(parts);
    let familyEndings = endings.get(parts.family);
    if (!familyEndings) endings.set(parts.family, (familyEndings = new Set()));
    familyEndings.add(ending);
    anyEnding.add(ending);
    const line = lineOf(parts);
    if (compareNumbers(parts.numbers, newest.get(line) ?? []) > 0 || !newest.has(line)) newest.set(line, [...parts.numbers]);
    const familyTop = newestOfFamily.get(parts.family);
    if (!familyTop || compareNumbers(parts.numbers, familyTop) > 0) newestOfFamily.set(parts.family, [...parts.numbers]);
    vocabulary.add(parts.family);
    for (const word of parts.words) vocabulary.add(word);
    stems.add(`${parts.stem}`);
  }
  grammar = { models, dots, undashed, endings, anyEnding, newest, newestOfFamily, vocabulary, stems };
  byProvider.set(provider, grammar);
  return grammar;
}

/** A known word one or two letters away from `word` (words of four letters or more), or null. */
function nearMiss(word: string, vocabulary: ReadonlySet<string>): string | null {
  if (word.length < 4 || vocabulary.has(word)) return null;
  const limit = word.length >= 8 ? 2 : 1;
  for (const known of vocabulary) {
    if (known.length < 4 || Math.abs(known.length - word.length) > limit) continue;
    if (distance(known, word) <= limit) return known;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The verdict on an unlisted ID

/** A dot before anything but a digit: a hostname, file name or property path (`amazon.com`, `meta.page1.title`). */
const NOT_A_MODEL_NAME = /\.\D/;

export type UnlistedVerdict =
  | { readonly kind: 'wrong'; readonly reason: UnknownReason; readonly date: string | null }
  | { readonly kind: 'newer'; readonly sign: NewerSign; readonly date: string | null };

const wrong = (reason: UnknownReason, date: string | null = null): UnlistedVerdict => ({ kind: 'wrong', reason, date });
const newer = (sign: NewerSign, date: string | null = null): UnlistedVerdict => ({ kind: 'newer', sign, date });

/**
 * Judges a model ID the registry does not list: certainly wrong, possibly newer, or null when the
 * string is not shaped like a model ID of its provider at all (`meta.og-image-2`, `amazon.s3-bucket-1`).
 */
export function judgeUnlisted(ref: ModelRef, registry: Registry): UnlistedVerdict | null {
  const name = ref.modelId.slice(ref.provider.length + 1).toLowerCase();
  if (name.length < 2 || !/\d/.test(name) || !/^[a-z0-9]/.test(name) || NOT_A_MODEL_NAME.test(name)) return null;
  const grammar = grammarOf(registry, ref.provider);
  if (!name.includes('-') && !grammar.undashed) return null;
  const parts = nameParts(name);
  const knownFamily = grammar.endings.has(parts.family);
  if (!knownFamily) {
    // A family the provider does not use: a misspelt one, a new one written in the provider's
    // ID grammar (a `-vN:N` suffix), or not a model ID at all.
    if (parts.family.length >= 5 && nearMiss(parts.family, grammar.vocabulary)) return wrong('typo');
    if (!parts.suffix || !grammar.anyEnding.has(endingOf(parts))) return null;
  }
  if (ref.geo !== null && !registry.geographies.has(ref.geo)) return wrong('not-a-geography');
  if (parts.dotted && !grammar.dots) return wrong('dotted-version');
  for (const { name: known } of grammar.models) {
    if (known.length > name.length && known.startsWith(name) && /[-:]/.test(known[name.length]!)) return wrong('incomplete');
    if (name.length > known.length && name.startsWith(known) && name[known.length] === ':') return wrong('suffix');
  }
  const ending = endingOf(parts);
  const usedEndings = knownFamily ? grammar.endings.get(parts.family)! : grammar.anyEnding;
  if (!usedEndings.has(ending) || (parts.suffix && grammar.stems.has(parts.stem))) return wrong('suffix', parts.date);
  if ([...parts.words, parts.family].some((word) => nearMiss(word, grammar.vocabulary))) return wrong('typo');
  if (parts.date) {
    const cutoff = new Date(Date.parse(`${registry.listedAsOf}T00:00:00Z`) - RELEASE_GRACE_DAYS * DAY_MS).toISOString().slice(0, 10);
    return parts.date >= cutoff ? newer('date', parts.date) : wrong('old-date', parts.date);
  }
  if (!knownFamily) return newer('name');
  // Above the family's newest major version (`llama5` after `llama4`), or above its line's newest.
  const major = parts.numbers.slice(0, 1);
  const familyMajor = (grammar.newestOfFamily.get(parts.family) ?? []).slice(0, 1);
  const aboveFamily = familyMajor.length > 0 && compareNumbers(major, familyMajor) > 0;
  if (aboveFamily) return plausiblyAbove(major, familyMajor) ? newer('version') : wrong('no-such-version');
  const newestOfLine = grammar.newest.get(lineOf(parts));
  if (newestOfLine) return plausiblyAbove(parts.numbers, newestOfLine) ? newer('version') : wrong('no-such-version');
  // A line the family does not have: a new model name of its newest generation (`llama4-behemoth`),
  // not of one it has moved past (`llama3-2-11b-vision-instruct` once Llama 4 is listed).
  return compareNumbers(major, familyMajor) < 0 && major.length > 0 ? wrong('no-such-version') : newer('name');
}

// ---------------------------------------------------------------------------------------------
// Did you mean

const normalize = (id: string): string => id.toLowerCase().replace(/[._]/g, '-');

/** Models a did-you-mean can name, by provider, with their normalized IDs: built on first use. */
const suggestable = new WeakMap<Registry, Map<string, { model: ModelRecord; normalized: string }[]>>();

function suggestableModels(registry: Registry, provider: string): readonly { model: ModelRecord; normalized: string }[] {
  let byProvider = suggestable.get(registry);
  if (!byProvider) {
    byProvider = new Map();
    for (const model of registry.models.values()) {
      if (model.variantOf || !model.verified) continue;
      const list = byProvider.get(model.providerPrefix) ?? [];
      list.push({ model, normalized: normalize(model.id) });
      byProvider.set(model.providerPrefix, list);
    }
    suggestable.set(registry, byProvider);
  }
  return byProvider.get(provider) ?? [];
}

/** Up to three known models nearest to an unknown ID of the same provider. */
export function nearestModels(modelId: string, registry: Registry): ModelRecord[] {
  const wanted = normalize(modelId);
  const provider = modelId.slice(0, modelId.indexOf('.')).toLowerCase();
  const scored: { model: ModelRecord; score: number }[] = [];
  const limit = Math.max(2, Math.floor(wanted.length * 0.15));
  const longer = `${wanted}-`;
  for (const { model, normalized: known } of suggestableModels(registry, provider)) {
    let score: number;
    if (known === wanted) score = 0;
    else if (known.startsWith(longer)) score = 1 + (known.length - wanted.length) / 100;
    else {
      // The edit distance is at least the difference in length: most IDs are out of reach at once.
      if (Math.abs(known.length - wanted.length) > limit) continue;
      const d = distance(known, wanted);
      if (d > limit) continue;
      score = 2 + d;
    }
    scored.push({ model, score });
  }
  scored.sort((a, b) => a.score - b.score || (a.model.id < b.model.id ? -1 : 1));
  return scored.slice(0, 3).map((s) => s.model);
}

/** Known IDs near an unknown one, in the form it was written: only profiles that exist for a profile ID. */
export function didYouMean(ref: ModelRef, registry: Registry): UnknownChoice[] {
  const choices: UnknownChoice[] = [];
  for (const model of nearestModels(ref.modelId, registry)) {
    const id = ref.geo === null ? model.id : `${ref.geo}.${model.id}`;
    if (ref.geo !== null && !registry.profiles.has(id)) continue;
    choices.push({ text: rewrite(ref, id), id, geo: ref.geo, sourceRegions: [] });
  }
  return choices;
}

/** The Bedrock model for an Anthropic first-party name, if exactly one matches. */
export function firstPartyTarget(name: string, registry: Registry): ModelRecord | null {
  const exact: ModelRecord[] = [];
  const dated: ModelRecord[] = [];
  for (const model of registry.models.values()) {
    if (model.providerPrefix !== 'anthropic' || model.variantOf || !model.verified) continue;
    const bedrockName = model.id.slice('anthropic.'.length).replace(/-v\d+(?::\d+)?$/, '');
    if (bedrockName === name) exact.push(model);
    else if (bedrockName.startsWith(`${name}-`) && /^\d{8}$/.test(bedrockName.slice(name.length + 1))) dated.push(model);
  }
  // Prefer an ID that bedrock-runtime serves (it has region data) over one only the OpenAI-compatible
  // endpoint knows: `claude-haiku-4-5` is `anthropic.claude-haiku-4-5-20251001-v1:0` for Converse.
  const served = (list: ModelRecord[]) => list.filter((m) => Object.keys(m.regions).length > 0);
  for (const list of [served(exact), served(dated), exact, dated]) if (list.length === 1) return list[0]!;
  return null;
}
