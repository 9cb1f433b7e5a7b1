import type { CostReport } from './costReport';
import type { UsageReport } from '../usage/usageReport';
import { mdText } from './markdownText';

const count = (n: number) => new Intl.NumberFormat('en-US').format(n);

/** The run's cost and the chosen models' prices as Markdown; every gateway string through `mdText`. */
export function costMarkdown(cost: CostReport): string[] {
  const lines = [
    '## Cost',
    '',
    `Amounts in ${mdText(cost.unit)}${cost.unitFrom === 'status' ? ', as the gateway shows them' : ' (the gateway’s display could not be read)'}.`,
    '',
  ];
  if (cost.run) {
    const found = cost.run.found < cost.run.requests ? `${cost.run.found} of ${cost.run.requests} requests found in the log` : `${cost.run.requests} requests`;
    lines.push(`This run cost **${mdText(cost.run.cost)}** (${mdText(found)}${cost.run.byTime ? mdText(', found by model and time') : ''}).`, '');
    lines.push('| Request | Model billed | Prompt tokens | Completion tokens | Cost |', '|---|---|---:|---:|---:|');
    for (const l of cost.run.lines) {
      lines.push(
        l.found
          ? `| ${mdText(l.title)} | ${mdText(l.model)} | ${l.promptTokens ?? 0} | ${l.completionTokens ?? 0} | ${mdText(l.cost ?? '')} |`
          : `| ${mdText(l.title)} | ${mdText(l.model)} | not in the log | | |`,
      );
    }
    lines.push('');
  } else lines.push(mdText('The run’s own cost is not known: the gateway’s log was not read.'), '');
  if (cost.pricesNote) return [...lines, mdText(cost.pricesNote), ''];
  const group = cost.group ? ` for the group ${mdText(cost.group)}${cost.groupRatio !== undefined ? ` \\(×${mdText(String(cost.groupRatio))}\\)` : ''}` : '';
  lines.push(
    `Prices${group}:`,
    '',
    '| Model | Input per 1M tokens | Output per 1M tokens | Per call | Compared with the baseline |',
    '|---|---:|---:|---:|---:|',
  );
  for (const p of cost.prices) {
    const vs = p.timesBaseline !== undefined ? `${mdText(String(p.timesBaseline))}×` : '';
    lines.push(`| ${mdText(p.model)} | ${mdText(p.input ?? '')} | ${mdText(p.output ?? '')} | ${mdText(p.perCall ?? '')} | ${vs || mdText(p.note ?? '')} |`);
  }
  if (cost.groupNote) lines.push('', mdText(`Group: ${cost.groupNote}.`));
  return [...lines, ''];
}

/** Where the token's recent money went, as Markdown: a table by model, and spend over time as a table. */
export function usageMarkdown(usage: UsageReport): string[] {
  const span = usage.from && usage.to ? `, ${usage.from} to ${usage.to} (the gateway’s clock)` : '';
  const lines = [
    '## Usage',
    '',
    mdText(
      `The token’s last ${usage.calls} calls${span}${usage.ownRun > 0 ? `; this run’s ${usage.ownRun} left out` : ''}${usage.atLimit ? '; that is the most the gateway returns, older calls are not shown' : ''}. Spent: ${usage.total.text}.`,
    ),
    '',
  ];
  if (usage.calls === 0) return lines;
  lines.push('| Model | Calls | Failed | Prompt tokens | Completion tokens | Spend | Share |', '|---|---:|---:|---:|---:|---:|---:|');
  for (const m of usage.byModel) {
    lines.push(
      `| ${mdText(m.model)} | ${m.calls} | ${m.errors} | ${count(m.promptTokens)} | ${count(m.completionTokens)} | ${mdText(m.text)} | ${Math.round(m.share * 100)}% |`,
    );
  }
  const per = usage.overTime.bucketHours === 1 ? 'hour' : `${usage.overTime.bucketHours} hours`;
  lines.push('', `Spend per ${per} \\(UTC, the gateway’s clock\\):`, '', '| From | Calls | Spend |', '|---|---:|---:|');
  for (const b of usage.overTime.buckets) if (b.calls > 0) lines.push(`| ${mdText(b.start.slice(0, 16).replace('T', ' '))} | ${b.calls} | ${mdText(b.text)} |`);
  return [...lines, ''];
}
