import type * as vscode from 'vscode';
import type { Ledger } from '../core/critical/criticalLedger';
import type { LedgerStore } from '../core/critical/criticalGate';

const KEY = 'crazyrouter.criticalLedger';

/**
 * The critical rate limit's ledger in VS Code's globalState: origins and times only, never a token
 * or an answer. The panel's runs and the status bar's checks share it, and so do other windows
 * (globalState is read again before every decision).
 */
export function globalStateLedgerStore(state: vscode.Memento): LedgerStore {
  return {
    load: () => state.get<unknown>(KEY),
    save: (ledger: Ledger) => state.update(KEY, ledger),
  };
}
