/**
 * new-api's critical rate limit, and how much of it the doctor allows itself.
 *
 * The gateway counts every request to `/api/usage/token/` and `/api/log/token` in one bucket per
 * client IP together with the dashboard's login, registration and password reset: 20 requests per
 * 20 minutes, mark "CT", and answers an empty-body 429 beyond that (QQhuxuhui/new-api@ccd535ef8, a
 * fork carrying QuantumNous/new-api's history: common/constants.go CriticalRateLimitNum = 20,
 * CriticalRateLimitDuration = 20 * 60; router/api-router.go usageRoute.Use(CORS, CriticalRateLimit)
 * and logRoute.Use(CORS, CriticalRateLimit), with /user/login behind CriticalRateLimit too;
 * middleware/rate-limit.go memoryRateLimiter → writeRateLimited: 429, no body, Retry-After).
 */
export const CRITICAL_BUCKET = {
  /** Requests the gateway allows per client IP in one window. */
  size: 20,
  windowMs: 20 * 60_000,
} as const;

/** What the doctor spends of that bucket, so that a user who runs it often can still log in to the dashboard. */
export const CRITICAL_BUDGET = {
  /** A full run reads the token's status once and its log once. */
  perFullRun: 2,
  /** The status bar's check reads the token's status only. */
  perHealthCheck: 1,
  /** The last requests of a window are never spent: they are the user's, for the dashboard login. */
  reserve: 5,
  /** An answer this young is used again instead of asking (the same token, at the same gateway). */
  reuseMs: 5 * 60_000,
} as const;

/** The two routes behind the critical limit that the doctor calls: `/api/usage/token/` and `/api/log/token`, with the token in a header, never in the URL. */
export type CriticalRoute = 'token-status' | 'token-log';
