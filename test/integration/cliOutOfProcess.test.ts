// The CLI as a user runs it (its own process) against the gateway in a process of its own: no
// shared event loop, no shared module state, only HTTP between them. One case per kind of failure.
import assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import type { GatewaySnapshotId } from '../../src/core/wordings/snapshots';
import { runCli } from '../support/cliProcess';
import { startSandboxProcess } from '../support/sandboxProcess';
import { EarlyRuns } from '../support/inTurns';

interface Case {
  kind: string;
  scenario: string;
  gateway?: GatewaySnapshotId;
  /** What the user typed as the base URL, after the gateway's origin (default: the scenario's). */
  path?: string;
  check: string;
  symptom: string;
  row: string;
  exit: 0 | 1;
  client?: string;
}

const CASES: Case[] = [
  { kind: 'unknown token', scenario: 'wrong-token', check: 'auth', symptom: 'auth.invalid', row: 'cursor.401', exit: 1 },
  {
    kind: 'expired token (Aug 2026: told apart by the status route)',
    scenario: 'expired-token',
    check: 'auth',
    symptom: 'auth.expired',
    row: 'cursor.401',
    exit: 1,
  },
  { kind: 'disabled token (Aug 2026)', scenario: 'disabled-token-2026', check: 'auth', symptom: 'auth.disabled', row: 'gateway.disabled', exit: 1 },
  { kind: 'disabled token (Feb 2026)', scenario: 'disabled-token', check: 'auth', symptom: 'auth.disabled', row: 'gateway.disabled', exit: 1 },
  {
    kind: 'Authorization header dropped on the way',
    scenario: 'header-dropped',
    check: 'auth',
    symptom: 'auth.missing',
    row: 'gateway.header-missing',
    exit: 1,
  },
  { kind: 'token quota used up', scenario: 'exhausted-token', check: 'auth', symptom: 'auth.exhausted', row: 'gateway.exhausted', exit: 1 },
  { kind: 'IP restriction', scenario: 'ip-restricted', check: 'auth', symptom: 'auth.ip-denied', row: 'gateway.cursor-egress', exit: 1 },
  {
    kind: 'model outside the allowlist',
    scenario: 'model-not-allowed',
    check: 'chat:claude-sonnet-4-6',
    symptom: 'model.not-allowed',
    row: 'cursor.403-model',
    exit: 1,
  },
  {
    kind: 'no channel for a model',
    scenario: 'no-channel',
    check: 'chat:gemini-3-pro-preview',
    symptom: 'model.no-channel',
    row: 'gateway.no-channel',
    exit: 1,
  },
  { kind: 'account balance', scenario: 'user-quota', check: 'chat:gpt-5.4', symptom: 'quota.user-insufficient', row: 'gateway.user-quota', exit: 1 },
  { kind: 'token pre-consumption', scenario: 'token-quota', check: 'chat:gpt-5.4', symptom: 'quota.token-insufficient', row: 'gateway.token-quota', exit: 1 },
  {
    kind: 'channel key rejected upstream',
    scenario: 'upstream-key',
    check: 'chat:gpt-5.4',
    symptom: 'gateway.channel-key',
    row: 'gateway.channel-key',
    exit: 1,
  },
  {
    kind: 'reasoning model and max_tokens',
    scenario: 'reasoning-model',
    check: 'chat:gpt-5.4',
    symptom: 'model.reasoning-params',
    row: 'gateway.reasoning-params',
    exit: 0,
  },
  { kind: 'thinking budget', scenario: 'thinking-budget', check: 'chat:gpt-5.4', symptom: 'param.thinking-budget', row: 'gateway.thinking-budget', exit: 1 },
  { kind: 'rate limit', scenario: 'rate-limited', check: 'chat:gpt-5.4', symptom: 'rate.limited', row: 'gateway.429', exit: 1 },
  { kind: 'CDN challenge page', scenario: 'cdn-challenge', check: 'chat:gpt-5.4', symptom: 'front.html', row: 'gateway.front-html', exit: 1 },
  { kind: 'proxy error page', scenario: 'proxy-502', check: 'chat:gpt-5.4', symptom: 'front.html', row: 'gateway.front-html', exit: 1 },
  { kind: 'website instead of the API', scenario: 'healthy', path: '', check: 'base-url', symptom: 'url.website-html', row: 'cursor.404', exit: 1 },
  { kind: '/v1 twice', scenario: 'healthy', path: '/v1/v1', check: 'base-url', symptom: 'url.wrong-path', row: 'cursor.404', exit: 1 },
  { kind: 'stream cut off', scenario: 'stream-cut', check: 'streaming', symptom: 'stream.cut', row: 'gateway.stream-broken', exit: 1 },
  {
    kind: 'one-api: unknown token in Chinese',
    scenario: 'wrong-token',
    gateway: 'one-api@2025-02',
    check: 'auth',
    symptom: 'auth.invalid',
    row: 'cursor.401',
    exit: 1,
  },
  {
    kind: 'new-api 2025-04: model outside the allowlist',
    scenario: 'model-not-allowed',
    gateway: 'new-api@2025-04',
    check: 'chat:claude-sonnet-4-6',
    symptom: 'model.not-allowed',
    row: 'cursor.403-model',
    exit: 1,
  },
  // The gateway's own records: its log, and the bill it explains.
  { kind: 'the log lags behind the run', scenario: 'log-delayed', check: 'log', symptom: 'log.probe-missing', row: 'gateway.log-missing', exit: 0 },
  {
    kind: 'a bill driven by long prompts',
    scenario: 'long-prompts',
    check: 'usage:long-context',
    symptom: 'usage.long-context',
    row: 'gateway.long-context',
    exit: 0,
  },
  { kind: 'a client that retries', scenario: 'retries', check: 'usage:retries', symptom: 'usage.retries', row: 'gateway.retries', exit: 0 },
  {
    kind: 'a token shared across machines',
    scenario: 'shared-token',
    client: 'cline',
    check: 'usage:client-ips',
    symptom: 'usage.shared-token',
    row: 'gateway.shared-token',
    exit: 0,
  },
  { kind: 'the critical rate limit reached', scenario: 'critical-limit', check: 'quota', symptom: 'rate.critical', row: 'gateway.critical-limit', exit: 0 },
];

