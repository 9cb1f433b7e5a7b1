import assert from 'node:assert/strict';
import { test } from 'mocha';
import { CHECK_STATUSES } from '../../src/core/checks/checkKinds';
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
import { costCheck } from '../../src/core/checks/costCheck';
import { logCheck } from '../../src/core/checks/logCheck';
import { USAGE_PATTERNS, usageCheck } from '../../src/core/checks/usageChecks';
import { verify } from '../../src/core/engine/verify';
import { parseProfile } from '../../src/core/profile';
import { Secret } from '../../src/core/secret';
import { rowFor } from '../../src/core/symptoms/symptomTable';
import { startFixture } from '../support/faultProxy';
import { answer } from '../support/fuzzGateway';

const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
/**
 * 50 cases in npm test (a quick look at every check kind: 600 requests); npm run test:fuzz (CI runs
 * it too) runs 1,000, about 12,000 requests. The replay test takes a fifth of them, at most 40.
 */
const CASES = Number(process.env.FUZZ_CASES ?? 50);
const REPLAYS = Math.min(40, Math.ceil(CASES / 5));
/** FUZZ_CASE=N replays case N alone (with the same FUZZ_SEED): each answer depends only on (seed, case, request). */
const ONLY = process.env.FUZZ_CASE === undefined ? undefined : Number(process.env.FUZZ_CASE);
/**
 * The request timeout. Every answer but a stall (which never comes) arrives within milliseconds, so
 * the timeout only has to tell a stall from an answer slowed by load: on the shared 2-core machines,
 * with the static checks and five other test files beside it, a loopback answer has been seen to take
 * well over 500 ms, which turned answers into timeouts and made a replay differ from its case.
 */
const TIMEOUT_MS = 2_000;
const STATUSES = new Set<string>(CHECK_STATUSES);

/** Every check that reads gateway answers, without gates, so every case exercises them all. */
const ungated = (check: CheckDefinition): CheckDefinition => ({ ...check, needs: [], gatedBy: [], after: undefined });
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
  // The gateway's own records: its log (read once, whatever it answers), status and prices.
  logCheck([], 0),
  costCheck([]),
  ...USAGE_PATTERNS.map(usageCheck),
].map(ungated);
/** Checks that may decline by their own decision (a gateway too old to ask, a log not read, too few calls to judge), saying why. */
const MAY_DECLINE = /^(log|cost|usage:.*)$/;

/** Cases run this many at a time, each worker with its own loopback gateway, so a stalled case (one timeout) does not hold up the rest. */
const WORKERS = Number(process.env.FUZZ_WORKERS ?? 8);
/** A case that outlives every request timeout many times over has hung; slowness under load is not a failure. */
const HUNG_MS = TIMEOUT_MS * 20;

interface CaseOutcome {
  failures: string[];
  symptoms: string[];
}

/**
 * A loopback gateway whose answers come from (seed, case, request), with the case it is serving set
 * by its worker. With `repeats`, a request asked again gets the next draw; without, the same answer.
 */
async function startFuzzGateway(repeats: boolean) {
  const state = { testCase: 0 };
  // Keyed by what was asked (method, path, body), never by arrival order, which concurrent checks vary.
  const seen = new Map<string, number>();
  const server = await startFixture((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const key = `${state.testCase}|${req.method}|${req.url}|${body}`;
      const nth = repeats ? (seen.get(key) ?? 0) + 1 : 1;
      seen.set(key, nth);
      answer(SEED, state.testCase, req, `${body}#${nth}`, res);
    });
  });
  return { server, state };
}

/** Runs `cases` on up to WORKERS gateways, each serving one case at a time. */
async function onGateways(cases: number[], repeats: boolean, run: (origin: string, testCase: number) => Promise<void>) {
  const gateways = await Promise.all(Array.from({ length: Math.min(WORKERS, cases.length) }, () => startFuzzGateway(repeats)));
  try {
    let next = 0;
    await Promise.all(
      gateways.map(async ({ server, state }) => {
        while (next < cases.length) {
          state.testCase = cases[next++]!;
          await run(server.origin, state.testCase);
        }
      }),
    );
  } finally {
    await Promise.all(gateways.map(({ server }) => server.close()));
  }
  return gateways.reduce((n, { server }) => n + server.hits.length, 0);
}

