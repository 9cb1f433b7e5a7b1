import { homedir } from 'node:os';
import * as vscode from 'vscode';
import type { CheckEvent } from '../../core/engine/events';
import { clientViews } from '../../core/protocol/clientViews';
import { fitMessage } from '../../core/protocol/fitMessage';
import {
  HostMessageSchema,
  WebviewMessageSchema,
  type HostMessage,
  type PanelSettings,
  type ReplyBody,
  type WebviewMessage,
} from '../../core/protocol/panelProtocol';
import type { ClientId } from '../../core/clients/clients';
import { httpOrigin } from '../../core/urls';
import type { Report } from '../../core/report/report';
import type { ChatAdder } from '../chatAdder';
import type { ChatTester } from '../chatTester';
import type { DoctorRunner } from '../doctorRunner';
import { whereThisRuns } from '../whereThisRuns';
import { loadEngine } from '../engineLoader';
import type { DoctorLog } from '../log';
import { readSettings, saveSettings } from '../settings';
import type { TokenStore } from '../tokenStore';
import type { HealthSnapshot } from '../statusBar/healthState';
import type { LastResult } from '../statusBar/healthIndicator';
import { ChecklistTicks } from './checklistTicks';
import { warmUpEngine } from './engineWarmUp';
import { localResourceRoots, panelHtml, panelTitle } from './panelHtml';
import { abandonedRunMessage, loggedResultMessages, replayMessages, runFinishedMessage } from './reportMessages';

type Reply = ReplyBody;
const DONE: Reply = { ok: true };
const info = (text: string): Reply => ({ ok: true, notice: { level: 'info', text } });
const refused = (text: string): Reply => ({ ok: false, notice: { level: 'error', text } });

/** The form's values as settings; a base URL that is not an http(s) URL yet is not saved. */
function usableSettings(settings: PanelSettings): Partial<Pick<PanelSettings, 'baseUrl' | 'client' | 'models'>> {
  const { baseUrl, client, models } = settings;
  return httpOrigin(baseUrl) ? { baseUrl, client, models } : { client, models };
}

export interface PanelContext {
  extensionUri: vscode.Uri;
  tokens: TokenStore;
  log: DoctorLog;
  runner: DoctorRunner;
  ticks: ChecklistTicks;
  /** Called with every finished full run, so the status bar can reflect it. */
  onReport(report: Report): void;
  /** The newest finished report (the status bar's or a panel run's), shown when the panel opens without one. */
  lastResult(): LastResult | undefined;
  onDidChangeLast: vscode.Event<LastResult>;
  chat: ChatAdder;
  chatTester: ChatTester;
  healthSnapshot(): HealthSnapshot;
}

/** The one "Crazyrouter: Verify Setup" panel: revealed if open, revived after a reload. */
export class VerifyPanel implements vscode.Disposable {
  /** Must match PANEL_VIEW_TYPE in extension.ts and the manifest's onWebviewPanel event. */
  static readonly viewType = 'crazyrouter.verifySetup';
  static current?: VerifyPanel;

  private readonly disposables: vscode.Disposable[] = [];
  private run?: { id: number; abort: AbortController };
  /** The scan under way, stopped when the panel closes. */
  private scan?: AbortController;
  private runCounter = 0;
  private lastReport?: Report;
  /** The webview shows a kept result, not one of its own runs: a newer kept one replaces it. */
  private showsKept = true;
  /** When the run behind what the webview shows started (a newer kept result may replace it on a status-bar click). */
  private shownStartedAt = 0;
  private snippets: string[] = [];
  private disposed = false;
  /** Messages that failed validation (for tests and the log). */
  dropped = 0;
  /** The preparation started once the panel painted: resolves to the client it prepared for (for tests). */
  prepared?: Promise<ClientId | undefined>;
  /** The unseen warm-up run after painting; a real run (or closing) stops it. */
  private warmUp?: AbortController;

  /** Opens the panel, or reveals it; from the status bar, an open panel also takes the newer kept result. */
  static createOrShow(context: PanelContext, fromStatusBar = false): VerifyPanel {
    if (VerifyPanel.current) {
      VerifyPanel.current.panel.reveal(vscode.ViewColumn.Active);
      if (fromStatusBar) VerifyPanel.current.restoreLastResult(true);
      return VerifyPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(VerifyPanel.viewType, panelTitle(), vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: localResourceRoots(context.extensionUri),
    });
    return new VerifyPanel(panel, context);
  }

