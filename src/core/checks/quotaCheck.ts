import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';
import { safeIso } from '../dates';
import type { GatewayClient } from '../transport/gatewayClient';
import type { CheckDefinition, CheckOutcome } from './checkTypes';
import { callGateway } from './gatewayCall';

/** new-api shows an unlimited token as this amount (controller/billing.go). */
export const UNLIMITED_AMOUNT = 100_000_000;
/** Below this share of the cap left, warn before requests start failing. */
export const LOW_QUOTA_SHARE = 0.1;

const SubscriptionSchema = z.object({
  object: z.optional(z.literal('billing_subscription')),
  hard_limit_usd: z.number(),
  access_until: z.optional(z.number()),
});
const UsageSchema = z.object({ total_usage: z.number() });

/** A billing route's record, or undefined when the gateway does not offer it (or answers with an error). */
async function readBilling<T>(client: GatewayClient, path: string, schema: z.ZodMiniType<T>): Promise<T | undefined> {
  const call = await callGateway(client, { route: 'billing', tokenAccepted: true }, () => client.sdk.get<unknown>(path, client.request));
  if (!call.ok) return undefined;
  const parsed = schema.safeParse(call.value);
  return parsed.success ? parsed.data : undefined;
}

/** The token's quota through the billing routes and `/api/usage/token/`, all free to call. */
export const quotaCheck: CheckDefinition = {
  id: 'quota',
  kind: 'quota',
  get title() {
    return l10n.t('Quota');
  },
  needs: ['token'],
  gatedBy: ['auth'],
  sendsToken: true,
  async run(ctx): Promise<CheckOutcome> {
    // One client per request: they run at once, and a client's log tells one request's answer.
    const [subscription, usage, tokenUsage] = await Promise.all([
      readBilling(ctx.client(), '/dashboard/billing/subscription', SubscriptionSchema),
      readBilling(ctx.client(), '/dashboard/billing/usage', UsageSchema),
      ctx.facts.tokenUsage(ctx.client()),
    ]);
    const token = tokenUsage.ok ? tokenUsage.usage : undefined;
    const notes = tokenUsage.ok
      ? tokenUsage.reusedAt !== undefined
        ? [
            l10n.t('The token status read {seconds} s ago was used again, to spare the gateway’s critical rate limit.', {
              seconds: Math.round((ctx.facts.now() - tokenUsage.reusedAt) / 1000),
            }),
          ]
        : []
      : [l10n.t('Token status (/api/usage/token/): {reason}.', { reason: tokenUsage.reason })];
    if (!tokenUsage.ok && tokenUsage.limited) {
      return {
        status: 'warn',
        symptom: 'rate.critical',
        summary: l10n.t(
          'The gateway’s critical rate limit is reached: /api/usage/token/ answered 429 with an empty body. Its dashboard login may be refused for up to 20 minutes, so the doctor stops calling /api/usage/token/ and /api/log/token until then.',
        ),
        details: [
          ...notes,
          ...(subscription ? [l10n.t('The billing route still shows a cap of {cap}.', { cap: `$${subscription.hard_limit_usd.toFixed(2)}` })] : []),
        ],
      };
    }
    if (!subscription && !token) {
      return {
        status: 'warn',
        symptom: 'quota.unreadable',
        summary: l10n.t('The gateway offers no billing or token usage route; quota could not be read.'),
        details: notes,
      };
    }
    const hardLimitUsd = subscription?.hard_limit_usd;
    const usedUsd = usage ? usage.total_usage / 100 : undefined;
    const unlimited = token?.unlimited_quota ?? (hardLimitUsd !== undefined && hardLimitUsd >= UNLIMITED_AMOUNT);
    const metrics: CheckOutcome['metrics'] = {
      unlimited,
      hardLimitUsd: unlimited ? null : (hardLimitUsd ?? null),
      usedUsd: usedUsd ?? null,
      granted: token?.total_granted ?? null,
      available: token?.total_available ?? null,
      expiresAt: safeIso(token?.expires_at),
    };
    const spent = usedUsd !== undefined ? l10n.t('{amount} used', { amount: `$${usedUsd.toFixed(2)}` }) : l10n.t('usage unknown');
    if (unlimited) {
      return {
        status: 'warn',
        symptom: 'quota.unlimited',
        summary: l10n.t('The token has no quota cap ({spent}); the guides strongly recommend one per client.', { spent }),
        details: notes,
        metrics,
      };
    }
    const share =
      token && token.total_granted > 0
        ? token.total_available / token.total_granted
        : hardLimitUsd && usedUsd !== undefined
          ? (hardLimitUsd - usedUsd) / hardLimitUsd
          : undefined;
    metrics.remainingShare = share === undefined ? null : Math.round(share * 1000) / 1000;
    const cap =
      hardLimitUsd !== undefined
        ? l10n.t('{amount} cap', { amount: `$${hardLimitUsd.toFixed(2)}` })
        : l10n.t('{units} quota units', { units: String(token?.total_granted) });
    if (share !== undefined && share <= 0) {
      return {
        status: 'fail',
        symptom: 'quota.token-insufficient',
        summary: l10n.t("The token's quota is used up ({spent} of {cap}).", { spent, cap }),
        details: notes,
        metrics,
      };
    }
    if (share !== undefined && share < LOW_QUOTA_SHARE) {
      return {
        status: 'warn',
        symptom: 'quota.low',
        summary: l10n.t("Only {percent}% of the token's quota is left ({spent} of {cap}).", { percent: Math.round(share * 100), spent, cap }),
        details: notes,
        metrics,
      };
    }
    return {
      status: 'pass',
      summary:
        share !== undefined
          ? l10n.t('The token has a quota cap ({cap}; {spent}, {percent}% left).', { cap, spent, percent: Math.round(share * 100) })
          : l10n.t('The token has a quota cap ({cap}; {spent}).', { cap, spent }),
      details: notes,
      metrics,
    };
  },
};
