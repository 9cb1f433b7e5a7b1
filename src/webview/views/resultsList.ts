import type { CheckResultView, FindingView, HostMessage } from '../../core/protocol/panelProtocol';
import { h, icon, replaceChildren } from '../dom';

type Result = CheckResultView;
type Finding = FindingView;
type Planned = Extract<HostMessage, { type: 'runStarted' }>['checks'][number];
type Finished = Extract<HostMessage, { type: 'runFinished' }>;

const STATUS_ICON: Record<Result['status'], [string, string]> = {
  pass: ['pass', 'passed'],
  warn: ['warning', 'warning'],
  fail: ['error', 'failed'],
  skipped: ['circle-slash', 'skipped'],
};

/** One row per check: waiting, spinning while it runs, then its result with time and evidence. */
export class ResultsList {
  readonly element: HTMLElement;
  private readonly banner = h('div', { id: 'verdict', class: 'verdict', role: 'status', hidden: true });
  private readonly list = h('ol', { id: 'results', class: 'results' });
  private readonly rows = new Map<string, HTMLElement>();

  constructor(private readonly onShowFix: (rowId: string) => void) {
    const tools = h(
      'div',
      { class: 'row tools' },
      h(
        'vscode-button',
        { id: 'copy-report', secondary: true, 'data-action': 'copy', title: 'Copy the report as Markdown (the token is never in it)' },
        icon('copy'),
        ' Copy report',
      ),
      h('vscode-button', { id: 'open-output', secondary: true, 'data-action': 'output', title: 'Open Output → Crazyrouter' }, icon('output'), ' Open Output'),
    );
    this.element = h(
      'section',
      { class: 'results-section', 'aria-label': 'Results' },
      h('div', { class: 'section-head' }, h('h2', {}, 'Results'), tools),
      this.banner,
      this.list,
      h('p', { class: 'muted', id: 'results-empty' }, 'Run the checks to see results here.'),
    );
  }

  start(runId: number, checks: Planned[], demo: boolean): void {
    this.element.querySelector('#results-empty')?.remove();
    this.rows.clear();
    this.banner.hidden = false;
    this.banner.dataset.runId = String(runId);
    this.banner.className = 'verdict running';
    replaceChildren(this.banner, icon('loading codicon-modifier-spin'), demo ? ' Checking against the sandbox gateway…' : ' Checking…');
    replaceChildren(this.list, ...checks.map((c) => this.row(c)));
  }

  started(id: string): void {
    const row = this.rows.get(id);
    if (!row) return;
    row.dataset.status = 'running';
    row.querySelector('.status')?.replaceWith(h('span', { class: 'status' }, icon('loading codicon-modifier-spin', 'running')));
  }

  finished(result: Result, finding: Finding | undefined): void {
    const row = this.rows.get(result.id);
    if (!row) return;
    const [name, label] = STATUS_ICON[result.status];
    row.dataset.status = result.status;
    if (finding?.rowId) row.dataset.row = finding.rowId;
    replaceChildren(
      row,
      h('span', { class: 'status' }, icon(name, label)),
      h('span', { class: 'title' }, result.title),
      h('span', { class: 'time muted' }, result.status === 'skipped' ? '' : `${result.durationMs} ms`),
      h('div', { class: 'summary' }, result.summary),
      finding?.fix &&
        h(
          'div',
          { class: 'fix' },
          h('strong', {}, 'Fix: '),
          finding.fix,
          ' ',
          finding.rowId
            ? h('a', { href: '#', class: 'show-row', onclick: (e: Event) => (e.preventDefault(), this.onShowFix(finding.rowId!)) }, 'Show in table')
            : '',
        ),
      this.evidence(result),
    );
  }

  finish(message: Finished): void {
    const { verdict, counts } = message;
    this.banner.className = `verdict ${verdict}`;
    const text =
      verdict === 'pass'
        ? 'All checks passed.'
        : verdict === 'warn'
          ? `Works, with ${counts.warn} warning(s).`
          : verdict === 'fail'
            ? `${counts.fail} check(s) failed.`
            : 'Cancelled.';
    const iconName = verdict === 'pass' ? 'pass' : verdict === 'warn' ? 'warning' : verdict === 'fail' ? 'error' : 'circle-slash';
    replaceChildren(
      this.banner,
      icon(iconName),
      ` ${text} `,
      h(
        'span',
        { class: 'muted' },
        `${counts.pass} passed · ${counts.warn} warnings · ${counts.fail} failed · ${counts.skipped} skipped · ${message.durationMs} ms`,
      ),
    );
  }

  private row(check: Planned): HTMLElement {
    const row = h(
      'li',
      { class: 'check', 'data-check-id': check.id, 'data-status': 'pending' },
      h('span', { class: 'status' }, icon('circle-large-outline', 'waiting')),
      h('span', { class: 'title' }, check.title),
    );
    this.rows.set(check.id, row);
    return row;
  }

  private evidence(result: Result): HTMLElement | false {
    if (result.evidence.length === 0 && result.details.length === 0) return false;
    return h(
      'details',
      { class: 'evidence' },
      h('summary', {}, `Evidence (${result.evidence.length} request${result.evidence.length === 1 ? '' : 's'})`),
      ...result.details.map((d) => h('div', { class: 'detail' }, d)),
      ...result.evidence.map((e) =>
        h(
          'div',
          { class: 'exchange' },
          h('code', {}, `${e.method} ${e.url}`),
          ' → ',
          h(
            'code',
            {},
            [e.status ?? 'no response', e.contentType, e.totalMs !== undefined ? `${e.totalMs} ms` : undefined].filter((x) => x !== undefined).join(' · '),
          ),
          e.requestId && h('div', { class: 'muted' }, `request id ${e.requestId}`),
          e.note && h('div', { class: 'muted' }, e.note),
          e.bodyExcerpt && h('pre', { class: 'excerpt' }, e.bodyExcerpt),
        ),
      ),
    );
  }
}
