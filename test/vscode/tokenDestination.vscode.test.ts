import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HostMessage } from '../../src/core/protocol/panelProtocol';
import { readSettings } from '../../src/extension/settings';
import { startSandbox, type Sandbox } from '../../src/sandbox/sandboxServer';
import { startFixture, type LoopbackServer } from '../support/faultProxy';
import { activatedApi, restoreSettings, setSetting, until } from './support';

/** A second server, as a repository or a typo could name it: it records whether a token arrived. */
const trapServer = () => startFixture((_req, res) => (res.writeHead(200, { 'Content-Type': 'application/json' }), res.end('{"object":"list","data":[]}')));
const tokensAt = (server: LoopbackServer) => server.hits.filter((h) => h.authorization !== undefined || h.apiKey !== undefined);

suite('Where the token goes', () => {
  let sandbox: Sandbox;
  let trap: LoopbackServer;

  suiteSetup(async () => {
    sandbox = await startSandbox({ scenario: 'healthy' });
    trap = await trapServer();
    await setSetting('baseUrl', sandbox.baseUrl);
    await setSetting('healthCheck.intervalMinutes', 0);
  });
  suiteTeardown(async () => {
    const api = await activatedApi();
    api.runner.ask = async () => true;
    api.panel()?.dispose();
    await restoreSettings();
    await sandbox.close();
    await trap.close();
  });

  test('a workspace cannot choose the base URL, the interval or the timeout', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'the suite runs in a workspace');
    const file = path.join(folder, '.vscode', 'settings.json');
    mkdirSync(path.dirname(file), { recursive: true });
    // `client` may come from a workspace; when VS Code shows it, it has read the whole file.
    writeFileSync(
      file,
      JSON.stringify({
        'crazyrouter.client': 'codex',
        'crazyrouter.baseUrl': `${trap.origin}/v1`,
        'crazyrouter.healthCheck.intervalMinutes': 1,
        'crazyrouter.requestTimeoutSeconds': 1,
      }),
    );
    try {
      await until(() => vscode.workspace.getConfiguration('crazyrouter').get('client') === 'codex', 'VS Code read the workspace settings', 10_000);
      assert.equal(
        vscode.workspace.getConfiguration('crazyrouter').inspect('baseUrl')?.workspaceValue,
        undefined,
        'VS Code itself ignores an application setting in a workspace',
      );
      const settings = readSettings();
      assert.equal(settings.baseUrl, sandbox.baseUrl, 'the user’s base URL, not the workspace’s');
      assert.equal(settings.healthIntervalMinutes, 0);
      assert.equal(settings.timeoutMs, 20_000);
      const api = await activatedApi();
      await api.tokens.store(sandbox.key, sandbox.origin);
      await api.health.checkNow();
      assert.deepEqual(tokensAt(trap), [], 'the status bar sent nothing to the workspace’s server');
    } finally {
      rmSync(file, { force: true });
    }
  });

  test('the health interval has a floor of 5 minutes', async () => {
    await setSetting('healthCheck.intervalMinutes', 1);
    assert.equal(readSettings().healthIntervalMinutes, 5);
    await setSetting('healthCheck.intervalMinutes', 0);
    assert.equal(readSettings().healthIntervalMinutes, 0);
  });

  test('the status bar never asks and never sends the token to an origin it was not saved for', async () => {
    const api = await activatedApi();
    let asked = 0;
    api.runner.ask = async () => (asked++, true);
    await api.tokens.store(sandbox.key, sandbox.origin);
    await setSetting('baseUrl', `${trap.origin}/v1`);
    try {
      await api.health.checkNow();
      assert.equal(asked, 0, 'no modal from the status bar');
      assert.equal(trap.hits.length, 0, 'not even a tokenless request');
      assert.equal(api.health.snapshot.level, 'warning');
      assert.match(api.health.snapshot.headline, new RegExp(`Not checked: the base URL points at ${trap.origin.replace(/[.:/]/g, '\\$&')}`));
    } finally {
      await setSetting('baseUrl', sandbox.baseUrl);
    }
  });

  test('a run against another origin asks once, naming it; declined, nothing is sent; allowed, it is remembered', async () => {
    const api = await activatedApi();
    await api.tokens.store(sandbox.key, sandbox.origin);
    const other = await startSandbox({ scenario: 'healthy', key: sandbox.key });
    await vscode.commands.executeCommand('crazyrouter.verifySetup');
    const panel = api.panel()!;
    const posted: HostMessage[] = [];
    const original = panel.post.bind(panel);
    panel.post = (message) => (posted.push(message), original(message));
    const asked: [string, string][] = [];
    try {
      api.runner.ask = async (origin, bound) => (asked.push([origin, bound]), false);
      await panel.receive({ requestId: 1, type: 'run', settings: { baseUrl: other.baseUrl, client: 'cursor', models: ['gpt-5.4'] }, demo: false });
      assert.deepEqual(asked, [[other.origin, sandbox.origin]]);
      assert.equal(other.state.requests.length, 0, 'declined: nothing at all was sent');
      assert.ok(posted.some((m) => m.type === 'reply' && !m.ok && /Not sent: your token is bound to/.test(m.notice?.text ?? '')));
      api.runner.ask = async (origin, bound) => (asked.push([origin, bound]), true);
      await panel.receive({ requestId: 1, type: 'run', settings: { baseUrl: other.baseUrl, client: 'cursor', models: ['gpt-5.4'] }, demo: false });
      assert.ok(
        other.state.requests.some((r) => r.authenticated),
        'allowed: the run went there',
      );
      assert.ok(api.origins.confirmed().has(other.origin), 'the tokenless probe confirmed the origin, and that is remembered');
      assert.ok(!api.origins.confirmed(Date.now() + 8 * 86_400_000).has(other.origin), 'for 7 days');
      await panel.receive({ requestId: 1, type: 'run', settings: { baseUrl: other.baseUrl, client: 'cursor', models: ['gpt-5.4'] }, demo: false });
      assert.equal(asked.length, 2, 'asked once for that origin, then remembered');
    } finally {
      panel.post = original;
      await other.close();
    }
  });

  test('a URL that answers as the website never receives the token', async () => {
    const api = await activatedApi();
    api.runner.ask = async () => true;
    const website = await startFixture((_req, res) => (res.writeHead(200, { 'Content-Type': 'text/html' }), res.end('<!doctype html><title>New API</title>')));
    try {
      await api.tokens.store(sandbox.key, website.origin);
      await vscode.commands.executeCommand('crazyrouter.verifySetup');
      await api
        .panel()!
        .receive({ requestId: 1, type: 'run', settings: { baseUrl: `${website.origin}/v1`, client: 'cursor', models: ['gpt-5.4'] }, demo: false });
      assert.ok(website.hits.length >= 2, 'the tokenless probes went there');
      assert.deepEqual(tokensAt(website), [], 'the token never did');
      assert.ok(!api.origins.confirmed().has(website.origin), 'nor is the website remembered as the API');
    } finally {
      await website.close();
      await api.tokens.store(sandbox.key, sandbox.origin);
    }
  });

  test('a gateway that echoes the token reaches no webview message, model chip or settings.json', async () => {
    const echo = await startSandbox({ scenario: 'echo-token' });
    const api = await activatedApi();
    api.runner.ask = async () => true;
    await api.tokens.store(echo.key, echo.origin);
    await vscode.commands.executeCommand('crazyrouter.verifySetup');
    const panel = api.panel()!;
    const posted: HostMessage[] = [];
    const original = panel.post.bind(panel);
    panel.post = (message) => (posted.push(message), original(message));
    const window = (text: string) => Array.from({ length: echo.key.length - 14 }, (_, i) => echo.key.slice(i + 3, i + 15)).some((w) => text.includes(w));
    try {
      await panel.receive({
        requestId: 1,
        type: 'run',
        settings: { baseUrl: echo.baseUrl, client: 'cursor', models: ['gpt-5.4', 'gemini-3-pro-preview'] },
        demo: false,
      });
      const models = posted.find((m) => m.type === 'models');
      assert.ok(models && models.type === 'models' && models.ids.some((id) => id.includes('sk-[redacted]')), 'the echoed ids arrive redacted');
      assert.ok(!window(JSON.stringify(posted)), 'no message to the webview holds the token');
      // What a click on each chip does: the model is added to the form, which saves the settings.
      await panel.receive({
        requestId: 1,
        type: 'saveSettings',
        settings: { baseUrl: echo.baseUrl, client: 'cursor', models: models.type === 'models' ? models.ids.slice(-5) : [] },
      });
      const saved = JSON.stringify(vscode.workspace.getConfiguration('crazyrouter').inspect('models')?.globalValue ?? []);
      assert.ok(saved.includes('redacted') && !window(saved), `settings.json holds no token: ${saved}`);
    } finally {
      panel.post = original;
      await setSetting('models', ['gpt-5.4']);
      await echo.close();
      await api.tokens.store(sandbox.key, sandbox.origin);
    }
  });

  test('oversized answers (5,000-character message, 250-character request id, 201-character model ids, 10,000 models, a 2 KB base URL) never leave a row unfinished', async () => {
    const api = await activatedApi();
    api.runner.ask = async () => true;
    const ids = [{ id: 'gpt-5.4' }, { id: 'm'.repeat(201) }, ...Array.from({ length: 10_000 }, (_, i) => ({ id: `model-${i}` }))];
    const huge = await startFixture((req, res) => {
      const route = new URL(req.url ?? '/', 'http://x').pathname;
      const headers = { 'Content-Type': 'application/json', 'X-Oneapi-Request-Id': 'r'.repeat(250) };
      if (!req.headers.authorization)
        return void (res.writeHead(401, headers), res.end('{"error":{"message":"Invalid token","type":"new_api_error","code":""}}'));
      if (route.endsWith('/models')) return void (res.writeHead(200, headers), res.end(JSON.stringify({ object: 'list', data: ids })));
      res.writeHead(403, headers);
      res.end(JSON.stringify({ error: { message: `Forbidden ${'A'.repeat(5_000)}`, type: 'new_api_error', code: '' } }));
    });
    const longBase = `${huge.origin}/${'p'.repeat(2_048)}/v1`;
    await api.tokens.store(sandbox.key, huge.origin);
    await vscode.commands.executeCommand('crazyrouter.verifySetup');
    const panel = api.panel()!;
    const posted: HostMessage[] = [];
    const original = panel.post.bind(panel);
    panel.post = (message) => (posted.push(message), original(message));
    try {
      await panel.receive({ requestId: 1, type: 'run', settings: { baseUrl: longBase, client: 'cursor', models: ['gpt-5.4'] }, demo: false });
      const started = posted.find((m) => m.type === 'runStarted');
      const finished = posted.filter((m) => m.type === 'checkFinished');
      assert.ok(started && started.type === 'runStarted');
      assert.equal(finished.length, started.checks.length, 'every planned row got its result');
      const done = posted.find((m) => m.type === 'runFinished');
      assert.ok(
        done && done.type === 'runFinished' && done.counts.fail === finished.filter((m) => m.type === 'checkFinished' && m.result.status === 'fail').length,
        'the verdict counts only failures the rows show',
      );
      const models = posted.find((m) => m.type === 'models');
      assert.ok(models && models.type === 'models' && models.total === ids.length && models.ids.length === 500);
    } finally {
      panel.post = original;
      await huge.close();
      await api.tokens.store(sandbox.key, sandbox.origin);
    }
  });
});
