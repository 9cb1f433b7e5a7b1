import type * as vscode from 'vscode';

const APPROVED = 'crazyrouter.approvedOrigins';
const CONFIRMED = 'crazyrouter.confirmedOrigins';
/** A tokenless probe's confirmation is trusted this long; after that the next run probes first again. */
export const CONFIRMATION_DAYS = 7;

/**
 * What the extension remembers about origins, in globalState (origins only, never a token):
 * - approved: the user agreed, in a modal naming it, to send the token there (besides its own origin);
 * - confirmed: a tokenless probe showed the origin is the gateway's API, so a later run's
 *   token-carrying checks need not wait for the probe.
 */
export class OriginMemory {
  constructor(private readonly state: vscode.Memento) {}

  isApproved(origin: string): boolean {
    return this.state.get<string[]>(APPROVED, []).includes(origin);
  }

  async approve(origin: string): Promise<void> {
    if (!this.isApproved(origin)) await this.state.update(APPROVED, [...this.state.get<string[]>(APPROVED, []), origin]);
  }

  confirmed(now = Date.now()): Set<string> {
    const all = this.state.get<Record<string, number>>(CONFIRMED, {});
    return new Set(
      Object.entries(all)
        .filter(([, at]) => now - at < CONFIRMATION_DAYS * 86_400_000)
        .map(([origin]) => origin),
    );
  }

  async confirm(origin: string, now = Date.now()): Promise<void> {
    await this.state.update(CONFIRMED, { ...this.state.get<Record<string, number>>(CONFIRMED, {}), [origin]: now });
  }

  async forgetAll(): Promise<void> {
    await this.state.update(APPROVED, undefined);
    await this.state.update(CONFIRMED, undefined);
  }
}
