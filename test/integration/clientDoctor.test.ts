import assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import type { ClientId } from '../../src/core/clients/clients';
import type { UrlRuleId } from '../../src/core/clients/urlRules';
import type { SymptomId } from '../../src/core/symptoms/symptomIds';
import { resultOf, runScenario } from '../support/runScenario';
import { byText } from '../support/byText';

interface UrlCase {
  client: ClientId;
  rule?: UrlRuleId;
  /** The models to check (the first decides Continue's API). */
  models?: string[];
  /** What the user typed, after the sandbox origin. */
  typed: string;
  status: 'pass' | 'fail' | 'warn';
  symptom?: SymptomId;
  /** What the doctor must tell them to type instead, after the sandbox origin. */
  type?: string;
  calls: RegExp;
}

const URL_CASES: UrlCase[] = [
  { client: 'cline', typed: '/v1', status: 'pass', calls: /\/v1\/chat\/completions$/ },
  { client: 'cline', typed: '', status: 'fail', symptom: 'url.website-html', type: '/v1', calls: /:\d+\/chat\/completions$/ },
  {
    client: 'cline',
    typed: '/v1/chat/completions',
    status: 'fail',
    symptom: 'url.wrong-path',
    type: '/v1',
    calls: /\/v1\/chat\/completions\/chat\/completions$/,
  },
  { client: 'cherry-studio', typed: '', status: 'pass', calls: /\/v1\/chat\/completions$/ },
  { client: 'cherry-studio', typed: '/v1', status: 'pass', calls: /\/v1\/chat\/completions$/ },
  { client: 'cherry-studio', typed: '#', status: 'fail', symptom: 'url.website-html', type: '', calls: /:\d+\/chat\/completions$/ },
  {
    client: 'cherry-studio',
    rule: 'cherry-studio@1.6',
    typed: '/v1',
    status: 'fail',
    symptom: 'url.wrong-path',
    type: '',
    calls: /\/v1\/v1\/chat\/completions$/,
  },
  { client: 'cherry-studio', rule: 'cherry-studio@1.6', typed: '/', status: 'fail', symptom: 'url.website-html', type: '', calls: /:\d+\/chat\/completions$/ },
  { client: 'codex', typed: '/v1', status: 'pass', calls: /\/v1\/responses$/ },
  { client: 'codex', typed: '', status: 'fail', symptom: 'url.website-html', type: '/v1', calls: /:\d+\/responses$/ },
  { client: 'claude-code', typed: '', status: 'pass', calls: /\/v1\/messages\?beta=true$/ },
  { client: 'claude-code', typed: '/v1', status: 'fail', symptom: 'url.wrong-path', type: '', calls: /\/v1\/v1\/messages\?beta=true$/ },
  // Continue picks its API by model: Responses for gpt-5.4, chat for a Claude model (client-url-rules.md §I).
  { client: 'cline', rule: 'continue', typed: '/v1', status: 'pass', calls: /\/v1\/responses$/ },
  { client: 'cline', rule: 'continue', models: ['claude-sonnet-4-6'], typed: '/v1', status: 'pass', calls: /\/v1\/chat\/completions$/ },
  {
    client: 'cline',
    rule: 'continue-cli',
    typed: '/v1/chat/completions',
    status: 'fail',
    symptom: 'url.wrong-path',
    type: '/v1',
    calls: /\/v1\/chat\/completions\/responses$/,
  },
  { client: 'cline', rule: 'roo-code', typed: '', status: 'fail', symptom: 'url.website-html', type: '/v1', calls: /:\d+\/chat\/completions$/ },
  { client: 'cursor', typed: '/v1', status: 'warn', symptom: 'client.vendor-egress', calls: /\/v1\/chat\/completions$/ },
];