  static revive(panel: vscode.WebviewPanel, context: PanelContext): VerifyPanel {
    VerifyPanel.current?.dispose();
    panel.webview.options = { enableScripts: true, localResourceRoots: localResourceRoots(context.extensionUri) };
    return new VerifyPanel(panel, context);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly context: PanelContext,
  ) {
    VerifyPanel.current = this;
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.svg');
    panel.webview.html = panelHtml(panel.webview, context.extensionUri);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      context.tokens.onDidChange(() => void this.postTokenState()),
      context.onDidChangeLast(() => this.showsKept && this.restoreLastResult()),
    );
  }

  /** Validates a message from the webview; a malformed one is dropped and logged (never its content). */
  async receive(raw: unknown): Promise<void> {
    const parsed = WebviewMessageSchema.safeParse(raw);
    if (!parsed.success) {
      this.dropped++;
      const where = parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ');
      this.context.log.warn(`Dropped a malformed message from the panel (${where}).`);
      // Still answered when it names a request, so nothing in the panel waits for ever.
      const requestId = (raw as { requestId?: unknown } | null)?.requestId;
      if (typeof requestId === 'number' && Number.isInteger(requestId) && requestId >= 0)
        this.post({ type: 'reply', requestId, ...refused(vscode.l10n.t('The panel sent a message the extension cannot read; see Output → Crazyrouter.')) });
      return;
    }
    let reply: Reply;
    try {
      reply = (await this.handle(parsed.data)) ?? DONE;
    } catch (error) {
      this.context.log.error(`Panel action ${parsed.data.type} failed: ${error instanceof Error ? error.message : String(error)}`);
      reply = refused(vscode.l10n.t('That did not work; see Output → Crazyrouter for details.'));
    }
    this.post({ type: 'reply', requestId: parsed.data.requestId, ...reply });
  }

  private async handle(message: WebviewMessage): Promise<Reply | void> {
    switch (message.type) {
      case 'ready':
        return this.postInit();
      case 'painted':
        return this.prepareRun(message.client);
      case 'saveToken': {
        const secret = await this.context.tokens.store(message.token, httpOrigin(message.baseUrl));
        this.context.log.info(`Token saved to the secret storage (${secret.hint()}), bound to ${await this.context.tokens.origin()}.`);
        return this.postTokenState();
      }
      case 'forgetToken':
        await this.context.tokens.forget();
        this.context.log.info('Token removed from the secret storage.');
        return this.postTokenState();
      case 'run':
        return this.startRun(message.settings, message.demo);
      case 'cancel':
        return this.cancel();
      case 'copyReport':
        return this.copyReport();
      case 'openOutput':
        return this.context.log.show();
      case 'saveSettings':
        return saveSettings(usableSettings(message.settings));
      case 'tickChecklist':
        return this.context.ticks.set(message.client, message.itemId, message.checked);
      case 'discover':
        return this.discover();
      case 'copySnippet':
        return this.copySnippet(message.index);
      case 'addToVsCodeChat':
        return this.addToVsCodeChat(message.settings);
      case 'testVsCodeChat':
        return this.testVsCodeChat(message.settings);
    }
  }

  /**
   * The panel has painted: load the engine (and the Anthropic SDK for a client that speaks its
   * protocol) while the user reads the form, so the first Run does not pay for it; then run it once
   * unseen against the built-in sandbox (engineWarmUp.ts), stopped by a real run. Deferred a tick
   * so the reply to `painted` goes out first.
   */
  private prepareRun(client: ClientId): Reply {
    this.prepared = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(async () => {
      if (this.disposed) return undefined;
      const started = performance.now();
      try {
        await loadEngine().prepareFor(client);
        this.context.log.debug(`Prepared the engine for a ${client} run in ${Math.round(performance.now() - started)} ms, after the panel painted.`);
        // Once per panel, and never beside a run (a reloaded webview paints again).
        if (this.disposed || this.run || this.warmUp) return client;
        const warmUp = (this.warmUp = new AbortController());
        const warmStarted = performance.now();
        void warmUpEngine(loadEngine(), client, warmUp.signal).then(
          (finished) =>
            this.context.log.debug(
              finished ? `Warmed the engine up against the sandbox in ${Math.round(performance.now() - warmStarted)} ms.` : 'Warm-up stopped by a run.',
            ),
          (error: unknown) => this.context.log.debug(`Warm-up stopped: ${error instanceof Error ? error.message : String(error)}`),
        );
        return client;
      } catch (error) {
        this.context.log.error(`Could not prepare the engine: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    });
    return DONE;
  }

  /**
   * Sends a message after fitting it to the shared schema: text a gateway made too long is cut
   * (the whole of it goes to the log); a message wrong in shape is not sent. A check result that
   * cannot be sent is replaced by a plain one, so no row keeps spinning.
   */
  post(message: HostMessage): boolean {
    if (this.disposed) return false;
    const fitted = fitMessage(HostMessageSchema, message, (cut) =>
      this.context.log.info(`Shortened ${message.type}.${cut.path} for the panel; in full: ${cut.full}`),
    );
    if (fitted) {
      void this.panel.webview.postMessage(fitted);
      return true;
    }
    this.context.log.error(`Refused to send an invalid ${message.type} message to the panel.`);
    if (message.type === 'checkFinished') {
      const { id, kind, title, status } = message.result;
      return this.post({
        ...message,
        finding: undefined,
        result: {
          id: id.slice(0, 250),
          kind,
          title: title.slice(0, 300),
          status,
          durationMs: 0,
          summary: vscode.l10n.t('This result could not be shown here; it is in Output → Crazyrouter.'),
          details: [],
          metrics: {},
          evidence: [],
        },
      });
    }
    return false;
  }

  private async postInit(): Promise<void> {
    this.showsKept = true;
    const settings = readSettings();
    const secret = await this.context.tokens.get();
    this.post({
      type: 'init',
      tokenHint: secret ? secret.hint() : null,
      settings: { baseUrl: settings.baseUrl, client: settings.client, models: settings.models },
      clients: clientViews(),
      ticks: this.context.ticks.all(),
      // The webview's own strings, in VS Code's display language (none: English).
      l10n: vscode.l10n.bundle,
    });
    this.restoreLastResult();
  }

  /**
   * A webview that has just loaded (opened from the status bar, or reloaded) shows the newest result
   * kept in memory, and what to do about it; when the status bar's newest check produced no report
   * (it could not check, or would not send the token), it says why. `onlyIfNewer`: keep what the
   * panel shows unless the kept result is newer (a status-bar click on an open panel).
   */
  restoreLastResult(onlyIfNewer = false): void {
    if (this.run) return;
    const last = this.context.lastResult();
    const startedAt = last ? Date.parse(last.report.startedAt) : 0;
    if (last && !(onlyIfNewer && startedAt <= this.shownStartedAt)) {
      this.lastReport = last.report;
      this.shownStartedAt = startedAt;
      const source = { kind: last.source, at: last.at.toISOString(), restored: true };
      for (const message of replayMessages(last.report, ++this.runCounter, source)) this.post(message);
    }
    const health = this.context.healthSnapshot();
    const healthIsNewer = health.checkedAt !== undefined && (!last || health.checkedAt.getTime() > last.at.getTime() + 1_000);
    if ((health.level === 'failing' || health.level === 'warning') && healthIsNewer)
      this.post({
        type: 'notice',
        level: health.level === 'failing' ? 'error' : 'info',
        text: vscode.l10n.t('Status bar: {headline}', { headline: health.headline }),
      });
  }

  private async postTokenState(): Promise<Reply> {
    const secret = await this.context.tokens.get();
    this.post({ type: 'tokenState', tokenHint: secret ? secret.hint() : null });
    return DONE;
  }

  /** Runs the checks; the reply comes when the run has ended (or was refused before it began). */
  private async startRun(settings: PanelSettings, demo: boolean): Promise<Reply> {
    this.cancel();
    const id = ++this.runCounter;
    const abort = new AbortController();
    this.run = { id, abort };
    // The settings are written while the run goes on: a first Run after typing a new base URL or
    // models need not wait for settings.json (measured in the e2e: about 400 ms of a 1.7 s first run).
    const saved = demo
      ? undefined
      : saveSettings(usableSettings(settings)).catch((error: unknown) =>
          this.context.log.error(`Could not save the settings: ${error instanceof Error ? error.message : String(error)}`),
        );
    const typedUrl = demo ? undefined : settings.typedUrl;
    const source = { kind: 'panel' as const, at: new Date().toISOString(), restored: false };
    let started = false;
    let finished = false;
    const onEvent = (event: CheckEvent) => {
      if (this.run?.id !== id) return;
      if (event.type === 'planned') {
        this.showsKept = false;
        started = true;
        this.post({ type: 'runStarted', runId: id, demo, source, checks: event.checks });
      } else if (event.type === 'started') this.post({ type: 'checkStarted', runId: id, id: event.id });
      else if (event.type === 'finished')
        this.post({ type: 'checkFinished', runId: id, result: event.result, finding: loadEngine().findingsFor([event.result], settings.client)[0] });
    };
    try {
      const outcome = await this.context.runner.run(
        { ...settings, typedUrl, timeoutMs: readSettings().timeoutMs, mode: 'full', demo, interactive: true },
        abort.signal,
        onEvent,
      );
      const current = this.run?.id === id;
      if (!outcome.ok) return refused(outcome.reason);
      const { report } = outcome;
      // A cancelled or superseded run says nothing about the token now: the report and the status bar keep what they had.
      if (current && report.verdict !== 'cancelled') {
        this.lastReport = report;
        this.shownStartedAt = Date.parse(report.startedAt);
        if (!demo) this.context.onReport(report);
      }
      for (const message of loggedResultMessages(report, id)) this.post(message);
      this.post(runFinishedMessage(report, id));
      finished = true;
      if (report.visibleModels.length > 0) this.post({ type: 'models', ids: report.visibleModels.slice(0, 500), total: report.visibleModels.length });
      return DONE;
    } finally {
      if (this.run?.id === id) this.run = undefined;
      // Whatever went wrong after the run began, the panel hears that it ended: no row keeps spinning.
      if (started && !finished) this.post(abandonedRunMessage(id, settings.client));
      // The reply waits for the settings, so the next Run never overlaps this one's save.
      await saved;
    }
  }

  /**
   * Reads (never writes) the clients' config files and databases in HOME and the open folders,
   * judged against the base URL in the settings; closing the panel stops it.
   */
  private async discover(): Promise<Reply> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
    const { chat } = this.context;
    const chatProfiles = chat.settingsAreHere && chat.profileFolder.scheme === 'file' ? [chat.profileFolder.fsPath] : [];
    this.scan?.abort();
    const scan = (this.scan = new AbortController());
    const engine = loadEngine();
    let found;
    try {
      found = await engine.discoverConfigs({
        home: process.env.HOME || homedir(),
        env: process.env,
        workspaceFolders: folders,
        chatProfiles,
        baseUrl: readSettings().baseUrl,
        signal: scan.signal,
      });
    } catch (error) {
      if (scan.signal.aborted) return info(vscode.l10n.t('The scan was stopped.'));
      throw error;
    } finally {
      if (this.scan === scan) this.scan = undefined;
    }
    this.snippets = found.map((f) => f.snippet);
    this.context.log.info(
      `Scanned client configurations: ${found.length} found${found.length ? ` (${[...new Set(found.map((f) => f.client))].join(', ')})` : ''}.`,
    );
    this.post({
      type: 'discovered',
      machine: whereThisRuns(),
      // chatLanguageModels.json lives with the VS Code window, not on the remote (clients-logs-pricing.md §1.2).
      note: !chat.settingsAreHere
        ? vscode.l10n.t('VS Code’s own chat settings (chatLanguageModels.json) stay on your local computer and are not read from here.')
        : undefined,
      configs: found.map(({ client, file, entry, baseUrl, predictedUrl, valueToType, tokenSource, notRead, problems, sharesTokenWith, snippet }) => ({
        client,
        file,
        entry,
        baseUrl,
        predictedUrl,
        valueToType,
        tokenSource,
        notRead,
        problems,
        sharesTokenWith,
        snippet,
      })),
      checklist: engine.scanChecklist(found),
    });
    return DONE;
  }

  private async copySnippet(index: number): Promise<Reply> {
    const snippet = this.snippets[index];
    if (snippet === undefined) return refused(vscode.l10n.t('That snippet is gone; scan again.'));
    await vscode.env.clipboard.writeText(snippet);
    return info(vscode.l10n.t('Corrected snippet copied. Paste it into the file yourself; the doctor never edits your clients’ files.'));
  }

  /** The models to add: the chosen ones the token may use (the last run's model list), else the chosen ones. */
  private async addToVsCodeChat(settings: PanelSettings): Promise<Reply> {
    const visible = new Set(this.lastReport?.visibleModels ?? []);
    const allowed = settings.models.filter((m) => visible.has(m));
    const outcome = await this.context.chat.add(allowed.length > 0 ? allowed : settings.models, settings.baseUrl);
    return outcome.ok ? info(outcome.message) : refused(outcome.message);
  }

  /** One request through VS Code's own chat to a configured Custom Endpoint model, after the user agrees. */
  private async testVsCodeChat(settings: PanelSettings): Promise<Reply> {
    const test = await this.context.chatTester.test(settings.models, readSettings().timeoutMs, await this.context.tokens.get());
    this.post({ type: 'chatTested', test });
    if (test.outcome === 'answered') return info(vscode.l10n.t('VS Code chat answered in {ms} ms.', { ms: test.latencyMs ?? 0 }));
    return test.outcome === 'not-sent'
      ? info(test.problem ?? vscode.l10n.t('Nothing was sent.'))
      : refused(test.problem ?? vscode.l10n.t('VS Code chat did not answer.'));
  }

  cancel(): void {
    this.warmUp?.abort();
    this.run?.abort.abort();
    this.run = undefined;
  }

  private async copyReport(): Promise<Reply> {
    if (!this.lastReport) return info(vscode.l10n.t('Run the checks first; then the report can be copied.'));
    await vscode.env.clipboard.writeText(loadEngine().renderMarkdown(this.lastReport));
    return info(vscode.l10n.t('Report copied to the clipboard as Markdown (the token is not in it).'));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.cancel();
    this.scan?.abort();
    if (VerifyPanel.current === this) VerifyPanel.current = undefined;
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
