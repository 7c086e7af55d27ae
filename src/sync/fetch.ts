/**
 * Fetch: reads `ListFoundationModels` and `ListInferenceProfiles` (type SYSTEM_DEFINED, through the
 * SDK's paginator) in each region with the AWS SDK's own credential chain, retries (standard mode)
 * and request timeouts, a bounded number of regions at a time. The answers are reduced at once to
 * what a snapshot may hold: IDs, regions, open enum strings and dates. No ARN, account ID or
 * application profile leaves this module.
 */
import {
  BedrockClient,
  ListFoundationModelsCommand,
  paginateListInferenceProfiles,
  type BedrockClientConfig,
  type FoundationModelSummary,
  type InferenceProfileSummary,
} from '@aws-sdk/client-bedrock';
import { setMaxListeners } from 'node:events';
import type { Lifecycle } from '../registry/schema.js';
import { isoDay } from '../util/day.js';
import { scrub } from './safety.js';

/** A foundation model as one region lists it. */
export interface ApiModel {
  readonly id: string;
  readonly name: string | null;
  readonly provider: string | null;
  readonly inputModalities: readonly string[] | null;
  readonly outputModalities: readonly string[] | null;
  /** null when the API leaves `responseStreamingSupported` out. */
  readonly streaming: boolean | null;
  /** `inferenceTypesSupported`, open strings (INFERENCE_PROFILE is not in the SDK's enum). */
  readonly inferenceTypes: readonly string[];
  /** Status and only the dates the API gives. */
  readonly lifecycle: Lifecycle | null;
}

/** A system-defined inference profile as one region lists it: its ID and regions only. */
export interface ApiProfile {
  readonly id: string;
  /** The foundation-model IDs of its model ARNs. */
  readonly modelIds: readonly string[];
  /** The regions of its model ARNs. */
  readonly destinationRegions: readonly string[];
}

export interface RegionListing {
  readonly region: string;
  readonly models: readonly ApiModel[];
  readonly profiles: readonly ApiProfile[];
}

export interface RegionFailure {
  readonly region: string;
  /** What went wrong, fit to print (account IDs scrubbed). */
  readonly cause: string;
  /** True when no region can work either (no credentials at all). */
  readonly everywhere: boolean;
}

export interface FetchOptions {
  /** Endpoint override for every region (else the SDK's: AWS_ENDPOINT_URL_BEDROCK, or AWS's). */
  readonly endpoint?: string | undefined;
  /** A profile of the shared AWS config files (else the SDK's default chain, AWS_PROFILE included). */
  readonly profile?: string | undefined;
  /** Credentials to use instead of the SDK's default chain (benchmarks, embedding programs). */
  readonly credentials?: BedrockClientConfig['credentials'];
  /** Regions fetched at once. */
  readonly concurrency: number;
  /** `maxResults` of each ListInferenceProfiles page. */
  readonly pageSize: number;
  /** Connection and request timeout of each HTTP request, in milliseconds. */
  readonly requestTimeoutMs: number;
  /** Attempts per request, the first included (SDK standard retry mode). */
  readonly maxAttempts: number;
  /** Stop every other region at the first failure (the result is thrown away anyway). */
  readonly stopOnFailure: boolean;
}

export interface FetchEvents {
  start?(region: string): void;
  done?(listing: RegionListing): void;
  fail?(failure: RegionFailure): void;
}

export interface FetchResult {
  readonly listings: readonly RegionListing[];
  readonly failures: readonly RegionFailure[];
}

