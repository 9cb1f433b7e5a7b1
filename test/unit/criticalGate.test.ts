import assert from 'node:assert/strict';
import { test } from 'mocha';
import { CriticalGate, memoryLedgerStore, type Sent } from '../../src/core/critical/criticalGate';
import { heldReason } from '../../src/core/critical/heldReason';

const ORIGIN = 'https://crazyrouter.com';
const MINUTE = 60_000;

function clock(start = Date.UTC(2026, 7, 11, 12)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

const answer = <T>(value: T, keep = true): Sent<T> => ({ value, keep });

test('an answer younger than five minutes is used again, for the same token only', async () => {
  const time = clock();
  const gate = new CriticalGate(memoryLedgerStore(), time.now);
  let sent = 0;
  const send = async () => answer(`answer ${++sent}`);
  const first = await gate.session(ORIGIN, 'token-a', 1).read('token-status', send);
  assert.deepEqual(first, { kind: 'answer', value: 'answer 1', at: time.now(), reused: false });
  time.advance(4 * MINUTE);
  const again = await gate.session(ORIGIN, 'token-a', 1).read('token-status', send);
  assert.equal(again.kind === 'answer' && again.reused, true);
  assert.equal(sent, 1);
  assert.equal((await gate.session(ORIGIN, 'token-b', 1).read('token-status', send)).kind, 'answer');
  assert.equal(sent, 2, 'another token is asked for');
  time.advance(MINUTE);
  await gate.session(ORIGIN, 'token-a', 1).read('token-status', send);
  assert.equal(sent, 3, 'five minutes later, asked again');
});

test('an answer from before the run’s requests does not answer for them', async () => {
  const time = clock();
  const gate = new CriticalGate(memoryLedgerStore(), time.now);
  let sent = 0;
  const send = async () => answer(++sent);
  await gate.session(ORIGIN, 't', 2).read('token-log', send);
  time.advance(MINUTE);
  await gate.session(ORIGIN, 't', 2).read('token-log', send, time.now());
  assert.equal(sent, 2);
});

test('a session spends its allowance, then says why it does not send', async () => {
  const time = clock();
  const gate = new CriticalGate(memoryLedgerStore(), time.now);
  const session = gate.session(ORIGIN, 't', 1);
  await session.read('token-status', async () => answer(1, false));
  const held = await session.read('token-log', async () => answer(2));
  assert.deepEqual(held, { kind: 'held', held: { why: 'run-allowance', allowance: 1 } });
  if (held.kind === 'held')
    assert.match(heldReason(held.held, time.now()), /already made its 1 request to the gateway’s critical rate limit \(20 requests per 20 minutes per IP/);
});

test('the ledger holds 15 in any 20 minutes across sessions, and stops after the gateway’s 429', async () => {
  const time = clock();
  const store = memoryLedgerStore();
  const gate = new CriticalGate(store, time.now);
  let sent = 0;
  for (let i = 0; i < 30; i++) {
    await gate.session(ORIGIN, `t${i}`, 2).read('token-status', async () => answer(++sent, false));
    time.advance(10_000);
  }
  assert.equal(sent, 15);
  const held = await gate.session(ORIGIN, 'x', 2).read('token-status', async () => answer(0));
  assert.equal(held.kind === 'held' && held.held.why, 'reserve');
  if (held.kind === 'held') assert.match(heldReason(held.held, time.now()), /keeps the last 5 for your dashboard login; one frees in about 15 minutes/);
  time.advance(20 * MINUTE);
  const limited = await gate.session(ORIGIN, 'y', 2).read('token-status', async () => ({ value: 'refused', keep: false, limited: { retryAfterMs: 600_000 } }));
  assert.equal(limited.kind, 'answer');
  const after = await gate.session(ORIGIN, 'y', 2).read('token-status', async () => answer('never'));
  assert.deepEqual(after, { kind: 'held', held: { why: 'locked', until: time.now() + 600_000 } });
  assert.doesNotMatch(JSON.stringify(store.load()), /t\d|refused|never/, 'the ledger keeps origins and times only');
});

test('a request under way answers a second reader too (two checks at once ask once)', async () => {
  const gate = new CriticalGate(memoryLedgerStore());
  let sent = 0;
  let release = () => {};
  const send = () => new Promise<Sent<number>>((resolve) => (release = () => resolve(answer(++sent))));
  const first = gate.session(ORIGIN, 't', 1).read('token-status', send);
  await new Promise((resolve) => setTimeout(resolve, 10));
  const second = gate.session(ORIGIN, 't', 1).read('token-status', async () => answer(-1));
  release();
  const [a, b] = await Promise.all([first, second]);
  assert.equal(sent, 1);
  assert.deepEqual([a.kind === 'answer' && a.value, b.kind === 'answer' && b.value, b.kind === 'answer' && b.reused], [1, 1, true]);
});
