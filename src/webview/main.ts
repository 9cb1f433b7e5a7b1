import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { ClientView, HostMessage, PanelSettings } from '../core/protocol/panelProtocol';
import { onHostMessage, post, savedSettings, saveSettingsState } from './bridge';
import { h, icon, replaceChildren } from './dom';
import { ChecklistView } from './views/checklistView';
import { DiscoveredList } from './views/discoveredView';
import { ResultsList } from './views/resultsList';
import { SetupForm } from './views/setupForm';
import { SymptomTable } from './views/symptomTable';

/** The Verify Setup panel: setup form, live results, the client's checklist and symptom table. */
class PanelApp {
  private clients: ClientView[] = [];
  private ticks: Record<string, string[]> = {};
  private runId = -1;
  private matched = new Map<string, 'fail' | 'warn'>();
  private readonly notice = h('div', { id: 'notice', class: 'notice', role: 'alert', hidden: true });
  private readonly form = new SetupForm((settings) => this.settingsChanged(settings));
  private readonly results = new ResultsList((rowId) => this.table.scrollTo(rowId));
  private readonly checklist = new ChecklistView((itemId, checked) => this.tick(itemId, checked));
  private readonly table = new SymptomTable();
  private readonly discovered = new DiscoveredList();

  mount(root: HTMLElement): void {
    replaceChildren(
      root,
      h(
        'header',
        { class: 'header' },
        h('h1', {}, icon('pulse'), ' Crazyrouter: Verify Setup'),
        h('p', { class: 'muted' }, 'Checks your token, base URL, models, streaming, tool calls and quota, and says exactly what to fix.'),
      ),
      this.notice,
      h(
        'div',
        { class: 'layout' },
        h('div', { class: 'column' }, this.form.element, this.results.element),
        h('div', { class: 'column' }, this.checklist.element, this.discovered.element, this.table.element),
      ),
    );
  }

  handle(message: HostMessage): void {
    switch (message.type) {
      case 'init': {
        this.clients = message.clients;
        this.ticks = message.ticks;
        this.form.setClients(message.clients);
        const settings = savedSettings() ?? message.settings;
        this.form.setSettings(settings);
        this.form.setTokenHint(message.tokenHint);
        this.showClient(settings.client);
        return;
      }
      case 'tokenState':
        return this.form.setTokenHint(message.tokenHint);
      case 'runStarted':
        this.runId = message.runId;
        this.matched.clear();
        this.table.highlight(this.matched);
        this.hideNotice();
        this.form.setRunning(true);
        return this.results.start(message.runId, message.checks, message.demo);
      case 'checkStarted':
        if (message.runId === this.runId) this.results.started(message.id);
        return;
      case 'checkFinished': {
        if (message.runId !== this.runId) return;
        this.results.finished(message.result, message.finding);
        const rowId = message.finding?.rowId;
        if (rowId && this.matched.get(rowId) !== 'fail') {
          const first = this.matched.size === 0;
          this.matched.set(rowId, message.finding!.status);
          this.table.highlight(this.matched);
          if (first || message.finding!.status === 'fail') this.table.scrollTo(rowId);
        }
        return;
      }
      case 'runFinished': {
        if (message.runId !== this.runId) return;
        this.form.setRunning(false);
        this.results.finish(message);
        this.table.setRows(message.rows);
        this.table.highlight(this.matched);
        return this.checklist.applyRun(message.checklist, this.ticks[this.form.settings().client] ?? []);
      }
      case 'models':
        return this.form.offerModels(message.ids, message.total);
      case 'discovered':
        return this.discovered.show(message.configs);
      case 'notice':
        this.form.setRunning(false);
        return this.showNotice(message.level, message.text);
    }
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
    this.table.render(client);
    this.table.highlight(this.matched);
    this.checklist.render(client, this.ticks[client.id] ?? []);
  }

  private showNotice(level: 'info' | 'error', text: string): void {
    this.notice.hidden = false;
    this.notice.className = `notice ${level}`;
    replaceChildren(this.notice, icon(level === 'error' ? 'error' : 'info'), ` ${text}`);
  }

  private hideNotice(): void {
    this.notice.hidden = true;
  }
}

const app = new PanelApp();
app.mount(document.getElementById('app')!);
onHostMessage((message) => app.handle(message));
document.addEventListener('click', (e) => {
  const target = (e.target as HTMLElement).closest('[data-action]');
  if (target?.getAttribute('data-action') === 'copy') post({ type: 'copyReport' });
  if (target?.getAttribute('data-action') === 'output') post({ type: 'openOutput' });
});
post({ type: 'ready' });
