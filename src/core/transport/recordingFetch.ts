import * as l10n from '@vscode/l10n';
import { causeChain, codeOf, messageOf } from '../causeChain';
import { isInsecureRemote } from '../urls';
import { ExchangeLog, type Exchange } from './exchange';
import type { NetworkRoute } from './networkRoute';

export interface RecordingFetchOptions {
  /** A body larger than this fails the request instead of filling memory. */
  maxBodyBytes: number;
  /** How much of the body to keep as text for the classifier and the evidence. */
  keepBytes: number;
  /** Same-origin redirects followed at most this many times. */
  maxRedirects: number;
  /**
   * The whole exchange, body included, must end within this many ms. (The SDK's own timeout stops
   * at the response headers, so a body that trickles forever would otherwise hang a check.)
   */
  deadlineMs?: number;
  /** The fetch underneath; the global one (which VS Code patches for proxies) unless the CLI's proxy agent or a test injects one. */
  baseFetch?: typeof fetch;
  /** Which way a request to this URL goes (direct or which proxy), recorded with each exchange. */
  routeOf?: (url: URL) => NetworkRoute;
}

export const DEFAULT_FETCH_OPTIONS: RecordingFetchOptions = {
  maxBodyBytes: 8 * 1024 * 1024,
  keepBytes: 64 * 1024,
  maxRedirects: 3,
};

/** Thrown instead of sending a token over plain http to a host that is not this machine. */
export class InsecureTransportError extends Error {
  readonly code = 'DOCTOR_INSECURE_HTTP';
  constructor(readonly host: string) {
    super(`refusing to send the token over plain http to ${host}`);
    this.name = 'InsecureTransportError';
  }
}

export class BodyTimeoutError extends Error {
  readonly code = 'DOCTOR_BODY_TIMEOUT';
  constructor(readonly limitMs: number) {
    super(`the response body did not finish within ${limitMs} ms`);
    this.name = 'BodyTimeoutError';
  }
}

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`response body exceeded ${limit} bytes; stopped reading`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * A fetch for the openai SDK that records every exchange into `log`, bounds how much body it
 * reads, and follows redirects only within the same origin, so the Authorization header never
 * travels to another host. It calls `globalThis.fetch` at request time, so VS Code's proxy
 * support (which patches the global fetch) still applies.
 */
export function recordingFetch(log: ExchangeLog, options: RecordingFetchOptions = DEFAULT_FETCH_OPTIONS): typeof fetch {
  return async (input, init) => {
    let url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const method = (init?.method ?? 'GET').toUpperCase();
    if (isInsecureRemote(url.toString()) && carriesCredentials(init?.headers)) throw new InsecureTransportError(url.host);
    for (let hop = 0; ; hop++) {
      const exchange: Exchange = {
        method,
        url: url.toString(),
        startedAt: performance.now(),
        wallStart: Date.now(),
        bytes: 0,
        chunkMs: [],
        body: '',
        truncated: false,
        sawDone: false,
        pingLines: 0,
        route: options.routeOf?.(url),
      };
      log.entries.push(exchange);
      let response: Response;
      try {
        response = await (options.baseFetch ?? globalThis.fetch)(url, { ...init, redirect: 'manual' });
      } catch (error) {
        exchange.endMs = performance.now() - exchange.startedAt;
        exchange.failure = describeCause(error);
        throw error;
      }
      recordHeaders(exchange, response);
      const location = response.headers.get('location');
      const target = response.status >= 300 && response.status < 400 && location && URL.canParse(location, url.toString()) ? new URL(location, url) : undefined;
      if (target && target.origin === url.origin) {
        if (hop < options.maxRedirects) {
          await response.body?.cancel();
          url = target;
          continue;
        }
        exchange.redirectLoop = l10n.t('{hops} followed, the next to {path}', { hops: hop, path: target.pathname });
      } else if (target) exchange.blockedRedirect = target.origin;
      return tapBody(exchange, response, options, init?.signal ?? undefined);
    }
  };
}

function carriesCredentials(headers: RequestInit['headers']): boolean {
  const names = headers instanceof Headers ? [...headers.keys()] : Array.isArray(headers) ? headers.map((pair) => pair[0] ?? '') : Object.keys(headers ?? {});
  return names.some((name) => /^(authorization|x-api-key|api-key)$/i.test(name));
}

