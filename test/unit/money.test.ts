import assert from 'node:assert/strict';
import { test } from 'mocha';
import { modelPrice, timesBaseline } from '../../src/core/money/modelPrice';
import { displayOf, formatPrice, formatQuota, quotaValue } from '../../src/core/money/quotaDisplay';

test('quota as the gateway displays it: USD, CNY, TOKENS, CUSTOM, and the 2025 display_in_currency', () => {
  const usd = displayOf({ quota_per_unit: 500_000, quota_display_type: 'USD' });
  assert.equal(formatQuota(23, usd), '$0.000046');
  assert.equal(formatQuota(1_234_567, usd), '$2.4691');
  assert.equal(formatQuota(500_000_000, usd), '$1,000.00');
  const cny = displayOf({ quota_per_unit: 500_000, quota_display_type: 'CNY', usd_exchange_rate: 7.2 });
  assert.equal(formatQuota(500_000, cny), '¥7.20');
  assert.equal(quotaValue(500_000, cny), 7.2);
  const tokens = displayOf({ quota_per_unit: 500_000, quota_display_type: 'TOKENS' });
  assert.equal(formatQuota(1_234_567, tokens), '1,234,567 quota units');
  assert.equal(formatPrice(2.5, tokens), '$2.50', 'prices stay money in TOKENS mode');
  const custom = displayOf({ quota_per_unit: 500_000, quota_display_type: 'CUSTOM', custom_currency_symbol: 'Ⓒ', custom_currency_exchange_rate: 1000 });
  assert.equal(formatQuota(500, custom), 'Ⓒ1.00');
  assert.equal(displayOf({ quota_per_unit: 500_000, display_in_currency: false }).kind, 'TOKENS', 'new-api 2025-04 and one-api');
  assert.equal(displayOf({ quota_per_unit: 500_000, display_in_currency: true }).kind, 'USD');
  assert.deepEqual(displayOf(undefined), { kind: 'USD', quotaPerUnit: 500_000, rate: 1, symbol: '$', from: 'default' });
  assert.equal(displayOf({ quota_per_unit: -3, quota_display_type: 'CNY' }).quotaPerUnit, 500_000, 'a nonsense unit falls back on the default');
});

test('prices per 1M tokens and per call, with the group ratio; the comparison with the baseline', () => {
  const item = (extra: object) => ({ model_name: 'm', quota_type: 0, model_ratio: 1.5, completion_ratio: 5, ...extra });
  assert.deepEqual(modelPrice(item({}), 1, 500_000), { kind: 'tokens', inputUsdPer1M: 3, outputUsdPer1M: 15 });
  const vip = modelPrice(item({}), 0.8, 500_000);
  assert.ok(vip.kind === 'tokens' && Math.abs(vip.inputUsdPer1M - 2.4) < 1e-9 && Math.abs(vip.outputUsdPer1M - 12) < 1e-9, JSON.stringify(vip));
  assert.deepEqual(modelPrice(item({ quota_type: 1, model_price: 0.01 }), 2, 500_000), { kind: 'call', usdPerCall: 0.02 });
  assert.deepEqual(modelPrice(item({ billing_mode: 'tiered_expr' }), 1, 500_000), { kind: 'tiered' });
  const base = modelPrice(item({ model_ratio: 0.625, completion_ratio: 8 }), 1, 500_000);
  assert.equal(timesBaseline(modelPrice(item({ model_ratio: 7.5, completion_ratio: 5 }), 1, 500_000), base), 12);
  assert.equal(timesBaseline({ kind: 'call', usdPerCall: 1 }, base), undefined);
});
