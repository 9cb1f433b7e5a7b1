import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostMessage } from '../../src/core/protocol/panelProtocol';
import type { GatewaySnapshotId } from '../../src/core/wordings/snapshots';
import { startSandbox, type Sandbox } from '../../src/sandbox/sandboxServer';
import { activatedApi } from './support';

/** The stand-in for Copilot Chat's Custom Endpoint models (test/vscode/fixtures/customendpoint-stand-in). */
interface StandInModel {
  id: string;
  name: string;
  url: string;
  key: string;
}
const configure = async (models: StandInModel[]) => {
  const extension = vscode.extensions.getExtension('crazyrouter-tests.customendpoint-stand-in');
  assert.ok(extension, 'the Custom Endpoint stand-in is loaded beside the doctor');
  await extension.activate();
  return vscode.commands.executeCommand<number>('customendpointStandIn.configure', models);
};
const chats = (sandbox: Sandbox) => sandbox.state.requests.filter((r) => r.path.endsWith('/chat/completions'));

suite('Test in VS Code chat (through vscode.lm, with the key VS Code holds)', () => {
  const sandboxes: Sandbox[] = [];
  const sandbox = async (scenario: string, gateway?: GatewaySnapshotId) => {
    const s = await startSandbox({ scenario, gateway });
    sandboxes.push(s);
    return s;
  };

  teardown(async () => {
    const api = await activatedApi();
    api.chatTester.confirm = async () => false;
    await configure([]);
    await Promise.all(sandboxes.splice(0).map((s) => s.close()));
  });

  test('a configured model answers: its name, the latency and the answer; the request went to the gateway with the key', async () => {
    const api = await activatedApi();
    const gateway = await sandbox('healthy');
    assert.equal(await configure([{ id: 'gpt-5.4', name: 'GPT-5.4 (Crazyrouter)', url: gateway.baseUrl, key: gateway.key }]), 1);
    const asked: string[] = [];
    api.chatTester.confirm = async (model) => (asked.push(model.name), true);
    const test = await api.chatTester.test(['claude-sonnet-4-6', 'gpt-5.4'], 10_000);
    assert.equal(test.outcome, 'answered', JSON.stringify(test));
    assert.deepEqual(asked, ['GPT-5.4 (Crazyrouter)'], 'asked once, naming the model');
    assert.equal(test.model, 'gpt-5.4');
    assert.ok(typeof test.latencyMs === 'number' && test.latencyMs >= 0);
    assert.ok(test.answer && test.answer.length > 0, 'the answer is shown');
    const sent = chats(gateway);
    assert.equal(sent.length, 1, 'exactly one request');
    assert.equal(sent[0]!.authenticated, true, 'with the key VS Code’s provider holds');
    assert.equal(sent[0]!.model, 'gpt-5.4');
  });

  test('a refused key: the gateway’s own message, recognised, with the row’s fix and the request id it carried', async () => {
    const api = await activatedApi();
    // new-api of Feb 2026 names an expired token as such; Aug 2026 says only "Invalid token" (below).
    const gateway = await sandbox('expired-token', 'new-api@2026-02');
    await configure([{ id: 'gpt-5.4', name: 'GPT-5.4 (Crazyrouter)', url: gateway.baseUrl, key: gateway.key }]);
    api.chatTester.confirm = async () => true;
    const test = await api.chatTester.test(['gpt-5.4'], 10_000);
    assert.equal(test.outcome, 'failed', JSON.stringify(test));
    assert.equal(test.symptom, 'auth.expired', JSON.stringify(test));
    assert.ok(test.rowId, 'a row of the VS Code chat table explains it');
    assert.ok(test.fix);
    assert.ok(test.requestId, `the request id the gateway appended to its message: ${test.message}`);
    assert.doesNotMatch(JSON.stringify(test), new RegExp(gateway.key.slice(3)), 'the key never appears');

    const vague = await sandbox('expired-token');
    await configure([{ id: 'gpt-5.4', name: 'GPT-5.4 (Crazyrouter)', url: vague.baseUrl, key: vague.key }]);
    const invalid = await api.chatTester.test(['gpt-5.4'], 10_000);
    assert.equal(invalid.symptom, 'auth.invalid', JSON.stringify(invalid));
    assert.equal(invalid.rowId, 'gateway.vscode-key');
    assert.match(invalid.fix ?? '', /Chat: Manage Language Models[\s\S]*run the checks with it: they tell an expired, disabled or used-up token apart/);
  });

  test('declined: nothing is sent; no Custom Endpoint model: it says how to get one', async () => {
    const api = await activatedApi();
    const gateway = await sandbox('healthy');
    await configure([{ id: 'gpt-5.4', name: 'GPT-5.4 (Crazyrouter)', url: gateway.baseUrl, key: gateway.key }]);
    api.chatTester.confirm = async () => false;
    const declined = await api.chatTester.test(['gpt-5.4'], 10_000);
    assert.equal(declined.outcome, 'not-sent');
    assert.equal(chats(gateway).length, 0, 'declined: no request');
    await configure([]);
    const none = await api.chatTester.test(['gpt-5.4'], 10_000);
    assert.equal(none.outcome, 'unavailable');
    assert.match(none.fix ?? '', /Add Crazyrouter to VS Code chat/);
  });

  test('from the panel: the result is posted to the webview and the reply says what happened', async () => {
    const api = await activatedApi();
    const gateway = await sandbox('healthy');
    await configure([{ id: 'gpt-5.4', name: 'GPT-5.4 (Crazyrouter)', url: gateway.baseUrl, key: gateway.key }]);
    api.chatTester.confirm = async () => true;
    await vscode.commands.executeCommand('crazyrouter.verifySetup');
    const panel = api.panel();
    assert.ok(panel);
    const posted: HostMessage[] = [];
    const original = panel.post.bind(panel);
    panel.post = (message) => (posted.push(message), original(message));
    try {
      await panel.receive({ type: 'testVsCodeChat', requestId: 900, settings: { baseUrl: gateway.baseUrl, client: 'vscode-chat', models: ['gpt-5.4'] } });
      const tested = posted.find((m) => m.type === 'chatTested');
      assert.equal(tested?.type === 'chatTested' && tested.test.outcome, 'answered', JSON.stringify(posted));
      const reply = posted.find((m) => m.type === 'reply' && m.requestId === 900);
      assert.ok(reply?.type === 'reply' && reply.ok, JSON.stringify(reply));
      assert.match(reply.notice?.text ?? '', /VS Code chat answered in \d+ ms/);
    } finally {
      panel.post = original;
      panel.dispose();
    }
  });
});
