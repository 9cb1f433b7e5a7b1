// `npm run bench`: measures a full verification against the sandbox and prints a table.
// Figures are medians of a few runs made in this one process, so their ratios hold on a noisy machine.
import { verify } from '../core/engine/verify';
import { parseProfile, type Profile } from '../core/profile';
import type { Report } from '../core/report/report';
import { Secret } from '../core/secret';
import { startSandbox, type Sandbox } from '../sandbox/sandboxServer';

const LATENCY_MS = 100;
const RUNS = 5;
const GOALS = { wallOverSlowest: 1.25, sequentialOverConcurrent: 3, tokensPerProbe: 16, healthTokens: 0 };

interface Sample {
  wallMs: number;
  slowestMs: number;
  slowestId: string;
  completionTokens: number;
  chatProbes: number;
}

function profileFor(sandbox: Sandbox, mode: Profile['mode']): Profile {
  const parsed = parseProfile({ baseUrl: sandbox.baseUrl, client: 'cursor', mode }, Secret.of(sandbox.key));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.profile;
}

async function sample(mode: Profile['mode'], concurrency: number): Promise<Sample> {
  const sandbox = await startSandbox({ scenario: 'healthy', latencyMs: LATENCY_MS });
  try {
    const started = performance.now();
    const report: Report = await verify(profileFor(sandbox, mode), { concurrency });
    const wallMs = performance.now() - started;
    if (report.verdict !== 'pass') throw new Error(`benchmark run did not pass: ${report.findings.map((f) => f.symptom).join(', ')}`);
    const slowest = report.results.reduce((a, b) => (b.durationMs > a.durationMs ? b : a));
    const chatRequests = sandbox.state.requests.filter((r) => r.path === '/v1/chat/completions' && r.authenticated);
    return { wallMs, slowestMs: slowest.durationMs, slowestId: slowest.id, completionTokens: sandbox.state.completionTokensServed(), chatProbes: chatRequests.length };
  } finally {
    await sandbox.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main(): Promise<void> {
  const concurrent: Sample[] = [];
  const sequential: Sample[] = [];
  const health: Sample[] = [];
  await sample('full', 8); // warm-up: first-run JIT and module loading
  for (let i = 0; i < RUNS; i++) {
    concurrent.push(await sample('full', 8));
    sequential.push(await sample('full', 1));
    health.push(await sample('health', 8));
  }
  const wall = median(concurrent.map((s) => s.wallMs));
  const slowest = median(concurrent.map((s) => s.slowestMs));
  const seq = median(sequential.map((s) => s.wallMs));
  const first = concurrent[0]!;
  const perProbe = first.completionTokens / Math.max(1, first.chatProbes);
  const rows: [string, string, string, boolean][] = [
    ['full verify, concurrent (wall)', `${wall.toFixed(0)} ms`, '', true],
    [`slowest single check (${first.slowestId})`, `${slowest.toFixed(0)} ms`, '', true],
    ['wall / slowest', (wall / slowest).toFixed(2), `≤ ${GOALS.wallOverSlowest}`, wall / slowest <= GOALS.wallOverSlowest],
    ['same checks one after another (wall)', `${seq.toFixed(0)} ms`, '', true],
    ['sequential / concurrent', (seq / wall).toFixed(2), `≥ ${GOALS.sequentialOverConcurrent}`, seq / wall >= GOALS.sequentialOverConcurrent],
    ['completion tokens per chat request', `${perProbe.toFixed(1)} (${first.completionTokens} over ${first.chatProbes})`, `≤ ${GOALS.tokensPerProbe}`, perProbe <= GOALS.tokensPerProbe],
    ['completion tokens of a health check', String(health[0]!.completionTokens), `= ${GOALS.healthTokens}`, health[0]!.completionTokens === GOALS.healthTokens],
  ];
  console.log(`Crazyrouter Doctor benchmark: sandbox with ${LATENCY_MS} ms latency per request, median of ${RUNS} runs\n`);
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [name, value, goal, ok] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(22)}  ${goal.padEnd(8)} ${goal ? (ok ? 'ok' : 'MISSED') : ''}`);
  if (rows.some((r) => !r[3])) {
    console.log('\nA goal was missed.');
    process.exitCode = 1;
  }
}

void main();
