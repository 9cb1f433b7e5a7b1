import * as l10n from '@vscode/l10n';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { ClientView, FindingView, HostMessage, PanelSettings, RunSource } from '../core/protocol/panelProtocol';
import { onHostMessage, post, request, savedSettings, saveSettingsState, type Reply } from './bridge';
import { h, icon, replaceChildren } from './dom';
import { ChecklistView } from './views/checklistView';
import { DiscoveredList } from './views/discoveredView';
import { ResultsList } from './views/resultsList';
import { SetupForm } from './views/setupForm';
import { SpendView } from './views/spendView';
import { sourceLabel, SymptomTable } from './views/symptomTable';
import { VsCodeChatView } from './views/vscodeChatView';
import { useBundle } from './useBundle';

/**
 * The Verify Setup panel. Before a result the setup form leads; after one, the verdict and the
 * failing checks (each with its fix and guide row) lead, and the setup folds into one line.
 */
class PanelApp {
  private clients: ClientView[] = [];
  private ticks: Record<string, string[]> = {};
  private run?: { id: number; source: RunSource };
  /** The user pressed Run here; the run that starts next is theirs, and focus follows it. */
  private ranHere = false;
  private focusRunId?: number;
  private matched = new Map<string, 'fail' | 'warn'>();
  private readonly notice = h('div', { id: 'notice', class: 'notice', hidden: true });
  /** Live regions exist before they speak (one that appears with its text is often not read). */
  private readonly liveStatus = h('div', { id: 'live-status', class: 'visually-hidden', role: 'status' });
  private readonly liveAlert = h('div', { id: 'live-alert', class: 'visually-hidden', role: 'alert' });
  private readonly tagline = h(
    'p',
    { class: 'muted tagline' },
    l10n.t('Checks your token, base URL, models, streaming, tool calls and quota, and says exactly what to fix.'),
  );
  private readonly layout = h('div', { class: 'layout', 'data-mode': 'setup' });
  private readonly showNotice = (reply: Reply) => reply.notice && this.say(reply.notice.level, reply.notice.text);
  private readonly form = new SetupForm(
    (settings) => this.settingsChanged(settings),
    () => (this.ranHere = true),
    this.showNotice,
  );
  private readonly results = new ResultsList(
    (rowId) => this.table.scrollTo(rowId, true),
    (finding) => this.guideRow(finding),
    this.showNotice,
  );
  private readonly checklist = new ChecklistView((itemId, checked) => this.tick(itemId, checked));
  private readonly spend = new SpendView();
  private readonly table = new SymptomTable();
  private readonly discovered = new DiscoveredList(this.showNotice);
  private readonly vscodeChat = new VsCodeChatView(() => this.form.settings(), this.showNotice);

  mount(root: HTMLElement): void {
    replaceChildren(
      this.layout,
      h('div', { class: 'column main-column' }, this.form.element, this.vscodeChat.element, this.results.element, this.spend.element),
      h('div', { class: 'column side-column' }, this.checklist.element, this.discovered.element, this.table.element),
    );
    replaceChildren(
      root,
      h('header', { class: 'header' }, h('h1', {}, icon('pulse'), ` ${l10n.t('Crazyrouter: Verify Setup')}`), this.tagline),
      this.notice,
      this.liveStatus,
      this.liveAlert,
      this.layout,
    );
  }

