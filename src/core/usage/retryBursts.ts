import type { LogEntry } from '../gatewayLog/logEntry';
import { isError } from './usageCalls';
import { USAGE_THRESHOLDS } from './usageThresholds';

export interface RetryBursts {
  calls: number;
  /** Runs of identical requests, each a few seconds after the one before. */
  bursts: number;
  /** Calls that repeated the one before them (the copies, not the first of each run). */
  retries: number;
  /** Billed quota of those copies. */
  retriedQuota: number;
}

/**
 * Identical requests (same model, same prompt tokens, a real prompt: not a tiny connection test)
 * sent again within `retryWithinSeconds` of the one before: a client resending after a timeout or
 * an error.
 */
export function retryBursts(calls: readonly LogEntry[]): RetryBursts {
  const window = USAGE_THRESHOLDS.retryWithinSeconds * 1000;
  const oldestFirst = calls.toSorted((a, b) => a.at - b.at);
  const lastOf = new Map<string, LogEntry>();
  const inBurst = new Set<string>();
  let bursts = 0;
  let retries = 0;
  let retriedQuota = 0;
  for (const e of oldestFirst) {
    if (e.promptTokens < USAGE_THRESHOLDS.retryMinPromptTokens) continue;
    const key = `${e.model}\n${e.promptTokens}`;
    const before = lastOf.get(key);
    if (before && e.at - before.at <= window) {
      retries++;
      if (!isError(e)) retriedQuota += e.quota;
      if (!inBurst.has(key)) bursts++;
      inBurst.add(key);
    } else inBurst.delete(key);
    lastOf.set(key, e);
  }
  return { calls: calls.length, bursts, retries, retriedQuota };
}
