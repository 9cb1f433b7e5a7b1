import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { verify } from '../../src/core/engine/verify';
import { parseProfile } from '../../src/core/profile';
import { Secret } from '../../src/core/secret';
import { startSandbox } from '../../src/sandbox/sandboxServer';

test('cancelling aborts every request in flight within 100 ms, as the gateway sees it', async () => {
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
    for (let i = 0; i < 20 && sandbox.inFlight() > 0; i++) await sleep(5);
    const closedMs = performance.now() - cancelledAt;
    assert.equal(report.verdict, 'cancelled');
    assert.ok(settleMs < 100, `verify settled ${settleMs.toFixed(0)} ms after cancel`);
    assert.equal(sandbox.inFlight(), 0, 'requests left in flight at the gateway');
    assert.ok(closedMs < 100, `the gateway saw every request end ${closedMs.toFixed(0)} ms after cancel`);
    assert.ok(report.results.some((r) => r.status === 'skipped' && /Cancelled/.test(r.summary)));
    assert.equal(events.filter((e) => e === 'finished').length, report.results.length, 'every check reported once');
  } finally {
    await sandbox.close();
  }
});
