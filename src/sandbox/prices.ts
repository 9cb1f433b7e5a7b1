/**
 * The sandbox gateway's price list, in new-api's terms (QQhuxuhui/new-api@ccd535ef8 model/pricing.go):
 * `model_ratio` 1 = $2 per 1M input tokens, `completion_ratio` multiplies it for output, a
 * `quota_type` 1 model costs `model_price` dollars per call. Made-up prices of a plausible order.
 */
export interface SandboxPrice {
  quotaType: 0 | 1;
  modelRatio: number;
  completionRatio: number;
  modelPrice: number;
}

const perToken = (inputUsdPer1M: number, outputUsdPer1M: number): SandboxPrice => ({
  quotaType: 0,
  modelRatio: inputUsdPer1M / 2,
  completionRatio: outputUsdPer1M / inputUsdPer1M,
  modelPrice: 0,
});
const perCall = (usd: number): SandboxPrice => ({ quotaType: 1, modelRatio: 0, completionRatio: 1, modelPrice: usd });

export const PRICES: Readonly<Record<string, SandboxPrice>> = {
  'gpt-5.4': perToken(1.25, 10),
  'claude-sonnet-4-6': perToken(3, 15),
  'gemini-3-pro-preview': perToken(2, 12),
  'gpt-5.4-mini': perToken(0.25, 2),
  'gpt-5.4-nano': perToken(0.05, 0.4),
  'gpt-4.1': perToken(2, 8),
  'o4-mini': perToken(1.1, 4.4),
  'claude-opus-4-6': perToken(15, 75),
  'claude-haiku-4-5': perToken(1, 5),
  'gemini-3-flash': perToken(0.3, 2.5),
  'deepseek-v3.2': perToken(0.28, 0.42),
  'deepseek-r1': perToken(0.55, 2.19),
  'qwen3-max': perCall(0.01),
  'qwen3-coder': perToken(1, 5),
  'kimi-k2': perToken(0.6, 2.5),
  'glm-4.6': perToken(0.6, 2.2),
  'grok-4': perToken(3, 15),
  'mistral-large-3': perToken(2, 6),
};

/** Group ratios a visitor sees in /api/pricing (setting/ratio_setting group_ratio). */
export const GROUP_RATIO: Readonly<Record<string, number>> = { default: 1, vip: 0.8 };

/** new-api: 500,000 quota units are $1 (common/constants.go QuotaPerUnit). */
export const QUOTA_PER_UNIT = 500_000;

/** What a call costs, in quota units, as new-api bills it (relay/helper/price.go, service/quota.go). */
export function quotaFor(model: string, group: string, promptTokens: number, completionTokens: number): number {
  const price = PRICES[model];
  const ratio = GROUP_RATIO[group] ?? 1;
  if (!price) return 0;
  if (price.quotaType === 1) return Math.round(price.modelPrice * QUOTA_PER_UNIT * ratio);
  return Math.round((promptTokens + completionTokens * price.completionRatio) * price.modelRatio * ratio);
}
