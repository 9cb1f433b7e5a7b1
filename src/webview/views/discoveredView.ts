import * as l10n from '@vscode/l10n';
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
    l10n.t('Reads the settings of Codex, Claude Code, Continue, Cline, VS Code’s chat, Cursor and Cherry Studio 2.x on this machine. Nothing is written.'),
  );

  constructor(private readonly onNotice: (reply: Reply) => void) {
    const scan = h(
      'vscode-button',
      { id: 'discover', secondary: true, icon: 'search', onclick: () => post({ type: 'discover' }, onNotice) },
      l10n.t('Scan this machine'),
    );
    this.element = h(
      'section',
      { class: 'discovered-section', 'aria-label': l10n.t('Client configurations found on this machine') },
      h('div', { class: 'section-head' }, h('h2', {}, l10n.t('Found on this machine')), scan),
      this.status,
      this.list,
    );
  }

  show(configs: DiscoveredView[], machine: string, note?: string): void {
    const found =
      configs.length === 0
        ? l10n.t('No client configuration found on {machine}.', { machine })
        : configs.length === 1
          ? l10n.t('1 configuration found on {machine}.', { machine })
          : l10n.t('{count} configurations found on {machine}.', { count: configs.length, machine });
    this.status.textContent = note ? `${found} ${note}` : found;
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
          c.baseUrl &&
            h('div', {}, l10n.t('Configured '), h('code', {}, c.baseUrl), ...(c.predictedUrl ? [l10n.t(' → will call '), h('code', {}, c.predictedUrl)] : [])),
          c.tokenSource && h('div', { class: 'muted' }, l10n.t('Token from {source}', { source: c.tokenSource })),
          c.notRead && h('div', { class: 'not-read-note' }, icon('info'), ` ${l10n.t('Not read: {reason}', { reason: c.notRead })}`),
          ...c.problems.map((p) => h('div', { class: 'problem' }, icon('warning'), ` ${p}`)),
          (c.valueToType || c.problems.length > 0) &&
            h(
              'vscode-button',
              { secondary: true, class: 'copy-snippet', icon: 'copy', onclick: () => post({ type: 'copySnippet', index }, this.onNotice) },
              l10n.t('Copy corrected snippet'),
            ),
        ),
      ),
    );
  }
}
