import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authCheck } from '../../src/core/checks/authCheck';
import { baseUrlCheck } from '../../src/core/checks/baseUrlCheck';
import { cherryCheck } from '../../src/core/checks/cherryCheck';
import { messagesCheck } from '../../src/core/checks/messagesCheck';
import { modelsCheck } from '../../src/core/checks/modelsCheck';
import { quotaCheck } from '../../src/core/checks/quotaCheck';
import { reachabilityCheck } from '../../src/core/checks/reachabilityCheck';
import { responsesCheck } from '../../src/core/checks/responsesCheck';
import { toolsCheck } from '../../src/core/checks/toolsCheck';
import { chatCheck } from '../../src/core/checks/chatCheck';
import type { CheckDefinition } from '../../src/core/checks/checkTypes';
import { streamingCheck } from '../../src/core/checks/streamingCheck';
import { verify } from '../../src/core/engine/verify';
import { parseProfile } from '../../src/core/profile';
import { Secret } from '../../src/core/secret';
import { rowFor } from '../../src/core/symptoms/symptomTable';
import { startFixture } from '../support/faultProxy';
import { answer } from '../support/fuzzGateway';

const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const CASES = Number(process.env.FUZZ_CASES ?? 1000);
/** FUZZ_CASE=N replays case N alone (with the same FUZZ_SEED): each answer depends only on (seed, case, request). */
const ONLY = process.env.FUZZ_CASE === undefined ? undefined : Number(process.env.FUZZ_CASE);
const TIMEOUT_MS = 500;
const STATUSES = new Set(['pass', 'warn', 'fail', 'skipped']);

/** Every check that reads gateway answers, without gates, so every case exercises them all. */
const ungated = (check: CheckDefinition): CheckDefinition => ({ ...check, needs: [], gatedBy: [] });
const CHECKS = [
  reachabilityCheck,
  baseUrlCheck,
  authCheck,
  modelsCheck,
  chatCheck('m'),
  streamingCheck('m'),
  toolsCheck('m'),
  quotaCheck,
  responsesCheck('m'),
  messagesCheck('m'),
  cherryCheck('m'),
].map(ungated);

test(`fuzz: ${ONLY === undefined ? CASES : `case ${ONLY} of`} random gateways (seed ${SEED}) all end in classified results`, async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  let testCase = 0;
  const seen = new Map<string, number>();
  // Keyed by what was asked (method, path, body), never by arrival order, which concurrent checks vary.
  const server = await startFixture((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const key = `${testCase}|${req.method}|${req.url}|${body}`;
      const nth = (seen.get(key) ?? 0) + 1;
      seen.set(key, nth);
      answer(SEED, testCase, req, `${body}#${nth}`, res);
    });
  });
  const failures: string[] = [];
  const symptoms = new Map<string, number>();
  const started = performance.now();
  try {
    const parsed = parseProfile({ baseUrl: `${server.origin}/v1`, models: ['m'], timeoutMs: TIMEOUT_MS }, Secret.of('sk-fuzz0000000000000000000000'));
    assert.ok(parsed.ok);
    for (testCase = ONLY ?? 0; testCase < (ONLY === undefined ? CASES : ONLY + 1); testCase++) {
      try {
        const caseStarted = performance.now();
        const report = await verify(parsed.profile, {
          checks: CHECKS,
          confirmedOrigins: new Set([server.origin]),
          onEvent: (e) =>
            e.type === 'internal-error' && failures.push(`case ${testCase} (FUZZ_SEED=${SEED} FUZZ_CASE=${testCase}) ${e.id} crashed: ${e.stack}`),
        });
        const took = performance.now() - caseStarted;
        for (const r of report.results) {
          const problem = !STATUSES.has(r.status)
            ? `status ${r.status}`
            : r.status === 'skipped' && !(r.id === 'base-url' && /could not be reached/.test(r.summary))
              ? `skipped although nothing gates it (${r.summary})`
              : r.symptom === 'internal.error'
                ? `internal error: ${r.summary}`
                : !r.summary
                  ? 'empty summary'
                  : (r.status === 'fail' || r.status === 'warn') && !r.symptom
                    ? `${r.status} without a symptom`
                    : r.symptom && !rowFor(r.symptom, 'cursor')
                      ? `no row for ${r.symptom}`
                      : undefined;
          if (problem) failures.push(`case ${testCase} (FUZZ_SEED=${SEED} FUZZ_CASE=${testCase}) ${r.id}: ${problem}: ${r.summary}`);
          if (r.symptom) symptoms.set(r.symptom, (symptoms.get(r.symptom) ?? 0) + 1);
        }
        if (took > TIMEOUT_MS * 4 + 500) failures.push(`case ${testCase} (FUZZ_SEED=${SEED} FUZZ_CASE=${testCase}) took ${took.toFixed(0)} ms`);
      } catch (error) {
        failures.push(`case ${testCase} (FUZZ_SEED=${SEED} FUZZ_CASE=${testCase}) threw: ${error instanceof Error ? error.stack : String(error)}`);
      }
    }
  } finally {
    await server.close();
    process.off('unhandledRejection', onUnhandled);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `fuzz: ${CASES} cases, ${server.hits.length} requests in ${seconds} s; conclusions: ${[...symptoms]
      .toSorted((a, b) => b[1] - a[1])
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')}`,
  );
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} case(s) failed; replay with FUZZ_SEED=${SEED}`);
  assert.deepEqual(unhandled, [], `unhandled rejections (FUZZ_SEED=${SEED})`);
  if (ONLY === undefined) assert.ok(symptoms.size >= 15, `only ${symptoms.size} distinct conclusions reached`);
});

test('a seed and case replay the same conclusions, one check at a time or all at once', async () => {
  let testCase = 0;
  const server = await startFixture((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => answer(SEED, testCase, req, `${Buffer.concat(chunks).toString('utf8')}#1`, res));
  });
  try {
    const parsed = parseProfile({ baseUrl: `${server.origin}/v1`, models: ['m'], timeoutMs: TIMEOUT_MS }, Secret.of('sk-fuzz0000000000000000000000'));
    assert.ok(parsed.ok);
    const conclusions = async (concurrency: number) =>
      (await verify(parsed.profile, { checks: CHECKS, concurrency, confirmedOrigins: new Set([server.origin]) })).results
        .map((r) => `${r.id}:${r.status}:${r.symptom ?? ''}`)
        .join(' ');
    for (testCase = 0; testCase < 40; testCase++) {
      assert.equal(await conclusions(1), await conclusions(8), `FUZZ_SEED=${SEED} FUZZ_CASE=${testCase}`);
    }
  } finally {
    await server.close();
  }
});
