import assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import { authCheck } from '../../src/core/checks/authCheck';
import { baseUrlCheck } from '../../src/core/checks/baseUrlCheck';
import type { CheckDefinition, Lookup } from '../../src/core/checks/checkTypes';
import { tokenCheck } from '../../src/core/checks/tokenCheck';
import { verify } from '../../src/core/engine/verify';
import { parseProfile } from '../../src/core/profile';
import type { Report } from '../../src/core/report/report';
import { Secret } from '../../src/core/secret';
import type { SymptomId } from '../../src/core/symptoms/symptomIds';
import type { GatewaySnapshotId } from '../../src/core/wordings/snapshots';
import { HEALTHY_TOKEN, UNITS_PER_USD, findScenario, type SandboxToken, type Scenario } from '../../src/sandbox/scenarios';
import { startSandbox, type Sandbox } from '../../src/sandbox/sandboxServer';
import { startFaultProxy, startFixture, startTlsFixture, withToken, type LoopbackServer } from '../support/faultProxy';

/** Every promise rejection nobody handled, across the whole matrix. */
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
suiteSetup(() => {
  process.on('unhandledRejection', onUnhandled);
});

const TIMEOUT_MS = 1_500;

interface Setup {
  baseUrl: string;
  token: string;
  closers: (() => Promise<void>)[];
  lookup?: Lookup;
  baseFetch?: typeof fetch;
  checks?: CheckDefinition[];
  /** Further assertions once the run is over. */
  verifyAfter?(report: Report): void | Promise<void>;
}

interface Fault {
  name: string;
  setup(): Promise<Setup>;
  /** The profile's timeout where the fault is about size, not time (TIMEOUT_MS otherwise). */
  timeoutMs?: number;
  check: string;
  symptom: SymptomId;
  status?: 'fail' | 'warn' | 'pass';
  /** The Cursor table row the finding must point at. */
  row?: string;
}

async function sandboxSetup(scenario: Scenario | string, basePath?: string): Promise<Setup & { sandbox: Sandbox }> {
  const sandbox = await startSandbox({ scenario });
  return { sandbox, baseUrl: basePath === undefined ? sandbox.baseUrl : `${sandbox.origin}${basePath}`, token: sandbox.key, closers: [() => sandbox.close()] };
}

/** A healthy sandbox behind a proxy whose `fault` may answer instead. */
async function proxied(fault: Parameters<typeof startFaultProxy>[1], scenario: Scenario | string = 'healthy'): Promise<Setup & { proxy: LoopbackServer }> {
  const base = await sandboxSetup(scenario);
  const proxy = await startFaultProxy(base.sandbox.origin, fault);
  return { ...base, proxy, baseUrl: `${proxy.origin}/v1`, closers: [...base.closers, () => proxy.close()] };
}

const custom = (id: string, gateway: GatewaySnapshotId, token: Partial<SandboxToken> | 'unknown'): Scenario => ({
  ...findScenario('healthy')!,
  id,
  gateway,
  token: token === 'unknown' ? 'unknown' : { ...HEALTHY_TOKEN, ...token },
});
const chatPost = (url: string | undefined) => (url ?? '').startsWith('/v1/chat/completions');

