import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startSandbox, type Sandbox } from '../../src/sandbox/sandboxServer';
import { activatedApi, restoreSettings, setSetting, until } from './support';

const background = (item: { backgroundColor?: vscode.ThemeColor } | undefined) => (item?.backgroundColor as { id?: string } | undefined)?.id;
const tooltip = (item: { tooltip?: string | vscode.MarkdownString } | undefined) =>
  typeof item?.tooltip === 'string' ? item.tooltip : (item?.tooltip?.value ?? '');

suite('Status-bar token health', () => {
  const sandboxes: Sandbox[] = [];

  suiteSetup(() => setSetting('healthCheck.intervalMinutes', 0));
  suiteTeardown(async () => {
    await restoreSettings();
    await Promise.all(sandboxes.map((s) => s.close()));
  });

  async function checkAgainst(scenario: string, key?: string) {
    const sandbox = await startSandbox({ scenario });
    sandboxes.push(sandbox);
    const api = await activatedApi();
    await setSetting('baseUrl', sandbox.baseUrl);
    await api.tokens.store(key ?? sandbox.key, sandbox.origin);
    await api.health.checkNow();
    return { api, sandbox, item: api.health.view };
  }

  test('healthy: pass icon, no background, tooltip with time, latency, models and quota', async () => {
    const { item, sandbox } = await checkAgainst('healthy');
    assert.ok(item, 'the item exists once a token is stored');
    assert.equal(item.text, '$(pass) Crazyrouter');
    assert.equal(item.name, 'Crazyrouter Token Health');
    assert.deepEqual(item.command, { title: 'Open Verify Setup', command: 'crazyrouter.verifySetup', arguments: [{ from: 'status-bar' }] });
    assert.equal(background(item), undefined);
    assert.match(tooltip(item), /Last check: .*no tokens spent/);
    assert.match(tooltip(item), /Latency: \d+ ms · Models: 3 · Quota: \$16\.90 of \$20\.00 left/);
    assert.match(item.accessibilityInformation?.label ?? '', /^Crazyrouter token health: healthy\./);
    assert.equal(sandbox.state.completionTokensServed(), 0, 'a health check spends no tokens');
    assert.ok(!sandbox.state.requests.some((r) => r.path.endsWith('/chat/completions') && r.authenticated));
  });

  test('warning: warning background for an uncapped token', async () => {
    const { item } = await checkAgainst('unlimited-quota');
    assert.equal(item?.text, '$(warning) Crazyrouter');
    assert.equal(background(item), 'statusBarItem.warningBackground');
    assert.match(tooltip(item), /Quota: no cap/);
  });

  test('failing: error background for a rejected token', async () => {
    const { item } = await checkAgainst('healthy', 'sk-unknownunknownunknown00');
    assert.equal(item?.text, '$(error) Crazyrouter');
    assert.equal(background(item), 'statusBarItem.errorBackground');
    assert.match(tooltip(item), /401 Invalid token/);
  });

  test('offline: failing, and the tooltip says checks are spaced out', async () => {
    const dead = await startSandbox({ scenario: 'healthy' });
    const base = dead.baseUrl;
    await dead.close();
    const api = await activatedApi();
    await api.tokens.store(dead.key, dead.origin);
    await setSetting('baseUrl', base);
    await api.health.checkNow();
    assert.equal(api.health.snapshot.offline, true);
    assert.match(tooltip(api.health.view), /could not be reached/);
  });

  test('a cancelled panel run, or a check that started before a newer run, never changes the status bar', async () => {
    const { api, sandbox } = await checkAgainst('healthy');
    assert.equal(api.health.view?.text, '$(pass) Crazyrouter');
    await vscode.commands.executeCommand('crazyrouter.verifySetup');
    const panel = api.panel()!;
    // Cancelled: a run whose chat calls hang on a failing gateway, cancelled half-way.
    api.runner.ask = async () => true;
    const hanging = await startSandbox({ scenario: 'slow-headers', key: sandbox.key });
    sandboxes.push(hanging);
    const run = panel.receive({ requestId: 1, type: 'run', settings: { baseUrl: hanging.baseUrl, client: 'cursor', models: ['gpt-5.4'] }, demo: false });
    await until(() => hanging.inFlight() > 0, 'the run reached the gateway');
    await panel.receive({ requestId: 1, type: 'cancel' });
    await run;
    assert.equal(api.health.view?.text, '$(pass) Crazyrouter', 'the cancelled run left the status bar alone');
    // Superseded: a health check against a slow, refusing gateway ends after a newer, healthy run.
    const slowRefusal = await startSandbox({ scenario: 'wrong-token', latencyMs: 1_500 });
    sandboxes.push(slowRefusal);
    await api.origins.approve(slowRefusal.origin);
    await setSetting('baseUrl', slowRefusal.baseUrl);
    const olderCheck = api.health.checkNow();
    await panel.receive({ requestId: 1, type: 'run', settings: { baseUrl: sandbox.baseUrl, client: 'cursor', models: ['gpt-5.4'] }, demo: false });
    await olderCheck;
    assert.equal(api.health.view?.text, '$(pass) Crazyrouter', 'the older check did not overwrite the newer run');
    await setSetting('baseUrl', sandbox.baseUrl);
    panel.dispose();
  });

  test('a report that holds the stored token is refused as the last result; the one kept before stays', async () => {
    const { api, sandbox } = await checkAgainst('healthy');
    const before = api.health.last;
    assert.ok(before, 'the health check’s result is kept');
    const changes: unknown[] = [];
    const listening = api.health.onDidChangeLast((last) => changes.push(last));
    try {
      // A report in which the token slipped through (say, a redactor bug): a newer run's, so only the token refuses it.
      const leaked = {
        ...before.report,
        startedAt: new Date().toISOString(),
        results: before.report.results.map((r, i) => (i === 0 ? { ...r, summary: `the gateway said ${sandbox.key}` } : r)),
      };
      await api.health.applyReport(leaked, 'panel');
      assert.deepEqual(changes, [], 'nobody was told of a new last result');
      assert.equal(api.health.last?.report.startedAt, before.report.startedAt, 'the earlier result is still the kept one');
      assert.ok(!JSON.stringify(api.health.last).includes(sandbox.key), 'and the kept result holds no token');
      const clean = { ...before.report, startedAt: new Date().toISOString() };
      await api.health.applyReport(clean, 'panel');
      assert.equal(api.health.last?.report.startedAt, clean.startedAt, 'a clean report from the same place is kept');
      assert.equal(api.health.last?.source, 'panel');
      assert.equal(changes.length, 1);
    } finally {
      listening.dispose();
    }
  });

  test('the critical rate limit: one request per check at most, an answer younger than five minutes used again, shared with panel runs; no token in the ledger', async () => {
    const { api, sandbox } = await checkAgainst('healthy');
    const critical = () => sandbox.state.requests.filter((r) => r.critical).map((r) => r.path);
    assert.deepEqual(critical(), ['/api/usage/token/'], 'the check read the token status once');
    await api.health.checkNow();
    await api.health.checkNow();
    assert.deepEqual(critical(), ['/api/usage/token/'], 'the next checks used that answer (younger than five minutes)');
    assert.match(tooltip(api.health.view), /Quota: \$16\.90 of \$20\.00 left/, 'and still show the quota');
    await vscode.commands.executeCommand('crazyrouter.verifySetup');
    const panel = api.panel()!;
    await panel.receive({ requestId: 1, type: 'run', settings: { baseUrl: sandbox.baseUrl, client: 'cursor', models: ['gpt-5.4'] }, demo: false });
    assert.deepEqual(critical(), ['/api/usage/token/', '/api/log/token'], 'the panel run shares the answer and reads only the log');
    const ledger = JSON.stringify(await api.runner.criticalLedger());
    assert.ok(ledger.includes(sandbox.origin), 'the ledger counts per gateway origin');
    assert.ok(!ledger.includes(sandbox.key) && !ledger.includes(sandbox.key.slice(3, 20)), 'and holds no token');
    panel.dispose();
  });

  test('no token: key icon and a hint to set one up', async () => {
    const api = await activatedApi();
    await api.tokens.forget();
    await api.health.tokenChanged();
    assert.equal(api.health.view?.text, '$(key) Crazyrouter');
    assert.match(tooltip(api.health.view), /No token stored/);
  });
});
