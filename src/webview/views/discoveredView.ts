import type { DiscoveredView } from '../../core/protocol/panelProtocol';
import { post, type Reply } from '../bridge';
import { h, icon, replaceChildren } from '../dom';

/** "Found on this machine": each client's config file, what it will call, what to change. */
export class DiscoveredList {
  readonly element: HTMLElement;
  private readonly list = h('ul', { id: 'discovered', class: 'discovered' });
  private readonly status = h(
    'p',
    { class: 'muted', id: 'discovered-status' },
    'Reads the settings of Codex, Claude Code, Continue, Cline, VS Code’s chat, Cursor and Cherry Studio 2.x on this machine. Nothing is written.',
  );

  constructor(private readonly onNotice: (reply: Reply) => void) {
    const scan = h(
      'vscode-button',
      { id: 'discover', secondary: true, icon: 'search', onclick: () => post({ type: 'discover' }, onNotice) },
      'Scan this machine',
    );
    this.element = h(
      'section',
      { class: 'discovered-section', 'aria-label': 'Client configurations found on this machine' },
      h('div', { class: 'section-head' }, h('h2', {}, 'Found on this machine'), scan),
      this.status,
      this.list,
    );
  }

  show(configs: DiscoveredView[], machine: string, note?: string): void {
    const count = configs.length === 0 ? 'No client configuration found' : `${configs.length} configuration${configs.length === 1 ? '' : 's'} found`;
    this.status.textContent = `${count} on ${machine}.${note ? ` ${note}` : ''}`;
    replaceChildren(
      this.list,
      ...configs.map((c, index) =>
        h(
          'li',
          { class: `config ${c.problems.length > 0 ? 'has-problems' : c.notRead ? 'not-read' : 'ok'}`, 'data-client': c.client },
          h(
            'div',
            { class: 'title' },
            icon(c.problems.length > 0 ? 'warning' : c.notRead ? 'info' : 'pass'),
            ` ${c.client}`,
            c.entry && h('span', { class: 'muted' }, ` · ${c.entry}`),
          ),
          h('div', { class: 'muted file' }, c.file),
          c.baseUrl && h('div', {}, 'Configured ', h('code', {}, c.baseUrl), ...(c.predictedUrl ? [' → will call ', h('code', {}, c.predictedUrl)] : [])),
          c.tokenSource && h('div', { class: 'muted' }, `Token from ${c.tokenSource}`),
          c.notRead && h('div', { class: 'not-read-note' }, icon('info'), ` Not read: ${c.notRead}`),
          ...c.problems.map((p) => h('div', { class: 'problem' }, icon('warning'), ` ${p}`)),
          (c.valueToType || c.problems.length > 0) &&
            h(
              'vscode-button',
              { secondary: true, class: 'copy-snippet', icon: 'copy', onclick: () => post({ type: 'copySnippet', index }, this.onNotice) },
              'Copy corrected snippet',
            ),
        ),
      ),
    );
  }
}