  handle(message: Exclude<HostMessage, Reply>): void {
    switch (message.type) {
      case 'init': {
        this.clients = message.clients;
        this.ticks = message.ticks;
        const settings = savedSettings() ?? message.settings;
        this.form.setClients(message.clients, settings.client);
        this.form.setSettings(settings);
        this.form.setTokenHint(message.tokenHint);
        this.showClient(settings.client);
        // Painted: now the host may load what a run needs, while the user reads the form.
        requestAnimationFrame(() => requestAnimationFrame(() => post({ type: 'painted', client: settings.client })));
        return;
      }
      case 'tokenState':
        return this.form.setTokenHint(message.tokenHint);
      case 'runStarted': {
        this.run = { id: message.runId, source: message.source };
        this.matched.clear();
        this.table.highlight(this.matched);
        this.results.start(message);
        this.spend.clear();
        if (message.source.restored) {
          // A kept result never folds a form the user is working in, nor hides what they read.
          if (!this.form.element.contains(document.activeElement)) this.showResultsFirst();
          return;
        }
        this.hideNotice();
        this.showResultsFirst();
        this.form.setRunning(true);
        this.focusRunId = this.ranHere ? message.runId : undefined;
        this.ranHere = false;
        if (this.focusRunId !== undefined) this.results.cancel.focus();
        return;
      }
      case 'checkStarted':
        if (message.runId === this.run?.id) this.results.started(message.id);
        return;
      case 'checkFinished': {
        if (message.runId !== this.run?.id) return;
        this.results.finished(message.result, message.finding);
        const rowId = message.finding?.rowId;
        if (rowId && this.matched.get(rowId) !== 'fail') {
          this.matched.set(rowId, message.finding!.status);
          this.table.highlight(this.matched);
        }
        return;
      }
      case 'runFinished': {
        if (message.runId !== this.run?.id) return;
        const { source } = this.run;
        this.form.setRunning(false);
        this.results.finish(message, source);
        this.table.setRows(message.rows);
        this.table.highlight(this.matched);
        const firstFail = [...this.matched].find(([, level]) => level === 'fail')?.[0] ?? [...this.matched.keys()][0];
        if (firstFail) this.table.scrollTo(firstFail, false);
        this.checklist.applyRun(message.checklist, this.ticks[this.form.settings().client] ?? [], message.checklistReasons);
        this.spend.show(message);
        if (message.runId === this.focusRunId) this.results.focusVerdict();
        return;
      }
      case 'models':
        return this.form.offerModels(message.ids, message.total);
      case 'discovered':
        this.checklist.applyScan(message.checklist, this.ticks[this.form.settings().client] ?? []);
        return this.discovered.show(message.configs, message.machine, message.note);
      case 'chatTested':
        return this.vscodeChat.show(message.test);
      case 'notice':
        return this.say(message.level, message.text);
    }
  }

  /** After a result the page leads with it: the form folds into its summary line. */
  private showResultsFirst(): void {
    this.layout.dataset.mode = 'results';
    this.tagline.hidden = true;
    this.form.expand(false);
  }

  /** The guide row a finding points at, as the finding itself carries it (right for whichever client ran). */
  private guideRow(finding: FindingView) {
    if (!finding.rowSymptom || !finding.cause) return undefined;
    return { symptom: finding.rowSymptom, cause: finding.cause, source: finding.rowSource ? sourceLabel(finding.rowSource) : l10n.t('Guide') };
  }

  private tick(itemId: string, checked: boolean): void {
    const client = this.form.settings().client;
    const ticked = new Set(this.ticks[client] ?? []);
    if (checked) ticked.add(itemId);
    else ticked.delete(itemId);
    this.ticks = { ...this.ticks, [client]: [...ticked] };
    post({ type: 'tickChecklist', client, itemId, checked });
  }

  private settingsChanged(settings: PanelSettings): void {
    saveSettingsState(settings);
    this.showClient(settings.client);
  }

  private showClient(clientId: PanelSettings['client']): void {
    const client = this.clients.find((c) => c.id === clientId) ?? this.clients[0];
    if (!client) return;
    this.vscodeChat.showFor(client.id);
    this.table.render(client);
    this.table.highlight(this.matched);
    this.checklist.render(client, this.ticks[client.id] ?? []);
  }

  /** A notice: errors interrupt a screen reader (alert), information waits its turn (status). */
  private say(level: 'info' | 'error', text: string): void {
    this.notice.hidden = false;
    this.notice.className = `notice ${level}`;
    replaceChildren(this.notice, icon(level === 'error' ? 'error' : 'info'), ` ${text}`);
    const [speak, quiet] = level === 'error' ? [this.liveAlert, this.liveStatus] : [this.liveStatus, this.liveAlert];
    quiet.textContent = '';
    speak.textContent = text;
  }

  private hideNotice(): void {
    this.notice.hidden = true;
  }
}

/**
 * The panel is built when the host's `init` arrives: it brings the strings in VS Code's display
 * language, and every view reads its words as it is built. Anything the host sent before (a token
 * change, a kept result) waits for it.
 */
let app: PanelApp | undefined;
const waiting: Exclude<HostMessage, Reply>[] = [];
onHostMessage((message) => {
  if (app) return app.handle(message);
  if (message.type !== 'init') return void waiting.push(message);
  useBundle(message.l10n);
  app = new PanelApp();
  app.mount(document.getElementById('app')!);
  app.handle(message);
  for (const early of waiting.splice(0)) app.handle(early);
});
void request({ type: 'ready' });
