import assert from 'node:assert/strict';
import { test } from 'mocha';
import { fitMessage, type Cut } from '../../src/core/protocol/fitMessage';
import { HostMessageSchema } from '../../src/core/protocol/panelProtocol';

const result = (over: Record<string, unknown>) => ({
  type: 'checkFinished',
  runId: 1,
  result: { id: 'chat:m', kind: 'chat', title: 'Chat with m', status: 'fail', durationMs: 3, summary: 'x', details: [], metrics: {}, evidence: [], ...over },
});

test('hostile lengths are cut to the schema, never refused', () => {
  const cuts: Cut[] = [];
  const huge = {
    summary: `403 ${'A'.repeat(5_000)}`,
    model: 'm'.repeat(201),
    id: `chat:${'m'.repeat(300)}`,
    evidence: [{ method: 'POST', url: `https://x/${'p'.repeat(3_000)}`, bytes: 1, requestId: 'r'.repeat(250), bodyExcerpt: 'b'.repeat(5_000) }],
    details: Array.from({ length: 80 }, (_, i) => `detail ${i}`),
  };
  const fitted = fitMessage(HostMessageSchema, result(huge), (c) => cuts.push(c));
  assert.ok(fitted && fitted.type === 'checkFinished');
  assert.ok(fitted.result.summary.endsWith('…') && fitted.result.summary.length <= 4_000);
  assert.equal(fitted.result.details.length, 50);
  assert.ok(
    cuts.some((c) => c.path === 'result.summary' && c.full.length === 5_004),
    'the whole text goes to the log',
  );
  assert.ok(cuts.length >= 5);
});

test('a message wrong in shape (not only in size) is still refused', () => {
  assert.equal(
    fitMessage(HostMessageSchema, result({ status: 'exploded' }), () => undefined),
    undefined,
  );
});

test('10,000 model ids fit (the first 500 are sent)', () => {
  const ids = Array.from({ length: 10_000 }, (_, i) => `model-${i}`);
  const fitted = fitMessage(HostMessageSchema, { type: 'models', ids, total: ids.length }, () => undefined);
  assert.ok(fitted && fitted.type === 'models');
  assert.equal(fitted.ids.length, 500);
  assert.equal(fitted.total, 10_000);
});
