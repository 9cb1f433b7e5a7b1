import type { LogEntry } from '../gatewayLog/logEntry';
import { isError } from './usageCalls';
import { USAGE_THRESHOLDS } from './usageThresholds';

export interface LongPrompts {
  calls: number;
  long: number;
  /** Share of the billed calls with a prompt of at least `longPromptTokens`. */
  shareOfCalls: number;
  /** Share of the quota those calls spent. */
  shareOfSpend: number;
  /** The longest prompt seen, in tokens. */
  longest: number;
}

/** How much of the token's spending goes to very long prompts (long multi-turn context). */
export function longPrompts(calls: readonly LogEntry[]): LongPrompts {
  const billed = calls.filter((e) => !isError(e));
  const long = billed.filter((e) => e.promptTokens >= USAGE_THRESHOLDS.longPromptTokens);
  const quota = billed.reduce((n, e) => n + e.quota, 0);
  const longQuota = long.reduce((n, e) => n + e.quota, 0);
  return {
    calls: billed.length,
    long: long.length,
    shareOfCalls: billed.length === 0 ? 0 : long.length / billed.length,
    shareOfSpend: quota === 0 ? 0 : longQuota / quota,
    longest: billed.reduce((n, e) => Math.max(n, e.promptTokens), 0),
  };
}
