import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';
import type { Diagnosis } from '../classify/diagnosis';
import type { GatewayClient } from '../transport/gatewayClient';
import { retryAfterMs } from '../critical/retryAfter';
import { gatewayRoot } from '../urls';
import { callGateway } from './gatewayCall';

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

export type TokenUsageResult =
  /** `reusedAt`: the answer of an earlier request (ms since the epoch), used again to spare the critical rate limit. */
  | { ok: true; usage: TokenUsage; reusedAt?: number }
  /**
   * The route answered, but not with the token's record: `diagnosis` says what it did say. `limited`:
   * the gateway's critical rate limit refused it; `held`: the doctor did not send it (its budget).
   */
  | { ok: false; reason: string; diagnosis?: Diagnosis; aborted?: boolean; limited?: { retryAfterMs?: number }; held?: boolean };

/** The route's own answer about the token (401 "Token not provided", "This token status is unavailable", …) is classified as such. */
export async function readTokenUsage(client: GatewayClient, baseUrl: string): Promise<TokenUsageResult> {
  const url = `${gatewayRoot(baseUrl)}/api/usage/token/`;
  try {
    const call = await callGateway(client, { route: 'token-status' }, () => client.sdk.get<unknown>(url, client.request));
    if (!call.ok) {
      if (call.diagnosis.symptom === 'rate.critical') {
        return {
          ok: false,
          reason: l10n.t('the token status route answered: {why}', { why: call.diagnosis.summary }),
          diagnosis: call.diagnosis,
          limited: { retryAfterMs: retryAfterMs(call.exchange?.retryAfter, Date.now()) },
        };
      }
      const absent = call.diagnosis.symptom === 'url.not-found' || call.diagnosis.symptom === 'url.website-html' || call.diagnosis.symptom === 'url.wrong-path';
      return {
        ok: false,
        reason: absent ? l10n.t('this gateway has no token status route') : l10n.t('the token status route answered: {why}', { why: call.diagnosis.summary }),
        diagnosis: absent ? undefined : call.diagnosis,
      };
    }
    const parsed = TokenUsageSchema.safeParse(call.value);
    if (!parsed.success) return { ok: false, reason: l10n.t('the token status route answered with something else than a token record') };
    return { ok: true, usage: parsed.data.data };
  } catch (error) {
    if (client.request.signal.aborted) return { ok: false, reason: l10n.t('cancelled'), aborted: true };
    throw error;
  }
}

/** Whether an `expires_at` (seconds since epoch, -1 or 0 = never) lies in the past. */
export function isExpired(expiresAt: number | undefined, now = Date.now()): boolean {
  return expiresAt !== undefined && expiresAt > 0 && expiresAt * 1000 < now;
}
