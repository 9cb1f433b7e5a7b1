import * as l10n from '@vscode/l10n';
import type { ChatTestView, PanelSettings } from '../../core/protocol/panelProtocol';
import { post, type Reply } from '../bridge';
import { h, icon, replaceChildren } from '../dom';

/**
 * VS Code's own chat, for the "VS Code (Copilot Chat)" client: add the Crazyrouter group to
 * chatLanguageModels.json (shown as a diff first), and test it through VS Code's own chat with the
 * key VS Code holds. Both ask before they act.
 */
export class VsCodeChatView {
  readonly element: HTMLElement;
  private readonly result = h('div', { id: 'chat-test', class: 'chat-test', hidden: true, role: 'group', 'aria-label': l10n.t('VS Code chat test') });

  constructor(
    private readonly settings: () => PanelSettings,
    onNotice: (reply: Reply) => void,
  ) {
    const add = h(
      'vscode-button',
      {
        id: 'add-to-chat',
        secondary: true,
        icon: 'add',
        title: l10n.t('Shows the Crazyrouter group as a diff of chatLanguageModels.json and writes it only if you agree. No key is written.'),
        onclick: () => post({ type: 'addToVsCodeChat', settings: this.settings() }, onNotice),
      },
      l10n.t('Add to VS Code chat'),
    );
    const test = h(
      'vscode-button',
      {
        id: 'test-in-chat',
        secondary: true,
        icon: 'comment-discussion',
        title: l10n.t('Sends one short request through VS Code’s own chat, with the key VS Code holds (the doctor never sees it). Asks first.'),
        onclick: () => post({ type: 'testVsCodeChat', settings: this.settings() }, onNotice),
      },
      l10n.t('Test in VS Code chat'),
    );
    this.element = h(
      'section',
      { id: 'vscode-chat', class: 'vscode-chat-section', hidden: true, 'aria-label': l10n.t('VS Code chat') },
      h('div', { class: 'section-head' }, h('h2', {}, l10n.t('VS Code chat')), h('div', { class: 'row' }, add, test)),
      h(
        'p',
        { class: 'muted' },
        l10n.t(
          'Add writes the Crazyrouter group into this profile’s chatLanguageModels.json after showing the change. Test sends one request through VS Code’s own chat, so it proves the key VS Code keeps.',
        ),
      ),
      this.result,
    );
  }

  showFor(client: PanelSettings['client']): void {
    this.element.hidden = client !== 'vscode-chat';
  }

  show(test: ChatTestView): void {
    this.result.hidden = false;
    this.result.dataset.outcome = test.outcome;
    const model = test.modelName ? `“${test.modelName}” (${test.model})` : l10n.t('VS Code chat');
    const when = new Date(test.at).toLocaleTimeString();
    if (test.outcome === 'answered') {
      const answered =
        test.firstTokenMs === undefined
          ? l10n.t('{model} answered in {ms} ms.', { model, ms: test.latencyMs ?? 0 })
          : l10n.t('{model} answered in {ms} ms, first words after {firstMs} ms.', { model, ms: test.latencyMs ?? 0, firstMs: test.firstTokenMs });
      replaceChildren(
        this.result,
        h('div', { class: 'title' }, icon('pass', l10n.t('answered')), ` ${answered.replace(/(\d) ms/g, '$1\u00a0ms')}`),
        h('div', {}, l10n.t('Answer: '), h('q', {}, test.answer || l10n.t('(empty)'))),
        h(
          'div',
          { class: 'muted' },
          l10n.t('Sent at {time}. VS Code’s chat does not pass on the gateway’s request id; find the call in the Crazyrouter log at that time.', {
            time: when,
          }),
        ),
      );
      return;
    }
    const failed = test.outcome === 'failed';
    replaceChildren(
      this.result,
      h(
        'div',
        { class: 'title' },
        icon(failed ? 'error' : 'info', failed ? l10n.t('failed') : l10n.t('not sent')),
        ` ${failed ? l10n.t('{model} failed', { model }) : (test.problem ?? l10n.t('Not sent'))}`,
      ),
      test.message && h('div', {}, l10n.t('VS Code said: '), h('q', {}, test.message)),
      failed && test.problem && h('div', {}, test.problem),
      test.fix && h('div', { class: 'fix' }, h('strong', {}, l10n.t('Fix: ')), test.fix),
      h(
        'div',
        { class: 'muted' },
        test.requestId ? l10n.t('Request id {requestId} (quote it to Crazyrouter support). ', { requestId: test.requestId }) : '',
        l10n.t('At {time}.', { time: when }),
      ),
    );
  }
}