function recordHeaders(exchange: Exchange, response: Response): void {
  exchange.headersMs = performance.now() - exchange.startedAt;
  exchange.status = response.status;
  exchange.contentType = response.headers.get('content-type') ?? undefined;
  exchange.requestId = response.headers.get('x-oneapi-request-id') ?? response.headers.get('x-request-id') ?? undefined;
  exchange.gatewayVersion = response.headers.get('x-new-api-version') ?? undefined;
  exchange.retryAfter = response.headers.get('retry-after') ?? response.headers.get('retry-after-ms') ?? undefined;
  exchange.serverDate = response.headers.get('date') ?? undefined;
}

/**
 * The response again, its body read through one pull-based stream that records it as it passes:
 * the chunks' timing, the first `keepBytes` as text, `[DONE]` and `: PING` lines, and the limits
 * (size, whole-exchange deadline), each of which errors the body and cancels the gateway's.
 * One stream rather than a TransformStream piped to: against a loopback server, what the tap adds
 * to a request's CPU (client and server, ~550 µs) went from 130–210 µs to 60–70 µs (2,000 requests,
 * three runs each way).
 */
function tapBody(exchange: Exchange, response: Response, options: RecordingFetchOptions, signal: AbortSignal | undefined): Response {
  if (!response.body) {
    exchange.endMs = exchange.headersMs;
    exchange.complete = true;
    return response;
  }
  const source = response.body.getReader();
  const decoder = new TextDecoder();
  let tail = '';
  let deadline: NodeJS.Timeout | undefined;
  let stopped = false;
  const finish = () => {
    clearTimeout(deadline);
    exchange.endMs ??= performance.now() - exchange.startedAt;
  };
  /** Ends the body with `error` for the reader, and stops reading the gateway's. */
  const fail = (controller: ReadableStreamDefaultController<Uint8Array>, error: Error) => {
    stopped = true;
    finish();
    controller.error(error);
    source.cancel(error).catch(() => {});
  };
  signal?.addEventListener('abort', () => clearTimeout(deadline), { once: true });
  const tapped = new ReadableStream<Uint8Array>({
    start(controller) {
      if (options.deadlineMs === undefined) return;
      const left = Math.max(0, options.deadlineMs - (performance.now() - exchange.startedAt));
      deadline = setTimeout(() => {
        if (stopped) return;
        exchange.failure = l10n.t('body did not finish within {ms} ms', { ms: options.deadlineMs! });
        fail(controller, new BodyTimeoutError(options.deadlineMs!));
      }, left);
      deadline.unref?.();
    },
    async pull(controller) {
      let read: Awaited<ReturnType<typeof source.read>>;
      try {
        read = await source.read();
      } catch (error) {
        // The gateway's body failed (a reset), or the doctor aborted it: the reader gets that error,
        // no deadline follows, and a failure that was not the doctor's own abort is recorded.
        stopped = true;
        if (!signal?.aborted) exchange.failure ??= describeCause(error);
        finish();
        throw error;
      }
      const { done, value: chunk } = read;
      if (stopped) return;
      if (done) {
        stopped = true;
        exchange.complete = true;
        finish();
        controller.close();
        return;
      }
      exchange.chunkMs.push(performance.now() - exchange.startedAt);
      exchange.bytes += chunk.byteLength;
      if (exchange.bytes > options.maxBodyBytes) {
        exchange.truncated = true;
        exchange.failure = l10n.t('body larger than {bytes} bytes', { bytes: options.maxBodyBytes });
        fail(controller, new BodyTooLargeError(options.maxBodyBytes));
        return;
      }
      const text = tail + decoder.decode(chunk, { stream: true });
      if (exchange.body.length < options.keepBytes) exchange.body = (exchange.body + text.slice(tail.length)).slice(0, options.keepBytes);
      else exchange.truncated = true;
      if (/(^|\n)data: ?\[DONE\]/.test(text)) exchange.sawDone = true;
      exchange.pingLines += (text.slice(tail.length).match(/(^|\n): ?PING/g) ?? []).length;
      tail = text.slice(-32);
      controller.enqueue(chunk);
    },
    cancel(reason) {
      stopped = true;
      clearTimeout(deadline);
      return source.cancel(reason);
    },
  });
  return new Response(tapped, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** The innermost cause of a fetch failure, as `CODE: message` (undici nests the socket error). */
export function describeCause(error: unknown): string {
  const innermost = causeChain(error)
    .filter((e) => messageOf(e) !== undefined)
    .at(-1);
  if (!innermost) return String(error);
  const code = codeOf(innermost);
  return `${code ? `${code}: ` : ''}${messageOf(innermost)}`;
}
