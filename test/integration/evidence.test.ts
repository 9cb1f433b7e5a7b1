import assert from 'node:assert/strict';
import { test } from 'mocha';
import { resultOf, runScenario } from '../support/runScenario';
import { byText } from '../support/byText';

const REQUEST_ID = /^\d{14}\d{9}[0-9a-f]{8}[A-Za-z0-9]{8}$/;

test('every request of a healthy run leaves evidence with status, type and request id', async () => {
  const { report, sandbox } = await runScenario('healthy');
  const evidence = report.results.flatMap((r) => r.evidence);
  assert.ok(evidence.length >= 10, `only ${evidence.length} exchanges recorded`);
  for (const e of evidence) {
    assert.ok(e.status !== undefined, `${e.method} ${e.url} has a status`);
    assert.match(e.requestId ?? '', REQUEST_ID, `${e.url} request id`);
    assert.ok(e.url.startsWith(sandbox.origin));
    assert.ok(e.totalMs !== undefined && e.totalMs >= 0);
  }
  const auth = resultOf(report, 'auth').evidence[0]!;
  assert.equal(auth.status, 200);
  assert.match(auth.contentType ?? '', /application\/json/);
  assert.equal(auth.gatewayVersion, 'v0.10.4-sandbox');
  assert.equal(resultOf(report, 'base-url').evidence[0]?.status, 401, 'the anonymous probe is refused as it should be');
  const stream = resultOf(report, 'streaming');
  assert.match(stream.evidence[0]?.contentType ?? '', /text\/event-stream/);
  assert.equal(stream.metrics.sawDone, true);
  assert.equal(stream.metrics.usageChunk, true);
  assert.ok((stream.metrics.contentChunks as number) >= 4);
  assert.ok((stream.metrics.spreadMs as number) > 15, 'chunks were spread over time');
});

test('the website answer is shown as HTML with status 200', async () => {
  const { report } = await runScenario('missing-v1');
  const e = resultOf(report, 'base-url').evidence[0]!;
  assert.equal(e.status, 200);
  assert.match(e.contentType ?? '', /text\/html/);
  assert.match(e.bodyExcerpt ?? '', /<title>New API<\/title>/);
  assert.match(e.url, /\/chat\/completions$/);
});

test('the anonymous probes arrive at the gateway without an Authorization or x-api-key header', async () => {
  const { sandbox } = await runScenario('healthy');
  const refused = sandbox.state.requests.filter((r) => r.status === 401);
  assert.ok(
    refused.some((r) => r.method === 'POST' && r.path === '/v1/chat/completions'),
    'the base-URL probe',
  );
  assert.ok(
    refused.some((r) => r.method === 'GET' && r.path === '/v1/models'),
    'the reachability probe',
  );
  for (const r of refused) assert.equal(r.authVia, undefined, `${r.method} ${r.path} arrived with a credential header`);
  assert.ok(
    sandbox.state.requests.some((r) => r.authVia === 'authorization' && r.authenticated),
    'the checks that send the token do carry it',
  );
});

test('probes spend at most 16 completion tokens each, and the health run none', async () => {
  const full = await runScenario('healthy');
  const probes = full.sandbox.state.requests.filter((r) => r.path === '/v1/chat/completions' && r.authenticated);
  assert.equal(probes.length, 5, 'three chats, one stream, one tool call');
  for (const p of probes) assert.ok((p.completionTokens ?? 0) <= 16, `${p.model} spent ${p.completionTokens}`);
  assert.ok(probes.every((p) => p.limitParam === 'max_tokens'));
  const health = await runScenario('healthy', { mode: 'health' });
  assert.equal(health.sandbox.state.completionTokensServed(), 0);
  assert.ok(!health.sandbox.state.requests.some((r) => r.path === '/v1/chat/completions' && r.authenticated));
  assert.equal(health.report.verdict, 'pass');
});

test('a reasoning model is retried once with max_completion_tokens', async () => {
  const { sandbox } = await runScenario('reasoning-model');
  const gpt = sandbox.state.requests.filter((r) => r.model === 'gpt-5.4' && r.path === '/v1/chat/completions' && r.authenticated && !r.stream);
  assert.deepEqual(
    gpt.map((r) => [r.status, r.limitParam]).toSorted(byText),
    [
      [200, 'max_completion_tokens'],
      [200, 'max_completion_tokens'],
      [400, 'max_tokens'],
      [400, 'max_tokens'],
    ].toSorted(byText),
  );
});

test('concurrent and sequential runs reach the same conclusions', async () => {
  for (const scenario of ['healthy', 'model-not-allowed', 'wrong-token']) {
    const a = await runScenario(scenario, {}, { concurrency: 8 });
    const b = await runScenario(scenario, {}, { concurrency: 1 });
    assert.deepEqual(
      a.report.results.map((r) => [r.id, r.status, r.symptom]),
      b.report.results.map((r) => [r.id, r.status, r.symptom]),
      scenario,
    );
  }
});
