import type { HostMessage } from '../../core/protocol/panelProtocol';
import type { CostView, UsageView } from '../../core/protocol/spendViews';
import { h, replaceChildren } from '../dom';
import { spendByModelChart, spendOverTimeChart } from './spendChart';

type Finished = Extract<HostMessage, { type: 'runFinished' }>;

const count = (n: number) => new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 }).format(n);
const table = (caption: string, head: string[], rows: (string | number)[][], numeric: number[]) =>
  h(
    'table',
    { class: 'spend-table' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...head.map((c, i) => h('th', { scope: 'col', class: numeric.includes(i) ? 'num' : undefined }, c)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c, i) => h('td', { class: numeric.includes(i) ? 'num' : undefined }, String(c)))))),
  );

/**
 * "Cost and usage": what the run cost (each request as the gateway's log billed it), the chosen
 * models' prices, and where the token's recent money went (a chart per hour and per model, each
 * with a table that says the same in words). Shown after a full run that read the gateway's log.
 */
export class SpendView {
  readonly element = h('section', { id: 'spend', class: 'spend', 'aria-labelledby': 'spend-heading', hidden: true });

  clear(): void {
    this.element.hidden = true;
    replaceChildren(this.element);
  }

  show(message: Pick<Finished, 'cost' | 'usage'>): void {
    const { cost, usage } = message;
    if (!cost && !usage) return this.clear();
    replaceChildren(this.element, h('h2', { id: 'spend-heading' }, 'Cost and usage'), cost && this.cost(cost), usage && this.usage(usage));
    this.element.hidden = false;
  }

  private cost(cost: CostView): HTMLElement {
    const unit = `Amounts in ${cost.unit}${cost.unitFrom === 'status' ? ', as the gateway shows them' : ' (the gateway’s display could not be read)'}.`;
    const run = cost.run;
    const found = run && (run.found < run.requests ? `${run.found} of ${run.requests} requests found in the gateway’s log` : `${run.requests} requests`);
    const requests =
      run &&
      h(
        'details',
        { class: 'spend-requests' },
        h('summary', {}, 'Each request as the gateway’s log billed it'),
        table(
          'The requests of this run',
          ['Request', 'Model billed', 'Prompt', 'Completion', 'Cost'],
          run.lines.map((l) =>
            l.found ? [l.title, l.model, l.promptTokens ?? 0, l.completionTokens ?? 0, l.cost ?? ''] : [l.title, l.model, '–', '–', 'not in the log'],
          ),
          [2, 3, 4],
        ),
      );
    const group = cost.group ? ` for the group ${cost.group}${cost.groupRatio !== undefined ? ` (×${cost.groupRatio})` : ''}` : '';
    const prices = cost.pricesNote
      ? h('p', { class: 'muted' }, cost.pricesNote)
      : table(
          `Prices per 1M tokens${group}${cost.groupNote ? `; ${cost.groupNote}` : ''}`,
          ['Model', 'Input', 'Output', 'Compared with the baseline'],
          cost.prices.map((p) =>
            p.perCall
              ? [p.model, `${p.perCall} per call`, '', '']
              : p.input
                ? [p.model, p.input, p.output ?? '', p.timesBaseline !== undefined ? `${p.timesBaseline}×` : '']
                : [p.model, p.note ?? '', '', ''],
          ),
          [1, 2, 3],
        );
    return h(
      'div',
      { class: 'spend-cost' },
      h(
        'p',
        { id: 'run-cost' },
        run ? h('strong', {}, `This run cost ${run.cost}`) : 'The run’s own cost is not known: the gateway’s log was not read.',
        found ? ` (${found}${run?.byTime ? ', found by model and time' : ''}). ` : ' ',
        h('span', { class: 'muted' }, unit),
      ),
      requests,
      prices,
    );
  }

  private usage(usage: UsageView): HTMLElement {
    const span = usage.from && usage.to ? `, ${usage.from.slice(0, 16).replace('T', ' ')} to ${usage.to.slice(0, 16).replace('T', ' ')} UTC` : '';
    const headline = `The token’s last ${usage.calls} ${usage.calls === 1 ? 'call' : 'calls'}${span}${usage.ownRun > 0 ? ` (this run’s ${usage.ownRun} left out)` : ''}: ${usage.total.text}.`;
    const parts: (HTMLElement | false)[] = [h('h3', {}, 'Recent usage'), h('p', { id: 'usage-headline' }, headline)];
    if (usage.atLimit) parts.push(h('p', { class: 'muted' }, 'That is the most the gateway returns: older calls are not shown.'));
    if (usage.calls > 0) {
      const per = usage.overTime.bucketHours === 1 ? 'hour' : `${usage.overTime.bucketHours} hours`;
      parts.push(
        h(
          'figure',
          { class: 'chart-figure' },
          spendOverTimeChart(usage, 'chart-time-title'),
          h('figcaption', { class: 'muted' }, `Spend per ${per}, oldest first (UTC).`),
        ),
        h(
          'details',
          { class: 'spend-hours' },
          h('summary', {}, `Spend per ${per} as a table`),
          table(
            `Spend per ${per}`,
            ['From (UTC)', 'Calls', 'Spend'],
            usage.overTime.buckets.map((b) => [b.start.slice(0, 16).replace('T', ' '), b.calls, b.text]),
            [1, 2],
          ),
        ),
        // The table under it is its caption and its text alternative: "Spend by model", every number in words.
        h('figure', { class: 'chart-figure' }, spendByModelChart(usage, 'chart-model-title')),
        table(
          'Spend by model',
          ['Model', 'Calls', 'Failed', 'Prompt tokens', 'Output tokens', 'Spend', 'Share'],
          usage.byModel.map((m) => [m.model, m.calls, m.errors, count(m.promptTokens), count(m.completionTokens), m.text, `${Math.round(m.share * 100)}%`]),
          [1, 2, 3, 4, 5, 6],
        ),
      );
    }
    return h('div', { class: 'spend-usage' }, ...parts);
  }
}