const FAULTS: Fault[] = [
  {
    name: 'DNS failure',
    check: 'reachability',
    symptom: 'network.dns',
    row: 'gateway.dns',
    async setup() {
      const dnsError = () =>
        Object.assign(new Error('getaddrinfo ENOTFOUND gateway.invalid'), { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: 'gateway.invalid' });
      return {
        baseUrl: 'https://gateway.invalid/v1',
        token: 'sk-0123456789abcdefABCDEF',
        closers: [],
        lookup: async () => Promise.reject(dnsError()),
        baseFetch: async () => Promise.reject(new TypeError('fetch failed', { cause: dnsError() })),
      };
    },
  },
  {
    name: 'connection refused',
    check: 'reachability',
    symptom: 'network.refused',
    row: 'gateway.refused',
    async setup() {
      const dead = await startSandbox();
      await dead.close();
      return { baseUrl: dead.baseUrl, token: dead.key, closers: [] };
    },
  },
  {
    name: 'reset before headers',
    check: 'reachability',
    symptom: 'network.reset',
    row: 'gateway.refused',
    async setup() {
      const fixture = await startFixture((req) => req.socket.destroy());
      return { baseUrl: `${fixture.origin}/v1`, token: 'sk-0123456789abcdefABCDEF', closers: [() => fixture.close()] };
    },
  },
  { name: 'reset mid-stream', check: 'streaming', symptom: 'stream.cut', row: 'gateway.stream-broken', setup: () => sandboxSetup('stream-cut') },
  {
    name: 'TLS with a self-signed certificate',
    check: 'reachability',
    symptom: 'network.tls',
    row: 'gateway.tls',
    async setup() {
      const tls = await startTlsFixture((_req, res) => res.end('{}'));
      return {
        baseUrl: `${tls.origin}/v1`,
        token: 'sk-0123456789abcdefABCDEF',
        closers: [() => tls.close()],
        verifyAfter: () => assert.equal(tls.hits.length, 0, 'no request got through the handshake'),
      };
    },
  },
  {
    name: 'slow headers past the timeout',
    check: 'chat:gpt-5.4',
    symptom: 'network.timeout',
    row: 'gateway.timeout',
    setup: () => sandboxSetup({ ...findScenario('slow-headers')!, timeoutMs: undefined }),
  },
  {
    name: 'slow trickle body',
    check: 'chat:gpt-5.4',
    symptom: 'network.timeout',
    row: 'gateway.timeout',
    setup: () =>
      proxied((req, res) => {
        if (!chatPost(req.url) || !withToken(req) || req.headers['content-length'] === undefined) return false;
        let body = '';
        req.on('data', (d) => (body += d));
        req.on('end', () => {
          if (!/pong/.test(body)) return res.destroy();
          res.writeHead(200, { 'Content-Type': 'application/json' });
          const timer = setInterval(() => res.write(' '), 200);
          res.on('close', () => clearInterval(timer));
        });
        return true;
      }),
  },
  { name: 'HTML with status 200 (no /v1)', check: 'base-url', symptom: 'url.website-html', row: 'cursor.404', setup: () => sandboxSetup('missing-v1') },
  {
    name: 'HTML 404 from a proxy',
    check: 'base-url',
    symptom: 'url.not-found',
    row: 'cursor.404',
    setup: () =>
      proxied((_req, res) => (res.writeHead(404, { 'Content-Type': 'text/html' }), res.end('<html><body><h1>404 Not Found</h1></body></html>'), true)),
  },
  { name: 'JSON 404 Invalid URL (/v1/v1)', check: 'base-url', symptom: 'url.wrong-path', row: 'cursor.404', setup: () => sandboxSetup('double-v1') },
  { name: '401 Invalid token (current new-api)', check: 'auth', symptom: 'auth.invalid', row: 'cursor.401', setup: () => sandboxSetup('wrong-token') },
  {
    name: '401 expired, told apart by /api/usage/token/',
    check: 'auth',
    symptom: 'auth.expired',
    row: 'cursor.401',
    setup: () => sandboxSetup('expired-token'),
  },
  {
    name: '401 quota used up, told apart by /api/usage/token/',
    check: 'auth',
    symptom: 'auth.exhausted',
    row: 'gateway.exhausted',
    setup: () => sandboxSetup('exhausted-token'),
  },
  {
    name: '401 无效的令牌 (Feb 2026)',
    check: 'auth',
    symptom: 'auth.invalid',
    row: 'cursor.401',
    setup: () => sandboxSetup(custom('feb-unknown', 'new-api@2026-02', 'unknown')),
  },
  {
    name: '401 该令牌状态不可用 (Feb 2026)',
    check: 'auth',
    symptom: 'auth.disabled',
    row: 'gateway.disabled',
    setup: () => sandboxSetup(custom('feb-disabled', 'new-api@2026-02', { state: 'disabled' })),
  },
  {
    name: '401 该令牌已过期 (Feb 2026)',
    check: 'auth',
    symptom: 'auth.expired',
    row: 'cursor.401',
    setup: () => sandboxSetup(custom('feb-expired', 'new-api@2026-02', { state: 'expired' })),
  },
  {
    name: '401 该令牌额度已用尽 (Feb 2026)',
    check: 'auth',
    symptom: 'auth.exhausted',
    row: 'gateway.exhausted',
    setup: () => sandboxSetup(custom('feb-exhausted', 'new-api@2026-02', { state: 'exhausted', usedUnits: 20 * UNITS_PER_USD })),
  },
  {
    name: '401 无效的令牌 (one-api)',
    check: 'auth',
    symptom: 'auth.invalid',
    row: 'cursor.401',
    setup: () => sandboxSetup(custom('oa-unknown', 'one-api@2025-02', 'unknown')),
  },
  {
    name: '401 该令牌额度已用尽 (one-api)',
    check: 'auth',
    symptom: 'auth.exhausted',
    row: 'gateway.exhausted',
    setup: () => sandboxSetup(custom('oa-exhausted', 'one-api@2025-02', { state: 'exhausted' })),
  },
  {
    name: '401 未提供令牌 (a proxy dropped the Authorization header)',
    check: 'auth',
    symptom: 'auth.missing',
    row: 'gateway.header-missing',
    setup: () =>
      proxied(
        (req) => {
          delete req.headers.authorization;
          return false;
        },
        custom('feb-strip', 'new-api@2026-02', {}),
      ),
  },
  {
    name: '403 model not allowed',
    check: 'chat:claude-sonnet-4-6',
    symptom: 'model.not-allowed',
    row: 'cursor.403-model',
    setup: () => sandboxSetup('model-not-allowed'),
  },
  { name: '403 access_denied (IP)', check: 'auth', symptom: 'auth.ip-denied', row: 'gateway.cursor-egress', setup: () => sandboxSetup('ip-restricted') },
  {
    name: '403 IP subnet (one-api)',
    check: 'auth',
    symptom: 'auth.ip-denied',
    row: 'gateway.cursor-egress',
    setup: () => sandboxSetup(custom('oa-ip', 'one-api@2025-02', { allowIps: ['10.0.0.0/8'] })),
  },
  { name: '403 user quota', check: 'chat:gpt-5.4', symptom: 'quota.user-insufficient', row: 'gateway.user-quota', setup: () => sandboxSetup('user-quota') },
  { name: '403 token quota', check: 'chat:gpt-5.4', symptom: 'quota.token-insufficient', row: 'gateway.token-quota', setup: () => sandboxSetup('token-quota') },
  {
    name: '503 no channel',
    check: 'chat:gemini-3-pro-preview',
    symptom: 'model.no-channel',
    row: 'gateway.no-channel',
    setup: () => sandboxSetup('no-channel'),
  },
  { name: '429 with retry-after', check: 'chat:gpt-5.4', symptom: 'rate.limited', row: 'gateway.429', setup: () => sandboxSetup('rate-limited') },
  { name: '429 without retry-after', check: 'chat:gpt-5.4', symptom: 'rate.limited', row: 'gateway.429', setup: () => sandboxSetup('rate-limited-bare') },
  { name: '500 from the gateway', check: 'chat:gpt-5.4', symptom: 'gateway.server-error', row: 'gateway.5xx', setup: () => sandboxSetup('server-error') },
  { name: '502 HTML from a proxy', check: 'chat:gpt-5.4', symptom: 'front.html', row: 'gateway.front-html', setup: () => sandboxSetup('proxy-502') },
  {
    name: '403 HTML challenge from a CDN is not "model not allowed"',
    check: 'chat:gpt-5.4',
    symptom: 'front.html',
    row: 'gateway.front-html',
    setup: () => sandboxSetup('cdn-challenge'),
  },
  {
    name: '401 from the provider after the token was accepted: the channel key',
    check: 'chat:gpt-5.4',
    symptom: 'gateway.channel-key',
    row: 'gateway.channel-key',
    setup: () => sandboxSetup('upstream-key'),
  },
  {
    name: '401 Invalid token, then "This token status is unavailable": disabled (Aug 2026)',
    check: 'auth',
    symptom: 'auth.disabled',
    row: 'gateway.disabled',
    setup: () => sandboxSetup('disabled-token-2026'),
  },
  {
    name: '401 Invalid token, then "Token not provided": the header never arrived (Aug 2026)',
    check: 'auth',
    symptom: 'auth.missing',
    row: 'gateway.header-missing',
    setup: () => sandboxSetup('header-dropped'),
  },
  {
    name: '400 thinking budget is its own rule, not the reasoning-model one',
    check: 'chat:gpt-5.4',
    symptom: 'param.thinking-budget',
    row: 'gateway.thinking-budget',
    setup: () => sandboxSetup('thinking-budget'),
  },
  {
    name: 'a same-site redirect loop is named as such',
    check: 'base-url',
    symptom: 'url.redirect',
    row: 'gateway.redirect',
    async setup() {
      const loop = await startFixture((req, res) => (res.writeHead(307, { Location: `${req.url}x` }), res.end()));
      return {
        baseUrl: `${loop.origin}/v1`,
        token: 'sk-0123456789abcdefABCDEF',
        closers: [() => loop.close()],
        verifyAfter: (report) => assert.match(report.results.find((r) => r.id === 'base-url')!.summary, /redirect loop/),
      };
    },
  },
  {
    name: '80 KB of response headers are a malformed answer, not a refused connection',
    check: 'reachability',
    symptom: 'response.malformed',
    row: 'gateway.malformed',
    async setup() {
      const fixture = await startFixture(
        (_req, res) => (res.writeHead(200, { 'Content-Type': 'application/json', 'X-Padding': 'a'.repeat(80 * 1024) }), res.end('{}')),
      );
      return { baseUrl: `${fixture.origin}/v1`, token: 'sk-0123456789abcdefABCDEF', closers: [() => fixture.close()] };
    },
  },
  {
    name: 'an impossible expiry date (expires_at 1e17) is read as no date, not as a 5xx',
    check: 'quota',
    symptom: 'quota.unlimited',
    status: 'warn',
    row: 'cursor.cost-jump',
    setup: () =>
      proxied((req, res) => {
        if (!req.url?.startsWith('/api/usage/token')) return false;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            code: true,
            message: 'ok',
            data: {
              object: 'token_usage',
              name: 'x',
              total_granted: 0,
              total_used: 0,
              total_available: 0,
              unlimited_quota: true,
              model_limits: {},
              model_limits_enabled: false,
              expires_at: 1e17,
            },
          }),
        );
        return true;
      }),
  },
  {
    name: 'a redirect with an unusable Location',
    check: 'base-url',
    symptom: 'url.redirect',
    row: 'gateway.redirect',
    async setup() {
      const bad = await startFixture((_req, res) => (res.writeHead(301, { Location: 'http://[::1' }), res.end()));
      return { baseUrl: `${bad.origin}/v1`, token: 'sk-0123456789abcdefABCDEF', closers: [() => bad.close()] };
    },
  },
  {
    name: 'malformed JSON with a JSON content type',
    check: 'chat:gpt-5.4',
    symptom: 'response.malformed',
    row: 'gateway.malformed',
    setup: () => sandboxSetup('malformed-json'),
  },
  {
    name: 'SSE without [DONE]',
    check: 'streaming',
    symptom: 'stream.no-done',
    status: 'warn',
    row: 'gateway.stream-broken',
    setup: () => sandboxSetup('stream-no-done'),
  },
  { name: 'SSE error event', check: 'streaming', symptom: 'stream.error-event', row: 'gateway.stream-broken', setup: () => sandboxSetup('stream-error-event') },
  { name: 'non-JSON data: line', check: 'streaming', symptom: 'stream.malformed', row: 'gateway.stream-broken', setup: () => sandboxSetup('stream-bad-json') },
  { name: 'empty choices', check: 'chat:gpt-5.4', symptom: 'response.malformed', row: 'gateway.malformed', setup: () => sandboxSetup('empty-choices') },
  {
    name: 'a 50 MB body is cut off at the read limit',
    // 8 MB through the fault proxy is bulk work: on a loaded 2-core machine it can take longer
    // than 1.5 s, and the case is about the limit, not about time.
    timeoutMs: 8_000,
    check: 'auth',
    symptom: 'response.malformed',
    row: 'gateway.malformed',
    async setup() {
      let sent = 0;
      const heapBefore = process.memoryUsage().heapUsed;
      const setup = await proxied((req, res) => {
        if (req.url !== '/v1/models' || !withToken(req)) return false;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        const block = Buffer.alloc(64 * 1024, 0x20);
        const pump = () => {
          while (sent < 50 * 1024 * 1024 && !res.destroyed && res.write(block)) sent += block.length;
          if (sent >= 50 * 1024 * 1024) res.end();
          else if (!res.destroyed) res.once('drain', pump);
        };
        pump();
        return true;
      });
      return {
        ...setup,
        verifyAfter(report) {
          const evidence = report.results.find((r) => r.id === 'auth')!.evidence[0]!;
          assert.ok(evidence.bytes <= 8 * 1024 * 1024 + 64 * 1024, `read ${evidence.bytes} bytes`);
          assert.ok(sent < 50 * 1024 * 1024, `the server stopped after ${sent} bytes`);
          assert.ok(process.memoryUsage().heapUsed - heapBefore < 64 * 1024 * 1024, 'no memory blow-up');
        },
      };
    },
  },
  {
    name: 'redirect to another origin: the token is not sent there',
    check: 'base-url',
    symptom: 'url.redirect',
    row: 'gateway.redirect',
    async setup() {
      const elsewhere = await startFixture((_req, res) => res.end('{}'));
      const setup = await proxied((req, res) => (res.writeHead(301, { Location: `${elsewhere.origin}${req.url}` }), res.end(), true));
      return {
        ...setup,
        closers: [...setup.closers, () => elsewhere.close()],
        verifyAfter: () => assert.equal(elsewhere.hits.length, 0, 'the other origin received nothing'),
      };
    },
  },
  {
    name: 'plain http to a remote host: the token is withheld',
    check: 'base-url',
    symptom: 'network.insecure-http',
    row: 'gateway.insecure-http',
    async setup() {
      return { baseUrl: 'http://192.0.2.10/v1', token: 'sk-0123456789abcdefABCDEF', closers: [], checks: [tokenCheck, baseUrlCheck, authCheck] };
    },
  },
  { name: ': PING keep-alive lines are harmless', check: 'streaming', symptom: 'stream.no-usage', status: 'pass', setup: () => sandboxSetup('stream-ping') },
];

