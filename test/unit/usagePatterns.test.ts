import assert from 'node:assert/strict';
import { test } from 'mocha';
import type { LogEntry } from '../../src/core/gatewayLog/logEntry';
import { clientIps } from '../../src/core/usage/clientIps';
import { errorRate } from '../../src/core/usage/errorRate';
import { longPrompts } from '../../src/core/usage/longPrompts';
import { retryBursts } from '../../src/core/usage/retryBursts';
import { spendByModel } from '../../src/core/usage/spendByModel';
import { MAX_BUCKETS, spendOverTime } from '../../src/core/usage/spendOverTime';
import { USAGE_THRESHOLDS } from '../../src/core/usage/usageThresholds';

const T = Date.UTC(2026, 7, 11, 0);
const HOUR = 3_600_000;
const call = (at: number, extra: Partial<LogEntry> = {}): LogEntry => ({
  at,
  type: 2,
  model: 'gpt-5.4',
  quota: 100,
  promptTokens: 1_000,
  completionTokens: 100,
  ...extra,
});

test('spend by model: calls, failures, tokens and quota, the most expensive first', () => {
  const rows = spendByModel([call(T), call(T, { model: 'claude', quota: 500 }), call(T, { type: 5, quota: 0 })]);
  assert.deepEqual(rows, [
    { model: 'claude', calls: 1, errors: 0, promptTokens: 1_000, completionTokens: 100, quota: 500 },
    { model: 'gpt-5.4', calls: 2, errors: 1, promptTokens: 2_000, completionTokens: 200, quota: 100 },
  ]);
});

test('spend over time: by the hour with the empty hours, larger buckets when the span is longer than three days', () => {
  const day = spendOverTime([call(T + 10 * 60_000), call(T + 3 * HOUR + 5)]);
  assert.equal(day.bucketHours, 1);
  assert.deepEqual(
    day.buckets.map((b) => [b.start - T, b.calls, b.quota]),
    [
      [0, 1, 100],
      [HOUR, 0, 0],
      [2 * HOUR, 0, 0],
      [3 * HOUR, 1, 100],
    ],
  );
  const month = spendOverTime([call(T), call(T + 30 * 24 * HOUR)]);
  assert.equal(month.bucketHours, 12);
  assert.ok(month.buckets.length <= MAX_BUCKETS);
  assert.equal(
    month.buckets.reduce((n, b) => n + b.calls, 0),
    2,
  );
  assert.deepEqual(spendOverTime([]), { bucketHours: 1, buckets: [] });
});

test('long prompts: the share of calls and of spend at or over the threshold', () => {
  const long = USAGE_THRESHOLDS.longPromptTokens;
  const lp = longPrompts([call(T, { promptTokens: long, quota: 900 }), call(T), call(T, { type: 5, promptTokens: long * 2 })]);
  assert.deepEqual(lp, { calls: 2, long: 1, shareOfCalls: 0.5, shareOfSpend: 0.9, longest: long });
});

test('retries: the same model and prompt again within seconds, per burst; a later identical request, or a tiny connection test, is not one', () => {
  const w = USAGE_THRESHOLDS.retryWithinSeconds * 1000;
  const rb = retryBursts([
    call(T, { promptTokens: 5_000, type: 5, quota: 0 }),
    call(T + 2_000, { promptTokens: 5_000 }),
    call(T + 4_000, { promptTokens: 5_000 }),
    call(T + 4_000 + w + 1, { promptTokens: 5_000 }),
    call(T + 1_000, { promptTokens: 5_000, model: 'claude' }),
    call(T + 60_000, { promptTokens: 0 }),
    call(T + 60_001, { promptTokens: 0 }),
    // The doctor's own "pong" probe, run again a few seconds later, is a connection test.
    call(T + 90_000, { promptTokens: 12, completionTokens: 1 }),
    call(T + 93_000, { promptTokens: 12, completionTokens: 1 }),
  ]);
  assert.deepEqual(rb, { calls: 9, bursts: 1, retries: 2, retriedQuota: 200 });
});

test('error rate and client addresses', () => {
  assert.deepEqual(errorRate([call(T), call(T, { type: 5 })]), { calls: 2, errors: 1, share: 0.5 });
  assert.deepEqual(errorRate([]), { calls: 0, errors: 0, share: 0 });
  assert.deepEqual(clientIps([call(T), call(T)]), { recorded: false, ips: [] });
  assert.deepEqual(clientIps([call(T, { ip: '10.0.0.2' }), call(T, { ip: '10.0.0.1' }), call(T, { ip: '10.0.0.1' })]), {
    recorded: true,
    ips: [
      { ip: '10.0.0.1', calls: 2 },
      { ip: '10.0.0.2', calls: 1 },
    ],
  });
});
