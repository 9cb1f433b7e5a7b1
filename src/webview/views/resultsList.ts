import * as l10n from '@vscode/l10n';
import type { CheckResultView, FindingView, HostMessage, RunSource } from '../../core/protocol/panelProtocol';
import { post } from '../bridge';
import { h, icon, replaceChildren } from '../dom';
import { evidenceContent, evidenceDetails } from './evidenceView';
import { verdictLine } from './verdictLine';

type Result = CheckResultView;
type Planned = Extract<HostMessage, { type: 'runStarted' }>['checks'][number];
type Started = Extract<HostMessage, { type: 'runStarted' }>;
type Finished = Extract<HostMessage, { type: 'runFinished' }>;
/** The guide row a finding points at, as the symptom table shows it. */
export interface GuideRow {
  symptom: string;
  cause: string;
  source: string;
}

const STATUS_ICON: Record<Result['status'], [string, () => string]> = {
  pass: ['pass', () => l10n.t('passed')],
  warn: ['warning', () => l10n.t('warning')],
  fail: ['error', () => l10n.t('failed')],
  skipped: ['circle-slash', () => l10n.t('skipped')],
};
/** After a run the rows read in this order: what failed, what warned, then the compact rest. */
const ORDER: Record<string, number> = { fail: 0, warn: 1, skipped: 2, pass: 3 };

/**
 * The verdict and one row per check. A failing or warning check shows its fix and the guide row
 * that explains it; a passing one is a single line whose details open on demand.
 */
export class ResultsList {
  readonly element: HTMLElement;
  /** The only live region of the panel: it speaks when a run starts and when it ends, never per spinner. */
  private readonly banner = h('div', { id: 'verdict', class: 'verdict', role: 'status', 'aria-atomic': 'true', tabindex: '-1', hidden: true });
  private readonly list = h('ol', { id: 'results', class: 'results', 'aria-label': l10n.t('Checks') });
  private readonly empty = h('p', { class: 'muted', id: 'results-empty' }, l10n.t('Run the checks to see results here.'));
  readonly cancel = h(
    'vscode-button',
    { id: 'cancel', secondary: true, icon: 'debug-stop', hidden: true, onclick: () => post({ type: 'cancel' }) },
    l10n.t('Cancel'),
  );
  private readonly rows = new Map<string, HTMLElement>();

  constructor(
    private readonly onShowRow: (rowId: string) => void,
    private readonly guideRow: (finding: FindingView) => GuideRow | undefined,
    onNotice: Parameters<typeof post>[1],
  ) {
    const tools = h(
      'div',
      { class: 'row tools' },
      this.cancel,
      h(
        'vscode-button',
        {
          id: 'copy-report',
          secondary: true,
          icon: 'copy',
          title: l10n.t('Copy the report as Markdown (the token is never in it)'),
          onclick: () => post({ type: 'copyReport' }, onNotice),
        },
        l10n.t('Copy report'),
      ),
      h(
        'vscode-button',
        { id: 'open-output', secondary: true, icon: 'output', title: l10n.t('Open Output → Crazyrouter'), onclick: () => post({ type: 'openOutput' }) },
        l10n.t('Open Output'),
      ),
    );
    this.element = h(
      'section',
      { class: 'results-section', 'aria-labelledby': 'results-heading' },
      h('div', { class: 'section-head' }, h('h2', { id: 'results-heading' }, l10n.t('Results')), tools),
      this.banner,
      this.empty,
      this.list,
    );
  }

  start(message: Started): void {
    this.empty.hidden = true;
    this.rows.clear();
    this.banner.hidden = false;
    this.banner.dataset.runId = String(message.runId);
    this.banner.className = 'verdict running';
    this.cancel.hidden = message.source.restored;
    replaceChildren(
      this.banner,
      icon('loading codicon-modifier-spin'),
      ' ',
      message.demo ? l10n.t('Checking against the sandbox gateway…') : l10n.t('Checking…'),
    );
    replaceChildren(this.list, ...message.checks.map((c) => this.row(c)));
  }

  started(id: string): void {
    const row = this.rows.get(id);
    if (!row) return;
    row.dataset.status = 'running';
    row.querySelector('.status')?.replaceWith(h('span', { class: 'status' }, icon('loading codicon-modifier-spin', l10n.t('running'))));
  }

