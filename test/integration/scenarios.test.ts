import assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import type { CheckStatus } from '../../src/core/checks/checkTypes';
import type { ClientId } from '../../src/core/clients/clients';
import type { Verdict } from '../../src/core/report/report';
import type { SymptomId } from '../../src/core/symptoms/symptomIds';
import { SCENARIOS } from '../../src/sandbox/scenarios';
import { resultOf, runScenario } from '../support/runScenario';
import { byText } from '../support/byText';

interface Expectation {
  verdict: Verdict;
  /** The check that must show the problem, its status and conclusion. */
  check?: string;
  status?: CheckStatus;
  symptom?: SymptomId;
  /** The highlighted symptom-table row per client. */
  rows?: Partial<Record<ClientId, string>>;
  /** Something the evidence or summary of that check must show. */
  shows?: RegExp;
  /** The client of the main run (default Cursor). */
  client?: ClientId;
  /** A passing run may leave these checks skipped (ids, or a prefix ending in `*`), each for a reason it gives. */
  skipped?: string[];
}

const USAGE = 'usage:*';

const EXPECTED: Record<string, Expectation> = {
  healthy: { verdict: 'pass' },
  'wrong-token': {
    verdict: 'fail',
    check: 'auth',
    status: 'fail',
    symptom: 'auth.invalid',
    rows: { cursor: 'cursor.401', 'cherry-studio': 'cherry.401', codex: 'gateway.401' },
    shows: /401 Invalid token/,
  },
  'expired-token': {
    verdict: 'fail',
    check: 'auth',
    status: 'fail',
    symptom: 'auth.expired',
    rows: { cursor: 'cursor.401', cline: 'gateway.expired' },
    shows: /expired on \d{4}-\d\d-\d\d/,
  },
  'disabled-token': {
    verdict: 'fail',
    check: 'auth',
    status: 'fail',
    symptom: 'auth.disabled',
    rows: { 'cherry-studio': 'gateway.disabled', 'claude-code': 'gateway.disabled' },
    shows: /该令牌状态不可用/,
  },
  'disabled-token-2026': {
    verdict: 'fail',
    check: 'auth',
    status: 'fail',
    symptom: 'auth.disabled',
    rows: { cursor: 'gateway.disabled' },
    shows: /This token status is unavailable/,
  },
  'header-dropped': {
    verdict: 'fail',
    check: 'auth',
    status: 'fail',
    symptom: 'auth.missing',
    rows: { cursor: 'gateway.header-missing' },
    shows: /Token not provided/,
  },
  'upstream-key': {
    verdict: 'fail',
    check: 'chat:gpt-5.4',
    status: 'fail',
    symptom: 'gateway.channel-key',
    rows: { cursor: 'gateway.channel-key', 'cherry-studio': 'gateway.channel-key' },
    shows: /401 Incorrect API key provided/,
  },
  'cdn-challenge': {
    verdict: 'fail',
    check: 'chat:gpt-5.4',
    status: 'fail',
    symptom: 'front.html',
    rows: { cursor: 'gateway.front-html' },
    shows: /403 with an HTML page: something in front of the gateway/,
  },
  'thinking-budget': {
    verdict: 'fail',
    check: 'chat:gpt-5.4',
    status: 'fail',
    symptom: 'param.thinking-budget',
    rows: { cursor: 'gateway.thinking-budget' },
    shows: /thinking\.budget_tokens/,
  },
  'chinese-gateway': { verdict: 'fail', check: 'auth', status: 'fail', symptom: 'auth.invalid', rows: { cursor: 'cursor.401' }, shows: /401 无效的令牌/ },
  'exhausted-token': {
    verdict: 'fail',
    check: 'auth',
    status: 'fail',
    symptom: 'auth.exhausted',
    rows: { cursor: 'gateway.exhausted' },
    shows: /used up its quota/,
  },
  'model-not-allowed': {
    verdict: 'fail',
    check: 'chat:claude-sonnet-4-6',
    status: 'fail',
    symptom: 'model.not-allowed',
    rows: { cursor: 'cursor.403-model', 'cherry-studio': 'cherry.403-model', codex: 'gateway.model-not-allowed' },
    shows: /403 This token has no access to model claude-sonnet-4-6/,
  },
  'no-channel': {
    verdict: 'fail',
    check: 'chat:gemini-3-pro-preview',
    status: 'fail',
    symptom: 'model.no-channel',
    rows: { cursor: 'gateway.no-channel' },
    shows: /503 No available channel .*model_not_found/,
  },
  'ip-restricted': {
    verdict: 'fail',
    check: 'auth',
    status: 'fail',
    symptom: 'auth.ip-denied',
    rows: { cursor: 'gateway.cursor-egress', 'cherry-studio': 'gateway.ip-denied' },
    shows: /access_denied/,
  },
  'user-quota': {
    verdict: 'fail',
    check: 'chat:gpt-5.4',
    status: 'fail',
    symptom: 'quota.user-insufficient',
    rows: { cursor: 'gateway.user-quota' },
    shows: /insufficient_user_quota/,
  },
  'token-quota': {
    verdict: 'fail',
    check: 'chat:gpt-5.4',
    status: 'fail',
    symptom: 'quota.token-insufficient',
    rows: { cursor: 'gateway.token-quota' },
    shows: /pre_consume_token_quota_failed/,
  },
  'unlimited-quota': {
    verdict: 'warn',
    check: 'quota',
    status: 'warn',
    symptom: 'quota.unlimited',
    rows: { cursor: 'cursor.cost-jump', 'cherry-studio': 'gateway.unlimited' },
    shows: /no quota cap/,
  },
  'quota-low': {
    verdict: 'warn',
    check: 'quota',
    status: 'warn',
    symptom: 'quota.low',
    rows: { cursor: 'gateway.quota-low' },
    shows: /Only 3% of the token's quota is left/,
  },
  'allowlist-empty': {
    verdict: 'fail',
    check: 'models',
    status: 'fail',
    symptom: 'models.list-empty',
    rows: { cursor: 'cursor.no-models', 'cherry-studio': 'cherry.model-list' },
    shows: /sees no models/,
  },
  'missing-v1': {
    verdict: 'fail',
    check: 'base-url',
    status: 'fail',
    symptom: 'url.website-html',
    rows: { cursor: 'cursor.404', 'cherry-studio': 'gateway.html-200' },
    shows: /HTML page with status 200/,
  },
  'double-v1': {
    verdict: 'fail',
    check: 'base-url',
    status: 'fail',
    symptom: 'url.wrong-path',
    rows: { cursor: 'cursor.404', 'cherry-studio': 'cherry.404' },
    shows: /Invalid URL \(POST \/v1\/v1\/chat\/completions\)/,
  },
  'full-endpoint': {
    verdict: 'fail',
    check: 'base-url',
    status: 'fail',
    symptom: 'url.wrong-path',
    rows: { cursor: 'cursor.404' },
    shows: /\/v1\/chat\/completions\/chat\/completions/,
  },
  'buffered-stream': {
    verdict: 'warn',
    check: 'streaming',
    status: 'warn',
    symptom: 'stream.buffered',
    rows: { cursor: 'gateway.stream-buffered', 'cherry-studio': 'gateway.stream-buffered' },
    shows: /buffers the stream/,
  },
  'stream-cut': {
    verdict: 'fail',
    check: 'streaming',
    status: 'fail',
    symptom: 'stream.cut',
    rows: { 'cherry-studio': 'cherry.streaming', cursor: 'gateway.stream-broken' },
    shows: /cut off/,
  },
  'stream-bad-json': {
    verdict: 'fail',
    check: 'streaming',
    status: 'fail',
    symptom: 'stream.malformed',
    rows: { 'cherry-studio': 'cherry.streaming' },
    shows: /not JSON/,
  },
  'stream-no-done': { verdict: 'warn', check: 'streaming', status: 'warn', symptom: 'stream.no-done', shows: /never sent data: \[DONE\]/ },
  'stream-error-event': { verdict: 'fail', check: 'streaming', status: 'fail', symptom: 'stream.error-event', shows: /upstream stream interrupted/ },
  'stream-no-usage': { verdict: 'warn', check: 'streaming', status: 'warn', symptom: 'stream.no-usage', rows: { cursor: 'gateway.stream-no-usage' } },
  'stream-ping': { verdict: 'pass', check: 'streaming', status: 'pass' },
  'slow-headers': {
    verdict: 'fail',
    check: 'chat:gpt-5.4',
    status: 'fail',
    symptom: 'network.timeout',
    rows: { cursor: 'gateway.timeout' },
    shows: /no response headers within 1000 ms/,
  },
  'rate-limited': { verdict: 'fail', check: 'chat:gpt-5.4', status: 'fail', symptom: 'rate.limited', rows: { cursor: 'gateway.429' }, shows: /retry-after: 2/ },
  'rate-limited-bare': { verdict: 'fail', check: 'chat:gpt-5.4', status: 'fail', symptom: 'rate.limited', shows: /no retry-after given/ },
  'server-error': {
    verdict: 'fail',
    check: 'chat:gpt-5.4',
    status: 'fail',
    symptom: 'gateway.server-error',
    rows: { cursor: 'gateway.5xx' },
    shows: /500 Panic detected/,
  },
  'proxy-502': {
    verdict: 'fail',
    check: 'chat:gpt-5.4',
    status: 'fail',
    symptom: 'front.html',
    rows: { cursor: 'gateway.front-html' },
    shows: /502 with an HTML page/,
  },
  'malformed-json': {
    verdict: 'fail',
    check: 'chat:gpt-5.4',
    status: 'fail',
    symptom: 'response.malformed',
    rows: { cursor: 'gateway.malformed' },
    shows: /could not be parsed as JSON/,
  },
  'empty-choices': {
    verdict: 'fail',
    check: 'chat:gpt-5.4',
    status: 'fail',
    symptom: 'response.malformed',
    rows: { cursor: 'gateway.malformed' },
    shows: /no choices/,
  },
  'reasoning-model': {
    verdict: 'warn',
    check: 'chat:gpt-5.4',
    status: 'warn',
    symptom: 'model.reasoning-params',
    rows: { cursor: 'gateway.reasoning-params' },
    shows: /only with max_completion_tokens/,
  },
  'no-tool-calls': {
    verdict: 'warn',
    check: 'tools',
    status: 'warn',
    symptom: 'tools.no-call',
    rows: { 'cherry-studio': 'cherry.mcp', cursor: 'gateway.no-tool-call' },
  },
  'one-api': { verdict: 'pass', check: 'log', status: 'skipped', shows: /does not say it is new-api of February 2026/, skipped: ['log', USAGE] },
  'old-log-route': {
    verdict: 'pass',
    check: 'log',
    status: 'skipped',
    shows: /does not say it is new-api of February 2026 or later/,
    skipped: ['log', USAGE],
  },
  'log-delayed': {
    verdict: 'warn',
    check: 'log',
    status: 'warn',
    symptom: 'log.probe-missing',
    rows: { cursor: 'gateway.log-missing', 'cherry-studio': 'gateway.log-missing' },
    shows: /Inconclusive: 5 of 5 requests of this run are not in the gateway’s log yet/,
  },
  'long-prompts': {
    verdict: 'warn',
    check: 'usage:long-context',
    status: 'warn',
    symptom: 'usage.long-context',
    rows: { cursor: 'gateway.long-context', 'cherry-studio': 'gateway.long-context' },
    shows: /Long multi-turn context drives the bill: \d+% of the spend/,
  },
  retries: {
    verdict: 'warn',
    check: 'usage:retries',
    status: 'warn',
    symptom: 'usage.retries',
    rows: { cursor: 'gateway.retries' },
    shows: /A client retries: 12 of 48 calls \(25%\) repeated an identical request within 10 s, in 6 bursts/,
    skipped: ['usage:client-ips'],
  },
  'shared-token': {
    verdict: 'warn',
    client: 'cline',
    check: 'usage:client-ips',
    status: 'warn',
    symptom: 'usage.shared-token',
    rows: { cline: 'gateway.shared-token', 'cherry-studio': 'gateway.shared-token' },
    shows: /The token is used from 4 addresses/,
  },
  'critical-limit': {
    verdict: 'warn',
    check: 'quota',
    status: 'warn',
    symptom: 'rate.critical',
    rows: { cursor: 'gateway.critical-limit', 'cherry-studio': 'gateway.critical-limit' },
    shows: /critical rate limit is reached: \/api\/usage\/token\/ answered 429 with an empty body/,
    skipped: ['log', USAGE],
  },
  'pricing-hidden': {
    verdict: 'pass',
    check: 'cost',
    status: 'pass',
    shows: /This run cost ¥[\d.]+ \(5 requests\)\. No public prices: the site keeps its pricing page private/,
  },
  'echo-token': {
    verdict: 'fail',
    check: 'chat:gemini-3-pro-preview',
    status: 'fail',
    symptom: 'model.no-channel',
    rows: { cursor: 'gateway.no-channel' },
    shows: /sk-\[redacted\]/,
  },
};

