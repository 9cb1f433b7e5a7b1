// Full verification against the sandbox: a first run (the token waits for the tokenless probe),
// later runs (origin confirmed, everything concurrent), one check after another, and cancellation.
import { DEFAULT_CLIENT } from '../core/clients/clients';
import { planChecks } from '../core/checks/plan';
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
  /** The tokenless base-URL probe plus the slowest chain of token-carrying checks after it. */
  probeThenChainMs: number;
  completionTokens: number;
  chatProbes: number;
}

function profileFor(sandbox: Sandbox, mode: Profile['mode']): Profile {
  const parsed = parseProfile({ baseUrl: sandbox.baseUrl, client: DEFAULT_CLIENT, mode }, Secret.of(sandbox.key));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.profile;
}

/** Probe + the longest chain of token-carrying checks: auth → models, or any one other check on its own. */
function probeThenChain(profile: Profile, report: Report): number {
  const duration = (id: string) => report.results.find((r) => r.id === id)?.durationMs ?? 0;
  const tokenChecks = planChecks(profile).filter((c) => c.sendsToken);
  const chain = Math.max(duration('auth') + duration('models'), ...tokenChecks.map((c) => duration(c.id)));
  return duration('base-url') + chain;
}

/**
 * `confirmed`: a later run, whose origin an earlier run's tokenless probe already confirmed.
 * `records`: with the checks that read the gateway's own records after the probes (log, cost,
 * usage); without them, the run is the concurrent part alone, which the ratios measure.
 */
export async function sample(mode: Profile['mode'], concurrency: number, confirmed: boolean, records = false): Promise<Sample> {
  const sandbox = await startSandbox({ scenario: 'healthy', latencyMs: LATENCY_MS });
  try {
    const profile = profileFor(sandbox, mode);
    const checks = planChecks(profile).filter((c) => records || c.after === undefined);
    const started = performance.now();
    const report: Report = await verify(profile, { checks, concurrency, confirmedOrigins: confirmed ? new Set([sandbox.origin]) : undefined });
    const wallMs = performance.now() - started;
    if (report.verdict !== 'pass') throw new Error(`benchmark run did not pass: ${report.findings.map((f) => f.symptom).join(', ')}`);
    const slowest = report.results.reduce((a, b) => (b.durationMs > a.durationMs ? b : a));
    const chatRequests = sandbox.state.requests.filter((r) => r.path === '/v1/chat/completions' && r.authenticated);
    return {
      wallMs,
      slowestMs: slowest.durationMs,
      slowestId: slowest.id,
      probeThenChainMs: probeThenChain(profile, report),
      completionTokens: sandbox.state.completionTokensServed(),
      chatProbes: chatRequests.length,
    };
  } finally {
    await sandbox.close();
  }
}

/** ms from cancelling a run whose chat calls hang until every request has ended at the gateway. */
export async function cancelLatency(): Promise<number> {
  const sandbox = await startSandbox({ scenario: 'slow-headers' });
  try {
    const parsed = parseProfile({ baseUrl: sandbox.baseUrl, timeoutMs: 30_000 }, Secret.of(sandbox.key));
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const controller = new AbortController();
    const run = verify(parsed.profile, { signal: controller.signal, confirmedOrigins: new Set([sandbox.origin]) });
    while (sandbox.inFlight() < 3) await new Promise((r) => setTimeout(r, 5));
    const cancelledAt = performance.now();
    controller.abort();
    await run;
    while (sandbox.inFlight() > 0) await new Promise((r) => setTimeout(r, 1));
    return performance.now() - cancelledAt;
  } finally {
    await sandbox.close();
  }
}

export const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
