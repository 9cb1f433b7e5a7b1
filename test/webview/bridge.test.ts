import assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';

// The bridge runs in the webview: it gets the two globals it expects while this suite runs, and
// they go when it ends. A `window` left on globalThis makes the next file in the same mocha worker
// look like a browser page (web-tree-sitter, used by the l10n tests, then fails to load).
const posted: unknown[] = [];
const state: { value?: unknown } = {};
const quiet = { warn: console.warn, error: console.error };
let bridge: typeof import('../../src/webview/bridge');

function deliver(data: unknown): void {
  (globalThis as unknown as { window: EventTarget }).window.dispatchEvent(new MessageEvent('message', { data }));
}

suite('webview bridge', () => {
  const webviewGlobals = {
    acquireVsCodeApi: () => ({ postMessage: (m: unknown) => posted.push(m), getState: () => state.value, setState: (v: unknown) => (state.value = v) }),
    window: new EventTarget(),
  };
  suiteSetup(() => {
    Object.assign(globalThis, webviewGlobals);
    bridge = require('../../src/webview/bridge') as typeof import('../../src/webview/bridge');
  });
  suiteTeardown(() => {
    for (const name of Object.keys(webviewGlobals)) delete (globalThis as Record<string, unknown>)[name];
  });

  test('host messages that fail the shared schema are dropped; valid ones are handled', () => {
    const received: unknown[] = [];
    bridge.onHostMessage((m) => received.push(m));
    console.warn = () => {};
    try {
      for (const bad of [
        null,
        'init',
        { type: 'nope' },
        { type: 'tokenState' },
        { type: 'tokenState', tokenHint: 'x'.repeat(21) },
        { type: 'notice', level: 'loud', text: 'x' },
        { type: 'runStarted', runId: 1.5, demo: false, checks: [] },
      ])
        deliver(bad);
    } finally {
      console.warn = quiet.warn;
    }
    assert.equal(received.length, 0);
    deliver({ type: 'tokenState', tokenHint: 'sk-…7Q2f' });
    assert.deepEqual(received, [{ type: 'tokenState', tokenHint: 'sk-…7Q2f' }]);
  });

  test('the webview sends only messages that pass the schema', () => {
    posted.length = 0;
    console.error = () => {};
    try {
      bridge.post({ type: 'saveToken', token: '' });
      bridge.post({ type: 'run', settings: { baseUrl: 'https://crazyrouter.com/v1', client: 'emacs', models: ['gpt-5.4'] }, demo: false } as never);
    } finally {
      console.error = quiet.error;
    }
    assert.equal(posted.length, 0);
    bridge.post({ type: 'run', settings: { baseUrl: 'https://crazyrouter.com/v1', client: 'cursor', models: ['gpt-5.4'] }, demo: false });
    assert.equal(posted.length, 1);
  });

  test('the webview state keeps the settings only, never a token', () => {
    bridge.saveSettingsState({ baseUrl: 'https://crazyrouter.com/v1', client: 'cursor', models: ['gpt-5.4'] });
    assert.deepEqual(Object.keys(state.value as object), ['settings']);
    assert.deepEqual(bridge.savedSettings(), { baseUrl: 'https://crazyrouter.com/v1', client: 'cursor', models: ['gpt-5.4'] });
  });

  test('each request resolves with the reply that names its id, in whatever order replies come; replies never reach the listener', async () => {
    posted.length = 0;
    const heard: unknown[] = [];
    bridge.onHostMessage((m) => heard.push(m));
    const copy = bridge.request({ type: 'copyReport' });
    const run = bridge.request({ type: 'run', settings: { baseUrl: 'https://crazyrouter.com/v1', client: 'cursor', models: ['gpt-5.4'] }, demo: false });
    const [copyId, runId] = (posted as { requestId: number }[]).map((m) => m.requestId);
    assert.notEqual(copyId, runId, 'each request has its own id');
    deliver({ type: 'reply', requestId: 9_999, ok: true });
    deliver({ type: 'reply', requestId: runId, ok: false, notice: { level: 'error', text: 'Not sent.' } });
    deliver({ type: 'reply', requestId: copyId, ok: true, notice: { level: 'info', text: 'Report copied.' } });
    assert.deepEqual(await run, { type: 'reply', requestId: runId, ok: false, notice: { level: 'error', text: 'Not sent.' } });
    assert.deepEqual(await copy, { type: 'reply', requestId: copyId, ok: true, notice: { level: 'info', text: 'Report copied.' } });
    assert.deepEqual(heard, [], 'a reply is not a host message for the panel to handle');
  });
});
