import * as l10n from '@vscode/l10n';
import { DECIMAL_FORMATS, formatDecimal } from './decimalText';
import type { GatewayStatus } from './gatewayStatus';

/** new-api's default: 500,000 quota units are $1 ("$0.002 / 1K tokens", common/constants.go QuotaPerUnit). */
export const DEFAULT_QUOTA_PER_UNIT = 500_000;

export type DisplayKind = 'USD' | 'CNY' | 'TOKENS' | 'CUSTOM';

/**
 * How the gateway shows an amount of quota, as its dashboard does (QQhuxuhui/new-api@ccd535ef8
 * web/src/lib/currency.ts getDisplayMeta, formatQuotaWithCurrency): USD = quota ÷ quota_per_unit;
 * CNY = USD × usd_exchange_rate; CUSTOM = USD × custom_currency_exchange_rate with its symbol;
 * TOKENS = the quota itself. Prices are money even in TOKENS mode (formatBillingCurrencyFromUSD:
 * "never shows tokens"), so they are shown in USD there.
 */
export interface QuotaDisplay {
  kind: DisplayKind;
  quotaPerUnit: number;
  /** Display units per USD (1 for USD; unused for TOKENS). */
  rate: number;
  symbol: string;
  /** Where the display came from: the gateway's /api/status, or new-api's defaults when it could not be read. */
  from: 'status' | 'default';
}

const positive = (n: number | undefined, fallback: number) => (n !== undefined && Number.isFinite(n) && n > 0 ? n : fallback);

export function displayOf(status: GatewayStatus | undefined): QuotaDisplay {
  if (!status) return { kind: 'USD', quotaPerUnit: DEFAULT_QUOTA_PER_UNIT, rate: 1, symbol: '$', from: 'default' };
  const quotaPerUnit = positive(status.quota_per_unit, DEFAULT_QUOTA_PER_UNIT);
  const type = (status.quota_display_type ?? (status.display_in_currency === false ? 'TOKENS' : 'USD')).toUpperCase();
  switch (type) {
    case 'CNY':
      // The dashboard falls back on 7.3 (setting/operation_setting/payment_setting_old.go USDExchangeRate).
      return { kind: 'CNY', quotaPerUnit, rate: positive(status.usd_exchange_rate, 7.3), symbol: '¥', from: 'status' };
    case 'CUSTOM':
      return {
        kind: 'CUSTOM',
        quotaPerUnit,
        rate: positive(status.custom_currency_exchange_rate, 1),
        symbol: (status.custom_currency_symbol ?? '').trim().slice(0, 8) || '¤',
        from: 'status',
      };
    case 'TOKENS':
      return { kind: 'TOKENS', quotaPerUnit, rate: 1, symbol: '', from: 'status' };
    default:
      return { kind: 'USD', quotaPerUnit, rate: 1, symbol: '$', from: 'status' };
  }
}

// Written without Intl (decimalText.ts): a process's first Intl.NumberFormat costs 12–18 ms of ICU set-up.
const { tiny, small, large, whole } = DECIMAL_FORMATS;

/** A number in as few digits as still say it: two significant digits below 0.01, else up to four decimals. */
function amount(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  return formatDecimal(value, abs < 0.01 ? tiny : abs < 100 ? small : large);
}

const units = (n: number) => formatDecimal(n, whole);

/** An amount of quota in the gateway's display unit, as a number (the panel's chart scales with it). */
export function quotaValue(quota: number, display: QuotaDisplay): number {
  return display.kind === 'TOKENS' ? quota : (quota / display.quotaPerUnit) * display.rate;
}

/** An amount of quota as the gateway's dashboard would show it: `$0.000046`, `¥0.00034`, `23 quota units`. */
export function formatQuota(quota: number, display: QuotaDisplay): string {
  if (display.kind === 'TOKENS') return l10n.t('{amount} quota units', { amount: units(quota) });
  return `${display.symbol}${amount(quotaValue(quota, display))}`;
}

/** A price in US dollars in the display currency (USD in TOKENS mode, where prices stay money). */
export function formatPrice(usd: number, display: QuotaDisplay): string {
  if (display.kind === 'TOKENS' || display.kind === 'USD') return `$${amount(usd)}`;
  return `${display.symbol}${amount(usd * display.rate)}`;
}

/** The unit in words, for a table heading or a chart's axis. */
export function displayLabel(display: QuotaDisplay): string {
  if (display.kind === 'TOKENS') return l10n.t('quota units');
  return display.kind === 'CUSTOM' ? l10n.t('{symbol} (custom currency)', { symbol: display.symbol }) : display.kind;
}
