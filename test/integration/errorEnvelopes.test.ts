// The envelopes no corpus wording uses (a flat `{message,type,code}` object, a plain-text body, an
// empty body), and 404s that say "does not exist" about something other than a model: each served
// by a real loopback server, read through the real openai SDK by the engine's chat check, must end
// in its cause, with a row and a fix for every client (issue 9: "classify what the gateway really
// sent, whatever the envelope"; "404 'does not exist' only when it is about the model").
import assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import { chatCheck } from '../../src/core/checks/chatCheck';
import type { CheckResult } from '../../src/core/checks/checkTypes';
import { CLIENT_IDS } from '../../src/core/clients/clients';
import { verify } from '../../src/core/engine/verify';
import { parseProfile } from '../../src/core/profile';
import { findingsFor } from '../../src/core/report/report';
import { Secret } from '../../src/core/secret';
import type { SymptomId } from '../../src/core/symptoms/symptomIds';
import { startFixture, type LoopbackServer } from '../support/faultProxy';

interface Case {
  name: string;
  status: number;
  contentType?: string;
  body: string;
  symptom: SymptomId;
  /** What the check's summary must say (the gateway's own words, read from the raw body). */
  summary: RegExp;
  /** What every client's fix must (and must not) say. */
  fix: { must?: RegExp; mustNot?: RegExp };
}

const JSON_TYPE = 'application/json; charset=utf-8';
const CASES: Case[] = [
  {
    // gateway-behaviour.md §11 "Upstream 401 passed through": older new-api keeps the upstream's status
    // and its top-level body on a chat call, after /v1/models accepted the user's token.
    name: 'flat envelope: an upstream 401 passed through as is',
    status: 401,
    contentType: JSON_TYPE,
    body: JSON.stringify({
      message:
        'Incorrect API key provided: sk-proj-****abcd. You can find your API key at https://platform.openai.com/account/api-keys. (request id: 2025041010101012)',
      type: 'invalid_request_error',
      code: 'invalid_api_key',
    }),
    symptom: 'gateway.channel-key',
    summary: /401 Incorrect API key provided: sk-proj-\*\*\*\*abcd\..* \(invalid_api_key\)$/,
    fix: { must: /request id/, mustNot: /new token|paste/ },
  },
  {
    // One-api's and new-api's own wording (oneApi.ts, newApiFixed.ts: token expired), as a customised
    // gateway or a proxy that rewrites errors sends it: the message alone, as plain text.
    name: 'plain-text body: the token-expired wording',
    status: 401,
    contentType: 'text/plain; charset=utf-8',
    body: '该令牌已过期',
    symptom: 'auth.expired',
    summary: /401 该令牌已过期$/,
    fix: { must: /expir|new token/ },
  },
  {
    name: 'plain-text body: a CDN rate limit',
    status: 429,
    contentType: 'text/plain; charset=UTF-8',
    body: 'error code: 1015',
    symptom: 'rate.limited',
    summary: /429 error code: 1015 \(no retry-after given\)$/,
    fix: { must: /wait|retry/ },
  },
  {
    name: 'empty body: a 403 with nothing in it is inconclusive, not a guess',
    status: 403,
    body: '',
    symptom: 'gateway.refused',
    summary: /403 with an empty body: .*inconclusive/,
    fix: { mustNot: /allow that model|new token/ },
  },
  {
    name: 'JSON 404 "does not exist" about an endpoint, not a model',
    status: 404,
    contentType: JSON_TYPE,
    body: JSON.stringify({ error: { message: 'The requested endpoint does not exist on this server', type: 'invalid_request_error', code: 'not_found' } }),
    symptom: 'url.not-found',
    summary: /404 The requested endpoint does not exist on this server \(not_found\)$/,
    fix: { must: /crazyrouter\.com/, mustNot: /allowlist|allow that model|model id/ },
  },
  {
    name: 'JSON 404 "does not exist" about a resource, in Chinese',
    status: 404,
    contentType: JSON_TYPE,
    body: JSON.stringify({ error: { message: '请求的资源不存在', type: 'invalid_request_error' } }),
    symptom: 'url.not-found',
    summary: /404 请求的资源不存在$/,
    fix: { must: /crazyrouter\.com/ },
  },
  {
    // Ollama's answer for an unknown model (api/types.go), behind an OpenAI-compatible relay: no corpus wording.
    name: 'JSON 404 "not found" about a model, outside the corpus',
    status: 404,
    contentType: JSON_TYPE,
    body: JSON.stringify({ error: 'model "gpt-5.4" not found, try pulling it first' }),
    symptom: 'model.not-found',
    summary: /404 model "gpt-5\.4" not found/,
    fix: { mustNot: /allowlist|allow that model/ },
  },
  {
    name: 'JSON 404 "does not exist" about a model, in Chinese, outside the corpus',
    status: 404,
    contentType: JSON_TYPE,
    body: JSON.stringify({ error: { message: '模型 gpt-5.4 不存在', type: 'invalid_request_error' } }),
    symptom: 'model.not-found',
    summary: /404 模型 gpt-5\.4 不存在$/,
    fix: { mustNot: /allowlist|allow that model/ },
  },
];

let current: Case | undefined;
let server: LoopbackServer;

suite('error bodies in every envelope, through the SDK path', () => {
  suiteSetup(async () => {
    server = await startFixture((_req, res) => {
      const c = current!;
      res.writeHead(c.status, { ...(c.contentType ? { 'Content-Type': c.contentType } : {}), 'Content-Length': Buffer.byteLength(c.body) });
      res.end(c.body);
    });
  });
  suiteTeardown(() => server.close());

  /** The chat check's result for the current case, as the engine reaches it. */
  async function chatResult(): Promise<CheckResult> {
    const parsed = parseProfile({ baseUrl: `${server.origin}/v1`, models: ['gpt-5.4'], timeoutMs: 5_000 }, Secret.of('sk-envelope000000000000000000000'));
    assert.ok(parsed.ok);
    const report = await verify(parsed.profile, { checks: [{ ...chatCheck('gpt-5.4'), needs: [], gatedBy: [] }] });
    return report.results[0]!;
  }

  for (const c of CASES) {
    test(`${c.name} → ${c.symptom}`, async () => {
      current = c;
      const result = await chatResult();
      assert.equal(result.symptom, c.symptom, result.summary);
      assert.equal(result.status, 'fail');
      assert.match(result.summary, c.summary);
      assert.equal(result.evidence[0]?.status, c.status, 'the evidence shows the answer');
      for (const client of CLIENT_IDS) {
        const [finding] = findingsFor([result], client);
        assert.ok(finding?.rowId && finding.fix, `${client} has a row and a fix for ${c.symptom}`);
        if (c.fix.must) assert.match(finding.fix, c.fix.must, `${client}'s fix`);
        if (c.fix.mustNot) assert.doesNotMatch(finding.fix, c.fix.mustNot, `${client}'s fix`);
      }
    });
  }
});