suite('URL doctor: what each client will call for what was typed, probed for real', () => {
  for (const c of URL_CASES) {
    test(`${c.rule ?? c.client}: typed "{origin}${c.typed}" → ${c.status}${c.symptom ? ` (${c.symptom})` : ''}`, async () => {
      const { report, sandbox } = await runScenario(
        'healthy',
        { client: c.client, urlRule: c.rule, typedUrl: `ORIGIN${c.typed}`, ...(c.models ? { models: c.models } : {}) },
        { rewriteTypedUrl: true },
      );
      const result = resultOf(report, 'client-url');
      assert.equal(result.status, c.status, result.summary);
      assert.equal(result.symptom, c.symptom, result.summary);
      assert.match(String(result.metrics.predictedUrl), c.calls);
      if (c.type !== undefined) {
        assert.equal(result.metrics.valueToType, `${sandbox.origin}${c.type}`);
        assert.ok(result.summary.includes(`Type exactly ${sandbox.origin}${c.type} in `), result.summary);
      }
      assert.ok(result.evidence.every((e) => !e.url.includes(sandbox.key)));
    });
  }
});

test('Cursor with an IP-restricted token points at Cursor’s egress row', async () => {
  const { report } = await runScenario('ip-restricted', { client: 'cursor' });
  const finding = report.findings.find((f) => f.checkId === 'auth');
  assert.equal(finding?.rowId, 'gateway.cursor-egress');
  assert.match(finding?.fix ?? '', /remove the IP restriction/);
});

test('Claude Code: Anthropic Messages with a Bearer token and, streaming, with x-api-key', async () => {
  const { report, sandbox } = await runScenario('healthy', { client: 'claude-code', models: ['claude-sonnet-4-6'] });
  const result = resultOf(report, 'protocol:messages');
  assert.equal(result.status, 'pass', result.summary);
  const calls = sandbox.state.requests.filter((r) => r.path === '/v1/messages' && r.authenticated);
  assert.deepEqual(calls.map((r) => [r.authVia, r.stream]).toSorted(byText), [
    ['authorization', false],
    ['x-api-key', true],
  ]);
  assert.ok(calls.every((r) => (r.completionTokens ?? 0) <= 16));
  assert.ok(result.evidence.some((e) => /text\/event-stream/.test(e.contentType ?? '')));
});

test('Codex: the Responses API, JSON and streaming', async () => {
  const { report, sandbox } = await runScenario('healthy', { client: 'codex', models: ['gpt-5.4'] });
  const result = resultOf(report, 'protocol:responses');
  assert.equal(result.status, 'pass', result.summary);
  assert.ok((result.metrics.deltas as number) >= 1);
  assert.equal(sandbox.state.requests.filter((r) => r.path === '/v1/responses' && r.authenticated).length, 2);
});

test('a gateway without these APIs (one-api) is named as the cause', async () => {
  for (const [client, check] of [
    ['claude-code', 'protocol:messages'],
    ['codex', 'protocol:responses'],
  ] as const) {
    const { report } = await runScenario('one-api', { client, models: ['claude-sonnet-4-6', 'gpt-5.4'] });
    const result = resultOf(report, check);
    assert.equal(result.symptom, 'client.protocol-missing', result.summary);
    assert.equal(report.findings.find((f) => f.checkId === check)?.rowId, 'gateway.protocol-missing');
  }
});

test("Cherry Studio: its own Check (system 'test', user 'hi', streaming, aborted at the first chunk)", async () => {
  const { report, sandbox } = await runScenario('healthy', { client: 'cherry-studio', models: ['gpt-5.4'] });
  const result = resultOf(report, 'protocol:cherry-check');
  assert.equal(result.status, 'pass', result.summary);
  const check = sandbox.state.requests.find((r) => r.stream && r.limitParam === null && r.authenticated);
  assert.ok(check, 'a streaming request without max_tokens, as Cherry sends it');
  assert.ok(report.checklist.some((c) => c.item.id === 'cherry.check-succeeds' && c.state === 'verified'));
  const wrong = await runScenario('model-not-allowed', { client: 'cherry-studio', models: ['claude-sonnet-4-6'] });
  const failed = resultOf(wrong.report, 'protocol:cherry-check');
  assert.equal(failed.symptom, 'model.not-allowed');
  assert.equal(wrong.report.findings.find((f) => f.checkId === 'protocol:cherry-check')?.rowId, 'cherry.403-model');
});
