import assert from 'node:assert/strict';
import { test } from 'mocha';
import { LoopWatch } from '../../src/core/checks/loopWatch';
import { analyseStreamTiming } from '../../src/core/checks/streamTiming';

test('chunks spread over time are incremental, whatever the loop did (a stall only squeezes arrivals together)', () => {
  const t = analyseStreamTiming([100, 120, 140, 160, 180], 200);
  assert.deepEqual(t, { ttftMs: 100, contentChunks: 5, spreadMs: 80, maxGapMs: 20, stallBeforeMs: 200, stallWithinMs: 0, delivery: 'incremental' });
});

test('chunks read together while the loop was free are buffered', () => {
  assert.equal(analyseStreamTiming([900, 901, 901, 902, 903], 1).delivery, 'buffered');
});

test('chunks read together right after the loop was stalled prove nothing', () => {
  const t = analyseStreamTiming([900, 901, 901, 902, 903], 140);
  assert.equal(t.delivery, 'inconclusive');
  assert.equal(t.stallBeforeMs, 140);
});

test('the window is the spread plus the stall before it', () => {
  assert.equal(analyseStreamTiming([900, 905, 906, 908], 6).delivery, 'buffered');
  assert.equal(analyseStreamTiming([900, 905, 906, 908], 7).delivery, 'inconclusive');
});

test("a spread the doctor's own stall made is no proof of an incremental stream", () => {
  // A burst read as two network reads with a 25 ms pause of this process between them.
  const paused = analyseStreamTiming([900, 900, 901, 926, 926], 1, 24);
  assert.equal(paused.delivery, 'inconclusive');
  assert.equal(paused.stallWithinMs, 24);
  // A real token stream keeps its spread beyond the stall: still incremental.
  assert.equal(analyseStreamTiming([900, 904, 908, 912, 936, 940], 1, 20).delivery, 'incremental');
});

test('too few chunks cannot be judged', () => {
  assert.equal(analyseStreamTiming([900, 901, 902]).delivery, 'too-few');
  assert.deepEqual(analyseStreamTiming([]), {
    ttftMs: null,
    contentChunks: 0,
    spreadMs: 0,
    maxGapMs: 0,
    stallBeforeMs: 0,
    stallWithinMs: 0,
    delivery: 'too-few',
  });
});

test('the loop watch measures a stall of this very process', async () => {
  const watch = new LoopWatch(2).start();
  await new Promise((r) => setTimeout(r, 20));
  const busyUntil = performance.now() + 60;
  while (performance.now() < busyUntil) {
    // a stall of the doctor's own making
  }
  const after = performance.now();
  // Free again once the loop has run a few times: how soon depends on the machine, so wait for it
  // (bounded by 5 s, far beyond any real scheduling delay) instead of asserting a time.
  const waitedUntil = performance.now() + 5_000;
  while (watch.unobservedBefore(performance.now()) >= 55 && performance.now() < waitedUntil) await new Promise((r) => setTimeout(r, 5));
  const free = performance.now();
  watch.stop();
  assert.ok(watch.unobservedBefore(free) < 55, `still ${watch.unobservedBefore(free)} ms unobserved 5 s after the stall`);
  assert.ok(watch.unobservedBefore(after) >= 55, `unobserved ${watch.unobservedBefore(after)} ms before the end of a 60 ms busy loop`);
  const firstTickAfter = after + 1;
  assert.ok(watch.unobservedBefore(firstTickAfter) >= 55, 'a tick that fires late, right before the burst is read, does not hide the stall');
  assert.ok(watch.longestStall() >= 55);
  const busyFrom = busyUntil - 60;
  assert.ok(watch.stalledWithin(busyFrom, after) >= 50, `stalled ${watch.stalledWithin(busyFrom, after)} ms of the 60 ms busy loop`);
  assert.ok(watch.stalledWithin(free - 1, free) <= 1, 'nothing stalled once free again');
});
