import * as vscode from 'vscode';
import { ChatAdder } from './chatAdder';
import { ChatTester, describeChatTest } from './chatTester';
import { globalStateLedgerStore } from './criticalLedgerStore';
import { DoctorRunner } from './doctorRunner';
import { isEngineLoaded } from './engineLoader';
import { DoctorLog } from './log';
import { loadedPanel, loadPanel } from './panelLoader';
import type { PanelContext, VerifyPanel } from './panel/verifyPanel';
import { readSettings, SECTION } from './settings';
import { HealthIndicator } from './statusBar/healthIndicator';
import { OriginMemory } from './originMemory';
import { TokenStore } from './tokenStore';

/** The serializer's and the panel's view type (kept here so activation needs no panel code). */
const PANEL_VIEW_TYPE = 'crazyrouter.verifySetup';

/** What the extension exposes to its own integration tests. Not a public API. */
export interface DoctorTestApi {
  tokens: TokenStore;
  origins: OriginMemory;
  runner: DoctorRunner;
  health: HealthIndicator;
  chat: ChatAdder;
  chatTester: ChatTester;
  panel(): VerifyPanel | undefined;
  engineLoaded(): boolean;
  panelLoaded(): boolean;
}

/**
 * Registers and returns: no I/O, no engine, no SDK, no panel code. dist/panel.js loads when the
 * panel opens; dist/engine.js (engine and openai SDK) when a check runs.
 */
export function activate(context: vscode.ExtensionContext): DoctorTestApi {
  const tokens = new TokenStore(context.secrets);
  const origins = new OriginMemory(context.globalState);
  const log = new DoctorLog();
  const runner = new DoctorRunner(tokens, origins, log, globalStateLedgerStore(context.globalState));
  const health = new HealthIndicator(tokens, runner, log, context.globalState);
  const chat = new ChatAdder(context.globalStorageUri, log);
  const chatTester = new ChatTester(log);
  let panelContext: PanelContext | undefined;
  const panels = () => {
    const module = loadPanel();
    panelContext ??= {
      extensionUri: context.extensionUri,
      tokens,
      log,
      runner,
      ticks: new module.ChecklistTicks(context.globalState),
      onReport: (report) => void health.applyReport(report, 'panel'),
      lastResult: () => health.last,
      chat,
      chatTester,
      onDidChangeLast: health.onDidChangeLast,
      healthSnapshot: () => health.snapshot,
    };
    return { VerifyPanel: module.VerifyPanel, panelContext };
  };
  context.subscriptions.push(
    log,
    health,
    chat,
    vscode.commands.registerCommand('crazyrouter.verifySetup', (args?: { from?: string }) => {
      const loaded = panels();
      loaded.VerifyPanel.createOrShow(loaded.panelContext, args?.from === 'status-bar');
    }),
    vscode.commands.registerCommand('crazyrouter.checkHealthNow', () => health.checkNow()),
    vscode.commands.registerCommand('crazyrouter.forgetToken', async () => {
      await tokens.forget();
      await origins.forgetAll();
    }),
    vscode.commands.registerCommand('crazyrouter.showOutput', () => log.show()),
    vscode.commands.registerCommand('crazyrouter.addToVsCodeChat', async () => {
      const { models, baseUrl } = readSettings();
      const outcome = await chat.add(models, baseUrl);
      void (outcome.ok ? vscode.window.showInformationMessage(outcome.message) : vscode.window.showWarningMessage(outcome.message));
    }),
    vscode.commands.registerCommand('crazyrouter.testVsCodeChat', async () => {
      const { models, timeoutMs } = readSettings();
      const test = await chatTester.test(models, timeoutMs, await tokens.get());
      const text = describeChatTest(test);
      void (test.outcome === 'answered' ? vscode.window.showInformationMessage(text) : vscode.window.showWarningMessage(text));
    }),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => {
        const loaded = panels();
        loaded.VerifyPanel.revive(panel, loaded.panelContext);
      },
    }),
    tokens.onDidChange(() => void health.tokenChanged()),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(SECTION) && health.reschedule()),
    { dispose: () => loadedPanel()?.VerifyPanel.current?.dispose() },
  );
  void health.start();
  return {
    tokens,
    origins,
    runner,
    health,
    chat,
    chatTester,
    panel: () => loadedPanel()?.VerifyPanel.current,
    engineLoaded: isEngineLoaded,
    panelLoaded: () => loadedPanel() !== undefined,
  };
}

export function deactivate(): void {}
