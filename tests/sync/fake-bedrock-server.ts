/**
 * A loopback fake of the Amazon Bedrock control plane, written from
 * ../shared/reference/bedrock-control-plane-api.md, for the real `BedrockClient` pointed at it by
 * an endpoint override. It speaks restJson1 for the two calls a sync makes:
 *
 * - `GET /foundation-models` (ListFoundationModels, not paginated) -> `{ modelSummaries }`
 * - `GET /inference-profiles?maxResults&nextToken&type` (ListInferenceProfiles) ->
 *   `{ inferenceProfileSummaries, nextToken? }`; no `type` means SYSTEM_DEFINED only, as live.
 *
 * The region comes from the SigV4 credential scope (or a `/<region>` path prefix). A region the
 * fake has no data for answers UnrecognizedClientException, as a region not enabled for the
 * account does. Errors use the `x-amzn-ErrorType` header plus a JSON `{ message }` body. ARNs
 * carry the documented fake account 111122223333, so tests can prove a sync strips it.
 *
 * Scriptable: injected latency, a page-size cap, and faults for the first N matching requests or
 * all of them: throttling, 500/503, AccessDenied, UnrecognizedClient, malformed JSON, a hang, an
 * answer without its list (`{}`), pagination that never ends (a fresh, the same, or alternating
 * `nextToken`s), an answer trickled a byte at a time, and an error that echoes the request
 * headers (session token included), as some proxies and misrouted endpoints do.
 * Used by the sync tests and reusable by benchmarks (`syntheticRegions` makes bulk data).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_ACCOUNT_ID = '111122223333';

export type FakeOperation = 'ListFoundationModels' | 'ListInferenceProfiles';

export interface FakeLifecycle {
  status: string;
  /** RFC 3339 strings, as the wire carries them. */
  startOfLifeTime?: string;
  legacyTime?: string;
  publicExtendedAccessTime?: string;
  endOfLifeTime?: string;
}

/** A foundation model as ListFoundationModels returns it in one region (the ARN is made up). */
export interface FakeModel {
  modelId: string;
  modelName?: string;
  providerName?: string;
  inputModalities?: string[];
  outputModalities?: string[];
  /** Left out of the answer when undefined, as for many image and embedding models. */
  responseStreamingSupported?: boolean;
  customizationsSupported?: string[];
  /** Open strings: INFERENCE_PROFILE is what the live service sends for profile-only models. */
  inferenceTypesSupported: string[];
  modelLifecycle?: FakeLifecycle;
}

/** An inference profile listed in one region; its model ARNs are one per destination region. */
export interface FakeProfile {
  inferenceProfileId: string;
  modelId: string;
  destinationRegions: string[];
  inferenceProfileName?: string;
  description?: string;
  /** Default SYSTEM_DEFINED. APPLICATION profiles get an account-scoped application ARN. */
  type?: 'SYSTEM_DEFINED' | 'APPLICATION';
}

export interface FakeRegion {
  models: FakeModel[];
  profiles: FakeProfile[];
}

export type FakeFaultKind =
  | 'throttle'
  | 'internal'
  | 'unavailable'
  | 'access-denied'
  | 'unrecognized-client'
  | 'malformed-json'
  | 'hang'
  /** 200 with `{}`: no modelSummaries / inferenceProfileSummaries at all. */
  | 'empty-answer'
  /** ListInferenceProfiles: a full page and a new nextToken, every time. */
  | 'endless-pages'
  /** ListInferenceProfiles: a page and the same nextToken, every time. */
  | 'repeat-token'
  /** ListInferenceProfiles: a page and nextToken `a`, `b`, `a`, `b`, ... */
  | 'cycle-tokens'
  /** A correct answer, its body sent one byte every `trickleMs`. */
  | 'trickle'
  /** 400 ValidationException whose message quotes the request's headers. */
  | 'echo-headers';

export interface FakeFault {
  kind: FakeFaultKind;
  /** Only requests for this region (default: any). */
  region?: string;
  /** Only requests of this operation (default: any). */
  operation?: FakeOperation;
  /** How many matching requests fail (default: every one). */
  count?: number;
}

