import assert from 'node:assert/strict';
import { test } from 'mocha';
import type { LogEntry } from '../../src/core/gatewayLog/logEntry';
import { matchProbes } from '../../src/core/gatewayLog/matchProbes';
import type { Probe } from '../../src/core/gatewayLog/runProbes';

const T = Date.UTC(2026, 7, 11, 12);
const probe = (checkId: string, model: string, startMs: number, extra: Partial<Probe> = {}): Probe => ({
  checkId,
  evidenceIndex: 0,
  title: checkId,
  model,
  startMs,
  endMs: startMs + 400,
  ...extra,
});
const entry = (model: string, at: number, extra: Partial<LogEntry> = {}): LogEntry => ({
  at,
  type: 2,
  model,
  quota: 10,
  promptTokens: 8,
  completionTokens: 1,
  ...extra,
});

test('by the request id the response carried', () => {
  const e = entry('gpt-5.4', T + 60_000, { requestId: 'R1' });
  const [m] = matchProbes([probe('chat', 'gpt-5.4', T, { requestId: 'R1' })], [entry('gpt-5.4', T + 100, { requestId: 'R0' }), e], 0);
  assert.equal(m?.entry, e);
  assert.equal(m?.by, 'request-id');
});

test('where the log records ids, a request whose id is not there is missing, not found by time', () => {
  const [m] = matchProbes([probe('chat', 'gpt-5.4', T, { requestId: 'R9' })], [entry('gpt-5.4', T + 500, { requestId: 'R1' })], 0);
  assert.equal(m?.entry, undefined);
});

test('without ids: the same model within the window on the gateway’s clock, the same prompt tokens first, then the nearest', () => {
  const skew = 30_000;
  const far = entry('gpt-5.4', T + skew + 60_000);
  const other = entry('claude-sonnet-4-6', T + skew + 400);
  const near = entry('gpt-5.4', T + skew + 500, { promptTokens: 99 });
  const same = entry('gpt-5.4', T + skew + 2_000, { promptTokens: 8 });
  const [m] = matchProbes([probe('chat', 'gpt-5.4', T, { promptTokens: 8 })], [far, other, near, same], skew);
  assert.equal(m?.entry, same);
  assert.equal(m?.by, 'time');
  assert.equal(matchProbes([probe('chat', 'gpt-5.4', T)], [far], skew)[0]?.entry, undefined, 'a minute later is not this request');
  assert.equal(matchProbes([probe('chat', 'gpt-5.4', T)], [far], undefined)[0]?.entry, far, 'with the gateway’s clock unknown, two minutes either way');
});

test('an entry answers for one request only; error entries are never a billed request', () => {
  const one = entry('gpt-5.4', T + 600);
  const matches = matchProbes([probe('a', 'gpt-5.4', T), probe('b', 'gpt-5.4', T + 100)], [one, entry('gpt-5.4', T + 700, { type: 5 })], 0);
  assert.deepEqual(
    matches.map((m) => m.entry),
    [one, undefined],
  );
});
