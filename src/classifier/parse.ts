/**
 * Parsing: any string in, a ModelRef out when the string is shaped like a Bedrock model reference,
 * or null when it is not (most strings in real code). Knows the shapes only; the registry decides
 * what exists.
 */
import type { Registry } from '../registry/registry.js';

export type RefForm =
  /** `anthropic.claude-...` */
  | 'bare'
  /** `us.anthropic.claude-...` (the prefix may be wrong: `ap.`, `us-east-1.`) */
  | 'profile'
  /** `arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-...` */
  | 'foundation-model-arn'
  /** `arn:aws:bedrock:us-east-1:<account>:inference-profile/us.anthropic.claude-...` */
  | 'inference-profile-arn'
  /** `arn:aws:bedrock:...:application-inference-profile/...`: hides its model; never judged. */
  | 'application-profile-arn'
  /** Anthropic's first-party API name, such as `claude-3-7-sonnet-20250219`. */
  | 'first-party';

export interface ModelRef {
  readonly raw: string;
  readonly form: RefForm;
  /** Everything before the ID part, kept verbatim in rewrites: `bedrock/converse/`, an ARN head. */
  readonly head: string;
  /** The prefix before the provider, as written (`us`, `ap`, `us-east-1`); null for bare IDs. */
  readonly geo: string | null;
  /** The model ID part, as written: `anthropic.claude-...`. Empty for application profiles. */
  readonly modelId: string;
  /** Provider prefix, lower-cased: `anthropic`. */
  readonly provider: string;
  /** Region named by an ARN, if any. */
  readonly arnRegion: string | null;
}

const MAX_LENGTH = 512;
/** LiteLLM route prefixes: `bedrock/`, `bedrock/converse/`, `bedrock/invoke/`. */
const LITELLM_PREFIX = /^bedrock\/(?:(?:converse|invoke|converse_like)\/)?/;
/** Bounded, non-nested quantifiers only: linear time on any input. */
const ARN =
  /^arn:aws[a-z-]{0,10}:bedrock:([a-z0-9-]{0,25}):(\d{0,12}):(foundation-model|inference-profile|application-inference-profile)\//;
/** A model-ID-ish character set: no spaces, quotes, slashes, `@` or template markers. */
const ID_CHARS = /^[A-Za-z0-9._:-]+$/;
const FIRST_PARTY = /^claude-[a-z0-9-]+$/;

/**
 * A cheap first look: true when the string might be a model reference. Rejects almost every
 * string of ordinary code with a few character tests and no allocation. `from` and `to` bound the
 * part of `text` to look at (a token's text between its quotes), so callers need not slice.
 */
export function mightBeModelRef(text: string, from = 0, to = text.length): boolean {
  const length = to - from;
  if (length < 6 || length > MAX_LENGTH) return false;
  const first = text.charCodeAt(from);
  // a-z or A-Z: IDs, ARNs and LiteLLM routes all start with a letter.
  if (!((first >= 97 && first <= 122) || (first >= 65 && first <= 90))) return false;
  const dot = text.indexOf('.', from);
  return (dot !== -1 && dot < to) || (length >= 7 && text.startsWith('claude-', from)) || text.startsWith('arn:', from);
}

export function parseModelRef(text: string, registry: Registry): ModelRef | null {
  if (!mightBeModelRef(text)) return null;
  let head = '';
  let rest = text;
  let arnRegion: string | null = null;
  let arnKind: string | null = null;

  const litellm = LITELLM_PREFIX.exec(rest);
  if (litellm) {
    head = litellm[0];
    rest = rest.slice(head.length);
  }
  if (rest.startsWith('arn:')) {
    const arn = ARN.exec(rest);
    if (!arn) return null;
    arnRegion = arn[1] || null;
    arnKind = arn[3]!;
    head += arn[0];
    rest = rest.slice(arn[0].length);
    if (arnKind === 'application-inference-profile') {
      return { raw: text, form: 'application-profile-arn', head, geo: null, modelId: '', provider: '', arnRegion };
    }
  }
  if (!ID_CHARS.test(rest)) return null;

  const dot = rest.indexOf('.');
  if (dot < 0) {
    if (!arnKind && !head && FIRST_PARTY.test(rest)) {
      return { raw: text, form: 'first-party', head, geo: null, modelId: rest, provider: 'anthropic', arnRegion };
    }
    return null;
  }
  const first = rest.slice(0, dot).toLowerCase();
  if (registry.providers.has(first)) {
    if (dot === rest.length - 1) return null;
    return {
      raw: text,
      form: arnKind === 'inference-profile' ? 'inference-profile-arn' : arnKind ? 'foundation-model-arn' : 'bare',
      head,
      geo: null,
      modelId: rest,
      provider: first,
      arnRegion,
    };
  }
  const dot2 = rest.indexOf('.', dot + 1);
  if (dot2 < 0 || dot2 === rest.length - 1) return null;
  const second = rest.slice(dot + 1, dot2).toLowerCase();
  if (!registry.providers.has(second) || dot === 0) return null;
  if (arnKind === 'foundation-model') return null;
  return {
    raw: text,
    form: arnKind === 'inference-profile' ? 'inference-profile-arn' : 'profile',
    head,
    geo: rest.slice(0, dot),
    modelId: rest.slice(dot + 1),
    provider: second,
    arnRegion,
  };
}

/** The string a rewrite produces: the ref's head, then the new ID. */
export function rewrite(ref: ModelRef, id: string): string {
  return ref.head + id;
}