/** Fetches every region; never throws for a region's failure, it reports it in `failures`. */
export async function fetchRegions(
  regions: readonly string[],
  options: FetchOptions,
  events: FetchEvents = {},
): Promise<FetchResult> {
  const listings: RegionListing[] = [];
  const failures: RegionFailure[] = [];
  const abort = new AbortController();
  // Every request in flight listens to the one signal: no leak, however many regions run at once.
  setMaxListeners(0, abort.signal);
  const shared = { ...options, credentials: options.credentials ?? defaultCredentials(regions[0], options) };
  const queue = [...regions];
  const worker = async (): Promise<void> => {
    for (let region = queue.shift(); region !== undefined && !abort.signal.aborted; region = queue.shift()) {
      events.start?.(region);
      try {
        const listing = await fetchRegion(region, shared, abort.signal);
        listings.push(listing);
        events.done?.(listing);
      } catch (error) {
        if (abort.signal.aborted) return;
        const everywhere = (error as { name?: string } | null)?.name === 'CredentialsProviderError';
        const failure = { region, cause: describeFailure(error), everywhere };
        failures.push(failure);
        events.fail?.(failure);
        if (options.stopOnFailure) abort.abort();
      }
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency, regions.length));
  await Promise.all(Array.from({ length: workers }, worker));
  const byRegion = (a: { region: string }, b: { region: string }): number => (a.region < b.region ? -1 : 1);
  return { listings: listings.sort(byRegion), failures: failures.sort(byRegion) };
}

/**
 * The SDK's default credential chain (or the named profile), as a client of the first region
 * resolves it, shared by the clients of every region: the chain (files, SSO, instance metadata)
 * is walked once, not once per region. The provider is memoized by the SDK and refreshes itself.
 */
function defaultCredentials(region: string | undefined, options: FetchOptions): BedrockClientConfig['credentials'] {
  if (region === undefined) return undefined;
  const client = new BedrockClient({ region, ...(options.profile ? { profile: options.profile } : {}) });
  const credentials = client.config.credentials;
  client.destroy();
  return credentials;
}

async function fetchRegion(region: string, options: FetchOptions, abortSignal: AbortSignal): Promise<RegionListing> {
  const client = new BedrockClient({
    region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    retryMode: 'standard',
    maxAttempts: options.maxAttempts,
    requestHandler: {
      connectionTimeout: options.requestTimeoutMs,
      requestTimeout: options.requestTimeoutMs,
      throwOnRequestTimeout: true,
    },
  });
  try {
    const [models, profiles] = await Promise.all([
      client.send(new ListFoundationModelsCommand({}), { abortSignal }),
      (async () => {
        const summaries: InferenceProfileSummary[] = [];
        const pages = paginateListInferenceProfiles(
          { client, pageSize: options.pageSize, stopOnSameToken: true },
          { typeEquals: 'SYSTEM_DEFINED' },
          { abortSignal },
        );
        for await (const page of pages) summaries.push(...(page.inferenceProfileSummaries ?? []));
        return summaries;
      })(),
    ]);
    return {
      region,
      models: (models.modelSummaries ?? []).flatMap((m) => (m.modelId ? [toApiModel(m)] : [])),
      profiles: profiles.flatMap((p) => toApiProfile(p) ?? []),
    };
  } finally {
    client.destroy();
  }
}

const strings = (list: readonly (string | undefined)[] | undefined): string[] | null =>
  list ? list.filter((s): s is string => typeof s === 'string' && s.length > 0) : null;

/** A timestamp (a Date from the SDK; a string from older builds) as YYYY-MM-DD in UTC. */
function dayOf(value: Date | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : isoDay(date);
}

