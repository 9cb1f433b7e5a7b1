import type { GatewayClient } from '../transport/gatewayClient';
import { readTokenUsage, type TokenUsageResult } from './tokenUsage';

/** Data that one check learns and others use, fetched at most once per run. */
export class RunFacts {
  /** Model ids the token sees, set by the auth check. */
  modelIds?: string[];
  /** The base URL answered a tokenless probe as the gateway's API does (set by the base-URL check). */
  apiConfirmed = false;
  private usage?: Promise<TokenUsageResult>;

  constructor(private readonly baseUrl: string) {}

  /** The token's usage record; the first caller's client carries the request as its evidence. */
  async tokenUsage(client: GatewayClient): Promise<TokenUsageResult> {
    const pending = (this.usage ??= readTokenUsage(client, this.baseUrl));
    const result = await pending;
    // A read aborted with the check that started it must not answer for the checks still running.
    if (!result.ok && result.aborted && !client.request.signal.aborted) {
      if (this.usage === pending) this.usage = undefined;
      return this.tokenUsage(client);
    }
    return result;
  }
}
