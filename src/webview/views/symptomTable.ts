import * as l10n from '@vscode/l10n';
import type { ClientView } from '../../core/protocol/panelProtocol';
import { breakable, h, replaceChildren, scrollBehavior } from '../dom';

/** Where a row comes from, as the reader knows it (the source id itself when unknown). */
export function sourceLabel(source: string): string {
  const labels: Record<string, () => string> = {
    'cherry-studio-guide': () => l10n.t('Cherry Studio guide'),
    'cursor-guide': () => l10n.t('Cursor guide'),
    'gateway-reference': () => l10n.t('Gateway'),
  };
  return labels[source]?.() ?? source;
}

/** The chosen client's "Common Errors and Fixes" table (plus the gateway rows), with matches highlighted. */
export class SymptomTable {
  readonly element: HTMLElement;
  private readonly body = h('tbody', {});
  private readonly caption = h('caption', {});

  constructor() {
    this.element = h(
      'section',
      { class: 'symptoms', 'aria-label': l10n.t('Common errors and fixes') },
      h('h2', {}, l10n.t('Common errors and fixes')),
      h(
        'table',
        { id: 'symptom-table' },
        this.caption,
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, l10n.t('Symptom')),
            h('th', { scope: 'col' }, l10n.t('Likely cause')),
            h('th', { scope: 'col' }, l10n.t('Fix')),
          ),
        ),
        this.body,
      ),
    );
  }

  render(client: ClientView): void {
    this.caption.textContent = l10n.t("For {client}: its guide's rows first, then what the gateway can answer.", { client: client.name });
    this.setRows(client.rows);
  }

  /** The rows, with fixes as rendered for the client (or for the last run). */
  setRows(rows: ClientView['rows']): void {
    replaceChildren(
      this.body,
      ...rows.map((row) =>
        h(
          'tr',
          { class: 'symptom-row', 'data-row-id': row.id, id: `row-${row.id}`, tabindex: '-1' },
          h('td', {}, h('div', {}, breakable(row.symptom)), h('div', { class: 'source muted' }, sourceLabel(row.source))),
          h('td', {}, breakable(row.cause)),
          h('td', { class: 'fix-cell' }, breakable(row.fix)),
        ),
      ),
    );
  }

  /** Marks the rows that explain the current results; the first failing one is scrolled to. */
  highlight(rows: Map<string, 'fail' | 'warn'>): void {
    for (const tr of this.body.querySelectorAll<HTMLElement>('tr')) {
      const level = rows.get(tr.dataset.rowId ?? '');
      tr.classList.toggle('matched', level !== undefined);
      tr.classList.toggle('matched-fail', level === 'fail');
      tr.classList.toggle('matched-warn', level === 'warn');
      if (level) tr.setAttribute('aria-current', 'true');
      else tr.removeAttribute('aria-current');
    }
  }

  /**
   * Brings a row into view. Automatically (after a run) only inside the side column's own scroll,
   * so the verdict never moves away; when the user asks ("Show in table"), the page scrolls too.
   */
  scrollTo(rowId: string, userAsked: boolean): void {
    const tr = this.body.querySelector<HTMLElement>(`tr[data-row-id="${CSS.escape(rowId)}"]`);
    if (!tr) return;
    const column = this.element.closest<HTMLElement>('.side-column');
    const scrolls = column !== null && getComputedStyle(column).overflowY === 'auto' && column.scrollHeight > column.clientHeight;
    if (scrolls) {
      const offset = tr.getBoundingClientRect().top - column.getBoundingClientRect().top + column.scrollTop;
      column.scrollTo({ top: Math.max(0, offset - column.clientHeight / 3), behavior: scrollBehavior() });
    } else if (userAsked) tr.scrollIntoView({ block: 'center', inline: 'nearest', behavior: scrollBehavior() });
    if (userAsked) tr.focus({ preventScroll: true });
    tr.classList.remove('flash');
    void tr.offsetWidth;
    tr.classList.add('flash');
  }
}
