import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DOCTOR_TOOL } from '../../src/extension/manifestNames';
import { startSandbox, type Sandbox } from '../../src/sandbox/sandboxServer';
import { activatedApi, restoreSettings, setSetting, until } from './support';

/**
 * The tool as an agent calls it: through vscode.lm.invokeTool, outside any chat. (VS Code's own
 * confirmation is a modal that an extension-test host accepts by itself: DialogService skips
 * dialogs when extensionTestsLocationURI is set. What it would show is checked through
 * prepareInvocation, the extension's part of it.)
 */
async function invoke(input: object, cancel = new vscode.CancellationTokenSource().token): Promise<string> {
  const result = await vscode.lm.invokeTool(DOCTOR_TOOL, { input, toolInvocationToken: undefined }, cancel);
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}

/** What VS Code's confirmation would say, as the tool prepares it. */
async function confirmation(input: object): Promise<{ title: string; message: string; invocation: string }> {
  const api = await activatedApi();
  const prepared = await api.tool.prepareInvocation({ input: input as never });
  const message = prepared.confirmationMessages?.message;
  return {
    title: prepared.confirmationMessages?.title ?? '',
    message: typeof message === 'string' ? message : (message?.value ?? ''),
    invocation: prepared.invocationMessage ?? '',
  };
}

