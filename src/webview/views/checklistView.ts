import type { ClientView } from '../../core/protocol/panelProtocol';
import { h, icon, replaceChildren } from '../dom';

/** The client's checklist: items a check proves are ticked by the run; manual items by the user. */
export class ChecklistView {
  readonly element: HTMLElement;
  private readonly list = h('ul', { id: 'checklist', class: 'checklist' });
  private client?: ClientView;
  private verified = new Set<string>();
  private failed = new Set<string>();

  constructor(private readonly onTick: (itemId: string, checked: boolean) => void) {
    this.element = h('section', { class: 'checklist-section', 'aria-label': 'Checklist' }, h('h2', {}, 'Checklist'), this.list);
  }

  render(client: ClientView, ticked: readonly string[]): void {
    this.client = client;
    const manualTicks = new Set(ticked);
    replaceChildren(
      this.list,
      ...client.checklist.map((item) => {
        if (item.check) {
          const state = this.failed.has(item.id) ? 'failed' : this.verified.has(item.id) ? 'verified' : 'not-run';
          const [name, label] = state === 'verified' ? ['pass', 'verified by a check'] : state === 'failed' ? ['error', 'a check failed'] : ['circle-large-outline', 'not checked yet'];
          return h('li', { class: `auto ${state}`, 'data-item-id': item.id, 'data-state': state }, icon(name, label), ' ', item.text, h('span', { class: 'muted' }, ` (checked automatically: ${item.check})`));
        }
        const box = h('vscode-checkbox', { 'data-item-id': item.id, checked: manualTicks.has(item.id), label: item.text, title: item.hint ?? '' });
        box.addEventListener('change', () => this.onTick(item.id, (box as HTMLElement & { checked: boolean }).checked));
        return h('li', { class: 'manual', 'data-item-id': item.id, 'data-state': 'manual' }, box, item.hint && h('div', { class: 'hint' }, item.hint));
      }),
    );
  }

  applyRun(verified: string[], failed: string[], ticked: readonly string[]): void {
    this.verified = new Set(verified);
    this.failed = new Set(failed);
    if (this.client) this.render(this.client, ticked);
  }
}
