// Full verification against the sandbox, concurrent and one check after another.
import { verify } from '../core/engine/verify';
import { parseProfile, type Profile } from '../core/profile';
import type { Report } from '../core/report/report';
import { Secret } from '../core/secret';
import { startSandbox, type Sandbox } from '../sandbox/sandboxServer';

export const LATENCY_MS = 100;
export const RUNS = 5;

export interface Sample {
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

export async function sample(mode: Profile['mode'], concurrency: number): Promise<Sample> {
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

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

