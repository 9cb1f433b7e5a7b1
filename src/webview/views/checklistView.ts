import * as l10n from '@vscode/l10n';
import type { ChecklistState, ClientView, ScanTickView } from '../../core/protocol/panelProtocol';
import { h, icon, replaceChildren } from '../dom';

/**
 * An item the doctor proves shows what the run said of it, with a status icon that cannot be taken
 * for a control (no hollow circle next to the real checkboxes), and names the check in words.
 */
const AUTO_STATE: Record<Exclude<ChecklistState, 'manual'>, { icon: string; label: () => string; note: (by: string) => string }> = {
  verified: { icon: 'pass-filled', label: () => l10n.t('verified'), note: (by) => l10n.t('verified by the doctor ({by})', { by }) },
  warned: { icon: 'warning', label: () => l10n.t('warning'), note: (by) => l10n.t('the doctor warned ({by})', { by }) },
  failed: { icon: 'error', label: () => l10n.t('failed'), note: (by) => l10n.t('the doctor found a problem ({by})', { by }) },
  'not-run': { icon: 'dash', label: () => l10n.t('not checked yet'), note: (by) => l10n.t('not checked yet: the doctor checks this with {by}', { by }) },
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
    this.element = h('section', { class: 'checklist-section', 'aria-label': l10n.t('Checklist') }, h('h2', {}, l10n.t('Checklist')), this.list);
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
          item.scannedBy && h('div', { class: 'hint manual-hint' }, l10n.t('{scan} can check this.', { scan: item.scannedBy })),
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
    const by = [item.checkedBy, item.scannedBy].filter(Boolean).join(l10n.t(', or ')) || l10n.t('its checks');
    const notes: string[] = [];
    if (item.auto && run !== 'not-run') notes.push(AUTO_STATE[run].note(item.checkedBy ?? l10n.t('its checks')));
    if (scan) notes.push(l10n.t('Scan this machine: {reason}', { reason: scan.reason }));
    if (notes.length === 0) notes.push(AUTO_STATE['not-run'].note(by));
    return h(
      'li',
      { class: `auto ${state}`, 'data-item-id': item.id, 'data-state': state, 'data-scan': scan?.state ?? '' },
      h('span', { class: 'mark' }, icon(shown.icon, shown.label())),
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
