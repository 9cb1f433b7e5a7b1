import type { ClientId } from '../../core/clients/clients';
import type { Engine } from '../engineLoader';

/**
 * Runs the engine once, unseen, against the built-in sandbox gateway (in this process, on
 * loopback; a key of the sandbox's own, never the user's; no budget, no log, no status bar), so the
 * code a run goes through is compiled before the user's first Run. Measured in the e2e before it:
 * the engine's own first run took about 100 ms longer than later ones. Stops as soon as `signal`
 * aborts (a real run begins, or the panel closes). Resolves whether it ran to the end.
 */
export async function warmUpEngine(engine: Engine, client: ClientId, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return false;
  const sandbox = await engine.startSandbox({ scenario: 'healthy' });
  try {
    const parsed = engine.parseProfile({ baseUrl: sandbox.baseUrl, client, models: ['gpt-5.4'] }, engine.Secret.of(sandbox.key));
    if (parsed.ok && !signal.aborted) await engine.verify(parsed.profile, { signal, confirmedOrigins: new Set([sandbox.origin]) });
    return parsed.ok && !signal.aborted;
  } finally {
    await sandbox.close();
  }
}