export interface FakeBedrockOptions {
  /** Region name -> what the region lists. Mutable between requests through `fake.regions`. */
  regions: Record<string, FakeRegion>;
  /** Delay before every answer, in milliseconds. */
  latencyMs?: number;
  /** Page size when the request has no maxResults (the live default is undocumented). */
  defaultPageSize?: number;
  /** Largest page the fake returns whatever maxResults asks (forces pagination). */
  maxPageSize?: number;
  faults?: FakeFault[];
  /** Return APPLICATION profiles whatever `type` asks (to prove a client drops them itself). */
  ignoreTypeFilter?: boolean;
  accountId?: string;
  /** Milliseconds between the bytes of a `trickle` answer (default 50). */
  trickleMs?: number;
}

export interface FakeRequest {
  operation: FakeOperation | null;
  region: string | null;
  path: string;
  query: Record<string, string>;
  /** From `amz-sdk-request: attempt=N; max=M`. */
  attempt: number | null;
  /** From the SigV4 credential scope. */
  accessKeyId: string | null;
  status: number;
}

export interface FakeBedrock {
  /** `http://127.0.0.1:<port>`, for `endpoint` / `--endpoint-url` / AWS_ENDPOINT_URL_BEDROCK. */
  readonly url: string;
  readonly port: number;
  readonly regions: Record<string, FakeRegion>;
  /** Live list: replace or push to change the faults of later requests. */
  faults: FakeFault[];
  /** Every request received, in order. */
  readonly requests: FakeRequest[];
  /** Most requests that were in progress at once. */
  readonly maxInFlight: number;
  close(): Promise<void>;
}

const CORAL = ':http://internal.amazon.com/coral/com.amazon.bedrock/';
const REGION_NAME = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const SCOPE = /Credential=([^/,\s]+)\/\d{8}\/([a-z0-9-]+)\/bedrock\/aws4_request/;

type ErrorFault = 'throttle' | 'internal' | 'unavailable' | 'access-denied' | 'unrecognized-client';

const ERRORS: Record<ErrorFault, [number, string, string]> = {
  throttle: [429, 'ThrottlingException', 'Too many requests, please wait before trying again.'],
  internal: [500, 'InternalServerException', 'Internal server error'],
  unavailable: [503, 'ServiceUnavailableException', 'Service unavailable, please try again.'],
  'access-denied': [403, 'AccessDeniedException', ''],
  'unrecognized-client': [403, 'UnrecognizedClientException', 'The security token included in the request is invalid.'],
};

function sendJson(res: ServerResponse, status: number, body: unknown, errorType?: string): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
    ...(errorType ? { 'x-amzn-ErrorType': `${errorType}${CORAL}` } : {}),
  });
  res.end(text);
}

const sendError = (res: ServerResponse, status: number, type: string, message: string): void =>
  sendJson(res, status, { message }, type);

function modelSummary(region: string, model: FakeModel): Record<string, unknown> {
  return { modelArn: `arn:aws:bedrock:${region}::foundation-model/${model.modelId}`, customizationsSupported: [], ...model };
}

function profileSummary(region: string, account: string, profile: FakeProfile): Record<string, unknown> {
  const type = profile.type ?? 'SYSTEM_DEFINED';
  const kind = type === 'APPLICATION' ? 'application-inference-profile' : 'inference-profile';
  return {
    inferenceProfileName: profile.inferenceProfileName ?? profile.inferenceProfileId.slice(0, 64),
    ...(profile.description ? { description: profile.description } : {}),
    createdAt: '2025-05-22T00:00:00Z',
    updatedAt: '2025-05-22T00:00:00Z',
    inferenceProfileArn: `arn:aws:bedrock:${region}:${account}:${kind}/${profile.inferenceProfileId}`,
    models: profile.destinationRegions.map((r) => ({ modelArn: `arn:aws:bedrock:${r}::foundation-model/${profile.modelId}` })),
    inferenceProfileId: profile.inferenceProfileId,
    status: 'ACTIVE',
    type,
  };
}

const encodeToken = (offset: number, type: string): string =>
  Buffer.from(JSON.stringify({ offset, type })).toString('base64url');

function decodeToken(token: string): { offset: number; type: string } | null {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset?: unknown; type?: unknown };
    return typeof value.offset === 'number' && typeof value.type === 'string' ? { offset: value.offset, type: value.type } : null;
  } catch {
    return null;
  }
}

const PAGING_FAULTS = new Set<FakeFaultKind>(['endless-pages', 'repeat-token', 'cycle-tokens']);