  finished(result: Result, finding: FindingView | undefined): void {
    const row = this.rows.get(result.id);
    if (!row) return;
    const [name, label] = STATUS_ICON[result.status];
    row.dataset.status = result.status;
    if (finding?.rowId) row.dataset.row = finding.rowId;
    const status = h('span', { class: 'status' }, icon(name, label()));
    const time = h('span', { class: 'time muted' }, result.status === 'skipped' ? '' : l10n.t('{ms} ms', { ms: result.durationMs }).replace(' ', '\u00a0'));
    if (result.status === 'pass' || result.status === 'skipped') {
      // One line; what the check saw opens under it (the whole line is the disclosure).
      row.className = 'check compact';
      const line = [status, h('span', { class: 'title' }, result.title), h('span', { class: 'summary', title: result.summary }, result.summary), time];
      const content = evidenceContent(result);
      if (content.length === 0) replaceChildren(row, h('div', { class: 'line' }, ...line));
      else replaceChildren(row, h('details', { class: 'line-details' }, h('summary', { class: 'line' }, ...line), h('div', { class: 'evidence' }, ...content)));
      return;
    }
    row.className = 'check full';
    replaceChildren(
      row,
      status,
      h('span', { class: 'title' }, result.title),
      time,
      h('div', { class: 'summary' }, result.summary),
      finding?.fix && this.fix(finding),
      evidenceDetails(result),
    );
  }

  /** The fix, and beside it the guide's row that names the symptom and its cause. */
  private fix(finding: FindingView): HTMLElement {
    const row = this.guideRow(finding);
    return h(
      'div',
      { class: 'fix' },
      h('div', {}, h('strong', {}, l10n.t('Fix: ')), finding.fix),
      row &&
        h(
          'div',
          { class: 'guide-row' },
          h('span', { class: 'muted' }, l10n.t('{source}: ', { source: row.source })),
          l10n.t('“{symptom}” · {cause} ', { symptom: row.symptom, cause: row.cause }),
          h('a', { href: '#', class: 'show-row', onclick: (e: Event) => (e.preventDefault(), this.onShowRow(finding.rowId!)) }, l10n.t('Show in table')),
        ),
    );
  }

  finish(message: Finished, source: RunSource): void {
    this.cancel.hidden = true;
    // A run that ended early leaves no row spinning: what never finished says so.
    for (const row of this.rows.values()) if (row.dataset.status === 'running' || row.dataset.status === 'pending') this.stopped(row, message.verdict);
    this.banner.className = `verdict ${message.verdict}`;
    replaceChildren(this.banner, ...verdictLine(message, source));
    const ordered = [...this.list.children].toSorted(
      (a, b) => (ORDER[(a as HTMLElement).dataset.status ?? ''] ?? 4) - (ORDER[(b as HTMLElement).dataset.status ?? ''] ?? 4),
    );
    this.list.replaceChildren(...ordered);
  }

  private stopped(row: HTMLElement, verdict: Finished['verdict']): void {
    row.dataset.status = 'skipped';
    row.className = 'check compact';
    const title = row.querySelector('.title')?.textContent ?? '';
    const why = verdict === 'cancelled' ? l10n.t('Not finished: the run was cancelled.') : l10n.t('Not finished.');
    replaceChildren(
      row,
      h(
        'div',
        { class: 'line' },
        h('span', { class: 'status' }, icon('circle-slash', l10n.t('not finished'))),
        h('span', { class: 'title' }, title),
        h('span', { class: 'summary' }, why),
      ),
    );
  }

  /** Moves focus to the verdict (a keyboard run must not leave focus on a control that went away). */
  focusVerdict(): void {
    this.banner.focus();
  }

  private row(check: Planned): HTMLElement {
    const row = h(
      'li',
      { class: 'check compact', 'data-check-id': check.id, 'data-status': 'pending' },
      h('div', { class: 'line' }, h('span', { class: 'status' }, icon('circle-large-outline', l10n.t('waiting'))), h('span', { class: 'title' }, check.title)),
    );
    this.rows.set(check.id, row);
    return row;
  }
}
