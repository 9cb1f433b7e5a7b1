// The sandbox serves the gateway's own records as each version does: the token's log (header or
// `?key=` form, order, ids, request ids), /api/status in each display mode, /api/pricing with group
// ratios, and the critical rate limit with its empty 429 shared by the token status and log routes.
import assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import type { GatewaySnapshotId } from '../../src/core/wordings/snapshots';
import { findScenario, type QuotaDisplayType, type Scenario } from '../../src/sandbox/scenarios';
import { startSandbox, type Sandbox } from '../../src/sandbox/sandboxServer';

interface LogJson {
  success: boolean;
  data: Record<string, unknown>[];
}

async function withSandbox<T>(options: Parameters<typeof startSandbox>[0], body: (s: Sandbox) => Promise<T>): Promise<T> {
  const sandbox = await startSandbox(options);
  try {
    return await body(sandbox);
  } finally {
    await sandbox.close();
  }
}

const get = (sandbox: Sandbox, path: string, key?: string) => fetch(`${sandbox.origin}${path}`, { headers: key ? { Authorization: `Bearer ${key}` } : {} });
const chat = (sandbox: Sandbox) =>
  fetch(`${sandbox.origin}/v1/chat/completions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${sandbox.key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-5.4', messages: [{ role: 'user', content: 'hi' }], max_tokens: 4 }),
  });

suite('the sandbox’s token log, per gateway version', () => {
  for (const gateway of ['new-api@2026-08', 'new-api@2026-02'] as GatewaySnapshotId[]) {
    test(`${gateway}: header form, newest first, ids renumbered 1..N, request ids ${gateway.endsWith('08') ? 'and upstream ids' : 'only'}`, () =>
      withSandbox({ gateway }, async (sandbox) => {
        const answered = await chat(sandbox);
        const requestId = answered.headers.get('x-oneapi-request-id');
        const log = (await (await get(sandbox, '/api/log/token', sandbox.key)).json()) as LogJson;
        assert.equal(log.success, true);
        assert.deepEqual(
          log.data.map((e) => e.id),
          log.data.map((_, i) => i + 1),
        );
        const times = log.data.map((e) => e.created_at as number);
        assert.deepEqual(
          times,
          times.toSorted((a, b) => b - a),
          'newest first',
        );
        assert.equal(log.data[0]?.request_id, requestId, 'the newest is the chat just made, with the response’s request id');
        assert.equal(log.data[0]?.model_name, 'gpt-5.4');
        assert.equal(log.data[0]?.type, 2);
        assert.equal('upstream_request_id' in (log.data[0] ?? {}), gateway === 'new-api@2026-08');
        assert.ok(!('request_id' in (log.data[1] ?? {})), 'an entry without a request id leaves the field out (omitempty)');
        assert.equal((await get(sandbox, '/api/log/token')).status, 401, 'TokenAuthReadOnly');
      }));
  }

  test('new-api@2025-04: only GET /api/log/token?key=…, no auth, database order, ids modulo 1024, no ip or request id', () =>
    withSandbox({ gateway: 'new-api@2025-04' }, async (sandbox) => {
      await chat(sandbox);
      const byKey = (await (await get(sandbox, `/api/log/token?key=${encodeURIComponent(sandbox.key)}`)).json()) as LogJson;
      assert.equal(byKey.data.length, 49);
      const times = byKey.data.map((e) => e.created_at as number);
      assert.deepEqual(
        times,
        times.toSorted((a, b) => a - b),
        'oldest first: no ORDER BY',
      );
      assert.ok(byKey.data.every((e) => !('request_id' in e) && !('ip' in e)));
      assert.equal(byKey.data.at(-1)?.id, 49 % 1024);
      const byHeader = (await (await get(sandbox, '/api/log/token', sandbox.key)).json()) as LogJson;
      assert.deepEqual(byHeader, { success: true, message: '', data: [] }, 'the header is ignored: no key, no token, an empty list');
    }));

  test('one-api: no token log route', () =>
    withSandbox({ gateway: 'one-api@2025-02' }, async (sandbox) => {
      assert.equal((await get(sandbox, '/api/log/token', sandbox.key)).status, 404);
    }));

  test('a lagging log shows a request only after its lag', async () => {
    let now = Date.now();
    const scenario: Scenario = findScenario('log-delayed')!;
    await withSandbox({ scenario, clock: () => now }, async (sandbox) => {
      const id = (await chat(sandbox)).headers.get('x-oneapi-request-id');
      const ids = async () => ((await (await get(sandbox, '/api/log/token', sandbox.key)).json()) as LogJson).data.map((e) => e.request_id);
      assert.ok(!(await ids()).includes(id));
      now += scenario.log.lagMs;
      assert.ok((await ids()).includes(id));
    });
  });
});

suite('the sandbox’s critical rate limit', () => {
  for (const [gateway, retryAfter] of [
    ['new-api@2026-08', '1200'],
    ['new-api@2026-02', null],
  ] as const) {
    test(`${gateway}: 20 per 20 minutes across /api/usage/token/ and /api/log/token, counted before auth; then an empty 429${retryAfter ? ' with Retry-After' : ''}`, async () => {
      let now = Date.now();
      await withSandbox({ gateway, clock: () => now }, async (sandbox) => {
        for (let i = 0; i < 10; i++) assert.equal((await get(sandbox, '/api/usage/token/', sandbox.key)).status, 200);
        for (let i = 0; i < 9; i++) assert.equal((await get(sandbox, '/api/log/token', sandbox.key)).status, 200);
        assert.equal((await get(sandbox, '/api/log/token')).status, 401, 'the 20th, refused by auth, still counts');
        const refused = await get(sandbox, '/api/usage/token/', sandbox.key);
        assert.equal(refused.status, 429);
        assert.equal(await refused.text(), '');
        assert.equal(refused.headers.get('retry-after'), retryAfter);
        assert.equal((await get(sandbox, '/api/log/token', sandbox.key)).status, 429, 'one bucket for both routes');
        assert.equal((await get(sandbox, '/v1/models', sandbox.key)).status, 200, 'the relay is not behind it');
        assert.equal((await get(sandbox, '/api/status')).status, 200, 'nor the public routes');
        now += 20 * 60_000;
        assert.equal((await get(sandbox, '/api/log/token', sandbox.key)).status, 200, 'a window later it lets one through again');
        const records = sandbox.state.requests.filter((r) => r.critical);
        assert.equal(records.filter((r) => r.critical === 'refused').length, 2);
      });
    });
  }

  test('new-api@2025-04: its log route is not behind the critical limit', () =>
    withSandbox({ gateway: 'new-api@2025-04' }, async (sandbox) => {
      for (let i = 0; i < 25; i++) assert.equal((await get(sandbox, `/api/log/token?key=${sandbox.key}`)).status, 200);
    }));
});

suite('the sandbox’s /api/status and /api/pricing', () => {
  for (const display of ['USD', 'CNY', 'TOKENS', 'CUSTOM'] as QuotaDisplayType[]) {
    test(`/api/status in ${display} mode`, () =>
      withSandbox({ scenario: { ...findScenario('healthy')!, display } }, async (sandbox) => {
        const { data } = (await (await get(sandbox, '/api/status')).json()) as { data: Record<string, unknown> };
        assert.equal(data.quota_display_type, display);
        assert.equal(data.display_in_currency, display !== 'TOKENS');
        assert.equal(data.quota_per_unit, 500_000);
        assert.equal(data.usd_exchange_rate, 7.3);
      }));
  }

  test('new-api 2025-04 and one-api: only display_in_currency', async () => {
    for (const gateway of ['new-api@2025-04', 'one-api@2025-02'] as GatewaySnapshotId[])
      await withSandbox({ gateway }, async (sandbox) => {
        const { data } = (await (await get(sandbox, '/api/status')).json()) as { data: Record<string, unknown> };
        assert.equal(data.display_in_currency, true);
        assert.ok(!('quota_display_type' in data));
      });
  });

  test('/api/pricing: ratios per model, the visitor’s group ratios; 403 where the site hides it; none in one-api', async () => {
    await withSandbox({}, async (sandbox) => {
      const pricing = (await (await get(sandbox, '/api/pricing')).json()) as {
        data: { model_name: string; quota_type: number; model_ratio: number }[];
        group_ratio: object;
      };
      assert.deepEqual(pricing.group_ratio, { default: 1, vip: 0.8 });
      assert.equal(pricing.data.find((m) => m.model_name === 'gpt-5.4')?.model_ratio, 0.625);
      assert.equal(pricing.data.find((m) => m.model_name === 'qwen3-max')?.quota_type, 1);
    });
    await withSandbox({ scenario: 'pricing-hidden' }, async (sandbox) => {
      const hidden = await get(sandbox, '/api/pricing');
      assert.equal(hidden.status, 403);
      assert.deepEqual(await hidden.json(), { success: false, message: 'pricing is disabled' });
    });
    await withSandbox({ gateway: 'one-api@2025-02' }, async (sandbox) => assert.equal((await get(sandbox, '/api/pricing')).status, 404));
  });
});
