import type { LogEntry } from '../gatewayLog/logEntry';

/** At most this many bars: a chart and a table a person can read (three days by the hour). */
export const MAX_BUCKETS = 72;
/** Bucket sizes tried in turn, in hours, until the log's span fits in MAX_BUCKETS. */
const BUCKET_HOURS = [1, 2, 3, 6, 12, 24, 48, 168] as const;
const HOUR_MS = 3_600_000;

export interface SpendBucket {
  /** Start of the bucket, ms since the epoch (the gateway's clock), on a whole hour. */
  start: number;
  quota: number;
  calls: number;
}

/**
 * Quota spent per hour over the log's span, oldest first, empty hours included; larger buckets when
 * the span is longer than MAX_BUCKETS hours.
 */
export function spendOverTime(calls: readonly LogEntry[]): { bucketHours: number; buckets: SpendBucket[] } {
  if (calls.length === 0) return { bucketHours: 1, buckets: [] };
  const times = calls.map((e) => e.at);
  const first = Math.floor(Math.min(...times) / HOUR_MS) * HOUR_MS;
  const last = Math.max(...times);
  const bucketHours = BUCKET_HOURS.find((h) => Math.ceil((last - first + 1) / (h * HOUR_MS)) <= MAX_BUCKETS) ?? BUCKET_HOURS.at(-1)!;
  const size = bucketHours * HOUR_MS;
  const count = Math.min(MAX_BUCKETS, Math.ceil((last - first + 1) / size));
  const buckets: SpendBucket[] = Array.from({ length: count }, (_, i) => ({ start: first + i * size, quota: 0, calls: 0 }));
  for (const e of calls) {
    const bucket = buckets[Math.min(count - 1, Math.floor((e.at - first) / size))]!;
    bucket.quota += e.quota;
    bucket.calls++;
  }
  return { bucketHours, buckets };
}
