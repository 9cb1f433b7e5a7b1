import { DEFAULT_URL_RULE } from '../../core/clients/clientUrlDefaults';
import { primaryCall, URL_RULES } from '../../core/clients/urlRules';
import { BASELINE_MODEL, DEFAULT_CLIENT } from '../../core/clients/clients';
import { PROFILE_LIMITS, type ClientView, type PanelSettings } from '../../core/protocol/panelProtocol';
import { post } from '../bridge';
import { h, icon, replaceChildren } from '../dom';

type ValueElement = HTMLElement & { value: string; disabled: boolean };

/** Token, base URL, client and models, and the run buttons. */
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
    'aria-label': 'Crazyrouter token',
  });
  private readonly tokenState = h('span', { id: 'token-state', class: 'muted' });
  private readonly forget = h('vscode-button', { id: 'forget-token', secondary: true, hidden: true, onclick: () => post({ type: 'forgetToken' }) }, 'Forget');
  private readonly baseUrl = h('vscode-textfield', { id: 'base-url', 'aria-label': 'Base URL' }) as ValueElement;
  private readonly urlHint = h('div', { class: 'hint', id: 'url-hint' });
  private readonly client = h('vscode-single-select', { id: 'client-select', 'aria-label': 'Client' }) as ValueElement;
  private readonly typedLabel = h('label', { for: 'typed-url', id: 'typed-url-label' }, 'What you typed in your client (optional)');
  private readonly typedUrl = h('vscode-textfield', { id: 'typed-url', placeholder: 'paste the URL exactly as it is in the client' }) as ValueElement;
  private readonly cherryLegacy = h('vscode-checkbox', {
    id: 'cherry-legacy',
    label: 'Cherry Studio 1.6 or older (its / and # rules differ)',
    hidden: true,
  }) as ValueElement & { checked: boolean };
  private readonly prediction = h('div', { class: 'hint', id: 'typed-prediction', 'aria-live': 'polite' });
  private readonly models = h('vscode-textfield', { id: 'models', 'aria-label': 'Models to check, separated by commas' }) as ValueElement;
  private readonly offered = h('div', { id: 'offered-models', class: 'chips', hidden: true });
  private readonly run = h('vscode-button', { id: 'run', onclick: () => this.submit(false) }, icon('play'), ' Run checks') as ValueElement;
  private readonly demo = h(
    'vscode-button',
    {
      id: 'demo',
      secondary: true,
      title: 'Runs every check against the built-in sandbox gateway: no account, no token, no network.',
      onclick: () => this.submit(true),
    },
    'Try on the sandbox',
  ) as ValueElement;
  private readonly cancel = h(
    'vscode-button',
    { id: 'cancel', secondary: true, disabled: true, onclick: () => post({ type: 'cancel' }) },
    icon('debug-stop'),
    ' Cancel',
  ) as ValueElement;
  private clients: ClientView[] = [];

  constructor(private readonly onChange: (settings: PanelSettings) => void) {
    const saveToken = () => {
      const value = this.token.value;
      if (!value.trim()) return;
      post({ type: 'saveToken', token: value, baseUrl: this.baseUrl.value.trim() });
      this.token.value = '';
    };
    this.token.addEventListener('keydown', (e) => e.key === 'Enter' && saveToken());
    for (const field of [this.client, this.baseUrl, this.models, this.typedUrl, this.cherryLegacy]) field.addEventListener('change', () => this.changed());
    this.typedUrl.addEventListener('input', () => this.showPrediction());
    this.element = h(
      'section',
      { class: 'setup', 'aria-label': 'Setup' },
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'token-input' }, 'Token'),
        h('div', { class: 'row' }, this.token, h('vscode-button', { id: 'save-token', onclick: saveToken }, 'Save token'), this.forget),
        this.tokenState,
      ),
      h('div', { class: 'field' }, h('label', { for: 'client-select' }, 'Client you are setting up'), this.client),
      h('div', { class: 'field' }, h('label', { for: 'base-url' }, 'Base URL'), this.baseUrl, this.urlHint),
      h('div', { class: 'field' }, this.typedLabel, this.typedUrl, this.cherryLegacy, this.prediction),
      h('div', { class: 'field' }, h('label', { for: 'models' }, 'Models to check'), this.models, this.offered),
      h('div', { class: 'row actions' }, this.run, this.cancel, this.demo),
    );
  }

  setClients(clients: ClientView[]): void {
    this.clients = clients;
    replaceChildren(this.client, ...clients.map((c) => h('vscode-option', { value: c.id }, c.name)));
  }

  setSettings(settings: PanelSettings): void {
    this.baseUrl.value = settings.baseUrl;
    this.client.value = settings.client;
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
    const client = (this.client.value || DEFAULT_CLIENT) as PanelSettings['client'];
    const typedUrl = this.typedUrl.value.trim() || undefined;
    const urlRule = client === 'cherry-studio' && this.cherryLegacy.checked ? 'cherry-studio@1.6' : undefined;
    return { baseUrl: this.baseUrl.value.trim(), client, models: models.length > 0 ? models : [BASELINE_MODEL], typedUrl, urlRule };
  }

  setTokenHint(hint: string | null): void {
    this.tokenState.textContent = hint
      ? `Stored in VS Code's secret storage: ${hint}`
      : 'No token stored yet. Paste it and press Save token (it goes to the secret storage only).';
    this.forget.hidden = !hint;
  }

  setRunning(running: boolean): void {
    this.run.disabled = running;
    this.demo.disabled = running;
    this.cancel.disabled = !running;
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
        more > 0 ? `Also allowed for this token (${extra.length} of ${total - chosen.size} shown):` : 'Also allowed for this token:',
      ),
      ...extra.map((id) => h('button', { class: 'chip', type: 'button', title: `Add ${id} to the models to check`, onclick: () => this.addModel(id) }, id)),
    );
  }

  private addModel(id: string): void {
    const settings = this.settings();
    this.models.value = [...settings.models, id].slice(0, PROFILE_LIMITS.maxModels).join(', ');
    this.changed();
  }

  private showUrlHint(): void {
    const client = this.clients.find((c) => c.id === this.settings().client);
    if (!client) return;
    this.urlHint.textContent = `In ${client.name}, ${client.urlField} should be exactly ${client.urlValue}. The doctor checks the OpenAI base URL above.`;
    this.typedLabel.textContent = `What you typed in ${client.name}: ${client.urlField} (optional)`;
    this.cherryLegacy.hidden = client.id !== 'cherry-studio';
    this.showPrediction();
  }

  /** As the user types: the URL the client will really call for that value (its own rules). */
  private showPrediction(): void {
    const settings = this.settings();
    const rule = URL_RULES[settings.urlRule ?? DEFAULT_URL_RULE[settings.client]];
    const typed = this.typedUrl.value.trim();
    const url = typed ? primaryCall(rule.predict(typed))?.url : undefined;
    this.prediction.textContent = url ? `${rule.client} will call ${url}. Run the checks to probe it.` : '';
  }

  /** The form is the front-end of the settings: every change is saved (never the token). */
  private changed(): void {
    this.showUrlHint();
    const settings = this.settings();
    post({ type: 'saveSettings', settings });
    this.onChange(settings);
  }

  private submit(demo: boolean): void {
    post({ type: 'run', settings: this.settings(), demo });
  }
}