/** Sends a 200 JSON answer one byte at a time, `everyMs` apart, until done or the client goes away. */
function trickle(res: ServerResponse, text: string, everyMs: number): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), 'x-amzn-RequestId': randomUUID() });
  const bytes = Buffer.from(text);
  let at = 0;
  const timer = setInterval(() => {
    if (res.destroyed || at >= bytes.length) {
      clearInterval(timer);
      res.end();
      return;
    }
    res.write(bytes.subarray(at, at + 1));
    at += 1;
  }, everyMs);
  res.on('close', () => clearInterval(timer));
}

export async function startFakeBedrock(options: FakeBedrockOptions): Promise<FakeBedrock> {
  const account = options.accountId ?? FAKE_ACCOUNT_ID;
  let pages = 0;
  const requests: FakeRequest[] = [];
  const remaining = new Map<FakeFault, number>();

  const takeFault = (region: string | null, operation: FakeOperation): FakeFault | null => {
    for (const fault of fake.faults) {
      if ((fault.region && fault.region !== region) || (fault.operation && fault.operation !== operation)) continue;
      if (fault.count === undefined) return fault;
      const left = remaining.get(fault) ?? fault.count;
      if (left <= 0) continue;
      remaining.set(fault, left - 1);
      return fault;
    }
    return null;
  };

  const listProfiles = (res: ServerResponse, region: string, data: FakeRegion, query: Record<string, string>): number => {
    const type = query.type ?? 'SYSTEM_DEFINED';
    if (type !== 'SYSTEM_DEFINED' && type !== 'APPLICATION') {
      sendError(res, 400, 'ValidationException', `1 validation error detected: Value '${type}' at 'typeEquals' failed to satisfy constraint`);
      return 400;
    }
    let pageSize = options.defaultPageSize ?? 100;
    if (query.maxResults !== undefined) {
      pageSize = Number(query.maxResults);
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
        sendError(
          res,
          400,
          'ValidationException',
          `1 validation error detected: Value '${query.maxResults}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 1000`,
        );
        return 400;
      }
    }
    pageSize = Math.min(pageSize, options.maxPageSize ?? 1000);
    let offset = 0;
    if (query.nextToken !== undefined) {
      const token = decodeToken(query.nextToken);
      if (!token || token.type !== type) {
        sendError(res, 400, 'ValidationException', 'Invalid pagination token.');
        return 400;
      }
      offset = token.offset;
    }
    const all = data.profiles.filter(
      (p) => options.ignoreTypeFilter || (p.type ?? 'SYSTEM_DEFINED') === type,
    );
    const page = all.slice(offset, offset + pageSize).map((p) => profileSummary(region, account, p));
    const next = offset + pageSize < all.length ? { nextToken: encodeToken(offset + pageSize, type) } : {};
    sendJson(res, 200, { inferenceProfileSummaries: page, ...next });
    return 200;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const [rawPath = '/', rawQuery = ''] = (req.url ?? '/').split('?', 2);
    const query = Object.fromEntries(new URLSearchParams(rawQuery));
    const scope = SCOPE.exec(req.headers.authorization ?? '');
    let path = rawPath;
    let region = scope?.[2] ?? null;
    const prefix = /^\/([^/]+)(\/.*)$/.exec(rawPath);
    if (prefix && REGION_NAME.test(prefix[1]!)) {
      region ??= prefix[1]!;
      path = prefix[2]!;
    }
    const operation: FakeOperation | null =
      req.method === 'GET' && path === '/foundation-models'
        ? 'ListFoundationModels'
        : req.method === 'GET' && path === '/inference-profiles'
          ? 'ListInferenceProfiles'
          : null;
    const attempt = /attempt=(\d+)/.exec(String(req.headers['amz-sdk-request'] ?? ''))?.[1];
    const record: FakeRequest = {
      operation,
      region,
      path,
      query,
      attempt: attempt ? Number(attempt) : null,
      accessKeyId: scope?.[1] ?? null,
      status: 0,
    };
    requests.push(record);
    if (options.latencyMs) await new Promise((done) => setTimeout(done, options.latencyMs));

    if (!operation) {
      record.status = 404;
      return sendError(res, 404, 'UnknownOperationException', `No operation at ${req.method} ${path}`);
    }
    const fault = takeFault(region, operation);
    if (fault?.kind === 'hang') return; // never answers; close() ends the socket
    if (fault?.kind === 'malformed-json') {
      record.status = 200;
      res.writeHead(200, { 'Content-Type': 'application/json', 'x-amzn-RequestId': randomUUID() });
      res.end('{"modelSummaries": [{"modelId": "acme.');
      return;
    }
    if (fault?.kind === 'empty-answer') {
      record.status = 200;
      return sendJson(res, 200, {});
    }
    if (fault?.kind === 'echo-headers') {
      record.status = 400;
      const { 'x-amz-security-token': token, authorization } = req.headers;
      const echo = `x-amz-security-token: ${String(token)}; authorization: ${String(authorization)}; all headers: ${JSON.stringify(req.headers)}`;
      return sendError(res, 400, 'ValidationException', `Bad request; ${echo}`);
    }
    const data = region ? fake.regions[region] : undefined;
    if (fault && operation === 'ListInferenceProfiles' && PAGING_FAULTS.has(fault.kind) && region && data) {
      record.status = 200;
      pages += 1;
      const nextToken = fault.kind === 'endless-pages' ? `page-${pages}` : fault.kind === 'repeat-token' ? 'again' : query.nextToken === 'a' ? 'b' : 'a';
      const page = data.profiles.slice(0, Number(query.maxResults ?? 100)).map((p) => profileSummary(region, account, p));
      return sendJson(res, 200, { inferenceProfileSummaries: page, nextToken });
    }
    if (fault?.kind === 'trickle' && region && data) {
      record.status = 200;
      const body = operation === 'ListFoundationModels' ? { modelSummaries: data.models.map((m) => modelSummary(region, m)) } : { inferenceProfileSummaries: [] };
      return trickle(res, JSON.stringify(body), options.trickleMs ?? 50);
    }
    if (fault && fault.kind in ERRORS) {
      const [status, type, message] = ERRORS[fault.kind as ErrorFault];
      record.status = status;
      const text =
        message ||
        `User: arn:aws:iam::${account}:user/test is not authorized to perform: bedrock:${operation} ` +
          `because no identity-based policy allows the bedrock:${operation} action`;
      return sendError(res, status, type, text);
    }
    if (!region || !data) {
      record.status = 403;
      return sendError(res, 403, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
    }
    if (operation === 'ListFoundationModels') {
      record.status = 200;
      return sendJson(res, 200, { modelSummaries: data.models.map((m) => modelSummary(region, m)) });
    }
    record.status = listProfiles(res, region, data, query);
  };

  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req, res) => {
    req.resume();
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => (inFlight -= 1));
    handle(req, res).catch((error: unknown) => sendError(res, 500, 'InternalServerException', String(error)));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  const fake: FakeBedrock = {
    url: `http://127.0.0.1:${port}`,
    port,
    regions: options.regions,
    faults: options.faults ?? [],
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
  return fake;
}

