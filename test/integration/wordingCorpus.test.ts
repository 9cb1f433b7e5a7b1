// Every wording of the corpus (gateway source and relayed upstream answers), rendered as the
// gateway's Go code serialises it, served by a real loopback server and read back through the real
// SDK path, must end in its cause, with a symptom row for every client and a fix that can cure it.
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import { chatCheck } from '../../src/core/checks/chatCheck';
import type { CheckDefinition } from '../../src/core/checks/checkTypes';
import { callGateway } from '../../src/core/checks/gatewayCall';
import { messagesCheck } from '../../src/core/checks/messagesCheck';
import { readTokenUsage } from '../../src/core/checks/tokenUsage';
import { CLIENT_IDS } from '../../src/core/clients/clients';
import { verify } from '../../src/core/engine/verify';
import { parseProfile } from '../../src/core/profile';
import { findingsFor } from '../../src/core/report/report';
import { Secret } from '../../src/core/secret';
import type { SymptomId } from '../../src/core/symptoms/symptomIds';
import { createGatewayClient } from '../../src/core/transport/gatewayClient';
import { WORDINGS } from '../../src/core/wordings/corpus';
import { UPSTREAM_WORDINGS } from '../../src/core/wordings/upstreamWordings';
import type { EnvelopeKind, WordingRoute } from '../../src/core/wordings/wording';
import { startFixture, type LoopbackServer } from '../support/faultProxy';
import { goErrorBody } from '../support/goJson';

/** Sample values for the wordings' placeholders, as a gateway would fill them in. */
const VALUES: Record<string, string> = {
  model: 'gpt-5.4',
  group: 'default',
  ip: '203.0.113.9',
  quota: '＄0.000120',
  need: '＄0.004096',
  prefix: 'abc',
  suffix: 'xyz',
  minutes: '1',
  count: '10',
  method: 'POST',
  path: '/v1/chat/completions',
  subnet: '10.0.0.0/8',
  name: 'cursor',
  id: '12',
  err: 'sql: database is closed',
  key: 'sk-proj-****abcd. You can find your API key at https://***.com/***/***.',
  url: 'https://docs.claude.com/en/docs/build-with-claude/extended-thinking#max-tokens-and-context-window-size',
};
const fill = (text: string) => text.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => VALUES[name] ?? whole);

interface Case {
  id: string;
  status: number;
  envelope: EnvelopeKind;
  type?: string;
  code?: string;
  message: string;
  route: WordingRoute;
  symptom: SymptomId;
}

const CASES: Case[] = [
  ...WORDINGS.map((w) => ({
    id: w.id,
    status: w.status,
    envelope: w.envelope,
    type: w.type,
    code: w.code,
    message: w.requestIdSuffix ? `${fill(w.text)} (request id: 20260811101010123456789ab12cd34AbCdEfGh)` : fill(w.text),
    route: w.route,
    symptom: w.symptom,
  })),
  // Upstream answers pass through new-api 2026 with their own type and code (research §5d).
  ...UPSTREAM_WORDINGS.map((w) => ({
    id: w.id,
    status: w.status,
    envelope: (w.provider === 'anthropic' ? 'claude' : 'openai') as EnvelopeKind,
    type: 'invalid_request_error',
    code: w.code,
    message: fill(w.text),
    route: 'relay' as const,
    symptom: w.symptom,
  })),
];

/** What each fix must (and must not) say, so that it can cure the cause its row names. */
const FIX_RULES: Partial<Record<SymptomId, { must?: RegExp; mustNot?: RegExp }>> = {
  'auth.disabled': { must: /enable the token again/, mustNot: /create a new token/ },
  'auth.missing': { must: /Authorization header/ },
  'auth.invalid': { must: /token/ },
  'auth.expired': { must: /expir|new token/ },
  'auth.exhausted': { must: /quota|new token/ },
  'auth.ip-denied': { must: /IP/ },
  'auth.banned': { must: /support/ },
  'auth.group': { must: /group/ },
  'auth.channel-pinned': { must: /suffix/ },
  'model.not-allowed': { must: /allow/ },
  'model.none-allowed': { must: /allow/ },
  'model.no-channel': { mustNot: /allowlist|allow that model/ },
  'model.not-found': { mustNot: /allowlist|allow that model/ },
  'model.unpriced': { must: /another model/, mustNot: /allowlist/ },
  'request.invalid': { mustNot: /new token/ },
  'quota.user-insufficient': { must: /top up/ },
  'quota.token-insufficient': { must: /quota cap/ },
  'rate.limited': { must: /wait|retry/ },
  'rate.critical': { must: /20 minutes/ },
  'gateway.channel-key': { must: /request id/, mustNot: /new token|paste/ },
  'gateway.database': { must: /retry|request id/ },
  'gateway.server-error': { must: /retry|request id/ },
  'url.wrong-path': { must: /crazyrouter\.com/ },
  'url.not-found': { must: /crazyrouter\.com/ },
  'token.malformed': { must: /paste|re-check the sk-/ },
  'param.thinking-budget': { must: /thinking/ },
  'model.reasoning-params': { must: /max_completion_tokens|non-reasoning/ },
};

