// The gateway's critical rate limit as a budget: the status bar's checks and full runs that share
// one host (as the panel and the status bar do) stay within it, counted at the gateway over a
// simulated 40 minutes (a clock the gateway and the doctor share, moved instead of waited for); and
// after the gateway's empty 429 the doctor says so and calls neither route until the window passed.
import assert from 'node:assert/strict';
import { test } from 'mocha';
import { CriticalGate, memoryLedgerStore } from '../../src/core/critical/criticalGate';
import { CRITICAL_BUCKET, CRITICAL_BUDGET } from '../../src/core/critical/criticalLimits';
import { verify } from '../../src/core/engine/verify';
import { parseProfile } from '../../src/core/profile';
import type { Report } from '../../src/core/report/report';
import { Secret } from '../../src/core/secret';
import { startSandbox, type Sandbox } from '../../src/sandbox/sandboxServer';
import { resultOf } from '../support/runScenario';

const MINUTE = 60_000;

function simulated() {
  let now = Date.now();
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

async function run(sandbox: Sandbox, gate: CriticalGate, mode: 'full' | 'health'): Promise<{ report: Report; critical: number }> {
  const parsed = parseProfile({ baseUrl: sandbox.baseUrl, models: ['gpt-5.4'], mode }, Secret.of(sandbox.key));
  assert.ok(parsed.ok);
  const before = sandbox.state.requests.filter((r) => r.critical).length;
  const report = await verify(parsed.profile, { critical: gate, logGraceMs: 0 });
  return { report, critical: sandbox.state.requests.filter((r) => r.critical).length - before };
}

test('a status-bar check every minute and a full run every 90 seconds stay within the budget over 40 simulated minutes', async () => {
  const clock = simulated();
  const sandbox = await startSandbox({ scenario: 'healthy', clock: clock.now });
  const gate = new CriticalGate(memoryLedgerStore(), clock.now);
  const spent = { health: [] as number[], full: [] as number[] };
  try {
    for (let second = 0; second < 40 * 60; second += 30) {
      if (second % 60 === 0) spent.health.push((await run(sandbox, gate, 'health')).critical);
      if (second % 90 === 0) spent.full.push((await run(sandbox, gate, 'full')).critical);
      clock.advance(30_000);
    }
  } finally {
    await sandbox.close();
  }
  const critical = sandbox.state.requests.filter((r) => r.critical);
  assert.ok(
    critical.every((r) => r.critical === 'passed'),
    'the gateway never refused',
  );
  assert.ok(Math.max(...spent.health) <= CRITICAL_BUDGET.perHealthCheck, `health checks spent ${spent.health.join(',')}`);
  assert.ok(Math.max(...spent.full) <= CRITICAL_BUDGET.perFullRun, `full runs spent ${spent.full.join(',')}`);
  const inWindow = critical.map((r) => critical.filter((o) => o.at > r.at - CRITICAL_BUCKET.windowMs && o.at <= r.at).length);
  const busiest = Math.max(...inWindow);
  assert.ok(busiest <= CRITICAL_BUCKET.size - CRITICAL_BUDGET.reserve, `${busiest} requests in one 20-minute window`);
  assert.equal(busiest, 15, 'the schedule asks for more: the budget, not the schedule, held it at 15');
  assert.ok(spent.health.filter((n) => n === 0).length > spent.health.length / 2, 'most status-bar checks used an answer younger than five minutes');
  console.log(
    `critical budget: ${critical.length} requests in 40 simulated minutes (${spent.health.length} health checks: ${spent.health.reduce((a, b) => a + b, 0)}, ${spent.full.length} full runs: ${spent.full.reduce((a, b) => a + b, 0)}); at most ${busiest} in any 20 minutes`,
  );
});

test('the gateway’s empty 429: said plainly, then neither route is called until its Retry-After has passed', async () => {
  const clock = simulated();
  const sandbox = await startSandbox({ scenario: 'critical-limit', clock: clock.now });
  const gate = new CriticalGate(memoryLedgerStore(), clock.now);
  try {
    const first = await run(sandbox, gate, 'full');
    assert.equal(first.critical, 1, 'one request found the limit reached');
    assert.equal(sandbox.state.requests.find((r) => r.critical)?.critical, 'refused');
    const quota = resultOf(first.report, 'quota');
    assert.equal(quota.symptom, 'rate.critical');
    assert.match(
      quota.summary,
      /critical rate limit is reached: \/api\/usage\/token\/ answered 429 with an empty body\. Its dashboard login may be refused for up to 20 minutes/,
    );
    assert.equal(first.report.findings.find((f) => f.checkId === 'quota')?.rowId, 'gateway.critical-limit');
    const log = resultOf(first.report, 'log');
    assert.equal(log.status, 'skipped');
    assert.match(log.summary, /critical rate limit was reached \(an empty 429\): the doctor does not call its token status or log route for about 20 minutes/);
    assert.equal(first.report.checklist.find((c) => c.item.id === 'cursor.in-logs')?.state, 'manual');

    clock.advance(10 * MINUTE);
    const later = [await run(sandbox, gate, 'health'), await run(sandbox, gate, 'full')];
    assert.deepEqual(
      later.map((r) => r.critical),
      [0, 0],
      'nothing sent while the lock holds',
    );
    assert.match(resultOf(later[0]!.report, 'quota').details.join(' '), /not read: the gateway’s critical rate limit was reached .* for about 10 minutes/);

    clock.advance(10 * MINUTE + 1_000);
    const after = await run(sandbox, gate, 'full');
    assert.equal(after.critical, 2, 'after the window the doctor asks again');
    assert.equal(resultOf(after.report, 'log').status, 'pass');
  } finally {
    await sandbox.close();
  }
});
