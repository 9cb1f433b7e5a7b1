import * as l10n from '@vscode/l10n';
import { DECIMAL_FORMATS, formatDecimal } from '../money/decimalText';
import type { CostReport } from './costReport';
import type { UsageReport } from '../usage/usageReport';
import { mdText } from './markdownText';

const count = (n: number) => formatDecimal(n, DECIMAL_FORMATS.count); // as Intl.NumberFormat('en-US') writes it, without ICU's set-up

function amountsIn(cost: CostReport): string {
  const unit = mdText(cost.unit);
  return cost.unitFrom === 'status'
    ? l10n.t('Amounts in {unit}, as the gateway shows them.', { unit })
    : l10n.t('Amounts in {unit} (the gateway’s display could not be read).', { unit });
}

function runCost(run: NonNullable<CostReport['run']>): string {
  const found =
    run.found < run.requests
      ? l10n.t('{found} of {requests} requests found in the log', { found: run.found, requests: run.requests })
      : l10n.t('{requests} requests', { requests: run.requests });
  const cost = mdText(run.cost);
  return run.byTime
    ? l10n.t('This run cost **{cost}** ({found}, found by model and time).', { cost, found: mdText(found) })
    : l10n.t('This run cost **{cost}** ({found}).', { cost, found: mdText(found) });
}

function pricesHeading(cost: CostReport): string {
  if (!cost.group) return mdText(l10n.t('Prices:'));
  const group = cost.group;
  return mdText(
    cost.groupRatio === undefined
      ? l10n.t('Prices for the group {group}:', { group })
      : l10n.t('Prices for the group {group} (×{ratio}):', { group, ratio: String(cost.groupRatio) }),
  );
}

/** The run's cost and the chosen models' prices as Markdown; every gateway string through `mdText`. */
export function costMarkdown(cost: CostReport): string[] {
  const lines = [l10n.t('## Cost'), '', amountsIn(cost), ''];
  if (cost.run) {
    lines.push(runCost(cost.run), '');
    lines.push(l10n.t('| Request | Model billed | Prompt tokens | Completion tokens | Cost |'), '|---|---|---:|---:|---:|');
    for (const l of cost.run.lines) {
      lines.push(
        l.found
          ? `| ${mdText(l.title)} | ${mdText(l.model)} | ${l.promptTokens ?? 0} | ${l.completionTokens ?? 0} | ${mdText(l.cost ?? '')} |`
          : `| ${mdText(l.title)} | ${mdText(l.model)} | ${l10n.t('not in the log')} | | |`,
      );
    }
    lines.push('');
  } else lines.push(mdText(l10n.t('The run’s own cost is not known: the gateway’s log was not read.')), '');
  if (cost.pricesNote) return [...lines, mdText(cost.pricesNote), ''];
  lines.push(
    pricesHeading(cost),
    '',
    l10n.t('| Model | Input per 1M tokens | Output per 1M tokens | Per call | Compared with the baseline |'),
    '|---|---:|---:|---:|---:|',
  );
  for (const p of cost.prices) {
    const vs = p.timesBaseline !== undefined ? `${mdText(String(p.timesBaseline))}×` : '';
    lines.push(`| ${mdText(p.model)} | ${mdText(p.input ?? '')} | ${mdText(p.output ?? '')} | ${mdText(p.perCall ?? '')} | ${vs || mdText(p.note ?? '')} |`);
  }
  if (cost.groupNote) lines.push('', mdText(l10n.t('Group: {note}.', { note: cost.groupNote })));
  return [...lines, ''];
}

/** The usage section's opening sentence, whole, in each of its forms. */
function usageSentence(usage: UsageReport): string {
  const args = { calls: usage.calls, from: usage.from ?? '', to: usage.to ?? '', own: usage.ownRun, spent: usage.total.text };
  const span = usage.from && usage.to;
  const own = usage.ownRun > 0;
  const parts = [
    span ? l10n.t('The token’s last {calls} calls, {from} to {to} (the gateway’s clock).', args) : l10n.t('The token’s last {calls} calls.', args),
    ...(own ? [l10n.t('This run’s {own} left out.', args)] : []),
    ...(usage.atLimit ? [l10n.t('That is the most the gateway returns, older calls are not shown.')] : []),
    l10n.t('Spent: {spent}.', args),
  ];
  return parts.join(' ');
}

/** Where the token's recent money went, as Markdown: a table by model, and spend over time as a table. */
export function usageMarkdown(usage: UsageReport): string[] {
  const lines = [l10n.t('## Usage'), '', mdText(usageSentence(usage)), ''];
  if (usage.calls === 0) return lines;
  lines.push(l10n.t('| Model | Calls | Failed | Prompt tokens | Completion tokens | Spend | Share |'), '|---|---:|---:|---:|---:|---:|---:|');
  for (const m of usage.byModel) {
    lines.push(
      `| ${mdText(m.model)} | ${m.calls} | ${m.errors} | ${count(m.promptTokens)} | ${count(m.completionTokens)} | ${mdText(m.text)} | ${Math.round(m.share * 100)}% |`,
    );
  }
  const per =
    usage.overTime.bucketHours === 1
      ? l10n.t('Spend per hour (UTC, the gateway’s clock):')
      : l10n.t('Spend per {hours} hours (UTC, the gateway’s clock):', { hours: usage.overTime.bucketHours });
  lines.push('', mdText(per), '', l10n.t('| From | Calls | Spend |'), '|---|---:|---:|');
  for (const b of usage.overTime.buckets) if (b.calls > 0) lines.push(`| ${mdText(b.start.slice(0, 16).replace('T', ' '))} | ${b.calls} | ${mdText(b.text)} |`);
  return [...lines, ''];
}
