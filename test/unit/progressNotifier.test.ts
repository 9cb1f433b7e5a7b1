import assert from 'node:assert/strict';
import { test } from 'mocha';
import type { CheckResult } from '../../src/core/checks/checkTypes';
import { PROGRESS_QUIET_MS, progressNotifier } from '../../src/cli/mcp/progressNotifier';

const result = { id: 'reachability', title: 'Reachability', status: 'pass' } as CheckResult;

test('without a progress notification, a result does not wait', async () => {
  // With ten minutes of quiet asked for, a wait would time the test out.
  await progressNotifier(() => {}, 600_000).quiet(new AbortController().signal);
});

test('a result waits the quiet time after the last progress notification; each is sent when its check finishes', async () => {
  const sent: number[] = [];
  const progress = progressNotifier((done) => sent.push(done));
  progress.onCheck(1, 2, result);
  assert.deepEqual(sent, [1], 'not held back');
  progress.onCheck(2, 2, result);
  const started = performance.now();
  await progress.quiet(new AbortController().signal);
  assert.deepEqual(sent, [1, 2]);
  // A timer may fire a millisecond early; it never fires before it is due by more.
  assert.ok(performance.now() - started >= PROGRESS_QUIET_MS - 2, `waited ${performance.now() - started} ms`);
});

test('a cancelled request does not wait for quiet', async () => {
  const progress = progressNotifier(() => {}, 600_000);
  const cancel = new AbortController();
  progress.onCheck(1, 1, result);
  const waiting = progress.quiet(cancel.signal);
  cancel.abort();
  await waiting; // without the abort this would wait ten minutes and the test would time out
  const already = new AbortController();
  already.abort();
  await progress.quiet(already.signal);
});
