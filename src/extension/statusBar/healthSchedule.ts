/** At most this many times the normal interval between checks while the gateway is unreachable. */
export const MAX_BACKOFF_FACTOR = 8;
/** The first check after start-up waits this long, so start-up stays quiet. */
export const FIRST_CHECK_DELAY_MS = 10_000;

/**
 * Milliseconds until the next periodic check: the interval, doubled for every consecutive time
 * the gateway could not be reached (offline), up to 8×. Undefined when periodic checks are off.
 */
export function nextCheckDelay(intervalMinutes: number, consecutiveOffline: number): number | undefined {
  if (!(intervalMinutes > 0)) return undefined;
  const factor = Math.min(2 ** Math.max(0, consecutiveOffline), MAX_BACKOFF_FACTOR);
  return Math.round(intervalMinutes * 60_000 * factor);
}
