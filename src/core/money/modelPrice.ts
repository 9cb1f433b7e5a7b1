import type { PricingItem } from './pricing';

export type ModelPrice =
  | { kind: 'tokens'; inputUsdPer1M: number; outputUsdPer1M: number }
  | { kind: 'call'; usdPerCall: number }
  /** Priced by an expression over usage (new-api's tiered billing): no single number to quote. */
  | { kind: 'tiered' };

/**
 * A model's price for a group, in US dollars. Ratio billing charges
 * `(prompt + completion × completion_ratio) × model_ratio × group_ratio` quota, per-call billing
 * `model_price × quota_per_unit × group_ratio` (Calcium-Ion/new-api@ef8ae4db relay/helper/price.go,
 * relay/relay-text.go; QQhuxuhui/new-api@ccd535ef8 relay/helper/price.go, service/quota.go), and
 * quota_per_unit quota units are $1.
 */
export function modelPrice(item: PricingItem, groupRatio: number, quotaPerUnit: number): ModelPrice {
  if (item.billing_mode === 'tiered_expr') return { kind: 'tiered' };
  if (item.quota_type === 1) return { kind: 'call', usdPerCall: (item.model_price ?? 0) * groupRatio };
  const perMillion = ((item.model_ratio ?? 0) * groupRatio * 1_000_000) / quotaPerUnit;
  return { kind: 'tokens', inputUsdPer1M: perMillion, outputUsdPer1M: perMillion * (item.completion_ratio ?? 1) };
}

/**
 * How many times the baseline's price a model costs, comparing input and output per 1M tokens and
 * taking the larger; undefined when either is not priced per token.
 */
export function timesBaseline(price: ModelPrice, baseline: ModelPrice): number | undefined {
  if (price.kind !== 'tokens' || baseline.kind !== 'tokens' || baseline.inputUsdPer1M <= 0 || baseline.outputUsdPer1M <= 0) return undefined;
  return Math.max(price.inputUsdPer1M / baseline.inputUsdPer1M, price.outputUsdPer1M / baseline.outputUsdPer1M);
}
