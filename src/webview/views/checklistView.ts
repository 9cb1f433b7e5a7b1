import type { ChecklistState, ClientView } from '../../core/protocol/panelProtocol';
import { h, icon, replaceChildren } from '../dom';

/**
 * An item the doctor proves shows what the run said of it, with a status icon that cannot be taken
 * for a control (no hollow circle next to the real checkboxes), and names the check in words.
 */
const AUTO_STATE: Record<Exclude<ChecklistState, 'manual'>, { icon: string; label: string; note: (by: string) => string }> = {
  verified: { icon: 'pass-filled', label: 'verified', note: (by) => `verified by the doctor (${by})` },
  warned: { icon: 'warning', label: 'warning', note: (by) => `the doctor warned (${by})` },
  failed: { icon: 'error', label: 'failed', note: (by) => `the doctor found a problem (${by})` },
  'not-run': { icon: 'dash', label: 'not checked yet', note: (by) => `not checked yet: the doctor checks this with ${by}` },
};

/** The client's checklist: items a check proves are ticked by the run; manual items by the user. */
export class ChecklistView {
  readonly element: HTMLElement;
  private readonly list = h('ul', { id: 'checklist', class: 'checklist' });
  private client?: ClientView;
  private states: Record<string, ChecklistState> = {};
  private reasons: Record<string, string> = {};

  constructor(private readonly onTick: (itemId: string, checked: boolean) => void) {
    this.element = h('section', { class: 'checklist-section', 'aria-label': 'Checklist' }, h('h2', {}, 'Checklist'), this.list);
  }

  render(client: ClientView, ticked: readonly string[]): void {
    this.client = client;
    const manualTicks = new Set(ticked);
    replaceChildren(
      this.list,
      ...client.checklist.map((item) => {
        // An item a check would prove, but the check could not decide: the user's to tick, with the reason.
        const leftToUser = item.auto && this.states[item.id] === 'manual';
        if (item.auto && !leftToUser) {
          const state = (this.states[item.id] ?? 'not-run') as Exclude<ChecklistState, 'manual'>;
          const shown = AUTO_STATE[state] ?? AUTO_STATE['not-run'];
          return h(
            'li',
            { class: `auto ${state}`, 'data-item-id': item.id, 'data-state': state },
            h('span', { class: 'mark' }, icon(shown.icon, shown.label)),
            h('span', { class: 'item-text' }, item.text, h('span', { class: 'hint auto-note' }, shown.note(item.checkedBy ?? 'its checks'))),
          );
        }
        const hint = leftToUser ? (this.reasons[item.id] ?? item.hint) : item.hint;
        const box = h('vscode-checkbox', { 'data-item-id': item.id, checked: manualTicks.has(item.id), label: item.text, title: hint ?? '' });
        box.addEventListener('change', () => this.onTick(item.id, (box as HTMLElement & { checked: boolean }).checked));
        return h('li', { class: 'manual', 'data-item-id': item.id, 'data-state': 'manual' }, box, hint && h('div', { class: 'hint manual-hint' }, hint));
      }),
    );
  }

  applyRun(states: Record<string, ChecklistState>, ticked: readonly string[], reasons: Record<string, string> = {}): void {
    this.states = states;
    this.reasons = reasons;
    if (this.client) this.render(this.client, ticked);
  }
}