suite('The language-model tool crazyrouter_runDoctor, invoked through vscode.lm.invokeTool', () => {
  let sandbox: Sandbox;

  suiteSetup(async () => {
    sandbox = await startSandbox({ scenario: 'healthy' });
    await setSetting('baseUrl', sandbox.baseUrl);
    await setSetting('healthCheck.intervalMinutes', 0);
  });

  suiteTeardown(async () => {
    const api = await activatedApi();
    await api.tokens.forget();
    await restoreSettings();
    await sandbox.close();
  });

  test('is listed in vscode.lm.tools with the manifest’s description and schema', () => {
    const tool = vscode.lm.tools.find((t) => t.name === DOCTOR_TOOL);
    assert.ok(tool, 'listed in vscode.lm.tools');
    assert.match(tool.description, /Runs Crazyrouter Doctor for one AI client/);
    assert.deepEqual((tool.inputSchema as { required?: string[] }).required, ['client']);
    assert.ok(tool.tags.includes('crazyrouter'));
  });

  test('the confirmation names the gateway origin, and warns when the token was saved for another', async () => {
    const api = await activatedApi();
    await api.tokens.store(sandbox.key, sandbox.origin);
    const same = await confirmation({ client: 'claude-code' });
    assert.equal(same.title, 'Run Crazyrouter Doctor?');
    assert.ok(same.message.includes(`**${sandbox.origin}**`) && same.message.includes('Claude Code'), same.message);
    assert.ok(same.invocation.includes(sandbox.origin));
    assert.ok(!JSON.stringify(same).includes(sandbox.key));
    await api.tokens.store(sandbox.key, 'https://crazyrouter.com');
    const other = await confirmation({ client: 'cursor' });
    assert.match(
      other.message,
      /Your token was saved for \*\*https:\/\/crazyrouter\.com\*\*: before it is sent to http:\/\/127\.0\.0\.1:\d+ you will be asked separately/,
    );
    await api.tokens.forget();
    assert.match((await confirmation({ client: 'cursor' })).message, /No Crazyrouter token is stored in VS Code yet/);
  });

  test('runs the doctor for the stored token and the chosen client, and returns the redacted report', async () => {
    const api = await activatedApi();
    await api.tokens.store(sandbox.key, sandbox.origin);
    const requests = sandbox.state.requests.length;
    const report = await invoke({ client: 'claude-code', models: ['gpt-5.4', 'claude-sonnet-4-6'] });
    assert.match(report, /^# Crazyrouter Doctor report: PASS/);
    assert.match(report, /- Client: Claude Code/);
    assert.ok(
      sandbox.state.requests.slice(requests).some((r) => r.path.startsWith('/v1/messages')),
      'the client’s own protocol was checked',
    );
    assert.ok(!report.includes(sandbox.key) && !report.includes(sandbox.key.slice(3, 20)), 'the token never reaches the model');
    assert.equal(api.health.last?.source, 'panel', 'the run counts as the last result, as a panel run does');
    assert.equal(api.health.last?.report.target.client, 'claude-code');
  });

  test('a token bound to another origin goes through the runner’s own consent: refused there, nothing is sent', async () => {
    const api = await activatedApi();
    await api.tokens.store(sandbox.key, 'https://crazyrouter.com');
    const asked: [string, string][] = [];
    const original = api.runner.ask;
    api.runner.ask = async (origin, bound) => (asked.push([origin, bound]), false);
    const requests = sandbox.state.requests.length;
    try {
      await assert.rejects(invoke({ client: 'cursor' }), /Not sent: your token is bound to https:\/\/crazyrouter\.com/);
      assert.deepEqual(asked, [[sandbox.origin, 'https://crazyrouter.com']]);
      assert.equal(sandbox.state.requests.length, requests, 'not one request');
    } finally {
      api.runner.ask = original;
      await api.tokens.store(sandbox.key, sandbox.origin);
    }
  });

  test('cancelled by the caller: every request ends, long before the gateway would have answered', async () => {
    const slow = await startSandbox({ scenario: 'slow-headers' });
    const api = await activatedApi();
    try {
      await setSetting('baseUrl', slow.baseUrl);
      await api.tokens.store(slow.key, slow.origin);
      const source = new vscode.CancellationTokenSource();
      const running = invoke({ client: 'cursor', models: ['gpt-5.4'] }, source.token);
      await until(() => slow.inFlight() >= 2, 'chat probes in flight');
      source.cancel();
      await assert.rejects(running);
      // The gateway holds chat answers for 3 s: every request ending before that is the margin that matters.
      await until(() => slow.inFlight() === 0, 'every request aborted', 2_000, 2);
    } finally {
      await slow.close();
      await setSetting('baseUrl', sandbox.baseUrl);
      await api.tokens.store(sandbox.key, sandbox.origin);
    }
  });

  test('without a stored token, or with a bad input, it says what to do in words a model can pass on', async () => {
    const api = await activatedApi();
    await api.tokens.forget();
    try {
      await assert.rejects(
        invoke({ client: 'codex' }),
        /No Crazyrouter token is stored in VS Code\. Ask the user to run the command “Crazyrouter: Save Token”/,
      );
      await assert.rejects(invoke({ client: 'emacs' }), /The input needs "client", one of: cherry-studio, cursor/);
      await assert.rejects(invoke({ client: 'cursor', models: 'gpt-5.4' }), /"models" must be a list of at most 8 model names/);
    } finally {
      await api.tokens.store(sandbox.key, sandbox.origin);
    }
  });

  test('the report says which way the requests went, as VS Code’s proxy support routes them (http.proxy is not used for this machine)', async () => {
    const api = await activatedApi();
    await api.tokens.store(sandbox.key, sandbox.origin);
    const http = vscode.workspace.getConfiguration('http');
    const previous = http.inspect('proxy')?.globalValue;
    // A proxy that does not exist, with credentials: were it used, every request would fail.
    await http.update('proxy', 'http://proxyuser:Pr0xy-Secret@127.0.0.1:9', vscode.ConfigurationTarget.Global);
    try {
      const report = await invoke({ client: 'cline', models: ['gpt-5.4'] });
      assert.match(report, /^# Crazyrouter Doctor report: PASS/);
      assert.ok(
        report.includes('- Network: `Direct connection: VS Code never sends requests to this machine (127.0.0.1) through a proxy.`'),
        report.slice(0, 800),
      );
      assert.ok(!report.includes('Pr0xy-Secret') && !report.includes('proxyuser'));
    } finally {
      await http.update('proxy', previous, vscode.ConfigurationTarget.Global);
    }
  });
});
