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

test('a run’s cost and usage from a gateway with hostile lengths fit too: long names cut, long lists shortened', () => {
  const name = (i: number) => `model-${i}-${'x'.repeat(300)}`;
  const usage = {
    entries: 1000,
    atLimit: true,
    calls: 1000,
    ownRun: 0,
    unit: 'USD',
    total: { quota: 1, spend: 1, text: '$1.00' },
    byModel: Array.from({ length: 120 }, (_, i) => ({
      model: name(i),
      calls: 1,
      errors: 0,
      promptTokens: 1,
      completionTokens: 1,
      spend: 1,
      text: '$1.00',
      share: 0.01,
    })),
    overTime: { bucketHours: 1, buckets: Array.from({ length: 72 }, (_, i) => ({ start: `2026-08-11T${i}`, calls: 1, spend: 1, text: '$1.00' })) },
  };
  const cost = {
    unit: `${'¤'.repeat(100)} (custom currency)`,
    unitFrom: 'status',
    group: 'g'.repeat(500),
    prices: [{ model: name(0), input: '$1.00', output: '$2.00' }],
  };
  const message = {
    type: 'runFinished',
    runId: 1,
    verdict: 'pass',
    durationMs: 1,
    counts: { pass: 1, warn: 0, fail: 0, skipped: 0 },
    checklist: {},
    checklistReasons: { 'cursor.in-logs': 'r'.repeat(5_000) },
    rows: [],
    cost,
    usage,
  };
  const cuts: Cut[] = [];
  const fitted = fitMessage(HostMessageSchema, message, (c) => cuts.push(c));
  assert.ok(fitted && fitted.type === 'runFinished');
  assert.equal(fitted.usage?.byModel.length, 50);
  assert.ok(fitted.usage?.byModel.every((m) => m.model.length <= 200 && m.model.endsWith('…')));
  assert.ok((fitted.cost?.group?.length ?? 0) <= 200);
  assert.ok((fitted.cost?.unit.length ?? 0) <= 60);
  assert.ok((fitted.checklistReasons?.['cursor.in-logs']?.length ?? 0) <= 4_000);
  assert.ok(cuts.some((c) => c.path === 'usage.byModel'));
});
