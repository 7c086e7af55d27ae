/**
 * Why a region could not be refreshed, in one printable line (scrubbed: AWS messages quote ARNs,
 * some echo request headers), and the summary of many failures in one short message: regions that
 * failed alike are named together, so 32 regions offline make one line, not 32 stack-free essays.
 */
import { scrub } from '../util/scrub.js';

export interface RegionFailure {
  readonly region: string;
  /** What went wrong, fit to print (scrubbed, one line, bounded). */
  readonly cause: string;
  /** The kind of failure without the server's words: regions that failed alike share it. */
  readonly kind: string;
  /** True when no region can work either (no credentials at all). */
  readonly everywhere: boolean;
  /** True when nothing answered: a network error or a timeout. */
  readonly unreachable: boolean;
}

/** An answer a sync cannot use (no list, endless pagination): the region fails with this message. */
export class ListingError extends Error {
  override name = 'ListingError';
}

/** Why a region was stopped before it finished: the overall deadline. */
export class DeadlineError extends Error {
  override name = 'DeadlineError';
}

const AUTH_ERRORS = new Set([
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'ExpiredTokenException',
  'MissingAuthenticationTokenException',
  'InvalidClientTokenId',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
]);

/** The longest server message quoted in a cause. */
const MAX_MESSAGE = 200;

type FailureText = Omit<RegionFailure, 'region'>;

/** Classifies an SDK, network or listing error. */
export function classifyFailure(error: unknown): FailureText {
  const e = (error ?? {}) as {
    name?: string;
    message?: string;
    code?: string;
    $metadata?: { httpStatusCode?: number; attempts?: number };
  };
  const name = e.name ?? 'Error';
  const message = oneLine(e.message ?? '');
  if (error instanceof ListingError || error instanceof DeadlineError) {
    return { kind: message, cause: message, everywhere: false, unreachable: false };
  }
  const status = e.$metadata?.httpStatusCode;
  const code = e.code ?? '';
  let what: string;
  let unreachable = false;
  if (name === 'AccessDeniedException') {
    what = 'access denied; the credentials need bedrock:ListFoundationModels and bedrock:ListInferenceProfiles';
  } else if (AUTH_ERRORS.has(name)) {
    what = 'the credentials were not accepted in this region (is the region enabled for the account?)';
  } else if (name === 'CredentialsProviderError') {
    what = 'no AWS credentials found (AWS_PROFILE, --profile, SSO, environment or instance role)';
  } else if (name === 'TimeoutError' || name.startsWith('RequestTimeout') || code === 'ETIMEDOUT') {
    what = 'timed out (--timeout)';
    unreachable = true;
  } else if (name === 'ThrottlingException' || status === 429) {
    what = 'throttled, and still throttled after the retries';
  } else if (name === 'ResponseTooLarge') {
    what = 'the answer was too large';
  } else if (name === 'SyntaxError' || /deserializ|JSON/i.test(message)) {
    what = 'the answer was not valid JSON';
  } else if (status !== undefined && status >= 500) {
    what = 'server error, and still failing after the retries';
  } else if (NETWORK_CODES.has(code)) {
    what = 'network error';
    unreachable = status === undefined;
  } else {
    what = 'request failed';
  }
  const details = [name, status ? `HTTP ${status}` : '', code && code !== name ? code : ''].filter(Boolean).join(', ');
  const attempts = (e.$metadata?.attempts ?? 0) > 1 ? `, ${e.$metadata!.attempts} attempts` : '';
  const kind = scrub(`${what} (${details})`);
  return {
    kind,
    cause: scrub(`${what} (${details}${attempts})${message ? `: ${message}` : ''}`),
    everywhere: name === 'CredentialsProviderError',
    unreachable,
  };
}

/** One line saying what failed and why, from an SDK or network error; account data scrubbed. */
export const describeFailure = (error: unknown): string => classifyFailure(error).cause;

/** The first line of a message, scrubbed, without a final period, at most MAX_MESSAGE characters. */
function oneLine(text: string): string {
  const line = scrub((text.split(/\r?\n/, 1)[0] ?? '').trim()).replace(/\.$/, '');
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE - 1)}…` : line;
}

/** `a, b, c and 2 more`: region names, the first few. */
export function regionList(regions: readonly string[], shown = 4): string {
  if (regions.length <= shown) return regions.join(', ');
  return `${regions.slice(0, shown).join(', ')} and ${regions.length - shown} more`;
}

/**
 * `eu-west-1: access denied (...): <message>` for one failure; regions that failed alike share one
 * entry: `us-east-1, us-west-2 and 30 more: network error (...): <message of the first>`.
 */
export function failureSummary(failures: readonly RegionFailure[]): string {
  const byKind = new Map<string, RegionFailure[]>();
  for (const failure of failures) {
    const group = byKind.get(failure.kind);
    if (group) group.push(failure);
    else byKind.set(failure.kind, [failure]);
  }
  return [...byKind.values()].map((group) => `${regionList(group.map((f) => f.region))}: ${group[0]!.cause}`).join('; ');
}
