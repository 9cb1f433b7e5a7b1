import * as l10n from '@vscode/l10n';
import type { HostMessage } from '../../core/protocol/panelProtocol';
import type { CostView, UsageView } from '../../core/protocol/spendViews';
import { h, replaceChildren } from '../dom';
import { spendByModelChart, spendOverTimeChart, spendPer } from './spendChart';

type Finished = Extract<HostMessage, { type: 'runFinished' }>;

let counting: Intl.NumberFormat | undefined; // made once: each new one costs ~50 times a .format
const count = (n: number) => (counting ??= new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 })).format(n);
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
    replaceChildren(this.element, h('h2', { id: 'spend-heading' }, l10n.t('Cost and usage')), cost && this.cost(cost), usage && this.usage(usage));
    this.element.hidden = false;
  }

  private cost(cost: CostView): HTMLElement {
    const unit =
      cost.unitFrom === 'status'
        ? l10n.t('Amounts in {unit}, as the gateway shows them.', { unit: cost.unit })
        : l10n.t('Amounts in {unit} (the gateway’s display could not be read).', { unit: cost.unit });
    const run = cost.run;
    const found =
      run &&
      (run.found < run.requests
        ? l10n.t('{found} of {requests} requests found in the gateway’s log', { found: run.found, requests: run.requests })
        : l10n.t('{requests} requests', { requests: run.requests }));
    const requests =
      run &&
      h(
        'details',
        { class: 'spend-requests' },
        h('summary', {}, l10n.t('Each request as the gateway’s log billed it')),
        table(
          l10n.t('The requests of this run'),
          [l10n.t('Request'), l10n.t('Model billed'), l10n.t('Prompt'), l10n.t('Completion'), l10n.t('Cost')],
          run.lines.map((l) =>
            l.found ? [l.title, l.model, l.promptTokens ?? 0, l.completionTokens ?? 0, l.cost ?? ''] : [l.title, l.model, '–', '–', l10n.t('not in the log')],
          ),
          [2, 3, 4],
        ),
      );
    const perMillion = !cost.group
      ? l10n.t('Prices per 1M tokens')
      : cost.groupRatio !== undefined
        ? l10n.t('Prices per 1M tokens for the group {group} (×{ratio})', { group: cost.group, ratio: cost.groupRatio })
        : l10n.t('Prices per 1M tokens for the group {group}', { group: cost.group });
    const prices = cost.pricesNote
      ? h('p', { class: 'muted' }, cost.pricesNote)
      : table(
          cost.groupNote ? `${perMillion}; ${cost.groupNote}` : perMillion,
          [l10n.t('Model'), l10n.t('Input'), l10n.t('Output'), l10n.t('Compared with the baseline')],
          cost.prices.map((p) =>
            p.perCall
              ? [p.model, l10n.t('{price} per call', { price: p.perCall }), '', '']
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
        run ? h('strong', {}, l10n.t('This run cost {cost}', { cost: run.cost })) : l10n.t('The run’s own cost is not known: the gateway’s log was not read.'),
        found ? ` ${run?.byTime ? l10n.t('({found}, found by model and time).', { found }) : l10n.t('({found}).', { found })} ` : ' ',
        h('span', { class: 'muted' }, unit),
      ),
      requests,
      prices,
    );
  }

  private usage(usage: UsageView): HTMLElement {
    const calls = usage.calls === 1 ? l10n.t('The token’s last call') : l10n.t('The token’s last {count} calls', { count: usage.calls });
    const span =
      usage.from && usage.to
        ? l10n.t(', {from} to {to} UTC', { from: usage.from.slice(0, 16).replace('T', ' '), to: usage.to.slice(0, 16).replace('T', ' ') })
        : '';
    const ownRun = usage.ownRun > 0 ? l10n.t(' (this run’s {count} left out)', { count: usage.ownRun }) : '';
    const headline = l10n.t('{calls}: {total}.', { calls: `${calls}${span}${ownRun}`, total: usage.total.text });
    const parts: (HTMLElement | false)[] = [h('h3', {}, l10n.t('Recent usage')), h('p', { id: 'usage-headline' }, headline)];
    if (usage.atLimit) parts.push(h('p', { class: 'muted' }, l10n.t('That is the most the gateway returns: older calls are not shown.')));
    if (usage.calls > 0) {
      const perBucket = spendPer(usage.overTime.bucketHours);
      parts.push(
        h(
          'figure',
          { class: 'chart-figure' },
          spendOverTimeChart(usage, 'chart-time-title'),
          h('figcaption', { class: 'muted' }, l10n.t('{spendPer}, oldest first (UTC).', { spendPer: perBucket })),
        ),
        h(
          'details',
          { class: 'spend-hours' },
          h('summary', {}, l10n.t('{spendPer} as a table', { spendPer: perBucket })),
          table(
            perBucket,
            [l10n.t('From (UTC)'), l10n.t('Calls'), l10n.t('Spend')],
            usage.overTime.buckets.map((b) => [b.start.slice(0, 16).replace('T', ' '), b.calls, b.text]),
            [1, 2],
          ),
        ),
        // The table under it is its caption and its text alternative: "Spend by model", every number in words.
        h('figure', { class: 'chart-figure' }, spendByModelChart(usage, 'chart-model-title')),
        table(
          l10n.t('Spend by model'),
          [l10n.t('Model'), l10n.t('Calls'), l10n.t('Failed'), l10n.t('Prompt tokens'), l10n.t('Output tokens'), l10n.t('Spend'), l10n.t('Share')],
          usage.byModel.map((m) => [m.model, m.calls, m.errors, count(m.promptTokens), count(m.completionTokens), m.text, `${Math.round(m.share * 100)}%`]),
          [1, 2, 3, 4, 5, 6],
        ),
      );
    }
    return h('div', { class: 'spend-usage' }, ...parts);
  }
}
