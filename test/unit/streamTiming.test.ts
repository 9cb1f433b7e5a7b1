import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseStreamTiming } from '../../src/core/checks/streamTiming';

test('chunks spread over time are incremental', () => {
  const t = analyseStreamTiming([100, 120, 140, 160, 180]);
  assert.deepEqual(t, { ttftMs: 100, contentChunks: 5, spreadMs: 80, maxGapMs: 20, buffered: false, judgeable: true });
});

test('chunks that arrive together after a long wait are buffered', () => {
  const t = analyseStreamTiming([900, 900.5, 901, 901.2, 902]);
  assert.equal(t.buffered, true);
  assert.equal(t.ttftMs, 900);
});

test('too few chunks cannot be judged', () => {
  const t = analyseStreamTiming([50, 50.1]);
  assert.equal(t.judgeable, false);
  assert.equal(t.buffered, false);
});

test('no chunks', () => {
  assert.deepEqual(analyseStreamTiming([]), { ttftMs: null, contentChunks: 0, spreadMs: 0, maxGapMs: 0, buffered: false, judgeable: false });
});
