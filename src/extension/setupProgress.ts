import * as vscode from 'vscode';
import type { Report } from '../core/report/report';
import { CONTEXT_KEYS } from './manifestNames';
import { SECTION } from './settings';
import type { TokenStore } from './tokenStore';

type Key = keyof typeof CONTEXT_KEYS;

const CLIENT_CHOSEN = 'crazyrouter.walkthrough.clientChosen';
const LAST_FULL_RUN = 'crazyrouter.walkthrough.lastFullRun';

/** The last full run: its verdict, and when the token it ran with was saved (a run belongs to its token). */
interface LastRun {
  verdict: Report['verdict'];
  tokenSavedAt: string | null;
}

/**
 * How far the user got in setting up, as context keys: a token is stored; a client was chosen (in
 * the picker, in the panel, or in the settings); a full run of the checks finished with the stored
 * token (in the panel or by the language-model tool: a new token starts afresh); and that run had
 * nothing failing. Kept in globalState (a verdict, a time and a flag, never a token), so the
 * walkthrough shows the same after a reload.
 */
export class SetupProgress {
  /** What was last set, for the extension's own tests (VS Code offers no way to read a context key). */
  readonly values: Record<Key, boolean> = { tokenStored: false, clientChosen: false, hasRun: false, nothingFailing: false };

  constructor(
    private readonly tokens: TokenStore,
    private readonly memory: vscode.Memento,
  ) {}

  /** Recomputes every key and sets the ones that changed. */
  async refresh(): Promise<void> {
    const client = vscode.workspace.getConfiguration(SECTION).inspect('client');
    const tokenStored = await this.tokens.has();
    const kept = this.memory.get<LastRun>(LAST_FULL_RUN);
    const lastRun = tokenStored && kept?.tokenSavedAt === ((await this.tokens.savedAt()) ?? null) ? kept.verdict : undefined;
    await this.set({
      tokenStored,
      clientChosen: this.memory.get<boolean>(CLIENT_CHOSEN, false) || client?.globalValue !== undefined,
      hasRun: lastRun !== undefined,
      nothingFailing: lastRun === 'pass' || lastRun === 'warn',
    });
  }

  /** The user chose a client (the picker or a run from the panel). */
  async clientChosen(): Promise<void> {
    await this.memory.update(CLIENT_CHOSEN, true);
    await this.refresh();
  }

  /** A full run finished (a health check is not one: it runs no completions). */
  async runFinished(report: Report): Promise<void> {
    if (report.target.mode !== 'full' || report.verdict === 'cancelled') return;
    await this.memory.update(LAST_FULL_RUN, { verdict: report.verdict, tokenSavedAt: (await this.tokens.savedAt()) ?? null } satisfies LastRun);
    await this.refresh();
  }

  private async set(next: Record<Key, boolean>): Promise<void> {
    for (const key of Object.keys(next) as Key[]) {
      await vscode.commands.executeCommand('setContext', CONTEXT_KEYS[key], next[key]);
      this.values[key] = next[key];
    }
  }
}
