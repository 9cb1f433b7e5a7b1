import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'mocha';
import type { CheckResult, CheckStatus } from '../../src/core/checks/checkTypes';
import { runGraph, type GraphNode } from '../../src/core/engine/runGraph';
import { byText } from '../support/byText';

const result = (id: string, status: CheckStatus, summary = ''): CheckResult => ({
  id,
  kind: 'chat',
  title: id,
  status,
  durationMs: 0,
  summary,
  details: [],
  metrics: {},
  evidence: [],
});

interface Trace {
  started: string[];
  aborted: string[];
  running: number;
  maxRunning: number;
}

function node(
  id: string,
  trace: Trace,
  opts: { ms?: number; status?: CheckStatus; needs?: string[]; gatedBy?: string[]; priority?: number; throws?: Error } = {},
): GraphNode {
  return {
    id,
    needs: opts.needs ?? [],
    gatedBy: opts.gatedBy ?? [],
    priority: opts.priority,
    blocked: (reason) => result(id, 'skipped', reason),
    crashed: (error) => result(id, 'fail', `crashed: ${(error as Error).message}`),
    async run(signal) {
      trace.started.push(id);
      trace.running++;
      trace.maxRunning = Math.max(trace.maxRunning, trace.running);
      try {
        await sleep(opts.ms ?? 5, undefined, { signal });
        if (opts.throws) throw opts.throws;
        return result(id, opts.status ?? 'pass');
      } catch (error) {
        trace.aborted.push(id);
        throw error;
      } finally {
        trace.running--;
      }
    },
  };
}

const newTrace = (): Trace => ({ started: [], aborted: [], running: 0, maxRunning: 0 });

test('the concurrency cap is respected and all nodes finish', async () => {
  const trace = newTrace();
  const nodes = Array.from({ length: 10 }, (_, i) => node(`n${i}`, trace, { ms: 10 }));
  const results = await runGraph(nodes, { concurrency: 3, signal: new AbortController().signal });
  assert.equal(results.length, 10);
  assert.ok(results.every((r) => r.status === 'pass'));
  assert.equal(trace.maxRunning, 3);
});

test('a node that needs another starts only after it passed', async () => {
  const trace = newTrace();
  await runGraph([node('b', trace, { needs: ['a'] }), node('a', trace, { ms: 20 })], { concurrency: 4, signal: new AbortController().signal });
  assert.deepEqual(trace.started, ['a', 'b']);
});

test('a failed need blocks without running', async () => {
  const trace = newTrace();
  const results = await runGraph([node('a', trace, { status: 'fail' }), node('b', trace, { needs: ['a'] })], {
    concurrency: 4,
    signal: new AbortController().signal,
  });
  assert.equal(results[1]?.status, 'skipped');
  assert.match(results[1].summary, /Blocked: a failed/);
  assert.deepEqual(trace.started, ['a']);
});

test('gated nodes start at once and are aborted when the gate fails', async () => {
  const trace = newTrace();
  const results = await runGraph([node('gate', trace, { ms: 10, status: 'fail' }), node('slow', trace, { ms: 500, gatedBy: ['gate'] })], {
    concurrency: 4,
    signal: new AbortController().signal,
  });
  assert.deepEqual(trace.started, ['gate', 'slow']);
  assert.deepEqual(trace.aborted, ['slow']);
  assert.equal(results[1]?.status, 'skipped');
});

test('a gated result that is ready early waits for its gate', async () => {
  const trace = newTrace();
  const order: string[] = [];
  await runGraph([node('gate', trace, { ms: 30 }), node('fast', trace, { ms: 1, gatedBy: ['gate'] })], {
    concurrency: 4,
    signal: new AbortController().signal,
    onFinish: (r) => order.push(r.id),
  });
  assert.deepEqual(order, ['gate', 'fast']);
});

test('a failing gate replaces an early result with blocked', async () => {
  const trace = newTrace();
  const results = await runGraph([node('gate', trace, { ms: 30, status: 'fail' }), node('fast', trace, { ms: 1, status: 'fail', gatedBy: ['gate'] })], {
    concurrency: 4,
    signal: new AbortController().signal,
  });
  assert.equal(results[1]?.status, 'skipped');
});

test('priority decides what starts first', async () => {
  const trace = newTrace();
  await runGraph([node('a', trace), node('b', trace, { priority: 2 }), node('c', trace, { priority: 1 })], {
    concurrency: 1,
    signal: new AbortController().signal,
  });
  assert.deepEqual(trace.started, ['b', 'c', 'a']);
});

test('cancelling aborts running nodes and skips the rest', async () => {
  const trace = newTrace();
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 20);
  const started = performance.now();
  const results = await runGraph([node('a', trace, { ms: 2_000 }), node('b', trace, { ms: 2_000 }), node('c', trace, { needs: ['a'] })], {
    concurrency: 4,
    signal: controller.signal,
  });
  // The nodes would run 2 s: ending before that is what cancelling proves (the machine is shared).
  assert.ok(performance.now() - started < 2_000, `ended ${(performance.now() - started).toFixed(0)} ms after the start`);
  assert.ok(results.every((r) => r.status === 'skipped'));
  assert.deepEqual(trace.aborted.toSorted(byText), ['a', 'b']);
});

test('a node that throws while nothing cancelled it is a crash, never "Cancelled."', async () => {
  const trace = newTrace();
  const results = await runGraph([node('a', trace, { throws: new TypeError('boom') }), node('b', trace, { gatedBy: ['a'] })], {
    concurrency: 4,
    signal: new AbortController().signal,
  });
  assert.equal(results[0]?.status, 'fail');
  assert.equal(results[0]?.summary, 'crashed: boom');
  assert.equal(results[1]?.status, 'skipped', 'a node gated by a crashed one is blocked');
  assert.match(results[1]?.summary ?? '', /Blocked: a failed/);
});
