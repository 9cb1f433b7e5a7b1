// A check that throws is a fault in the doctor: the engine reports it as a failed check ("internal
// error"), never as "Cancelled." or a skip, keeps the requests it made as evidence, and the stack it
// hands to the log holds no token. Checks come in through verify's `checks` option, as the fuzz's do.
import assert from 'node:assert/strict';
import { suiteSetup, suiteTeardown, test } from 'mocha';
import type { CheckDefinition } from '../../src/core/checks/checkTypes';
import type { CheckEvent } from '../../src/core/engine/events';
import { verify } from '../../src/core/engine/verify';
import { parseProfile } from '../../src/core/profile';
import { Secret } from '../../src/core/secret';
import { startFixture, type LoopbackServer } from '../support/faultProxy';

const TOKEN = 'sk-CrashCrash0123456789abcdefABCDEF';
/** Another token-shaped string (a gateway's answer, a config value) that a stack could carry. */
const OTHER = 'sk-SomeoneElse9876543210fedcbaZYXWVU';

let server: LoopbackServer;
suiteSetup(async () => {
  server = await startFixture((_req, res) => (res.writeHead(200, { 'Content-Type': 'application/json' }), res.end('{"object":"list","data":[]}')));
});
suiteTeardown(() => server.close());

const profile = () => {
  const parsed = parseProfile({ baseUrl: `${server.origin}/v1`, models: ['gpt-5.4'], timeoutMs: 5_000 }, Secret.of(TOKEN));
  assert.ok(parsed.ok);
  return parsed.profile;
};

/** A check that makes one real request, then throws what `fault` gives it. */
const crashing = (id: string, fault: () => unknown): CheckDefinition => ({
  id,
  kind: 'chat',
  title: `Crashes (${id})`,
  needs: [],
  gatedBy: [],
  sendsToken: false,
  async run(ctx) {
    const client = ctx.client();
    await client.anonymousSdk.get('/models', client.anonymous);
    throw fault();
  },
});

const dependent: CheckDefinition = {
  id: 'after',
  kind: 'models',
  title: 'Needs the crashed check',
  needs: ['error'],
  gatedBy: [],
  sendsToken: false,
  run: () => Promise.resolve({ status: 'pass', summary: 'ran' }),
};

test('a check that throws is a failed check "internal error" with its evidence, not "Cancelled." or a skip; the stack in the event holds no token', async () => {
  const events: CheckEvent[] = [];
  const report = await verify(profile(), {
    checks: [
      crashing('error', () => new TypeError(`cannot read ${TOKEN} near ${OTHER}`)),
      crashing('string', () => `a thrown string with ${TOKEN}`),
      dependent,
    ],
    onEvent: (e) => events.push(e),
  });
  for (const id of ['error', 'string']) {
    const result = report.results.find((r) => r.id === id)!;
    assert.equal(result.status, 'fail', `${id}: ${result.summary}`);
    assert.equal(result.symptom, 'internal.error');
    assert.match(result.summary, /^Internal error in the doctor: .*This is a bug in Crazyrouter Doctor/);
    assert.doesNotMatch(result.summary, /Cancelled/);
    assert.deepEqual(
      result.evidence.map((e) => [e.method, new URL(e.url).pathname, e.status]),
      [['GET', '/v1/models', 200]],
      `${id}: the request made before the crash is kept as evidence`,
    );
  }
  const after = report.results.find((r) => r.id === 'after')!;
  assert.equal(after.status, 'skipped');
  assert.match(after.summary, /^Blocked: Crashes \(error\) failed\.$/, 'what needs it is blocked by a failure, not cancelled');
  assert.equal(report.verdict, 'fail');

  const crashes = events.flatMap((e) => (e.type === 'internal-error' ? [e] : []));
  assert.deepEqual(crashes.map((e) => e.id).toSorted(), ['error', 'string']);
  const stack = crashes.find((e) => e.id === 'error')!.stack;
  assert.match(stack, /^TypeError: cannot read sk-\[redacted\] near sk-\[redacted\]\n\s+at /, 'the redacted stack, with its frames');
  const everything = JSON.stringify({ report, events });
  for (const secret of [TOKEN, OTHER]) assert.ok(!everything.includes(secret.slice(3)), `${secret.slice(0, 8)}… appears`);
});
