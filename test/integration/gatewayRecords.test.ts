// The doctor reads the gateway's own records: each request of a run found in the token's log (by
// request id, or by model and time where the log has no ids), its cost in the unit the gateway
// displays, the chosen models' prices for the token's group, and a gateway it must not ask.
import assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import type { ClientId } from '../../src/core/clients/clients';
import { findScenario, HEALTHY_TOKEN, type Scenario } from '../../src/sandbox/scenarios';
import { CriticalGate, memoryLedgerStore } from '../../src/core/critical/criticalGate';
import { verify } from '../../src/core/engine/verify';
import { LOG_WRITE_GRACE_MS } from '../../src/core/gatewayLog/logTiming';
import { parseProfile } from '../../src/core/profile';
import { Secret } from '../../src/core/secret';
import { startSandbox } from '../../src/sandbox/sandboxServer';
import { resultOf, runScenario } from '../support/runScenario';

const healthy = findScenario('healthy')!;
const variant = (changes: Partial<Scenario>): Scenario => ({ ...healthy, id: 'variant', ...changes });
const FAST = { logGraceMs: 0 };

suite('the run in the gateway’s log', () => {
  test('every request that reached the model is found by its request id, and its evidence says what the gateway billed', async () => {
    const { report, sandbox } = await runScenario('healthy', {}, FAST);
    const log = resultOf(report, 'log');
    assert.equal(log.status, 'pass', log.summary);
    assert.match(log.summary, /^All 5 requests of this run are in the gateway’s log \(found by request id\); they cost \$[\d.]+\.$/);
    const relayed = sandbox.state.requests.filter((r) => r.path === '/v1/chat/completions' && r.status === 200);
    assert.equal(relayed.length, 5);
    for (const id of ['chat:gpt-5.4', 'chat:claude-sonnet-4-6', 'chat:gemini-3-pro-preview', 'tools', 'streaming']) {
      const logged = resultOf(report, id).evidence.find((e) => e.logged)?.logged;
      assert.equal(logged?.found, true, id);
      assert.equal(logged?.by, 'request-id');
      assert.equal(logged?.model, resultOf(report, id).model);
      assert.ok((logged?.quota ?? 0) > 0 && /^\$[\d.]+$/.test(logged?.cost ?? ''), JSON.stringify(logged));
    }
    const billed = sandbox.state.logs.filter((e) => e.requestId).reduce((n, e) => n + e.quota, 0);
    assert.equal(report.cost?.run?.quota, billed, 'the run’s cost is the gateway’s own quota for these requests');
    assert.equal(report.checklist.find((c) => c.item.id === 'cursor.in-logs')?.state, 'verified');
  });

  test('where the log records no request ids, by model and time, and the report says it is weaker', async () => {
    const { report } = await runScenario(variant({ faults: { logWithoutRequestIds: true } }), {}, FAST);
    const log = resultOf(report, 'log');
    assert.equal(log.status, 'pass', log.summary);
    assert.match(log.summary, /found by model and time/);
    assert.ok(log.details.some((d) => /does not record request ids .* could be taken for one of the doctor’s/.test(d)));
    assert.equal(resultOf(report, 'chat:gpt-5.4').evidence.find((e) => e.logged)?.logged?.by, 'time');
    assert.equal(report.cost?.run?.byTime, true);
  });

  test('the log is read only after the write grace: entries written 300 ms after their answer are found with it, missed without it', async () => {
    const lagging = variant({ log: { ...healthy.log, lagMs: 300 } });
    const started = Date.now();
    const waited = await runScenario(lagging, {}, { logGraceMs: LOG_WRITE_GRACE_MS });
    assert.equal(resultOf(waited.report, 'log').status, 'pass', resultOf(waited.report, 'log').summary);
    assert.ok(Date.now() - started >= LOG_WRITE_GRACE_MS, 'the grace was waited');
    const hasty = await runScenario(lagging, {}, FAST);
    assert.equal(resultOf(hasty.report, 'log').status, 'warn', resultOf(hasty.report, 'log').summary);
  });

  test('a log that lags leaves the item to the user, with the request ids to look for; nothing fails', async () => {
    const { report } = await runScenario('log-delayed', { client: 'cherry-studio' }, FAST);
    assert.equal(report.counts.fail, 0);
    const log = resultOf(report, 'log');
    assert.equal(log.status, 'warn');
    const item = report.checklist.find((c) => c.item.id === 'cherry.in-logs');
    assert.equal(item?.state, 'manual');
    const ids = report.results.flatMap((r) => r.evidence.filter((e) => e.logged && !e.logged.found).map((e) => e.requestId));
    assert.equal(ids.length, 6);
    for (const id of ids) assert.ok(item?.reason?.includes(id!), `${id} is named in: ${item?.reason}`);
  });

  test('a log with no entry at all for the token says what that can mean', async () => {
    const { report } = await runScenario(variant({ log: { history: 'none', recordIp: true, lagMs: 600_000 } }), {}, FAST);
    const log = resultOf(report, 'log');
    assert.equal(log.status, 'warn');
    assert.match(log.summary, /returned no entry at all for this token: it may not record consumption, or its log route may take the token only in the URL/);
    assert.equal(report.usage?.calls, 0);
  });

  test('new-api of April 2025: its log route takes the key in the URL, so it is never called, and the item says why', async () => {
    const { report, sandbox } = await runScenario('old-log-route', {}, FAST);
    assert.ok(!sandbox.state.requests.some((r) => r.path === '/api/log/token'), 'no request to the log route at all');
    const log = resultOf(report, 'log');
    assert.equal(log.status, 'skipped');
    assert.ok(log.details.some((d) => /GET \/api\/log\/token\?key=sk-…, with the token in the URL, where proxies and server logs keep it/.test(d)));
    assert.match(report.checklist.find((c) => c.item.id === 'cursor.in-logs')?.reason ?? '', /never calls that form/);
    assert.equal(report.usage, undefined);
    assert.match(resultOf(report, 'cost').summary, /The run’s own cost is not known/);
  });

  test('the item is ticked for every client whose checklist has it, and only there', async () => {
    for (const client of ['cherry-studio', 'cursor', 'claude-code'] as ClientId[]) {
      const { report } = await runScenario('healthy', { client }, FAST);
      const item = report.checklist.find((c) => c.item.proof.kind === 'check' && c.item.proof.checks.includes('log'));
      if (client === 'claude-code') assert.equal(item, undefined);
      else assert.equal(item?.state, 'verified', client);
    }
  });
});