test('every sandbox scenario has an expectation', () => {
  assert.deepEqual(SCENARIOS.map((s) => s.id).toSorted(byText), Object.keys(EXPECTED).toSorted(byText));
});

suite('each scenario ends in the right check, symptom and row', () => {
  for (const [scenario, want] of Object.entries(EXPECTED)) {
    test(scenario, async () => {
      const { report } = await runScenario(scenario, { client: want.client }, { logGraceMs: 0 });
      const problems = report.results.filter((r) => r.status === 'fail' || r.status === 'warn').map((r) => `${r.id}:${r.status}:${r.symptom}`);
      assert.equal(report.verdict, want.verdict, `verdict; problems: ${problems.join(', ')}`);
      const mayBeSkipped = (id: string) => (want.skipped ?? []).some((s) => (s.endsWith('*') ? id.startsWith(s.slice(0, -1)) : id === s));
      const unexplained = report.results.filter((r) => r.status === 'skipped' && !mayBeSkipped(r.id)).map((r) => `${r.id}: ${r.summary}`);
      if (want.verdict === 'pass')
        assert.ok(
          report.results.every((r) => r.status === 'pass' || mayBeSkipped(r.id)),
          problems.join(', '),
        );
      if (want.verdict !== 'fail') assert.deepEqual(unexplained, [], 'a run that gets through skips only what its scenario explains');
      if (!want.check) return;
      const result = resultOf(report, want.check);
      assert.equal(result.status, want.status, result.summary);
      if (want.symptom) assert.equal(result.symptom, want.symptom, result.summary);
      if (want.shows) {
        const shown = [result.summary, ...result.details, ...result.evidence.map((e) => `${e.status} ${e.bodyExcerpt ?? ''}`)].join('\n');
        assert.match(shown, want.shows);
      }
      for (const [client, rowId] of Object.entries(want.rows ?? {})) {
        const { report: forClient } =
          client === (want.client ?? 'cursor') ? { report } : await runScenario(scenario, { client: client as ClientId }, { logGraceMs: 0 });
        const finding = forClient.findings.find((f) => f.checkId === want.check);
        assert.equal(finding?.rowId, rowId, `row for ${client}`);
        assert.ok(finding?.fix && finding.fix.length > 10, 'a fix is given');
      }
    });
  }
});
