import type { LogEntry } from '../gatewayLog/logEntry';
import type { ProbeMatch } from '../gatewayLog/matchProbes';
import { displayLabel, formatQuota, quotaValue, type QuotaDisplay } from '../money/quotaDisplay';
import { recentCalls } from './ownRun';
import { spendByModel } from './spendByModel';
import { spendOverTime } from './spendOverTime';

/** new-api returns at most MaxRecentItems entries (1000 since 2026-02; 100 before): a full page means older ones exist. */
const PAGE_SIZES = [100, 1000];

/** The "Usage" section of a report: where the token's recent money went, by model and over time. */
export interface UsageReport {
  /** Entries the log returned, and whether that is the gateway's limit (older ones were left out). */
  entries: number;
  atLimit: boolean;
  /** Calls analysed (billed or failed), this run's own left out. */
  calls: number;
  ownRun: number;
  /** First and last call, ISO 8601 (the gateway's clock). */
  from?: string;
  to?: string;
  unit: string;
  total: { quota: number; spend: number; text: string };
  byModel: { model: string; calls: number; errors: number; promptTokens: number; completionTokens: number; spend: number; text: string; share: number }[];
  overTime: { bucketHours: number; buckets: { start: string; calls: number; spend: number; text: string }[] };
}

export function usageReport(entries: readonly LogEntry[], matches: readonly ProbeMatch[] | undefined, display: QuotaDisplay): UsageReport {
  const { calls, ownRun } = recentCalls(entries, matches);
  const quota = calls.reduce((n, e) => n + e.quota, 0);
  const times = calls.map((e) => e.at);
  const time = spendOverTime(calls);
  return {
    entries: entries.length,
    atLimit: PAGE_SIZES.includes(entries.length),
    calls: calls.length,
    ownRun,
    from: times.length > 0 ? new Date(Math.min(...times)).toISOString() : undefined,
    to: times.length > 0 ? new Date(Math.max(...times)).toISOString() : undefined,
    unit: displayLabel(display),
    total: { quota, spend: quotaValue(quota, display), text: formatQuota(quota, display) },
    byModel: spendByModel(calls).map((m) => ({
      model: m.model,
      calls: m.calls,
      errors: m.errors,
      promptTokens: m.promptTokens,
      completionTokens: m.completionTokens,
      spend: quotaValue(m.quota, display),
      text: formatQuota(m.quota, display),
      share: quota === 0 ? 0 : m.quota / quota,
    })),
    overTime: {
      bucketHours: time.bucketHours,
      buckets: time.buckets.map((b) => ({
        start: new Date(b.start).toISOString(),
        calls: b.calls,
        spend: quotaValue(b.quota, display),
        text: formatQuota(b.quota, display),
      })),
    },
  };
}
