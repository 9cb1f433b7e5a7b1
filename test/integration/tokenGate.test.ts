// SECURITY.md: "No request carries the token before a tokenless probe has shown that the URL is the
// gateway's API." The planned checks (no test's own list) against real loopback servers, with the
// credential headers counted where they arrive: a wrong path, the website and an open URL never
// receive one; on the gateway, none arrives before the probe was answered; and an origin the probe
// confirmed is remembered by the caller, so the next run sends at once, beside the probe.
import assert from 'node:assert/strict';
import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import { suite, test } from 'mocha';
import type { ClientId } from '../../src/core/clients/clients';
import { verify } from '../../src/core/engine/verify';
import { parseProfile } from '../../src/core/profile';
import type { Report } from '../../src/core/report/report';
import { Secret } from '../../src/core/secret';
import { startSandbox } from '../../src/sandbox/sandboxServer';
import { startFixture, type LoopbackServer } from '../support/faultProxy';

const TOKEN = 'sk-GateGateGate0123456789abcdefABCDEF';
/** One client per protocol the plan can add (OpenAI chat, Anthropic Messages, Responses, Cherry's Check). */
const CLIENTS: ClientId[] = ['cursor', 'claude-code', 'codex', 'cherry-studio'];

const json = (res: ServerResponse, status: number, body: unknown) => (
  res.writeHead(status, { 'Content-Type': 'application/json' }),
  res.end(JSON.stringify(body))
);

/** Servers that are not the gateway's API, each answering every request the same way, token or not. */
const NOT_THE_API: { name: string; symptom: string; answer: (req: IncomingMessage, res: ServerResponse) => void }[] = [
  {
    name: 'a wrong path (JSON 404 Invalid URL)',
    symptom: 'url.wrong-path',
    answer: (req, res) =>
      json(res, 404, {
        error: { message: `Invalid URL (${req.method} ${new URL(req.url ?? '/', 'http://x').pathname})`, type: 'invalid_request_error', code: '' },
      }),
  },
  {
    name: 'the website (200 HTML)',
    symptom: 'url.website-html',
    answer: (_req, res) => (res.writeHead(200, { 'Content-Type': 'text/html' }), res.end('<!doctype html><html><head><title>New API</title></head></html>')),
  },
  {
    name: 'an open URL that answers without any token',
    symptom: 'url.no-auth',
    answer: (req, res) =>
      req.method === 'POST'
        ? json(res, 200, {
            id: 'c',
            object: 'chat.completion',
            model: 'gpt-5.4',
            choices: [{ index: 0, message: { role: 'assistant', content: 'pong' }, finish_reason: 'stop' }],
          })
        : json(res, 200, { object: 'list', data: [{ id: 'gpt-5.4', object: 'model' }] }),
  },
];

const profileFor = (baseUrl: string, client: ClientId, token = TOKEN) => {
  const parsed = parseProfile({ baseUrl, client, models: ['gpt-5.4', 'claude-sonnet-4-6'], timeoutMs: 5_000 }, Secret.of(token));
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.errors.join('; '));
  return parsed.profile;
};

const carriesCredential = (hit: LoopbackServer['hits'][number]) => hit.authorization !== undefined || hit.apiKey !== undefined;

suite('no request carries the token before a tokenless probe confirmed the API', () => {
  for (const place of NOT_THE_API) {
    test(`${place.name}: no request with an Authorization or x-api-key header arrives, for any client`, async () => {
      const server = await startFixture(place.answer);
      try {
        for (const client of CLIENTS) {
          const confirmed: string[] = [];
          const report = await verify(profileFor(`${server.origin}/v1`, client), { onOriginConfirmed: (o) => confirmed.push(o) });
          const baseUrl = report.results.find((r) => r.id === 'base-url')!;
          assert.equal(baseUrl.symptom, place.symptom, `${client}: ${baseUrl.summary}`);
          assert.deepEqual(confirmed, [], `${client}: the origin is not confirmed`);
          const tokenChecks = report.results.filter((r) => !['token', 'reachability', 'base-url'].includes(r.id));
          assert.ok(tokenChecks.length >= 5, `${client}: ${tokenChecks.length} token-carrying checks planned`);
          for (const r of tokenChecks) assert.equal(r.status, 'skipped', `${client} ${r.id}: ${r.summary}`);
        }
        assert.ok(
          server.hits.some((h) => h.method === 'POST' && h.path === '/v1/chat/completions'),
          'the tokenless probe reached the server',
        );
        assert.deepEqual(server.hits.filter(carriesCredential), [], 'no credential header reached the server');
      } finally {
        await server.close();
      }
    });
  }

  test('on the gateway, no credential arrives before the probe was answered; the confirmed origin, handed back in, lets the next run send beside the probe', async () => {
    const sandbox = await startSandbox({ scenario: 'healthy' });
    /** What the proxy saw, in order: the probe's answer leaving, and each request that carried a credential. */
    const seen: string[] = [];
    /** While set, the tokenless probe is held until a credential-carrying request arrives (at most 3 s, within the request timeout). */
    let holdProbe = false;
    let credentialArrived = () => {};
    const target = new URL(sandbox.origin);
    const forward = (req: IncomingMessage, res: ServerResponse, onAnswered: () => void) => {
      const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        res.once('finish', onAnswered);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    };
    const proxy = await startFixture((req, res) => {
      const credential = req.headers.authorization !== undefined || req.headers['x-api-key'] !== undefined;
      if (credential) {
        seen.push(`token ${req.method} ${req.url}`);
        credentialArrived();
        return forward(req, res, () => {});
      }
      const probe = req.method === 'POST' && req.url === '/v1/chat/completions';
      if (!probe) return forward(req, res, () => {});
      const answered = () => seen.push('probe answered');
      if (!holdProbe) return forward(req, res, answered);
      const released = new Promise<void>((resolve) => {
        credentialArrived = resolve;
        setTimeout(resolve, 3_000);
      });
      void released.then(() => forward(req, res, answered));
    });
    const verdicts = (report: Report) => report.results.filter((r) => r.status !== 'pass').map((r) => `${r.id}: ${r.summary}`);
    try {
      const profile = profileFor(`${proxy.origin}/v1`, 'cursor', sandbox.key);
      const confirmed = new Set<string>();
      const first = await verify(profile, { onOriginConfirmed: (o) => confirmed.add(o) });
      assert.deepEqual(verdicts(first), [], 'the first run passes');
      assert.equal(seen[0], 'probe answered', `nothing carried the token before the probe was answered: ${seen.slice(0, 3).join(' | ')}`);
      assert.ok(seen.length > 5, `the token-carrying checks ran after it (${seen.length - 1} requests)`);
      assert.deepEqual([...confirmed], [proxy.origin], 'the run hands back the origin it confirmed');

      seen.length = 0;
      holdProbe = true;
      const later = await verify(profile, { confirmedOrigins: confirmed });
      assert.deepEqual(verdicts(later), [], 'the later run passes');
      assert.ok(seen.indexOf('probe answered') > 0, `a token-carrying request went out while the probe was held: ${seen.slice(0, 3).join(' | ')}`);
    } finally {
      await proxy.close();
      await sandbox.close();
    }
  });
});
