import * as vscode from 'vscode';
import { loadEngine } from './engineLoader';
import type { DoctorLog } from './log';
import { userDataIsHere } from './whereThisRuns';

const SCHEME = 'crazyrouter-proposed';
const MANAGE_MODELS = 'workbench.action.chat.manage';

export type AddOutcome = { ok: boolean; message: string };

/** Asks, in a modal, whether to write the group that the diff shows. */
export type ConfirmWrite = (file: string, replaced: boolean) => Promise<boolean>;

const confirmInModal: ConfirmWrite = async (file, replaced) => {
  const add = replaced ? vscode.l10n.t('Replace the Crazyrouter group') : vscode.l10n.t('Add the Crazyrouter group');
  const answer = await vscode.window.showInformationMessage(
    replaced
      ? vscode.l10n.t('Replace the Crazyrouter group in chatLanguageModels.json?')
      : vscode.l10n.t('Add the Crazyrouter group in chatLanguageModels.json?'),
    {
      modal: true,
      detail: vscode.l10n.t(
        '{file}\n\nThe diff shows exactly what changes; every other entry stays as it is. No key is written: VS Code asks for it in Chat: Manage Language Models and keeps it as a secret.',
        { file },
      ),
    },
    add,
  );
  return answer === add;
};

/**
 * "Add Crazyrouter to VS Code chat" (clients-logs-pricing.md §1.2–§1.4): the Crazyrouter group for
 * the current profile's chatLanguageModels.json, shown as a diff, written only after the user
 * agrees, keeping every other entry and the file's formatting. The key is never written.
 */
export class ChatAdder implements vscode.Disposable {
  /** How the write is confirmed (tests replace it). */
  confirm: ConfirmWrite = confirmInModal;
  private readonly proposed = new Map<string, string>();
  private provider?: vscode.Disposable;

  constructor(
    private readonly globalStorageUri: vscode.Uri,
    private readonly log: DoctorLog,
  ) {}

  /** The window's profile folder: globalStorageUri is <profile>/globalStorage/<extension id> (§1.2, an inference from VS Code's layout). */
  get profileFolder(): vscode.Uri {
    return vscode.Uri.joinPath(this.globalStorageUri, '..', '..');
  }

  /** The profile's chatLanguageModels.json. */
  get file(): vscode.Uri {
    return vscode.Uri.joinPath(this.profileFolder, 'chatLanguageModels.json');
  }

  /** Whether that file is on the machine the extension runs on (not under a Remote extension: §1.2). */
  get settingsAreHere(): boolean {
    return userDataIsHere();
  }

  async add(models: readonly string[], baseUrl: string): Promise<AddOutcome> {
    if (!this.settingsAreHere)
      return { ok: false, message: vscode.l10n.t('VS Code’s chat settings live on your local computer; open a local window to add Crazyrouter to them.') };
    if (models.length === 0) return { ok: false, message: vscode.l10n.t('Choose at least one model first.') };
    const before = await this.read();
    const engine = loadEngine();
    let proposed: { text: string; replaced: boolean };
    try {
      proposed = engine.withChatGroup(before ?? '', engine.crazyrouterGroup(models, baseUrl));
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    const right = this.show(proposed.text);
    const left = before === undefined ? this.show('') : this.file;
    // Beside the panel, so the user reads the change next to the results that led to it.
    await vscode.commands.executeCommand('vscode.diff', left, right, vscode.l10n.t('chatLanguageModels.json ↔ with Crazyrouter (proposed)'), {
      preview: true,
      viewColumn: vscode.ViewColumn.Beside,
    });
    let agreed: boolean;
    try {
      agreed = await this.confirm(this.file.fsPath, proposed.replaced);
    } finally {
      await this.closeProposals();
    }
    if (!agreed) return { ok: false, message: vscode.l10n.t('Nothing was written.') };
    if ((await this.read()) !== before)
      return { ok: false, message: vscode.l10n.t('chatLanguageModels.json changed meanwhile; nothing was written. Try again.') };
    await vscode.workspace.fs.writeFile(this.file, new TextEncoder().encode(proposed.text));
    this.log.info(`${proposed.replaced ? 'Replaced' : 'Added'} the Crazyrouter group in ${this.file.fsPath} (${models.join(', ')}).`);
    void this.offerKeyEntry();
    return {
      ok: true,
      message: vscode.l10n.t('Crazyrouter is in VS Code chat ({models}). Enter your token in Chat: Manage Language Models; it is kept as a secret there.', {
        models: models.join(', '),
      }),
    };
  }

  private async read(): Promise<string | undefined> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(this.file));
    } catch {
      return undefined;
    }
  }

  /** A read-only document with the proposed text, for the diff. */
  private show(text: string): vscode.Uri {
    this.provider ??= vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
      provideTextDocumentContent: (uri) => this.proposed.get(uri.toString()) ?? '',
    });
    const uri = vscode.Uri.from({ scheme: SCHEME, path: '/chatLanguageModels.json', query: String(this.proposed.size) });
    this.proposed.set(uri.toString(), text);
    return uri;
  }

  /** Once the user has answered, the proposal is stale: its diff tabs close. */
  private async closeProposals(): Promise<void> {
    const stale = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .filter((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.scheme === SCHEME);
    if (stale.length > 0) await vscode.window.tabGroups.close(stale);
  }

  private async offerKeyEntry(): Promise<void> {
    const open = vscode.l10n.t('Open Manage Language Models');
    if (
      (await vscode.window.showInformationMessage(vscode.l10n.t('Enter your Crazyrouter token for the new models in Chat: Manage Language Models.'), open)) !==
      open
    )
      return;
    await Promise.resolve(vscode.commands.executeCommand(MANAGE_MODELS)).catch(() =>
      vscode.window.showInformationMessage(
        vscode.l10n.t('This VS Code has no Chat: Manage Language Models; update VS Code (1.122 or later has Custom Endpoint models).'),
      ),
    );
  }

  dispose(): void {
    this.provider?.dispose();
  }
}