let current: Case | undefined;
let server: LoopbackServer;

function answer(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const tokenRoute = path === '/api/usage/token/' || path === '/api/log/token';
  const wanted =
    current &&
    (tokenRoute ? current.route === 'token-status' || current.route === 'token-log' : current.route !== 'token-status' && current.route !== 'token-log');
  if (!current || !wanted) {
    res.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8' });
    return void res.end(`{"error":{"code":"","message":"Invalid URL (${req.method} ${path})","type":"invalid_request_error"}}`);
  }
  const body = goErrorBody(current.envelope, current.message, current.type, current.code);
  res.writeHead(current.status, body ? { 'Content-Type': 'application/json; charset=utf-8', 'X-Oneapi-Request-Id': 'R1' } : { 'Content-Length': '0' });
  res.end(body);
}

const profileFor = () => {
  const parsed = parseProfile({ baseUrl: `${server.origin}/v1`, models: ['gpt-5.4'], timeoutMs: 5_000 }, Secret.of('sk-corpus0000000000000000000000'));
  assert.ok(parsed.ok);
  return parsed.profile;
};
const ungated = (check: CheckDefinition): CheckDefinition => ({ ...check, needs: [], gatedBy: [] });

/** The conclusion the doctor reaches for the current case, through the route's own request. */
async function conclude(c: Case): Promise<SymptomId | undefined> {
  const profile = profileFor();
  const client = createGatewayClient({ baseURL: profile.baseUrl, secret: profile.secret, timeoutMs: profile.timeoutMs, signal: new AbortController().signal });
  if (c.route === 'token-status') {
    const usage = await readTokenUsage(client, profile.baseUrl);
    return usage.ok ? undefined : usage.diagnosis?.symptom;
  }
  if (c.route === 'token-log') {
    const call = await callGateway(client, { route: 'token-log' }, () => client.sdk.get(`${server.origin}/api/log/token`, client.request));
    return call.ok ? undefined : call.diagnosis.symptom;
  }
  const check = c.envelope === 'claude' ? messagesCheck('claude-sonnet-4-6') : chatCheck('gpt-5.4');
  const report = await verify(profile, { checks: [ungated(check)] });
  return report.results[0]?.symptom;
}

suite(`wording corpus: ${CASES.length} real wordings through the SDK path`, () => {
  suiteSetup(async () => {
    server = await startFixture(answer);
  });
  suiteTeardown(() => server.close());

  test('the corpus holds every gateway family, version and language', () => {
    assert.ok(WORDINGS.length >= 150, `${WORDINGS.length} wordings`);
    const langs = new Set(WORDINGS.map((w) => w.lang));
    for (const lang of ['en', 'zh-CN', 'zh-TW']) assert.ok(langs.has(lang as never), lang);
    const versions = new Set(WORDINGS.flatMap((w) => w.versions));
    assert.equal(versions.size, 4, [...versions].join(', '));
    assert.equal(new Set(CASES.map((c) => c.id)).size, CASES.length, 'ids are unique');
  });

  for (const c of CASES) {
    test(`${c.id} (${c.status} ${c.envelope}) → ${c.symptom}`, async () => {
      current = c;
      const symptom = await conclude(c);
      assert.equal(symptom, c.symptom, `"${c.message}"`);
      for (const client of CLIENT_IDS) {
        const [finding] = findingsFor(
          [{ id: 'x', kind: 'chat', title: 'x', status: 'fail', durationMs: 0, summary: '', symptom: c.symptom, details: [], metrics: {}, evidence: [] }],
          client,
        );
        assert.ok(finding?.rowId && finding.fix, `${client} has a row for ${c.symptom}`);
        const rule = FIX_RULES[c.symptom];
        if (rule?.must) assert.match(finding.fix, rule.must, `${client}'s fix for ${c.symptom}`);
        if (rule?.mustNot) assert.doesNotMatch(finding.fix, rule.mustNot, `${client}'s fix for ${c.symptom}`);
      }
    });
  }
});
