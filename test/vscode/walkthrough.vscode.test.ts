import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startSandbox, type Sandbox } from '../../src/sandbox/sandboxServer';
import { activatedApi, restoreSettings, setSetting, until } from './support';

/** A real run from the panel, as its form sends it. */
async function runFromPanel(gateway: Sandbox, client: string): Promise<void> {
  const api = await activatedApi();
  await vscode.commands.executeCommand('crazyrouter.verifySetup');
  await api.panel()!.receive({ requestId: 1, type: 'run', settings: { baseUrl: gateway.baseUrl, client, models: ['gpt-5.4'] }, demo: false });
}

suite('The walkthrough completes itself: its context keys flip as the user gets there', () => {
  let healthy: Sandbox;
  let wrongToken: Sandbox;

  suiteSetup(async () => {
    healthy = await startSandbox({ scenario: 'healthy' });
    wrongToken = await startSandbox({ scenario: 'wrong-token' });
    await setSetting('healthCheck.intervalMinutes', 0);
  });

  suiteTeardown(async () => {
    const api = await activatedApi();
    api.panel()?.dispose();
    await api.tokens.forget();
    await restoreSettings();
    await healthy.close();
    await wrongToken.close();
  });

  test('token stored → client chosen → run done → nothing failing, and back when the token goes', async () => {
    const api = await activatedApi();
    const keys = api.progress.values;

    await vscode.commands.executeCommand('crazyrouter.forgetToken');
    await until(() => !keys.tokenStored && !keys.hasRun, 'no token, no run');

    await api.tokens.store(healthy.key, healthy.origin);
    await until(() => keys.tokenStored, 'crazyrouter.tokenStored after the token was saved');
    assert.equal(keys.hasRun, false, 'a new token has no run yet');

    await vscode.commands.executeCommand('crazyrouter.pickClient', 'codex');
    await until(() => keys.clientChosen, 'crazyrouter.clientChosen after the client was picked');
    assert.equal(vscode.workspace.getConfiguration('crazyrouter').inspect('client')?.globalValue, 'codex', 'saved to the user settings');

    // A run with something failing: run done, but not fixed yet.
    await setSetting('baseUrl', wrongToken.baseUrl);
    await api.tokens.store(wrongToken.key, wrongToken.origin);
    await until(() => keys.tokenStored && !keys.hasRun, 'the new token starts afresh');
    await runFromPanel(wrongToken, 'codex');
    await until(() => keys.hasRun, 'crazyrouter.hasRun after a full run');
    assert.equal(keys.nothingFailing, false, 'the wrong token failed');

    // Fixed: the right token, run again.
    await setSetting('baseUrl', healthy.baseUrl);
    await api.tokens.store(healthy.key, healthy.origin);
    await runFromPanel(healthy, 'codex');
    await until(() => keys.hasRun && keys.nothingFailing, 'crazyrouter.nothingFailing after a run with nothing failing');

    // The palette's "Forget Stored Token" is there only with a token; forgetting clears it.
    await vscode.commands.executeCommand('crazyrouter.forgetToken');
    await until(() => !keys.tokenStored && !keys.hasRun && !keys.nothingFailing, 'back to the start of the token steps');
    assert.equal(keys.clientChosen, true, 'the client stays chosen');
  });

  test('a health check is not a run: it spends no tokens and completes no step', async () => {
    const api = await activatedApi();
    await setSetting('baseUrl', healthy.baseUrl);
    await api.tokens.store(healthy.key, healthy.origin);
    await until(() => api.progress.values.tokenStored && !api.progress.values.hasRun, 'a fresh token');
    await api.health.checkNow();
    assert.equal(api.health.last?.source, 'status-bar');
    assert.equal(api.progress.values.hasRun, false);
  });
});
