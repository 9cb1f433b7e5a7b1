import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'mocha';
import { reachabilityCheck } from '../../src/core/checks/reachabilityCheck';
import { verify } from '../../src/core/engine/verify';
import { parseProfile } from '../../src/core/profile';
import { Secret } from '../../src/core/secret';
import { startSandbox } from '../../src/sandbox/sandboxServer';

/**
 * The gateway holds chat responses for 3 s: a cancel that works ends the run before that. The
 * bound is that margin, not a tight timing (the machine is shared); npm run bench prints the
 * typical figure (under 10 ms).
 */
const PROMPT_MS = 2_500;

test('cancelling aborts every request in flight, as the gateway sees it, long before anything times out', async () => {
  const sandbox = await startSandbox({ scenario: 'slow-headers' });
  try {
    const parsed = parseProfile({ baseUrl: sandbox.baseUrl, timeoutMs: 30_000 }, Secret.of(sandbox.key));
    assert.ok(parsed.ok);
    const controller = new AbortController();
    const events: string[] = [];
    const run = verify(parsed.profile, { signal: controller.signal, onEvent: (e) => events.push(e.type) });
    // Wait until the chat probes hang on the slow upstream.
    for (let i = 0; i < 100 && sandbox.inFlight() < 5; i++) await sleep(10);
    assert.ok(sandbox.inFlight() >= 5, `only ${sandbox.inFlight()} requests in flight`);
    const cancelledAt = performance.now();
    controller.abort();
    const report = await run;
    const settleMs = performance.now() - cancelledAt;
    for (let i = 0; i < 100 && sandbox.inFlight() > 0; i++) await sleep(5);
    const closedMs = performance.now() - cancelledAt;
    assert.equal(report.verdict, 'cancelled');
    assert.ok(settleMs < PROMPT_MS, `verify settled ${settleMs.toFixed(0)} ms after cancel`);
    assert.equal(sandbox.inFlight(), 0, 'requests left in flight at the gateway');
    assert.ok(closedMs < PROMPT_MS, `the gateway saw every request end ${closedMs.toFixed(0)} ms after cancel`);
    assert.ok(report.results.some((r) => r.status === 'skipped' && /Cancelled/.test(r.summary)));
    assert.equal(events.filter((e) => e === 'finished').length, report.results.length, 'every check reported once');
  } finally {
    await sandbox.close();
  }
});

const neverAnswers = () => new Promise<{ address: string }[]>(() => undefined);

test('a DNS lookup that never answers ends at the request timeout, and the request is tried anyway', async () => {
  const sandbox = await startSandbox({ scenario: 'healthy' });
  try {
    const parsed = parseProfile({ baseUrl: sandbox.baseUrl, timeoutMs: 800 }, Secret.of(sandbox.key));
    assert.ok(parsed.ok);
    const report = await verify(parsed.profile, { lookup: neverAnswers, checks: [reachabilityCheck] });
    const [result] = report.results;
    assert.equal(result?.status, 'pass', result?.summary);
    assert.match(result.details.join(' '), /no answer within 800 ms/);
    assert.ok(result.durationMs >= 790 && result.durationMs < 800 + PROMPT_MS, `${result.durationMs} ms`);
  } finally {
    await sandbox.close();
  }
});

test('cancelling during a DNS lookup that hangs ends the run at once', async () => {
  const parsed = parseProfile({ baseUrl: 'https://gateway.invalid/v1', timeoutMs: 30_000 }, Secret.of('sk-0123456789abcdefABCDEF'));
  assert.ok(parsed.ok);
  const controller = new AbortController();
  const run = verify(parsed.profile, { lookup: neverAnswers, checks: [reachabilityCheck], signal: controller.signal });
  await sleep(50);
  const cancelledAt = performance.now();
  controller.abort();
  const report = await run;
  assert.equal(report.verdict, 'cancelled');
  assert.ok(performance.now() - cancelledAt < PROMPT_MS);
  assert.equal(report.results[0]?.status, 'skipped');
  assert.match(report.results[0].summary, /Cancelled/);
});
