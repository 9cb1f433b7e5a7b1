/** What the transport saw of one HTTP request and its response. Holds no request headers, so no token. */
export interface Exchange {
  method: string;
  url: string;
  startedAt: number;
  /** ms after start when the response headers arrived. */
  headersMs?: number;
  /** ms after start when the body ended (or failed). */
  endMs?: number;
  status?: number;
  contentType?: string;
  requestId?: string;
  gatewayVersion?: string;
  retryAfter?: string;
  /** Where a redirect pointed; set only when the doctor refused to follow it. */
  blockedRedirect?: string;
  bytes: number;
  /** ms after start at which each body chunk arrived. */
  chunkMs: number[];
  /** The first bytes of the body as text (bounded). */
  excerpt: string;
  truncated: boolean;
  sawDone: boolean;
  pingLines: number;
  /** Transport-level failure, e.g. connection refused, body too large. */
  failure?: string;
}

export class ExchangeLog {
  readonly entries: Exchange[] = [];

  last(): Exchange | undefined {
    return this.entries[this.entries.length - 1];
  }
}
