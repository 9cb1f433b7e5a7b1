import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostMessage } from '../../src/core/protocol/panelProtocol';
import { startSandbox, type Sandbox } from '../../src/sandbox/sandboxServer';
import { activatedApi, restoreSettings, setSetting, until } from './support';

const COMMANDS = ['crazyrouter.verifySetup', 'crazyrouter.checkHealthNow', 'crazyrouter.forgetToken', 'crazyrouter.showOutput'];

suite('Crazyrouter Doctor in a real VS Code host', () => {
  let sandbox: Sandbox;

  suiteSetup(async () => {
    sandbox = await startSandbox({ scenario: 'healthy' });
    await setSetting('baseUrl', sandbox.baseUrl);
    await setSetting('healthCheck.intervalMinutes', 0);
  });

  suiteTeardown(async () => {
    const api = await activatedApi();
    await api.tokens.forget();
    api.panel()?.dispose();
    await restoreSettings();
    await sandbox.close();
  });

  test('activation registers every command and loads neither the engine nor the SDK', async () => {
    const api = await activatedApi();
    const commands = await vscode.commands.getCommands(true);
    for (const id of COMMANDS) assert.ok(commands.includes(id), `${id} is registered`);
    assert.equal(api.engineLoaded(), false, 'the engine is loaded only when a check runs');
    assert.equal(api.panelLoaded(), false, 'the panel code is loaded only when the panel opens');
  });

  test('the token round-trips through the secret storage', async () => {
    const api = await activatedApi();
    await api.tokens.forget();
    assert.equal(await api.tokens.has(), false);
    const stored = await api.tokens.store(`  ${sandbox.key}\n`, sandbox.origin);
    assert.equal(stored.reveal(), sandbox.key, 'stored trimmed');
    assert.equal(await api.tokens.origin(), sandbox.origin, 'bound to the origin it was saved for');
    assert.equal((await api.tokens.get())?.reveal(), sandbox.key);
    assert.equal(String(stored), '[redacted token]');
    const settings = JSON.stringify(vscode.workspace.getConfiguration('crazyrouter'));
    assert.ok(!settings.includes(sandbox.key), 'the token is not in the settings');
  });

  test('the command opens one panel with a strict CSP, and reveals it when run again', async () => {
    const api = await activatedApi();
    await vscode.commands.executeCommand('crazyrouter.verifySetup');
    const panel = api.panel();
    assert.ok(panel, 'the panel is open');
    const html = panel.panel.webview.html;
    const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-[A-Za-z0-9+/=]{16,}'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.doesNotMatch(html, /<script(?![^>]*nonce=)/, 'every script has the nonce');
    await vscode.commands.executeCommand('crazyrouter.verifySetup');
    assert.equal(api.panel(), panel, 'the same panel is revealed');
  });

  test('malformed webview messages are dropped and counted, valid ones handled', async () => {
    const api = await activatedApi();
    await vscode.commands.executeCommand('crazyrouter.verifySetup');
    const panel = api.panel()!;
    const before = panel.dropped;
    for (const bad of [
      null,
      'run',
      { type: 'nope' },
      { type: 'saveToken', token: '' },
      { type: 'run', settings: { baseUrl: 'x', client: 'emacs', models: [] }, demo: false },
      { type: 'tickChecklist', client: 'cursor' },
    ]) {
      await panel.receive(bad);
    }
    assert.equal(panel.dropped - before, 6);
    assert.equal(panel.post({ type: 'notice', level: 'info', text: 'ok' }), true);
    assert.equal(panel.post({ type: 'notice', level: 'loud', text: 'x' } as unknown as HostMessage), false, 'an invalid host message is not sent');
  });

  test('a run from the panel checks the sandbox and reports every step', async () => {
    const api = await activatedApi();
    await api.tokens.store(sandbox.key, sandbox.origin);
    await vscode.commands.executeCommand('crazyrouter.verifySetup');
    const panel = api.panel()!;
    const posted: HostMessage[] = [];
    const original = panel.post.bind(panel);
    panel.post = (message) => (posted.push(message), original(message));
    try {
      await panel.receive({ type: 'run', settings: { baseUrl: sandbox.baseUrl, client: 'cursor', models: ['gpt-5.4', 'claude-sonnet-4-6'] }, demo: false });
      const finished = posted.find((m) => m.type === 'runFinished');
      assert.ok(finished && finished.type === 'runFinished');
      assert.equal(finished.verdict, 'pass');
      assert.equal(finished.counts.pass, 10);
      assert.equal(finished.checklist['cursor.first-chat'], 'verified');
      assert.equal(posted.filter((m) => m.type === 'checkFinished').length, 10);
      assert.ok(posted.some((m) => m.type === 'models' && m.ids.includes('gemini-3-pro-preview')));
      assert.ok(api.engineLoaded());
      assert.ok(!JSON.stringify(posted).includes(sandbox.key), 'nothing sent to the webview holds the token');
      await panel.receive({ type: 'copyReport' });
      const copied = await vscode.env.clipboard.readText();
      assert.match(copied, /^# Crazyrouter Doctor report: PASS/);
      assert.ok(!copied.includes(sandbox.key), 'the copied report holds no token');
      const item = api.health.view;
      const tooltip = typeof item?.tooltip === 'string' ? item.tooltip : (item?.tooltip?.value ?? '');
      assert.ok(!`${tooltip} ${item?.accessibilityInformation?.label} ${item?.text}`.includes(sandbox.key), 'the status bar holds no token');
    } finally {
      panel.post = original;
    }
  });

  test('closing the panel aborts every request in flight, long before any timeout', async () => {
    const slow = await startSandbox({ scenario: 'slow-headers' });
    const api = await activatedApi();
    try {
      await api.tokens.store(slow.key, slow.origin);
      await vscode.commands.executeCommand('crazyrouter.verifySetup');
      const panel = api.panel()!;
      const running = panel.receive({ type: 'run', settings: { baseUrl: slow.baseUrl, client: 'cursor', models: ['gpt-5.4'] }, demo: false });
      await until(() => slow.inFlight() >= 2, 'chat probes in flight');
      const closedAt = performance.now();
      panel.dispose();
      await until(() => slow.inFlight() === 0, 'every request aborted', 2_000, 2);
      const abortedMs = performance.now() - closedAt;
      // The gateway holds chat answers for 3 s: ending well before that is the margin that matters.
      assert.ok(abortedMs < 1_500, `the gateway saw every request end ${abortedMs.toFixed(0)} ms after the panel closed`);
      await running;
      assert.equal(api.panel(), undefined);
    } finally {
      await slow.close();
      await api.tokens.store(sandbox.key, sandbox.origin);
    }
  });
});
