import { verify, type VerifyOptions } from '../../src/core/engine/verify';
import { parseProfile, type ProfileInput } from '../../src/core/profile';
import type { Report } from '../../src/core/report/report';
import { Secret } from '../../src/core/secret';
import type { Scenario } from '../../src/sandbox/scenarios';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/sandboxServer';

export interface ScenarioRun {
  report: Report;
  sandbox: Sandbox;
}

/** Starts the sandbox in a scenario, verifies against it as the scenario's user would, and closes it. */
export async function runScenario(
  scenario: string | Scenario,
  profile: Partial<ProfileInput> = {},
  options: VerifyOptions & Omit<SandboxOptions, 'scenario'> & { rewriteTypedUrl?: boolean } = {},
): Promise<ScenarioRun> {
  const sandbox = await startSandbox({ scenario, latencyMs: options.latencyMs, key: options.key, gateway: options.gateway, lang: options.lang });
  try {
    const typedUrl = options.rewriteTypedUrl ? profile.typedUrl?.replace('ORIGIN', sandbox.origin) : profile.typedUrl;
    const parsed = parseProfile({ baseUrl: sandbox.baseUrl, timeoutMs: sandbox.scenario.timeoutMs, ...profile, typedUrl }, Secret.of(sandbox.key));
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    // The sandbox's log holds a request as it answers it (a scenario's lagMs says otherwise), so
    // the log is read at once unless a test asks for the write grace (gatewayRecords tests it).
    const report = await verify(parsed.profile, { logGraceMs: 0, ...options });
    return { report, sandbox };
  } finally {
    await sandbox.close();
  }
}

export function resultOf(report: Report, id: string) {
  const result = report.results.find((r) => r.id === id);
  if (!result) throw new Error(`no result ${id}; have ${report.results.map((r) => r.id).join(', ')}`);
  return result;
}