/** Geography prefix of a region's profiles in synthetic data: us, eu, apac, ca, sa, me, af, il, mx. */
const geoOf = (region: string): string => (region.startsWith('ap-') ? 'apac' : region.slice(0, region.indexOf('-')));

/**
 * Bulk data for benchmarks: in every region `modelsPerRegion` models of a made-up provider, half
 * on demand, half profile-only with a geography profile (sources: the regions of that geography)
 * and a global profile.
 */
export function syntheticRegions(regionNames: readonly string[], modelsPerRegion = 40): Record<string, FakeRegion> {
  const regions: Record<string, FakeRegion> = {};
  for (const region of regionNames) {
    const geo = geoOf(region);
    const sameGeo = regionNames.filter((r) => geoOf(r) === geo);
    const models: FakeModel[] = [];
    const profiles: FakeProfile[] = [];
    for (let i = 0; i < modelsPerRegion; i += 1) {
      const modelId = `synthetic.model-${String(i).padStart(3, '0')}-v1:0`;
      const profileOnly = i % 2 === 1;
      models.push({
        modelId,
        modelName: `Synthetic ${i}`,
        providerName: 'Synthetic',
        inputModalities: ['TEXT'],
        outputModalities: ['TEXT'],
        responseStreamingSupported: true,
        inferenceTypesSupported: profileOnly ? ['INFERENCE_PROFILE'] : ['ON_DEMAND'],
        modelLifecycle: { status: 'ACTIVE', startOfLifeTime: '2025-01-01T00:00:00Z' },
      });
      if (profileOnly) {
        profiles.push({ inferenceProfileId: `${geo}.${modelId}`, modelId, destinationRegions: sameGeo });
        profiles.push({ inferenceProfileId: `global.${modelId}`, modelId, destinationRegions: [...regionNames] });
      }
    }
    regions[region] = { models, profiles };
  }
  return regions;
}
