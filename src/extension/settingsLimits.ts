/** Periodic health checks: off (0), or at least this many minutes apart (package.json says the same; test/unit/manifest.test.ts holds them together). */
export const MIN_HEALTH_INTERVAL_MINUTES = 5;
