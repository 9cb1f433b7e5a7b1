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
  private readonly result = h('div', { id: 'chat-test', class: 'chat-test', hidden: true, role: 'group', 'aria-label': 'VS Code chat test' });

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
        title: 'Shows the Crazyrouter group as a diff of chatLanguageModels.json and writes it only if you agree. No key is written.',
        onclick: () => post({ type: 'addToVsCodeChat', settings: this.settings() }, onNotice),
      },
      'Add to VS Code chat',
    );
    const test = h(
      'vscode-button',
      {
        id: 'test-in-chat',
        secondary: true,
        icon: 'comment-discussion',
        title: 'Sends one short request through VS Code’s own chat, with the key VS Code holds (the doctor never sees it). Asks first.',
        onclick: () => post({ type: 'testVsCodeChat', settings: this.settings() }, onNotice),
      },
      'Test in VS Code chat',
    );
    this.element = h(
      'section',
      { id: 'vscode-chat', class: 'vscode-chat-section', hidden: true, 'aria-label': 'VS Code chat' },
      h('div', { class: 'section-head' }, h('h2', {}, 'VS Code chat'), h('div', { class: 'row' }, add, test)),
      h(
        'p',
        { class: 'muted' },
        'Add writes the Crazyrouter group into this profile’s chatLanguageModels.json after showing the change. Test sends one request through VS Code’s own chat, so it proves the key VS Code keeps.',
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
    const model = test.modelName ? `“${test.modelName}” (${test.model})` : 'VS Code chat';
    const when = new Date(test.at).toLocaleTimeString();
    if (test.outcome === 'answered') {
      const first = test.firstTokenMs === undefined ? '' : `, first words after ${test.firstTokenMs}\u00a0ms`;
      replaceChildren(
        this.result,
        h('div', { class: 'title' }, icon('pass', 'answered'), ` ${model} answered in ${test.latencyMs}\u00a0ms${first}.`),
        h('div', {}, 'Answer: ', h('q', {}, test.answer || '(empty)')),
        h(
          'div',
          { class: 'muted' },
          `Sent at ${when}. VS Code’s chat does not pass on the gateway’s request id; find the call in the Crazyrouter log at that time.`,
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
        icon(failed ? 'error' : 'info', failed ? 'failed' : 'not sent'),
        ` ${failed ? `${model} failed` : (test.problem ?? 'Not sent')}`,
      ),
      test.message && h('div', {}, 'VS Code said: ', h('q', {}, test.message)),
      failed && test.problem && h('div', {}, test.problem),
      test.fix && h('div', { class: 'fix' }, h('strong', {}, 'Fix: '), test.fix),
      h('div', { class: 'muted' }, test.requestId ? `Request id ${test.requestId} (quote it to Crazyrouter support). ` : '', `At ${when}.`),
    );
  }
}