suite('what it cost, in the gateway’s unit, and the chosen models’ prices', () => {
  for (const [display, pattern] of [
    ['CNY', /^This run cost ¥[\d.]+ \(5 requests\)/],
    ['TOKENS', /^This run cost [\d,]+ quota units \(5 requests\)/],
    ['CUSTOM', /^This run cost Ⓒ[\d.]+ \(5 requests\)/],
  ] as const) {
    test(`quota shown as ${display}`, async () => {
      const { report } = await runScenario(variant({ display }), {}, FAST);
      assert.match(resultOf(report, 'cost').summary, pattern);
      assert.equal(report.usage?.unit, display === 'TOKENS' ? 'quota units' : display === 'CUSTOM' ? 'Ⓒ (custom currency)' : 'CNY');
    });
  }

  test('prices for the token’s group, read from its log (vip ×0.8)', async () => {
    const { report } = await runScenario(variant({ token: { ...HEALTHY_TOKEN, group: 'vip' } }), {}, FAST);
    assert.equal(report.cost?.group, 'vip');
    assert.equal(report.cost?.groupRatio, 0.8);
    assert.deepEqual(report.cost?.prices[0], { model: 'gpt-5.4', input: '$1.00', output: '$8.00', timesBaseline: undefined });
  });

  test('a chosen model far dearer than the baseline is the guides’ advice as a finding', async () => {
    const { report } = await runScenario('unlimited-quota', { models: ['gpt-5.4', 'claude-opus-4-6'] }, FAST);
    const cost = resultOf(report, 'cost');
    assert.equal(cost.status, 'warn');
    assert.equal(cost.symptom, 'cost.expensive-model');
    assert.match(cost.summary, /claude-opus-4-6 costs 12× what gpt-5\.4 does per token \(\$15\.00 in, \$75\.00 out per 1M\)/);
    const finding = report.findings.find((f) => f.checkId === 'cost');
    assert.equal(finding?.rowId, 'gateway.expensive-model');
    assert.match(finding?.fix ?? '', /keep gpt-5\.4 as the default model in Cursor/);
  });

  test('a site without public prices: “no public prices”, not an error', async () => {
    const { report } = await runScenario('pricing-hidden', {}, FAST);
    assert.equal(resultOf(report, 'cost').status, 'pass');
    assert.equal(report.cost?.prices.length, 0);
    assert.match(report.cost?.pricesNote ?? '', /^No public prices: the site keeps its pricing page private\.$/);
  });
});

suite('why the bill moves: the token’s recent usage', () => {
  test('spend by model and over time, without this run’s own requests', async () => {
    const { report } = await runScenario('healthy', {}, FAST);
    const usage = report.usage!;
    assert.equal(usage.calls, 48);
    assert.equal(usage.ownRun, 5);
    assert.deepEqual(
      usage.byModel.map((m) => [m.model, m.calls]),
      [
        ['claude-sonnet-4-6', 16],
        ['gpt-5.4', 24],
        ['gemini-3-pro-preview', 8],
      ],
    );
    assert.equal(
      usage.overTime.buckets.reduce((n, b) => n + b.calls, 0),
      48,
    );
    assert.equal(usage.overTime.bucketHours, 1);
  });

  test('running the doctor again and again is not a client that retries', async () => {
    const sandbox = await startSandbox({ scenario: 'healthy' });
    try {
      const parsed = parseProfile({ baseUrl: sandbox.baseUrl }, Secret.of(sandbox.key));
      assert.ok(parsed.ok);
      const gate = new CriticalGate(memoryLedgerStore());
      let report = await verify(parsed.profile, { critical: gate, logGraceMs: 0 });
      for (let i = 0; i < 3; i++) report = await verify(parsed.profile, { critical: gate, logGraceMs: 0 });
      assert.equal(report.usage?.calls, 48 + 3 * 5, 'the earlier runs are in the log');
      assert.equal(resultOf(report, 'usage:retries').status, 'pass', resultOf(report, 'usage:retries').summary);
    } finally {
      await sandbox.close();
    }
  });

  test('Cursor calls from its own servers: its addresses are not read as a shared token', async () => {
    const { report } = await runScenario('shared-token', { client: 'cursor' }, FAST);
    const ips = resultOf(report, 'usage:client-ips');
    assert.equal(ips.status, 'skipped');
    assert.match(ips.summary, /Cursor sends requests from its own servers/);
  });
});
