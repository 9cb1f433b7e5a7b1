import type { NetworkRoute } from './networkRoute';

/** What the transport saw of one HTTP request and its response. Holds no request headers, so no token. */
export interface Exchange {
  method: string;
  url: string;
  /** performance.now() when the request started (the base of the other times). */
  startedAt: number;
  /** Date.now() when the request started: when it happened, for matching it with the gateway's log. */
  wallStart: number;
  /** ms after start when the response headers arrived. */
  headersMs?: number;
  /** ms after start when the body ended (or failed, or the doctor stopped reading it). */
  endMs?: number;
  /** Set when the whole body arrived (or there was none): what it says is final. */
  complete?: true;
  status?: number;
  contentType?: string;
  requestId?: string;
  gatewayVersion?: string;
  retryAfter?: string;
  /** The response's Date header: the gateway's clock, to compare times in its log with ours. */
  serverDate?: string;
  /** The other origin a redirect pointed at; the doctor never follows one (the token would go with it). */
  blockedRedirect?: string;
  /** Set when same-origin redirects went on past the limit: how many were followed, and the last target. */
  redirectLoop?: string;
  bytes: number;
  /** ms after start at which each body chunk arrived. */
  chunkMs: number[];
  /**
   * The body as text, as the gateway sent it, up to the transport's `keepBytes` (64 KiB): what the
   * classifier reads, whatever the SDK made of it.
   */
  body: string;
  /** The body was longer than what was kept. */
  truncated: boolean;
  sawDone: boolean;
  pingLines: number;
  /** Transport-level failure, e.g. connection refused, body too large. */
  failure?: string;
  /** Which way the request went: direct or through which proxy (never the proxy's credentials). */
  route?: NetworkRoute;
}

/** The whole body has arrived (or there was none): what it says is final. */
export const bodyComplete = (exchange: Exchange): boolean => exchange.complete === true;

export class ExchangeLog {
  readonly entries: Exchange[] = [];

  last(): Exchange | undefined {
    return this.entries[this.entries.length - 1];
  }
}
