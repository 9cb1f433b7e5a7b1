import type { ChecklistState, ClientView, ScanTickView } from '../../core/protocol/panelProtocol';
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

/** How the worse of two results is chosen: a failure anywhere outweighs a pass elsewhere. */
const WEIGHT: Record<Exclude<ChecklistState, 'manual'>, number> = { 'not-run': 0, verified: 1, warned: 2, failed: 3 };

/** The client's checklist: items a check or a scan proves are ticked by them; manual items by the user. */
export class ChecklistView {
  readonly element: HTMLElement;
  private readonly list = h('ul', { id: 'checklist', class: 'checklist' });
  private client?: ClientView;
  private states: Record<string, ChecklistState> = {};
  private scanned: Record<string, ScanTickView> = {};
  /** Why a check that would prove an item left it to the user (e.g. the log not read), per item. */
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
        const scan = this.scanned[item.id];
        // An item a check would prove, but the check could not decide: the user's to tick, with the reason.
        const leftToUser = item.auto && this.states[item.id] === 'manual';
        // An item the scan spoke to is shown as found, even one the user would otherwise tick.
        if ((item.auto && !leftToUser) || scan) return this.proven(item, scan);
        const hint = leftToUser ? (this.reasons[item.id] ?? item.hint) : item.hint;
        const box = h('vscode-checkbox', { 'data-item-id': item.id, checked: manualTicks.has(item.id), label: item.text, title: hint ?? '' });
        box.addEventListener('change', () => this.onTick(item.id, (box as HTMLElement & { checked: boolean }).checked));
        return h(
          'li',
          { class: 'manual', 'data-item-id': item.id, 'data-state': 'manual' },
          box,
          hint && h('div', { class: 'hint manual-hint' }, hint),
          item.scannedBy && h('div', { class: 'hint manual-hint' }, `${item.scannedBy} can check this.`),
        );
      }),
    );
  }

  /** An item the doctor proves: the worse of what the run and the scan found, with what each said. */
  private proven(item: ClientView['checklist'][number], scan: ScanTickView | undefined): HTMLElement {
    const ran = this.states[item.id];
    const run = item.auto && ran && ran !== 'manual' ? ran : 'not-run';
    const state = scan && WEIGHT[scan.state] > WEIGHT[run] ? scan.state : run;
    const shown = AUTO_STATE[state] ?? AUTO_STATE['not-run'];
    const by = [item.checkedBy, item.scannedBy].filter(Boolean).join(', or ') || 'its checks';
    const notes: string[] = [];
    if (item.auto && run !== 'not-run') notes.push(AUTO_STATE[run].note(item.checkedBy ?? 'its checks'));
    if (scan) notes.push(`Scan this machine: ${scan.reason}`);
    if (notes.length === 0) notes.push(AUTO_STATE['not-run'].note(by));
    return h(
      'li',
      { class: `auto ${state}`, 'data-item-id': item.id, 'data-state': state, 'data-scan': scan?.state ?? '' },
      h('span', { class: 'mark' }, icon(shown.icon, shown.label)),
      h('span', { class: 'item-text' }, item.text, ...notes.map((note) => h('span', { class: 'hint auto-note' }, note))),
    );
  }

  applyRun(states: Record<string, ChecklistState>, ticked: readonly string[], reasons: Record<string, string> = {}): void {
    this.states = states;
    this.reasons = reasons;
    if (this.client) this.render(this.client, ticked);
  }

  /** What the last scan found; it stays until the next scan. */
  applyScan(scanned: Record<string, ScanTickView>, ticked: readonly string[]): void {
    this.scanned = scanned;
    if (this.client) this.render(this.client, ticked);
  }
}