/** What one case's run left: the CLI's exit code and output, the gateway's key and what it served. */
interface Outcome {
  code: number;
  stdout: string;
  key: string;
  served: number;
}

async function runCase(c: Case): Promise<Outcome> {
  const gateway = await startSandboxProcess(c.scenario, c.gateway ? ['--gateway', c.gateway] : []);
  try {
    const baseUrl = c.path === undefined ? gateway.baseUrl : `${gateway.origin}${c.path}`;
    const args = ['--base-url', baseUrl, '--json', ...(c.client ? ['--client', c.client] : [])];
    const { code, stdout } = await runCli(args, { ...process.env, CRAZYROUTER_API_KEY: gateway.key, NO_COLOR: '1' });
    return { code, stdout, key: gateway.key, served: (await gateway.requests()).length };
  } finally {
    await gateway.stop();
  }
}

/**
 * The cases run 3 at a time, each a gateway process and a CLI process of its own (so the file is not
 * the suite's long pole); each test waits for its own case and judges it. A case's timeouts are
 * the CLI's own, not shared with the others.
 */
const outcomes = new EarlyRuns(runCase, 3);

suite('the CLI against an out-of-process gateway, one case per kind of failure', () => {
  suiteSetup(() => outcomes.start(CASES));
  for (const c of CASES) {
    test(`${c.kind} → ${c.symptom}`, async () => {
      const { code, stdout, key, served } = await outcomes.of(c);
      assert.equal(code, c.exit, stdout.slice(0, 400));
      const report = JSON.parse(stdout) as {
        results: { id: string; symptom?: string; summary: string }[];
        findings: { checkId: string; rowId?: string; fix?: string }[];
      };
      const result = report.results.find((r) => r.id === c.check);
      assert.equal(result?.symptom, c.symptom, result?.summary);
      const finding = report.findings.find((f) => f.checkId === c.check);
      assert.equal(finding?.rowId, c.row);
      assert.ok((finding?.fix ?? '').length > 15);
      assert.ok(!stdout.includes(key), 'the token is never printed');
      assert.ok(served > 0, 'the gateway process served the run');
    });
  }
});
