import * as l10n from '@vscode/l10n';
import { DEFAULT_URL_RULE } from '../../core/clients/clientUrlDefaults';
import { primaryCall, URL_RULES } from '../../core/clients/urlRules';
import { BASELINE_MODEL, DEFAULT_CLIENT } from '../../core/clients/clients';
import { PROFILE_LIMITS, type ClientView, type PanelSettings } from '../../core/protocol/panelProtocol';
import { post, request, type Reply } from '../bridge';
import { h, replaceChildren } from '../dom';

type ValueElement = HTMLElement & { value: string; disabled: boolean };
type TextField = ValueElement & { label: string };

/**
 * A vscode-textfield with an accessible name on its inner input: `label` is a property only (no
 * attribute), and a <label for> does not reach into the shadow root.
 */
function textField(id: string, label: string, placeholder?: string): TextField {
  const field = h('vscode-textfield', { id, placeholder }) as TextField;
  field.label = label;
  return field;
}

/**
 * Token, client, base URL and models, and the Run button. Before the first result it leads the
 * panel; after a run it folds into one line (client, base URL, token hint, models) with Edit.
 */
export class SetupForm {
  readonly element: HTMLElement;
  /**
   * A native password input, not a vscode-textfield: Chromium writes the state of form-associated
   * custom elements to its session-restore file on disk (whatever their type), never a password input's.
   */
  private readonly token = h('input', {
    id: 'token-input',
    class: 'native-input',
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'sk-...',
    'aria-describedby': 'token-state',
  });
  private readonly tokenState = h('span', { id: 'token-state', class: 'muted' });
  private readonly forget = h(
    'vscode-button',
    { id: 'forget-token', secondary: true, hidden: true, onclick: () => post({ type: 'forgetToken' }, this.onNotice) },
    l10n.t('Forget'),
  );
  private readonly baseUrl = textField('base-url', l10n.t('Base URL'));
  private readonly urlHint = h('div', { class: 'hint', id: 'url-hint' });
  private readonly client = h('vscode-single-select', { id: 'client-select', label: l10n.t('Client you are setting up') }) as ValueElement;
  private readonly typedLabel = h('label', { for: 'typed-url', id: 'typed-url-label' }, l10n.t('What you typed in your client (optional)'));
  private readonly typedUrl = textField('typed-url', l10n.t('What you typed in your client'), l10n.t('paste the URL exactly as it is in the client'));
  private readonly cherryLegacy = h('vscode-checkbox', {
    id: 'cherry-legacy',
    label: l10n.t('Cherry Studio 1.6 or older (its / and # rules differ)'),
    hidden: true,
  }) as ValueElement & { checked: boolean };
  private readonly prediction = h('div', { class: 'hint', id: 'typed-prediction', 'aria-live': 'polite' });
  private readonly models = textField('models', l10n.t('Models to check, separated by commas'));
  private readonly offered = h('div', { id: 'offered-models', class: 'chips', hidden: true });
  private readonly run = h('vscode-button', { id: 'run', icon: 'play', onclick: () => void this.submit(false) }, l10n.t('Run checks')) as ValueElement;
  private readonly demo = h(
    'vscode-button',
    {
      id: 'demo',
      secondary: true,
      icon: 'beaker',
      title: l10n.t('Runs every check against the built-in sandbox gateway: no account, no token, no network.'),
      onclick: () => void this.submit(true),
    },
    l10n.t('Try on the sandbox'),
  ) as ValueElement;
  private readonly form: HTMLElement;
  private readonly summary = h('div', { id: 'setup-summary', class: 'setup-summary', hidden: true });
  private readonly summaryText = h('span', { class: 'summary-text' });
  private readonly runAgain = h(
    'vscode-button',
    { id: 'run-again', icon: 'debug-rerun', onclick: () => void this.submit(false) },
    l10n.t('Run again'),
  ) as ValueElement;
  private clients: ClientView[] = [];
  /** The chosen client as this form knows it: the select's own value is not there until its options are. */
  private clientId: PanelSettings['client'] = DEFAULT_CLIENT;
  private tokenHint: string | null = null;
  /** A run request is on its way or a run is going: Run waits for the run's own messages. */
  private busy = { requested: false, running: false };

