import * as vscode from 'vscode';
import { CLIENT_IDS, CLIENTS, type ClientId } from '../core/clients/clients';
import { httpOrigin } from '../core/urls';
import type { DoctorLog } from './log';
import { readSettings, saveSettings } from './settings';
import type { SetupProgress } from './setupProgress';
import type { TokenStore } from './tokenStore';

/** The words of the two setup commands: whole sentences with `{placeholders}`, in VS Code's display language. */
const SAY = {
  tokenTitle: () => vscode.l10n.t('Save your Crazyrouter token'),
  tokenPrompt: (origin: string) =>
    vscode.l10n.t('Paste the sk-… token you created for this client. It is kept in VS Code’s secret storage, for {origin} only.', { origin }),
  tokenEmpty: () => vscode.l10n.t('Paste the token (it starts with sk-).'),
  tokenShape: () => vscode.l10n.t('Crazyrouter tokens start with sk-; check that you copied the whole token and nothing else.'),
  tokenSaved: (hint: string, origin: string) => vscode.l10n.t('Token saved ({hint}) for {origin}.', { hint, origin }),
  clientTitle: () => vscode.l10n.t('Which AI client are you setting up?'),
  clientPlaceholder: () => vscode.l10n.t('Its checklist, URL rules and fixes are used from now on.'),
  clientCurrent: () => vscode.l10n.t('current'),
  clientSaved: (client: string) => vscode.l10n.t('Client set to {client}.', { client }),
};

/**
 * Crazyrouter: Save Token. Asks in a password box (never echoed, never in history), stores the token
 * in the secret storage bound to the origin of the base URL it will be used with (the same binding
 * as the panel's Save).
 */
export async function saveTokenCommand(tokens: TokenStore, log: DoctorLog): Promise<void> {
  const origin = httpOrigin(readSettings().baseUrl);
  if (!origin) return;
  const value = await vscode.window.showInputBox({
    title: SAY.tokenTitle(),
    prompt: SAY.tokenPrompt(origin),
    placeHolder: 'sk-…',
    password: true,
    ignoreFocusOut: true,
    validateInput: (text) => {
      const trimmed = text.trim();
      if (!trimmed) return SAY.tokenEmpty();
      return trimmed.startsWith('sk-') ? undefined : { message: SAY.tokenShape(), severity: vscode.InputBoxValidationSeverity.Warning };
    },
  });
  if (!value?.trim()) return;
  const secret = await tokens.store(value, origin);
  const saved = SAY.tokenSaved(secret.hint(), origin);
  log.info(saved);
  void vscode.window.showInformationMessage(saved);
}

/**
 * Crazyrouter: Choose Your AI Client. A quick pick of the clients the doctor knows (or a client id
 * given by the walkthrough's link), saved to the user setting crazyrouter.client.
 */
export async function pickClientCommand(progress: SetupProgress, given?: unknown): Promise<void> {
  const current = readSettings().client;
  let chosen: ClientId | undefined = (CLIENT_IDS as readonly unknown[]).includes(given) ? (given as ClientId) : undefined;
  if (!chosen) {
    const picked = await vscode.window.showQuickPick(
      CLIENT_IDS.map((id) => ({ id, label: CLIENTS[id].name, description: id === current ? SAY.clientCurrent() : undefined, picked: id === current })),
      { title: SAY.clientTitle(), placeHolder: SAY.clientPlaceholder() },
    );
    chosen = picked?.id;
  }
  if (!chosen) return;
  await saveSettings({ client: chosen });
  await progress.clientChosen();
  void vscode.window.setStatusBarMessage(SAY.clientSaved(CLIENTS[chosen].name), 4000);
}