const profileFor = (origin: string) => {
  const parsed = parseProfile({ baseUrl: `${origin}/v1`, models: ['m'], timeoutMs: TIMEOUT_MS }, Secret.of('sk-fuzz0000000000000000000000'));
  assert.ok(parsed.ok);
  return parsed.profile;
};

async function runCase(origin: string, testCase: number): Promise<CaseOutcome> {
  const replay = `(FUZZ_SEED=${SEED} FUZZ_CASE=${testCase})`;
  const failures: string[] = [];
  const symptoms: string[] = [];
  try {
    const caseStarted = performance.now();
    const report = await verify(profileFor(origin), {
      checks: CHECKS,
      confirmedOrigins: new Set([origin]),
      onEvent: (e) => e.type === 'internal-error' && failures.push(`case ${testCase} ${replay} ${e.id} crashed: ${e.stack}`),
    });
    const took = performance.now() - caseStarted;
    for (const r of report.results) {
      const problem = !STATUSES.has(r.status)
        ? `status ${r.status}`
        : r.status === 'skipped' &&
            !(r.id === 'base-url' && /could not be reached/.test(r.summary)) &&
            !(MAY_DECLINE.test(r.id) && /^(Not|Nothing)/.test(r.summary))
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
      if (problem) failures.push(`case ${testCase} ${replay} ${r.id}: ${problem}: ${r.summary}`);
      if (r.symptom) symptoms.push(r.symptom);
    }
    if (took > HUNG_MS) failures.push(`case ${testCase} ${replay} took ${took.toFixed(0)} ms`);
  } catch (error) {
    failures.push(`case ${testCase} ${replay} threw: ${error instanceof Error ? error.stack : String(error)}`);
  }
  return { failures, symptoms };
}

test(`fuzz: ${ONLY === undefined ? CASES : `case ${ONLY} of`} random gateways (seed ${SEED}) all end in classified results`, async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  const cases = ONLY === undefined ? Array.from({ length: CASES }, (_, i) => i) : [ONLY];
  const failures: string[] = [];
  const symptoms = new Map<string, number>();
  const started = performance.now();
  let requests = 0;
  try {
    requests = await onGateways(cases, true, async (origin, testCase) => {
      const outcome = await runCase(origin, testCase);
      failures.push(...outcome.failures);
      for (const s of outcome.symptoms) symptoms.set(s, (symptoms.get(s) ?? 0) + 1);
    });
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `fuzz: ${cases.length} cases on ${Math.min(WORKERS, cases.length)} gateways, ${requests} requests in ${seconds} s; conclusions: ${[...symptoms]
      .toSorted((a, b) => b[1] - a[1])
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')}`,
  );
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} case(s) failed; replay with FUZZ_SEED=${SEED}`);
  assert.deepEqual(unhandled, [], `unhandled rejections (FUZZ_SEED=${SEED})`);
  if (ONLY === undefined) assert.ok(symptoms.size >= 15, `only ${symptoms.size} distinct conclusions reached`);
});

test('a seed and case replay the same conclusions, one check at a time or all at once', async () => {
  const mismatches: string[] = [];
  await onGateways(
    Array.from({ length: REPLAYS }, (_, i) => i),
    false,
    async (origin, testCase) => {
      const conclusions = async (concurrency: number) =>
        (await verify(profileFor(origin), { checks: CHECKS, concurrency, confirmedOrigins: new Set([origin]) })).results
          .map((r) => `${r.id}:${r.status}:${r.symptom ?? ''}`)
          .join(' ');
      const [one, all] = [await conclusions(1), await conclusions(8)];
      if (one !== all) mismatches.push(`FUZZ_SEED=${SEED} FUZZ_CASE=${testCase}: ${one} ≠ ${all}`);
    },
  );
  assert.deepEqual(mismatches, []);
});
