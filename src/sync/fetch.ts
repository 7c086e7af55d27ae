/**
 * Fetch: reads `ListFoundationModels` and `ListInferenceProfiles` (type SYSTEM_DEFINED) in each
 * region with the AWS SDK's own credential chain and retries (standard mode), a bounded number of
 * regions at a time. The answers are reduced at once to what a snapshot may hold: IDs, regions,
 * open enum strings and dates. No ARN, account ID or application profile leaves this module.
 *
 * Everything is bounded: each attempt by a whole-request deadline and a size cap (./http.ts), each
 * profile listing by a page cap and a check that no `nextToken` comes back twice, the whole fetch
 * by an overall deadline. An answer without its list fails its region rather than reading as
 * "this region lists nothing". When nothing answers (offline, a closed port, no credentials) the
 * fetch stops after the first few failures instead of retrying every region, and offline the
 * regions learn it from one name lookup instead of dozens at once (./http.ts, `firstLookup`).
 */
import {
  BedrockClient,
  ListFoundationModelsCommand,
  ListInferenceProfilesCommand,
  type BedrockClientConfig,
  type FoundationModelSummary,
  type InferenceProfileSummary,
} from '@aws-sdk/client-bedrock';
import { setMaxListeners } from 'node:events';
import type { Lifecycle } from '../registry/schema.js';
import { isoDay } from '../util/day.js';
import { classifyFailure, DeadlineError, ListingError, type RegionFailure } from './failure.js';
import { abortWith, boundAttempts, firstLookup, untilAborted, type AttemptLimits } from './http.js';
import { withoutNodeVersionNotice } from './node-notice.js';

export { describeFailure, type RegionFailure } from './failure.js';

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
  /** Pages of one profile listing at most; a listing that goes on fails its region. */
  readonly maxPages: number;
  /** The longest one HTTP attempt may take, connection and complete answer included, in milliseconds. */
  readonly requestTimeoutMs: number;
  /** The largest answer body accepted, in bytes. */
  readonly maxResponseBytes: number;
  /** The whole fetch stops after this many milliseconds; unfinished regions fail. */
  readonly deadlineMs: number;
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
  /**
   * Why the fetch stopped early, if it did. `nothing-answered`: the first failures came before any
   * region answered (offline, no credentials, a closed port), so the other regions were not tried
   * and are not in `failures`. `deadline`: the overall deadline passed; every unfinished region is
   * in `failures` with that cause.
   */
  readonly stopped: 'nothing-answered' | 'deadline' | null;
}

/**
 * Regions that could not reach the service (network error, timeout), with none answering yet,
 * after which the fetch gives up: one would be a region's own trouble, three are the network's.
 */
const UNREACHABLE_STRIKES = 3;

