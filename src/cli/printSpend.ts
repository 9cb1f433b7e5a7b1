import type { CostReport } from '../core/report/costReport';
import type { UsageReport } from '../core/usage/usageReport';
import { visibleText } from '../core/visibleText';
import type { Style } from './style';

/** Every line here fits 80 columns: the widest are the run's requests, 78, and the usage table, 74. */
const MODEL_WIDTH = 24;
const SPARK = '▁▂▃▄▅▆▇█';

/** Gateway text, made visible, then cut to `width` (never a control character, never a line longer than planned). */
const cell = (text: string, width: number) => {
  const shown = visibleText(text);
  return shown.length > width ? `${shown.slice(0, width - 1)}…` : shown.padEnd(width);
};
const right = (text: string, width: number) => cell(text, width).trimEnd().padStart(width);
const compact = (n: number) => new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(n);
const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;

/** The run's cost, request by request, and the chosen models' prices. */
export function renderCost(cost: CostReport, style: Style): string[] {
  const lines = [
    '',
    style.bold(
      `Cost (in ${cell(cost.unit, 24).trimEnd()}${cost.unitFrom === 'status' ? ', as the gateway shows it' : ': the gateway’s display could not be read'})`,
    ),
  ];
  if (cost.run) {
    const found = cost.run.found < cost.run.requests ? `${cost.run.found} of ${cost.run.requests} requests found in the log` : `${cost.run.requests} requests`;
    lines.push(`  This run: ${cell(cost.run.cost, 16).trimEnd()} (${found}${cost.run.byTime ? ', found by model and time' : ''})`);
    for (const line of cost.run.lines) {
      const tokens = line.found ? `${line.promptTokens ?? 0} + ${line.completionTokens ?? 0} tok` : 'not in the log';
      lines.push(`    ${cell(line.title, 30)} ${cell(line.model, 18)} ${right(tokens, 13)} ${right(line.cost ?? '', 10)}`.trimEnd());
    }
  } else lines.push('  This run: not known (the gateway’s log was not read; see its check above)');
  if (cost.pricesNote) {
    lines.push(`  ${cell(cost.pricesNote, 76).trimEnd()}`);
    return lines;
  }
  const group = cost.group ? `, group ${cell(cost.group, 24).trimEnd()}${cost.groupRatio !== undefined ? ` (×${cost.groupRatio})` : ''}` : '';
  lines.push(`  Prices${group}:`, style.dim(`    ${cell('Model', 30)} ${right('In /1M tok', 12)} ${right('Out /1M tok', 12)} ${right('vs baseline', 12)}`));
  for (const p of cost.prices) {
    const times = p.timesBaseline !== undefined ? `${p.timesBaseline}×` : '';
    if (p.perCall) lines.push(`    ${cell(p.model, 30)} ${right(`${p.perCall} per call`, 25)}`);
    else if (p.input) lines.push(`    ${cell(p.model, 30)} ${right(p.input, 12)} ${right(p.output ?? '', 12)} ${right(times, 12)}`.trimEnd());
    else lines.push(`    ${cell(p.model, 30)} ${cell(p.note ?? '', 44).trimEnd()}`);
  }
  if (cost.groupNote) lines.push(style.dim(`  (${cell(cost.groupNote, 74).trimEnd()})`));
  return lines;
}

/** Where the token's recent money went: a table by model, and spend over time as a one-line chart. */
export function renderUsage(usage: UsageReport, style: Style): string[] {
  const lines = ['', style.bold(`Usage (the token’s last ${usage.calls} calls${usage.ownRun > 0 ? `; this run’s ${usage.ownRun} left out` : ''})`)];
  if (usage.from && usage.to) lines.push(`  ${utc(usage.from)} → ${utc(usage.to)} UTC, the gateway’s clock`);
  if (usage.atLimit) lines.push(style.dim('  That is the most the gateway returns: older calls are not shown.'));
  if (usage.calls === 0) {
    lines.push('  No calls in the token’s log besides this run’s.');
    return lines;
  }
  lines.push(
    style.dim(
      `  ${cell('Model', MODEL_WIDTH)} ${right('Calls', 6)} ${right('Prompt tok', 10)} ${right('Output tok', 10)} ${right('Spend', 11)} ${right('Share', 6)}`,
    ),
  );
  for (const m of usage.byModel.slice(0, 10)) {
    lines.push(
      `  ${cell(m.model || '(no model)', MODEL_WIDTH)} ${right(String(m.calls), 6)} ${right(compact(m.promptTokens), 10)} ${right(compact(m.completionTokens), 10)} ${right(m.text, 11)} ${right(`${Math.round(m.share * 100)}%`, 6)}`,
    );
  }
  if (usage.byModel.length > 10) lines.push(style.dim(`  … and ${usage.byModel.length - 10} more models`));
  lines.push(`  ${cell('Total', MODEL_WIDTH)} ${right(String(usage.calls), 6)} ${' '.repeat(21)} ${right(usage.total.text, 11)}`);
  const buckets = usage.overTime.buckets;
  const peak = buckets.reduce((top, b) => (b.spend > top.spend ? b : top), buckets[0]!);
  if (buckets.length > 1 && peak.spend > 0) {
    const bars = buckets
      .map((b) => (b.spend <= 0 ? ' ' : SPARK[Math.min(SPARK.length - 1, Math.floor((b.spend / peak.spend) * (SPARK.length - 1)))]!))
      .join('');
    const per = usage.overTime.bucketHours === 1 ? 'hour' : `${usage.overTime.bucketHours} hours`;
    lines.push(`  Spend per ${per}, oldest first (peak ${cell(peak.text, 14).trimEnd()} from ${utc(peak.start)} UTC):`, `  ${bars}`);
  }
  return lines;
}
