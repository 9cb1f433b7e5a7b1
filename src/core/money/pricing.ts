import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';
import { lenient } from '../lenient';
import { callGateway } from '../checks/gatewayCall';
import type { GatewayClient } from '../transport/gatewayClient';
import { gatewayRoot } from '../urls';

/**
 * `GET /api/pricing`, public (QQhuxuhui/new-api@ccd535ef8 controller/pricing.go GetPricing,
 * model/pricing.go `type Pricing`; Calcium-Ion/new-api@ef8ae4db the same without vendors):
 * each model's ratios, and `group_ratio` for the groups a visitor may use. A site that turned its
 * pricing page off answers 403 "pricing is disabled" (middleware/header_nav.go HeaderNavModuleAuth);
 * one-api has no such route.
 */
const PricingItemSchema = z.looseObject({
  model_name: z.string(),
  /** 0: per token (ratios); 1: a price per call. */
  quota_type: z.number(),
  model_ratio: lenient(z.number()),
  model_price: lenient(z.number()),
  completion_ratio: lenient(z.number()),
  enable_groups: lenient(z.nullable(z.array(z.string()))),
  /** "tiered_expr": prices by an expression over usage, not one number per token. */
  billing_mode: lenient(z.string()),
});
export type PricingItem = z.infer<typeof PricingItemSchema>;

const PricingSchema = z.object({
  success: z.boolean(),
  data: z.array(z.unknown()),
  group_ratio: lenient(z.record(z.string(), z.number())),
});

export type PricingRead = { ok: true; items: PricingItem[]; groupRatio: Record<string, number> } | { ok: false; reason: string };

/** Reads `/api/pricing` without the token. Its absence is not an error: the site publishes no prices. */
export async function readPricing(client: GatewayClient, baseUrl: string): Promise<PricingRead> {
  const url = `${gatewayRoot(baseUrl)}/api/pricing`;
  const call = await callGateway(client, { route: 'billing', anonymous: true }, () => client.anonymousSdk.get<unknown>(url, client.anonymous));
  if (!call.ok) {
    const status = call.exchange?.status;
    const why =
      status === 401 || status === 403
        ? l10n.t('the site keeps its pricing page private')
        : status === 404 || call.diagnosis.symptom.startsWith('url.')
          ? l10n.t('this gateway has no pricing route')
          : l10n.t('{route} answered: {summary}', { route: '/api/pricing', summary: call.diagnosis.summary });
    return { ok: false, reason: why };
  }
  const parsed = PricingSchema.safeParse(call.value);
  if (!parsed.success) return { ok: false, reason: l10n.t('{route} answered with something else than a price list', { route: '/api/pricing' }) };
  if (!parsed.data.success) return { ok: false, reason: l10n.t('the site keeps its pricing page private') };
  const items = parsed.data.data.flatMap((raw) => {
    const item = PricingItemSchema.safeParse(raw);
    return item.success ? [item.data] : [];
  });
  return { ok: true, items, groupRatio: parsed.data.group_ratio ?? {} };
}