suiteTeardown(() => {
  process.off('unhandledRejection', onUnhandled);
  assert.deepEqual(unhandled, [], 'no unhandled promise rejection');
});

test('the matrix has at least 25 distinct faults', () => {
  assert.ok(FAULTS.length >= 25, `${FAULTS.length} faults`);
  assert.equal(new Set(FAULTS.map((f) => f.name)).size, FAULTS.length);
});

suite('fault matrix: each fault ends in its symptom row, with a fix, within its timeout', () => {
  for (const fault of FAULTS) {
    test(fault.name, async () => {
      const setup = await fault.setup();
      try {
        const timeoutMs = fault.timeoutMs ?? TIMEOUT_MS;
        const parsed = parseProfile({ baseUrl: setup.baseUrl, timeoutMs }, Secret.of(setup.token));
        assert.ok(parsed.ok);
        const started = performance.now();
        const report = await verify(parsed.profile, {
          lookup: setup.lookup,
          fetchOptions: setup.baseFetch ? { baseFetch: setup.baseFetch } : undefined,
          checks: setup.checks,
        });
        const elapsed = performance.now() - started;
        const result = report.results.find((r) => r.id === fault.check);
        assert.ok(result, `check ${fault.check} ran`);
        assert.equal(result.status, fault.status ?? 'fail', `${result.status}: ${result.summary}`);
        // One timeout at most per check and two along the longest gated chain; a retry or a hang
        // would take a whole timeout more. The slack is that margin, not a tight timing.
        assert.ok(result.durationMs < 2 * timeoutMs, `${fault.check} took ${result.durationMs} ms`);
        assert.ok(elapsed < 3 * timeoutMs, `the run took ${elapsed.toFixed(0)} ms`);
        if (fault.status !== 'pass') {
          assert.equal(result.symptom, fault.symptom, result.summary);
          const finding = report.findings.find((f) => f.checkId === fault.check);
          assert.equal(finding?.rowId, fault.row, 'the highlighted row');
          assert.ok((finding?.fix ?? '').length > 15, 'a fix is given');
        }
        await setup.verifyAfter?.(report);
      } finally {
        for (const close of setup.closers) await close();
      }
    });
  }
});