function toApiModel(m: FoundationModelSummary): ApiModel {
  const life = m.modelLifecycle as
    | { status?: string; startOfLifeTime?: Date | string; legacyTime?: Date | string; publicExtendedAccessTime?: Date | string; endOfLifeTime?: Date | string }
    | undefined;
  let lifecycle: Lifecycle | null = null;
  if (life) {
    const dates = {
      startOfLifeDate: dayOf(life.startOfLifeTime),
      legacyDate: dayOf(life.legacyTime),
      publicExtendedAccessDate: dayOf(life.publicExtendedAccessTime),
      eolDate: dayOf(life.endOfLifeTime),
    };
    lifecycle = { status: life.status || null };
    for (const [key, day] of Object.entries(dates)) if (day) lifecycle[key as keyof typeof dates] = day;
  }
  return {
    id: m.modelId!,
    name: m.modelName || null,
    provider: m.providerName || null,
    inputModalities: strings(m.inputModalities),
    outputModalities: strings(m.outputModalities),
    streaming: typeof m.responseStreamingSupported === 'boolean' ? m.responseStreamingSupported : null,
    inferenceTypes: strings(m.inferenceTypesSupported as string[] | undefined) ?? [],
    lifecycle,
  };
}

/** `arn:aws:bedrock:<region>:<account>:foundation-model/<id>` -> region (may be empty) and ID. */
const FOUNDATION_MODEL_ARN = /^arn:aws[a-z-]*:bedrock:([a-z0-9-]*):\d*:foundation-model\/(.+)$/;

/** Reduces a profile to its ID, model IDs and regions; null for anything but a system-defined profile. */
function toApiProfile(p: InferenceProfileSummary): ApiProfile | null {
  if (p.type !== 'SYSTEM_DEFINED' || !p.inferenceProfileId) return null;
  if (p.inferenceProfileArn?.includes(':application-inference-profile/')) return null;
  const modelIds = new Set<string>();
  const regions = new Set<string>();
  for (const { modelArn } of p.models ?? []) {
    const match = FOUNDATION_MODEL_ARN.exec(modelArn ?? '');
    if (!match) continue;
    if (match[1]) regions.add(match[1]);
    modelIds.add(match[2]!);
  }
  return { id: p.inferenceProfileId, modelIds: [...modelIds].sort(), destinationRegions: [...regions].sort() };
}

const AUTH_ERRORS = new Set([
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'ExpiredTokenException',
  'MissingAuthenticationTokenException',
  'InvalidClientTokenId',
]);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/** One line saying what failed and why, from an SDK or network error; account IDs scrubbed. */
export function describeFailure(error: unknown): string {
  const e = (error ?? {}) as {
    name?: string;
    message?: string;
    code?: string;
    $metadata?: { httpStatusCode?: number; attempts?: number };
  };
  const name = e.name ?? 'Error';
  const status = e.$metadata?.httpStatusCode;
  const code = e.code ?? '';
  let what: string;
  if (name === 'AccessDeniedException') {
    what = 'access denied; the credentials need bedrock:ListFoundationModels and bedrock:ListInferenceProfiles';
  } else if (AUTH_ERRORS.has(name)) {
    what = 'the credentials were not accepted in this region (is the region enabled for the account?)';
  } else if (name === 'CredentialsProviderError') {
    what = 'no AWS credentials found (AWS_PROFILE, --profile, SSO, environment or instance role)';
  } else if (name === 'TimeoutError' || name.startsWith('RequestTimeout') || code === 'ETIMEDOUT') {
    what = 'no answer within the request timeout';
  } else if (name === 'ThrottlingException' || status === 429) {
    what = 'throttled, and still throttled after the retries';
  } else if (name === 'SyntaxError' || /deserializ|JSON/i.test(e.message ?? '')) {
    what = 'the answer was not valid JSON';
  } else if (status !== undefined && status >= 500) {
    what = 'server error, and still failing after the retries';
  } else if (NETWORK_CODES.has(code)) {
    what = 'network error';
  } else {
    what = 'request failed';
  }
  const details = [name, status ? `HTTP ${status}` : '', code && code !== name ? code : ''].filter(Boolean).join(', ');
  const attempts = (e.$metadata?.attempts ?? 0) > 1 ? `, ${e.$metadata!.attempts} attempts` : '';
  const message = (e.message ?? '').split('\n')[0]!.trim().replace(/\.$/, '');
  return scrub(`${what} (${details}${attempts})${message ? `: ${message}` : ''}`);
}
