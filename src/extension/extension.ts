import * as vscode from 'vscode';
import { DoctorRunner } from './doctorRunner';
import { isEngineLoaded } from './engineLoader';
import { DoctorLog } from './log';
import { ChecklistTicks } from './panel/checklistTicks';
import { VerifyPanel, type PanelContext } from './panel/verifyPanel';
import { SECTION } from './settings';
import { HealthIndicator } from './statusBar/healthIndicator';
import { TokenStore } from './tokenStore';

/** What the extension exposes to its own integration tests. Not a public API. */
export interface DoctorTestApi {
  tokens: TokenStore;
  health: HealthIndicator;
  panel(): VerifyPanel | undefined;
  engineLoaded(): boolean;
}

/** Registers and returns: no I/O, no engine, no SDK. Everything heavy loads when a check runs. */
export function activate(context: vscode.ExtensionContext): DoctorTestApi {
  const tokens = new TokenStore(context.secrets);
  const log = new DoctorLog();
  const runner = new DoctorRunner(tokens, log);
  const health = new HealthIndicator(tokens, runner, log);
  const panelContext: PanelContext = {
    extensionUri: context.extensionUri,
    tokens,
    log,
    runner,
    ticks: new ChecklistTicks(context.globalState),
    onReport: (report) => health.applyReport(report),
  };
  context.subscriptions.push(
    log,
    health,
    vscode.commands.registerCommand('crazyrouter.verifySetup', () => void VerifyPanel.createOrShow(panelContext)),
    vscode.commands.registerCommand('crazyrouter.checkHealthNow', () => health.checkNow()),
    vscode.commands.registerCommand('crazyrouter.forgetToken', () => tokens.forget()),
    vscode.commands.registerCommand('crazyrouter.showOutput', () => log.show()),
    vscode.window.registerWebviewPanelSerializer(VerifyPanel.viewType, { deserializeWebviewPanel: async (panel) => void VerifyPanel.revive(panel, panelContext) }),
    tokens.onDidChange(() => void health.tokenChanged()),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(SECTION) && health.reschedule()),
    { dispose: () => VerifyPanel.current?.dispose() },
  );
  void health.start();
  return { tokens, health, panel: () => VerifyPanel.current, engineLoaded: isEngineLoaded };
}

export function deactivate(): void {}
