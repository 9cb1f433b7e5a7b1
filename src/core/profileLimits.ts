/** Bounds of a profile: how many models one run probes, and the request timeout's range. The settings, the panel and the protocol use these. */
export const PROFILE_LIMITS = { maxModels: 8, minTimeoutMs: 500, maxTimeoutMs: 120_000 } as const;
