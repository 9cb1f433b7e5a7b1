import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostMessage } from '../../src/core/protocol/panelProtocol';
import { startSandbox, type Sandbox } from '../../src/sandbox/sandboxServer';
import { activatedApi, restoreSettings, setSetting, until } from './support';

const COMMANDS = [
  'crazyrouter.verifySetup',
  'crazyrouter.checkHealthNow',
  'crazyrouter.forgetToken',
  'crazyrouter.addToVsCodeChat',
  'crazyrouter.testVsCodeChat',
  'crazyrouter.showOutput',
];

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
      { type: 'nope', requestId: 1 },
      { type: 'saveToken', requestId: 1, token: '' },
      { type: 'run', requestId: 1, settings: { baseUrl: 'x', client: 'emacs', models: [] }, demo: false },
      { type: 'tickChecklist', requestId: 1, client: 'cursor' },
      { type: 'copyReport' },
      { type: 'copyReport', requestId: -1 },
    ]) {
      await panel.receive(bad);
    }
    assert.equal(panel.dropped - before, 8);
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
      await panel.receive({
        requestId: 1,
        type: 'run',
        settings: { baseUrl: sandbox.baseUrl, client: 'cursor', models: ['gpt-5.4', 'claude-sonnet-4-6'] },
        demo: false,
      });
      const finished = posted.find((m) => m.type === 'runFinished');
      assert.ok(finished && finished.type === 'runFinished');
      assert.equal(finished.verdict, 'pass');
      assert.equal(finished.counts.pass, 16);
      assert.equal(finished.checklist['cursor.first-chat'], 'verified');
      const results = posted.flatMap((m) => (m.type === 'checkFinished' ? [m.result] : []));
      assert.equal(new Set(results.map((r) => r.id)).size, 16);
      // The gateway's own records: the log item ticked, each request shown again with what the log billed, cost and usage sent.
      assert.equal(finished.checklist['cursor.in-logs'], 'verified');
      const relogged = results.filter((r) => r.evidence.some((e) => e.logged?.found));
      assert.deepEqual(relogged.map((r) => r.id).toSorted(), ['chat:claude-sonnet-4-6', 'chat:gpt-5.4', 'streaming', 'tools']);
      assert.match(finished.cost?.run?.cost ?? '', /^\$[\d.]+$/);
      assert.equal(finished.usage?.calls, 48);
      assert.ok(posted.some((m) => m.type === 'models' && m.ids.includes('gemini-3-pro-preview')));
      assert.ok(api.engineLoaded());
      assert.ok(!JSON.stringify(posted).includes(sandbox.key), 'nothing sent to the webview holds the token');
      await panel.receive({ requestId: 1, type: 'copyReport' });
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

  test('every request gets one reply with its id; a copy during a run leaves the run alone; a status-bar result opens with the panel', async () => {
    const slow = await startSandbox({ scenario: 'slow-headers' });
    const api = await activatedApi();
    try {
      await api.tokens.store(slow.key, slow.origin);
      await vscode.commands.executeCommand('crazyrouter.verifySetup');
      const panel = api.panel()!;
      const posted: HostMessage[] = [];
      const original = panel.post.bind(panel);
      panel.post = (message) => (posted.push(message), original(message));
      const replies = (id: number) => posted.filter((m) => m.type === 'reply' && m.requestId === id);
      const running = panel.receive({ requestId: 41, type: 'run', settings: { baseUrl: slow.baseUrl, client: 'cursor', models: ['gpt-5.4'] }, demo: false });
      await until(() => slow.inFlight() >= 1, 'the run is under way');
      await panel.receive({ requestId: 42, type: 'copyReport' });
      assert.equal(replies(42).length, 1, 'the copy was answered at once');
      assert.equal(replies(41).length, 0, 'the run has not been answered: it is still going');
      assert.ok(!posted.some((m) => m.type === 'runFinished'), 'and nothing but a run message ends it');
      await panel.receive({ requestId: 43, type: 'cancel' });
      await running;
      const finished = posted.find((m) => m.type === 'runFinished');
      assert.ok(finished?.type === 'runFinished' && finished.verdict === 'cancelled');
      const [runReply] = replies(41);
      assert.ok(runReply?.type === 'reply' && runReply.ok, 'the run is answered once it ended');
      assert.ok(posted.indexOf(runReply) > posted.indexOf(finished), 'after its runFinished');
      assert.deepEqual(
        posted
          .filter((m) => m.type === 'reply')
          .map((m) => (m.type === 'reply' ? m.requestId : -1))
          .toSorted((a, b) => a - b),
        [41, 42, 43],
        'one reply per request',
      );
      panel.post = original;
      panel.dispose();

      // The status bar's check fails (a token the gateway does not know): a click opens the panel with that result.
      await api.tokens.store('sk-NotKnownHereNotKnownHere0000', sandbox.origin);
      await setSetting('baseUrl', sandbox.baseUrl);
      await api.health.checkNow();
      assert.equal(api.health.snapshot.level, 'failing');
      await until(() => api.health.last?.source === 'status-bar' && api.health.last.report.verdict === 'fail', 'the status bar’s result is kept');
      const click = api.health.view!.command as vscode.Command;
      await vscode.commands.executeCommand(click.command, ...(click.arguments ?? []));
      const reopened = api.panel()!;
      const shown: HostMessage[] = [];
      const post = reopened.post.bind(reopened);
      reopened.post = (message) => (shown.push(message), post(message));
      await reopened.receive({ requestId: 1, type: 'ready' });
      reopened.post = post;
      const started = shown.find((m) => m.type === 'runStarted');
      assert.ok(
        started?.type === 'runStarted' && started.source.restored && started.source.kind === 'status-bar',
        'the last result is shown, marked as the status bar’s',
      );
      const auth = shown.find((m) => m.type === 'checkFinished' && m.result.id === 'auth');
      assert.ok(auth?.type === 'checkFinished' && auth.result.status === 'fail' && auth.finding?.fix, 'with the failing check and its fix');
      assert.ok(shown.some((m) => m.type === 'runFinished' && m.verdict === 'fail'));
      assert.ok(!JSON.stringify(shown).includes('sk-NotKnownHereNotKnownHere0000'), 'and no token');

      // The panel prepares the engine once it has painted, before any run.
      await reopened.receive({ requestId: 2, type: 'painted', client: 'claude-code' });
      assert.equal(await reopened.prepared, 'claude-code', 'the engine (and the Anthropic SDK) prepared for the client the panel shows');
      assert.ok(api.engineLoaded());

      // A forgotten token takes its result with it.
      await vscode.commands.executeCommand('crazyrouter.forgetToken');
      await until(() => api.health.last === undefined, 'the kept result is gone with the token');
    } finally {
      await slow.close();
      await restoreSettings();
      await api.tokens.store(sandbox.key, sandbox.origin);
    }
  });

  test('Add Crazyrouter to VS Code chat: a diff first, written only after a yes, every other entry kept, never a key', async () => {
    const api = await activatedApi();
    const file = api.chat.file;
    const mine = '// my own models\n[\n  { "name": "Local", "vendor": "ollama" } // keep\n]\n';
    const read = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(mine));
    const asked: boolean[] = [];
    /** The proposed diff's text while the user is asked, or why there is none. */
    const shownDiff = async (): Promise<string> => {
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
      const diff = tabs.find((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.scheme === 'crazyrouter-proposed');
      if (!(diff?.input instanceof vscode.TabInputTextDiff)) return `no diff (tabs: ${tabs.map((t) => t.label).join(', ')})`;
      return (await vscode.workspace.openTextDocument(diff.input.modified)).getText();
    };
    const proposedTabs = () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .filter((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.scheme === 'crazyrouter-proposed');
    try {
      let seen = '';
      api.chat.confirm = async (_file, replaced) => (asked.push(replaced), (seen = await shownDiff()), false);
      const declined = await api.chat.add(['gpt-5.4'], 'https://crazyrouter.com/v1');
      assert.equal(declined.ok, false);
      assert.match(seen, /"name": "Crazyrouter"[\s\S]*"id": "gpt-5.4"/, 'the change was shown as a diff while the user was asked');
      assert.equal(proposedTabs().length, 0, 'answered, the proposal’s diff closes');
      assert.equal(await read(), mine, 'declined: the file is untouched');

      api.chat.confirm = async (_file, replaced) => (asked.push(replaced), true);
      const added = await api.chat.add(['gpt-5.4', 'claude-sonnet-4-6'], 'https://crazyrouter.com/v1');
      assert.ok(added.ok, added.message);
      const written = await read();
      assert.ok(written.startsWith('// my own models\n[\n  { "name": "Local", "vendor": "ollama" }'), written);
      assert.match(written, /"vendor": "customendpoint"[\s\S]*"id": "gpt-5.4"[\s\S]*"toolCalling": true/);
      assert.doesNotMatch(written, /apiKey|sk-/, 'no key is ever written');
      assert.deepEqual(asked, [false, false], 'asked each time, as an addition');
    } finally {
      api.chat.confirm = async () => false;
      await vscode.workspace.fs.delete(file);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  test('closing the panel aborts every request in flight, long before any timeout', async () => {
    const slow = await startSandbox({ scenario: 'slow-headers' });
    const api = await activatedApi();
    try {
      await api.tokens.store(slow.key, slow.origin);
      await vscode.commands.executeCommand('crazyrouter.verifySetup');
      const panel = api.panel()!;
      const running = panel.receive({ requestId: 1, type: 'run', settings: { baseUrl: slow.baseUrl, client: 'cursor', models: ['gpt-5.4'] }, demo: false });
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
