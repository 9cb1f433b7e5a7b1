import * as z from 'zod/mini';
import { gatewayRoot } from '../urls';
import type { GatewayClient } from '../transport/gatewayClient';

/** `GET /api/usage/token/` (new-api ≥ Feb 2026): readable even for expired or exhausted tokens. */
export const TokenUsageSchema = z.object({
  code: z.optional(z.boolean()),
  data: z.object({
    name: z.optional(z.string()),
    total_granted: z.number(),
    total_used: z.number(),
    total_available: z.number(),
    unlimited_quota: z.boolean(),
    model_limits: z.nullish(z.record(z.string(), z.unknown())),
    model_limits_enabled: z.optional(z.boolean()),
    expires_at: z.optional(z.number()),
  }),
});
export type TokenUsage = z.infer<typeof TokenUsageSchema>['data'];

export type TokenUsageResult = { ok: true; usage: TokenUsage } | { ok: false; status?: number; reason: string; aborted?: boolean };

export async function readTokenUsage(client: GatewayClient, baseUrl: string): Promise<TokenUsageResult> {
  const url = `${gatewayRoot(baseUrl)}/api/usage/token/`;
  try {
    const { data, response } = await client.sdk.get<unknown>(url, client.request).withResponse();
    const parsed = TokenUsageSchema.safeParse(data);
    if (!parsed.success) return { ok: false, status: response.status, reason: 'the token usage route is not available on this gateway' };
    return { ok: true, usage: parsed.data.data };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (client.request.signal.aborted) return { ok: false, reason: 'cancelled', aborted: true };
    return { ok: false, status, reason: status === 401 ? 'the gateway does not recognise the token at all' : `the token usage route answered ${status ?? 'nothing'}` };
  }
}

/** Whether an `expires_at` (seconds since epoch, -1 or 0 = never) lies in the past. */
export function isExpired(expiresAt: number | undefined, now = Date.now()): boolean {
  return expiresAt !== undefined && expiresAt > 0 && expiresAt * 1000 < now;
}
