import assert from 'node:assert/strict';
import { test } from 'mocha';
import { EMPTY_LEDGER, heldBack, prune, readLedger, recordLimited, recordSpend, type Ledger } from '../../src/core/critical/criticalLedger';
import { CRITICAL_BUCKET, CRITICAL_BUDGET } from '../../src/core/critical/criticalLimits';

const ORIGIN = 'https://crazyrouter.com';
const MINUTE = 60_000;
const T0 = Date.UTC(2026, 7, 11, 12, 0, 0);

const spent = (times: number[], origin = ORIGIN): Ledger => times.reduce((l, at) => recordSpend(l, origin, at), structuredClone(EMPTY_LEDGER));

test('the limits are new-api’s (20 per 20 minutes) and the doctor’s share of them', () => {
  assert.equal(CRITICAL_BUCKET.size, 20);
  assert.equal(CRITICAL_BUCKET.windowMs, 20 * MINUTE);
  assert.deepEqual(CRITICAL_BUDGET, { perFullRun: 2, perHealthCheck: 1, reserve: 5, reuseMs: 5 * MINUTE });
});

test('a run spends what it may and no more', () => {
  assert.equal(heldBack(EMPTY_LEDGER, ORIGIN, T0, 0, 2), undefined);
  assert.equal(heldBack(EMPTY_LEDGER, ORIGIN, T0, 1, 2), undefined);
  assert.deepEqual(heldBack(EMPTY_LEDGER, ORIGIN, T0, 2, 2), { why: 'run-allowance', allowance: 2 });
  assert.deepEqual(heldBack(EMPTY_LEDGER, ORIGIN, T0, 1, 1), { why: 'run-allowance', allowance: 1 });
});

test('the last 5 requests of a 20-minute window are never spent, and free again as the window moves', () => {
  const fifteen = spent(Array.from({ length: 15 }, (_, i) => T0 + i * MINUTE));
  const now = T0 + 15 * MINUTE;
  assert.equal(heldBack(spent(Array.from({ length: 14 }, (_, i) => T0 + i * MINUTE)), ORIGIN, now, 0, 2), undefined, 'the 15th may go');
  assert.deepEqual(heldBack(fifteen, ORIGIN, now, 0, 2), { why: 'reserve', spentInWindow: 15, until: T0 + 20 * MINUTE });
  assert.equal(heldBack(fifteen, ORIGIN, T0 + 20 * MINUTE + 1, 0, 2), undefined, 'the oldest left the window');
  assert.equal(heldBack(fifteen, 'https://other.example', now, 0, 2), undefined, 'another gateway has a bucket of its own');
});

test('after the gateway’s empty 429 nothing is sent until its Retry-After, or the whole window without one', () => {
  const withRetry = recordLimited(EMPTY_LEDGER, ORIGIN, T0, 90_000);
  assert.deepEqual(heldBack(withRetry, ORIGIN, T0 + 60_000, 0, 2), { why: 'locked', until: T0 + 90_000 });
  assert.equal(heldBack(withRetry, ORIGIN, T0 + 90_001, 0, 2), undefined);
  const without = recordLimited(EMPTY_LEDGER, ORIGIN, T0, undefined);
  assert.deepEqual(heldBack(without, ORIGIN, T0 + 19 * MINUTE, 0, 2), { why: 'locked', until: T0 + 20 * MINUTE });
  assert.deepEqual(
    heldBack(recordLimited(EMPTY_LEDGER, ORIGIN, T0, 10 * 3_600_000), ORIGIN, T0, 0, 2),
    { why: 'locked', until: T0 + 20 * MINUTE },
    'at most a window',
  );
});

test('pruning keeps only the window, and a stored ledger that is not one starts afresh', () => {
  const old = spent([T0 - 30 * MINUTE, T0 - 5 * MINUTE]);
  assert.deepEqual(prune(old, T0).origins[ORIGIN]?.spent, [T0 - 5 * MINUTE]);
  assert.deepEqual(prune(spent([T0 - 30 * MINUTE]), T0).origins, {}, 'an origin with nothing left is dropped');
  for (const junk of [undefined, null, 'x', { v: 2, origins: {} }, { v: 1, origins: { a: { spent: 'no' } } }]) assert.deepEqual(readLedger(junk), EMPTY_LEDGER);
  assert.deepEqual(readLedger(old), old);
});
