import type { GatewaySnapshotId, WordingLang } from '../core/wordings/snapshots';

/** A situation the gateway answers with an error; each version words it from the corpus. */
export type Situation =
  | 'no-token'
  | 'unknown-token'
  | 'disabled-token'
  | 'expired-token'
  | 'exhausted-token'
  | 'ip-denied'
  | 'model-forbidden'
  | 'no-channel'
  | 'user-quota'
  | 'token-quota'
  | 'rate-limit'
  | 'model-unknown'
  | 'model-name-missing'
  | 'invalid-url'
  | 'status-no-token'
  | 'status-unknown-token'
  | 'status-disabled-token'
  | 'critical-limit';

export interface GatewayTraits {
  family: 'new-api' | 'one-api';
  /** `X-New-Api-Version`, sent since about 2026-01-30 (middleware/cors.go). */
  versionHeader?: string;
  /** `/api/usage/token/` exists (TokenAuthReadOnly): not in 2025-04 nor one-api. */
  tokenStatusRoute: boolean;
  /** `/v1/messages` and `/v1/responses`: new-api only. */
  protocols: boolean;
  /** 2026-08 refuses a disabled token on the status route; 2026-02 answers it with 200 and its data. */
  statusRefusesDisabled: boolean;
  /** The language of translated messages, from Accept-Language (`i18n/i18n.go` normalizeLang). */
  language(acceptLanguage: string | undefined): WordingLang;
  dashboardTitle: string;
  /** `/api/status` carries quota_display_type and its rates (2026); older versions only display_in_currency. */
  statusDisplayType: boolean;
  /** `/api/pricing` exists (new-api; one-api has none). */
  pricingRoute: boolean;
  /**
   * `/api/log/token`: with the token in the Authorization header (TokenAuthReadOnly, behind the
   * critical limit, newest first, at most 1000, ids renumbered 1..N, since 2026-02-06), with the key
   * in the URL (`?key=`, no auth, unordered, ids modulo 1024: 2025-04), or none (one-api).
   */
  logRoute: 'header' | 'key' | undefined;
  /** Log entries carry `request_id` (PR #2825, 2026-02) and `upstream_request_id` (2026-08). */
  logIds: 'request' | 'request-and-upstream' | undefined;
  /** The critical limit's 429 carries Retry-After (middleware/rate-limit.go writeRateLimited, 2026-08). */
  criticalRetryAfter: boolean;
  /** The corpus wording (its id without gateway, language and `@version`) for each situation. */
  says: Readonly<Record<Situation, string | undefined>>;
}

const firstTag = (header: string | undefined) => (header ?? '').split(',')[0]!.split(';')[0]!.trim().toLowerCase();
const NO_I18N = (): WordingLang => 'en';

/** new-api 2026-02 and later: one status route; 2026-08 says "Invalid token" for every token problem. */
const NEW_API_2026 = {
  'ip-denied': 'ip-not-allowed',
  'model-forbidden': 'token-model-forbidden',
  'no-channel': 'no-available-channel',
  'user-quota': 'user-quota-insufficient',
  'token-quota': 'token-quota-not-enough',
  'rate-limit': 'rate-limit-success',
  'model-unknown': 'model-does-not-exist',
  'model-name-missing': 'model-name-required',
  'invalid-url': 'invalid-url',
  'status-unknown-token': 'token-invalid-token-status',
  'critical-limit': 'rate-limit-critical-token-status',
} as const;

/** Each corpus snapshot as the sandbox plays it (research: research/wordings-notes.md §2–§5). */
export const GATEWAYS: Readonly<Record<GatewaySnapshotId, GatewayTraits>> = {
  'new-api@2026-08': {
    family: 'new-api',
    versionHeader: 'v0.10.4-sandbox',
    tokenStatusRoute: true,
    protocols: true,
    statusRefusesDisabled: true,
    language: (header) => {
      const tag = firstTag(header);
      return tag.startsWith('zh-tw') ? 'zh-TW' : tag.startsWith('zh') ? 'zh-CN' : 'en';
    },
    dashboardTitle: 'New API',
    statusDisplayType: true,
    pricingRoute: true,
    logRoute: 'header',
    logIds: 'request-and-upstream',
    criticalRetryAfter: true,
    says: {
      ...NEW_API_2026,
      'no-token': 'token-invalid',
      'unknown-token': 'token-invalid',
      'disabled-token': 'token-invalid',
      'expired-token': 'token-invalid',
      'exhausted-token': 'token-invalid',
      'status-no-token': 'token-not-provided-token-status',
      'status-disabled-token': 'token-status-unavailable-token-status',
    },
  },
  'new-api@2026-02': {
    family: 'new-api',
    versionHeader: 'v0.9.2-sandbox',
    tokenStatusRoute: true,
    protocols: true,
    statusRefusesDisabled: false,
    language: (header) => (firstTag(header).startsWith('zh') ? 'zh-CN' : 'en'),
    dashboardTitle: 'New API',
    statusDisplayType: true,
    pricingRoute: true,
    logRoute: 'header',
    logIds: 'request',
    criticalRetryAfter: false,
    says: {
      ...NEW_API_2026,
      'no-token': 'token-not-provided',
      'unknown-token': 'token-invalid',
      'disabled-token': 'token-status-unavailable',
      'expired-token': 'token-expired',
      'exhausted-token': 'token-exhausted-remain',
      'status-no-token': 'authorization-header-missing-token-status',
      'status-disabled-token': undefined,
    },
  },
  'new-api@2025-04': {
    family: 'new-api',
    tokenStatusRoute: false,
    protocols: true,
    statusRefusesDisabled: false,
    language: NO_I18N,
    dashboardTitle: 'New API',
    statusDisplayType: false,
    pricingRoute: true,
    logRoute: 'key',
    logIds: undefined,
    criticalRetryAfter: false,
    says: {
      ...NEW_API_2026,
      'no-token': 'token-not-provided',
      'unknown-token': 'token-invalid',
      'disabled-token': 'token-status-unavailable',
      'expired-token': 'token-expired',
      'exhausted-token': 'token-exhausted-remain',
      'user-quota': 'user-quota-not-enough',
      'model-name-missing': 'model-required',
      'status-no-token': undefined,
      'status-unknown-token': undefined,
      'status-disabled-token': undefined,
      'critical-limit': undefined,
    },
  },
  'one-api@2025-02': {
    family: 'one-api',
    tokenStatusRoute: false,
    protocols: false,
    statusRefusesDisabled: false,
    language: NO_I18N,
    dashboardTitle: 'One API',
    statusDisplayType: false,
    pricingRoute: false,
    logRoute: undefined,
    logIds: undefined,
    criticalRetryAfter: false,
    says: {
      'no-token': 'token-not-provided',
      'unknown-token': 'token-invalid',
      'disabled-token': 'token-status-unavailable',
      'expired-token': 'token-expired',
      'exhausted-token': 'token-exhausted-remain',
      'ip-denied': 'subnet-denied',
      'model-forbidden': 'token-model-forbidden',
      'no-channel': 'no-available-channel',
      'user-quota': 'user-quota-not-enough',
      'token-quota': 'token-quota-insufficient',
      'rate-limit': 'rate-limit-global-api',
      'model-unknown': 'model-does-not-exist',
      'model-name-missing': 'model-required',
      'invalid-url': 'invalid-url',
      'status-no-token': undefined,
      'status-unknown-token': undefined,
      'status-disabled-token': undefined,
      'critical-limit': undefined,
    },
  },
};