/** Fetches every region; never throws for a region's failure, it reports it in `failures`. */
export async function fetchRegions(
  regions: readonly string[],
  options: FetchOptions,
  events: FetchEvents = {},
): Promise<FetchResult> {
  const listings: RegionListing[] = [];
  const failures: RegionFailure[] = [];
  const stop = new AbortController();
  // Every request in flight listens to the one signal: no leak, however many regions run at once.
  setMaxListeners(0, stop.signal);
  const deadline = new DeadlineError(`stopped at the sync deadline of ${Number((options.deadlineMs / 1000).toFixed(3))} s (--deadline)`);
  const timer = setTimeout(() => stop.abort(deadline), options.deadlineMs);
  let stopped: FetchResult['stopped'] = null;
  const shared = {
    ...options,
    credentials: options.credentials ?? defaultCredentials(regions[0], options),
    gate: firstLookup(),
  };
  const queue = [...regions];
  const workers = Math.max(1, Math.min(options.concurrency, regions.length));
  const strikes = Math.min(UNREACHABLE_STRIKES, regions.length);

  const fail = (region: string, error: unknown): void => {
    const failure = { region, ...classifyFailure(error) };
    failures.push(failure);
    events.fail?.(failure);
    if (stop.signal.aborted) return;
    // Nothing has answered yet and nothing can (no network, no credentials): stop instead of
    // retrying every region. When the first failure ends the sync anyway, one unreachable region
    // is enough (it changes only what the message says).
    const unreachable = failures.filter((f) => f.unreachable).length;
    const enough = options.stopOnFailure ? 1 : strikes;
    if (!listings.length && (failure.everywhere || (failure.unreachable && unreachable >= enough))) {
      stopped = 'nothing-answered';
      stop.abort(new Error('nothing answers'));
    } else if (options.stopOnFailure) {
      stop.abort(new Error('a region failed'));
    }
  };
  const worker = async (): Promise<void> => {
    for (let region = queue.shift(); region !== undefined; region = queue.shift()) {
      if (stop.signal.aborted) {
        if (stop.signal.reason === deadline) fail(region, deadline);
        continue;
      }
      events.start?.(region);
      try {
        const listing = await fetchRegion(region, shared, stop.signal);
        listings.push(listing);
        events.done?.(listing);
      } catch (error) {
        if (stop.signal.reason === deadline) fail(region, deadline);
        else if (!stop.signal.aborted) fail(region, error);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    clearTimeout(timer);
  }
  if (stop.signal.reason === deadline) stopped = 'deadline';
  const byRegion = (a: { region: string }, b: { region: string }): number => (a.region < b.region ? -1 : 1);
  return { listings: listings.sort(byRegion), failures: failures.sort(byRegion), stopped };
}

/** A client of the SDK, made without its Node-version notice (./node-notice.ts). */
const newClient = (config: BedrockClientConfig): BedrockClient => withoutNodeVersionNotice(() => new BedrockClient(config));

/**
 * The SDK's default credential chain (or the named profile), as a client of the first region
 * resolves it, shared by the clients of every region: the chain (files, SSO, instance metadata)
 * is walked once, not once per region. The provider is memoized by the SDK and refreshes itself.
 */
function defaultCredentials(region: string | undefined, options: FetchOptions): BedrockClientConfig['credentials'] {
  if (region === undefined) return undefined;
  const client = newClient({ region, ...(options.profile ? { profile: options.profile } : {}) });
  const credentials = client.config.credentials;
  client.destroy();
  return credentials;
}

async function fetchRegion(region: string, options: FetchOptions & Pick<AttemptLimits, 'gate'>, stop: AbortSignal): Promise<RegionListing> {
  const client = newClient({
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
  boundAttempts(client, { timeoutMs: options.requestTimeoutMs, maxBytes: options.maxResponseBytes, gate: options.gate });
  // The first of the two listings to fail stops the other: the region has failed either way.
  const failed = abortWith(stop);
  const orStop = <T>(listing: Promise<T>): Promise<T> =>
    listing.catch((error: unknown) => {
      failed.abort(error);
      throw error;
    });
  try {
    const [models, profiles] = await Promise.all([
      orStop(listModels(client, failed.signal)),
      orStop(listProfiles(client, options, failed.signal)),
    ]);
    return { region, models, profiles };
  } finally {
    failed.release();
    client.destroy();
  }
}

async function listModels(client: BedrockClient, stop: AbortSignal): Promise<ApiModel[]> {
  const answer = await untilAborted(client.send(new ListFoundationModelsCommand({}), { abortSignal: stop }), stop);
  if (!Array.isArray(answer.modelSummaries)) {
    throw new ListingError('the ListFoundationModels answer has no modelSummaries list');
  }
  return answer.modelSummaries.flatMap((m) => (m.modelId ? [toApiModel(m)] : []));
}

/**
 * The system-defined profiles, page by page: each page must carry its list, no `nextToken` may
 * come back (the SDK's paginator would loop forever, or with stopOnSameToken end quietly with
 * what it has), and the listing must end within `maxPages` pages.
 */
async function listProfiles(client: BedrockClient, options: FetchOptions, stop: AbortSignal): Promise<ApiProfile[]> {
  const profiles: ApiProfile[] = [];
  const tokens = new Set<string>();
  let nextToken: string | undefined;
  for (let page = 1; ; page += 1) {
    const command = new ListInferenceProfilesCommand({ typeEquals: 'SYSTEM_DEFINED', maxResults: options.pageSize, nextToken });
    const answer = await untilAborted(client.send(command, { abortSignal: stop }), stop);
    if (!Array.isArray(answer.inferenceProfileSummaries)) {
      throw new ListingError(`page ${page} of the ListInferenceProfiles answer has no inferenceProfileSummaries list`);
    }
    for (const summary of answer.inferenceProfileSummaries) {
      const profile = toApiProfile(summary);
      if (profile) profiles.push(profile);
    }
    nextToken = answer.nextToken || undefined;
    if (nextToken === undefined) return profiles;
    if (tokens.has(nextToken)) {
      throw new ListingError(`ListInferenceProfiles gave a nextToken it had given before (page ${page}); the listing would never end`);
    }
    if (page >= options.maxPages) {
      throw new ListingError(`ListInferenceProfiles did not end within ${options.maxPages} pages`);
    }
    tokens.add(nextToken);
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