  constructor(
    private readonly onChange: (settings: PanelSettings) => void,
    private readonly onRun: () => void,
    private readonly onNotice: (reply: Reply) => void,
  ) {
    this.token.addEventListener('keydown', (e) => e.key === 'Enter' && void this.saveToken());
    this.client.addEventListener('change', () => {
      this.clientId = (this.client.value || DEFAULT_CLIENT) as PanelSettings['client'];
      this.changed();
    });
    for (const field of [this.baseUrl, this.models, this.typedUrl, this.cherryLegacy]) field.addEventListener('change', () => this.changed());
    this.typedUrl.addEventListener('input', () => this.showPrediction());
    const edit = h('vscode-button', { id: 'edit-setup', secondary: true, icon: 'edit', onclick: () => this.expand(true) }, l10n.t('Edit'));
    replaceChildren(
      this.summary,
      h('span', { class: 'codicon codicon-settings-gear', 'aria-hidden': 'true' }),
      this.summaryText,
      h('span', { class: 'row' }, edit, this.runAgain),
    );
    this.form = h(
      'div',
      { id: 'setup-form' },
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'token-input' }, l10n.t('Crazyrouter token')),
        h(
          'div',
          { class: 'row' },
          this.token,
          h('vscode-button', { id: 'save-token', onclick: () => void this.saveToken() }, l10n.t('Save token')),
          this.forget,
        ),
        this.tokenState,
      ),
      h('div', { class: 'field' }, h('label', { for: 'client-select' }, l10n.t('Client you are setting up')), this.client),
      h('div', { class: 'field' }, h('label', { for: 'base-url' }, l10n.t('Base URL')), this.baseUrl, this.urlHint),
      h('div', { class: 'field' }, this.typedLabel, this.typedUrl, this.cherryLegacy, this.prediction),
      h('div', { class: 'field' }, h('label', { for: 'models' }, l10n.t('Models to check')), this.models, this.offered),
      h('div', { class: 'row actions' }, this.run, this.demo),
    );
    this.element = h('section', { class: 'setup', 'aria-label': l10n.t('Setup') }, this.summary, this.form);
  }

  setClients(clients: ClientView[], selected: PanelSettings['client']): void {
    this.clients = clients;
    this.clientId = selected;
    replaceChildren(this.client, ...clients.map((c) => h('vscode-option', { value: c.id, selected: c.id === this.clientId }, c.name)));
  }

  setSettings(settings: PanelSettings): void {
    this.clientId = settings.client;
    this.baseUrl.value = settings.baseUrl;
    this.client.value = settings.client;
    for (const option of this.client.querySelectorAll<HTMLElement & { selected: boolean }>('vscode-option'))
      option.selected = option.getAttribute('value') === settings.client;
    this.models.value = settings.models.join(', ');
    this.typedUrl.value = settings.typedUrl ?? '';
    this.cherryLegacy.checked = settings.urlRule === 'cherry-studio@1.6';
    this.showUrlHint();
  }

  settings(): PanelSettings {
    const models = this.models.value
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean)
      .slice(0, PROFILE_LIMITS.maxModels);
    const client = this.clientId;
    const typedUrl = this.typedUrl.value.trim() || undefined;
    const urlRule = client === 'cherry-studio' && this.cherryLegacy.checked ? 'cherry-studio@1.6' : undefined;
    return { baseUrl: this.baseUrl.value.trim(), client, models: models.length > 0 ? models : [BASELINE_MODEL], typedUrl, urlRule };
  }

  setTokenHint(hint: string | null): void {
    this.tokenHint = hint;
    this.tokenState.textContent = hint
      ? l10n.t("Stored in VS Code's secret storage: {hint}", { hint })
      : l10n.t('No token stored yet. Paste it here; Save token or Run checks puts it in the secret storage only.');
    this.forget.hidden = !hint;
    this.showSummary();
  }

  /** Run state follows the run's messages only: started, finished, or the run request refused. */
  setRunning(running: boolean): void {
    this.busy.running = running;
    this.updateButtons();
  }

  /** Folds the form into its one-line summary (after a result), or opens it for editing. */
  expand(open: boolean): void {
    this.form.hidden = !open;
    this.summary.hidden = open;
    this.showSummary();
    if (open) this.token.focus();
  }

  offerModels(ids: string[], total: number): void {
    const chosen = new Set(this.settings().models);
    const extra = ids.filter((id) => !chosen.has(id)).slice(0, 30);
    this.offered.hidden = extra.length === 0;
    const more = total - chosen.size - extra.length;
    replaceChildren(
      this.offered,
      h(
        'span',
        { class: 'muted' },
        more > 0
          ? l10n.t('Also allowed for this token ({shown} of {total} shown):', { shown: extra.length, total: total - chosen.size })
          : l10n.t('Also allowed for this token:'),
      ),
      ...extra.map((id) =>
        h(
          'button',
          { class: 'chip', type: 'button', title: l10n.t('Add {model} to the models to check', { model: id }), onclick: () => this.addModel(id) },
          id,
        ),
      ),
    );
  }

  private updateButtons(): void {
    const busy = this.busy.requested || this.busy.running;
    for (const button of [this.run, this.demo, this.runAgain]) button.disabled = busy;
  }

  private showSummary(): void {
    const settings = this.settings();
    const client = this.clients.find((c) => c.id === settings.client);
    this.summaryText.textContent = [
      client?.name ?? settings.client,
      settings.baseUrl,
      this.tokenHint ?? l10n.t('no token stored'),
      settings.models.join(', '),
    ].join(' · ');
  }

  private addModel(id: string): void {
    const settings = this.settings();
    this.models.value = [...settings.models, id].slice(0, PROFILE_LIMITS.maxModels).join(', ');
    this.changed();
  }

  private showUrlHint(): void {
    const client = this.clients.find((c) => c.id === this.clientId);
    if (!client) return;
    this.urlHint.textContent = l10n.t('In {client}, {field} should be exactly {value}. The doctor checks the OpenAI base URL above.', {
      client: client.name,
      field: client.urlField,
      value: client.urlValue,
    });
    this.typedLabel.textContent = l10n.t('What you typed in {client}: {field} (optional)', { client: client.name, field: client.urlField });
    this.typedUrl.label = this.typedLabel.textContent;
    this.cherryLegacy.hidden = client.id !== 'cherry-studio';
    this.showPrediction();
    this.showSummary();
  }

  /** As the user types: the URL the client will really call for that value (its own rules). */
  private showPrediction(): void {
    const settings = this.settings();
    const rule = URL_RULES[settings.urlRule ?? DEFAULT_URL_RULE[settings.client]];
    const typed = this.typedUrl.value.trim();
    const url = typed ? primaryCall(rule.predict(typed, settings.models[0]))?.url : undefined;
    this.prediction.textContent = url ? l10n.t('{client} will call {url}. Run the checks to probe it.', { client: rule.client, url }) : '';
  }

  /** The form is the front-end of the settings: every change is saved (never the token). */
  private changed(): void {
    this.showUrlHint();
    const settings = this.settings();
    post({ type: 'saveSettings', settings });
    this.onChange(settings);
  }

  /** Saves a pasted token (bound to the base URL's origin); resolves whether it was stored. */
  private async saveToken(): Promise<boolean> {
    const value = this.token.value;
    if (!value.trim()) return true;
    const reply = await request({ type: 'saveToken', token: value, baseUrl: this.baseUrl.value.trim() });
    if (!reply.ok) {
      this.onNotice(reply);
      return false;
    }
    this.token.value = '';
    return true;
  }

  /** Run: a token pasted but not yet saved is saved first, then the checks run. */
  private async submit(demo: boolean): Promise<void> {
    this.busy.requested = true;
    this.updateButtons();
    try {
      if (!demo && !(await this.saveToken())) return;
      this.onRun();
      const reply = await request({ type: 'run', settings: this.settings(), demo });
      if (reply.notice) this.onNotice(reply);
      // Refused (no run message will come) or broken off: the form is ready for the next Run.
      if (!reply.ok) this.setRunning(false);
    } finally {
      this.busy.requested = false;
      this.updateButtons();
    }
  }
}
