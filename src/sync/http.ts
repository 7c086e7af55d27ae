/**
 * Bounds on the HTTP exchanges of a sync. The SDK's `requestTimeout` is an idle timeout: a server
 * that trickles one byte a second never trips it, and nothing limits how much an answer holds.
 * Here every attempt (connection, headers and the complete body) must end within a deadline and
 * under a size cap, and a whole call, retries and backoff included, ends at once when the sync
 * stops (a failure elsewhere, the overall deadline).
 */
import type { BedrockClient } from '@aws-sdk/client-bedrock';
import { lookup } from 'node:dns/promises';

/** What sync needs of the SDK's HTTP handler (NodeHttpHandler): its public interface. */
interface HttpHandler {
  handle(request: unknown, options?: { abortSignal?: AbortSignal; [option: string]: unknown }): Promise<{ response: { body?: unknown } }>;
  destroy?(): void;
  updateHttpClientConfig?(key: never, value: never): void;
  httpHandlerConfigs?(): unknown;
  metadata?: unknown;
}

export interface AttemptLimits {
  /** The longest one attempt may take, from connecting to the last byte of the answer. */
  readonly timeoutMs: number;
  /** The largest answer body accepted. */
  readonly maxBytes: number;
  /** Awaited before each attempt with the host it goes to; a rejection fails the attempt (`firstLookup`). */
  readonly gate?: ((hostname: string) => Promise<void>) | undefined;
}

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(3))} s`;

/** A whole attempt took too long: named as the SDK names its own timeouts, so it is retried like one. */
const timeoutError = (ms: number): Error =>
  Object.assign(new Error(`no complete answer within ${seconds(ms)}`), { name: 'TimeoutError' });

/** Reads a response body to its end, or fails when the signal aborts or the body grows past `maxBytes`. */
async function readBody(body: unknown, signal: AbortSignal, maxBytes: number): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array();
  if (body instanceof Uint8Array) return body;
  const stream = body as NodeJS.ReadableStream & { destroy(error?: Error): void };
  const onAbort = (): void => stream.destroy(signal.reason as Error);
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array);
      size += bytes.byteLength;
      if (size > maxBytes) {
        const error = Object.assign(new Error(`the answer is larger than ${maxBytes} bytes`), { name: 'ResponseTooLarge' });
        stream.destroy(error);
        throw error;
      }
      chunks.push(bytes);
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}

/** An abort controller that also aborts with `parent`; `release` stops listening to the parent. */
export function abortWith(parent: AbortSignal | undefined): AbortController & { release(): void } {
  const child = Object.assign(new AbortController(), { release: () => {} });
  if (!parent) return child;
  if (parent.aborted) {
    child.abort(parent.reason);
    return child;
  }
  const follow = (): void => child.abort(parent.reason);
  parent.addEventListener('abort', follow, { once: true });
  child.release = () => parent.removeEventListener('abort', follow);
  return child;
}

/**
 * Makes every attempt of `client` end within `limits.timeoutMs` (the complete answer read, not a
 * stream handed on) and refuse bodies over `limits.maxBytes`. Wraps the request handler the SDK
 * built from the client's options, before the first request; the SDK reads it at each send.
 */
export function boundAttempts(client: BedrockClient, limits: AttemptLimits): void {
  const inner = client.config.requestHandler as unknown as HttpHandler;
  const handle: HttpHandler['handle'] = async (request, options = {}) => {
    const outer = options.abortSignal;
    const attempt = abortWith(outer);
    const timer = setTimeout(() => attempt.abort(timeoutError(limits.timeoutMs)), limits.timeoutMs);
    try {
      const { hostname } = request as { hostname?: string };
      if (limits.gate && hostname) await untilAborted(limits.gate(hostname), attempt.signal);
      const handled = await inner.handle(request, { ...options, abortSignal: attempt.signal });
      handled.response.body = await readBody(handled.response.body, attempt.signal, limits.maxBytes);
      return handled;
    } catch (error) {
      if (attempt.signal.aborted && !outer?.aborted) throw attempt.signal.reason;
      throw error;
    } finally {
      clearTimeout(timer);
      attempt.release();
    }
  };
  const bounded: HttpHandler = {
    handle,
    destroy: () => inner.destroy?.(),
    updateHttpClientConfig: (key, value) => inner.updateHttpClientConfig?.(key, value),
    httpHandlerConfigs: () => inner.httpHandlerConfigs?.() ?? {},
    ...(inner.metadata ? { metadata: inner.metadata } : {}),
  };
  client.config.requestHandler = bounded as unknown as typeof client.config.requestHandler;
}

/**
 * `promise`, or the signal's reason as soon as it aborts: the SDK checks the signal only between
 * attempts, so a call in its retry backoff would otherwise outlive a stopped sync by seconds.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(signal.reason as Error);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * A gate that looks up the host of the first request, once, before any request goes out, and
 * lets every request through when it resolves. Offline, dozens of regions looking up their hosts
 * at once queue behind the resolver (four lookups at a time in Node's thread pool, each waiting
 * for its timeout) and the sync takes most of a minute to learn that nothing can answer, then
 * waits for the lookups to end; one lookup learns it at once. Every region's endpoint exists in
 * DNS (rules-data/regions.json lists only those), so a host that does not resolve means the
 * network's name service is down or unreachable. A new error per attempt: the SDK writes its
 * retry count onto the error it is given.
 */
export function firstLookup(): (hostname: string) => Promise<void> {
  let first: { host: string; done: Promise<unknown> } | undefined;
  return async (hostname) => {
    first ??= { host: hostname, done: lookup(hostname.replace(/^\[(.*)\]$/, '$1')) };
    try {
      await first.done;
    } catch (error) {
      const { code } = error as NodeJS.ErrnoException;
      throw Object.assign(new Error(`the name lookup of ${first.host} failed${code ? ` (${code})` : ''}; no request was sent`), { code });
    }
  };
}
