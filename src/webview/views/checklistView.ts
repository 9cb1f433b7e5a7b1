import type { ChecklistState, ClientView } from '../../core/protocol/panelProtocol';
import { h, icon, replaceChildren } from '../dom';

const AUTO_STATE: Record<Exclude<ChecklistState, 'manual'>, [string, string]> = {
  verified: ['pass', 'verified by the checks'],
  warned: ['warning', 'a check behind it warned'],
  failed: ['error', 'a check behind it failed'],
  'not-run': ['circle-large-outline', 'not checked yet'],
};

/** The client's checklist: items a check proves are ticked by the run; manual items by the user. */
export class ChecklistView {
  readonly element: HTMLElement;
  private readonly list = h('ul', { id: 'checklist', class: 'checklist' });
  private client?: ClientView;
  private states: Record<string, ChecklistState> = {};

  constructor(private readonly onTick: (itemId: string, checked: boolean) => void) {
    this.element = h('section', { class: 'checklist-section', 'aria-label': 'Checklist' }, h('h2', {}, 'Checklist'), this.list);
  }

  render(client: ClientView, ticked: readonly string[]): void {
    this.client = client;
    const manualTicks = new Set(ticked);
    replaceChildren(
      this.list,
      ...client.checklist.map((item) => {
        if (item.auto) {
          const state = (this.states[item.id] ?? 'not-run') as Exclude<ChecklistState, 'manual'>;
          const [name, label] = AUTO_STATE[state] ?? AUTO_STATE['not-run'];
          return h(
            'li',
            { class: `auto ${state}`, 'data-item-id': item.id, 'data-state': state },
            icon(name, label),
            ' ',
            item.text,
            h('span', { class: 'muted' }, ' (checked by the doctor)'),
          );
        }
        const box = h('vscode-checkbox', { 'data-item-id': item.id, checked: manualTicks.has(item.id), label: item.text, title: item.hint ?? '' });
        box.addEventListener('change', () => this.onTick(item.id, (box as HTMLElement & { checked: boolean }).checked));
        return h('li', { class: 'manual', 'data-item-id': item.id, 'data-state': 'manual' }, box, item.hint && h('div', { class: 'hint' }, item.hint));
      }),
    );
  }

  applyRun(states: Record<string, ChecklistState>, ticked: readonly string[]): void {
    this.states = states;
    if (this.client) this.render(this.client, ticked);
  }
}
