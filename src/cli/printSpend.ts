import type { CostReport } from '../core/report/costReport';
import type { UsageReport } from '../core/usage/usageReport';
import { visibleText } from '../core/visibleText';
import type { Style } from './style';
import { displayWidth, hanging } from './terminalText';

/** In a pipe or at 80 columns the tables are aligned: the widest are the run's requests, 78, and the usage table, 74. */
const MODEL_WIDTH = 24;
const SPARK = '▁▂▃▄▅▆▇█';

/** A table cell: gateway text made visible, cut to `width` (never a control character, never wider than planned). */
interface Cell {
  text: string;
  width: number;
  align?: 'right';
}
type Row = ({ cells: Cell[] } | { note: string }) & { paint?: (s: string) => string };
const cut = (text: string, width: number) => {
  const shown = visibleText(text);
  return shown.length > width ? `${shown.slice(0, width - 1)}…` : shown;
};
const cell = (text: string, width: number): Cell => ({ text: cut(text, width), width });
const right = (text: string, width: number): Cell => ({ text: cut(text, width), width, align: 'right' });
const compact = (n: number) => new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(n);
const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;

/**
 * Lines for a terminal `width` columns wide (undefined: a pipe). Prose wraps under its indent; a
 * table stays aligned when all its rows fit, and otherwise each row becomes its cells two spaces
 * apart, wrapped: the same words as the aligned table, so a narrow terminal loses nothing.
 */
class Lines {
  readonly out: string[] = [];
  constructor(private readonly width: number | undefined) {}
  text(indent: number, text: string, paint: (s: string) => string = (s) => s): void {
    this.out.push(...hanging(' '.repeat(indent), text, this.width, indent + 2).map(paint));
  }
  /** Rows of cells, or a note between them (`… and 3 more models`), which is prose. */
  table(indent: number, rows: Row[]): void {
    const aligned = rows.map((r) =>
      'note' in r
        ? ''
        : r.cells
            .map((c) => (c.align === 'right' ? c.text.padStart(c.width) : c.text.padEnd(c.width)))
            .join(' ')
            .trimEnd(),
    );
    const fits = this.width === undefined || aligned.every((line) => indent + displayWidth(line) <= this.width!);
    rows.forEach((row, i) => {
      const paint = row.paint ?? ((s: string) => s);
      if ('note' in row) this.text(indent, row.note, paint);
      else if (fits) this.out.push(paint(`${' '.repeat(indent)}${aligned[i]}`));
      else this.packed(indent, row.cells.map((c) => c.text).filter(Boolean), paint);
    });
  }
  /** Cells two spaces apart, a cell never split unless it is wider than a line; later lines indented by two more. */
  private packed(indent: number, cells: string[], paint: (s: string) => string): void {
    const width = this.width!;
    let line = ' '.repeat(indent);
    let started = false;
    for (const text of cells) {
      const joined = started ? `${line}  ${text}` : `${line}${text}`;
      if (displayWidth(joined) <= width) {
        line = joined;
        started = true;
        continue;
      }
      if (started) this.out.push(paint(line));
      const pieces = hanging(' '.repeat(started ? indent + 2 : indent), text, width, indent + 2);
      this.out.push(...pieces.slice(0, -1).map(paint));
      line = pieces.at(-1)!;
      started = true;
    }
    if (started) this.out.push(paint(line));
  }
}

/** The run's cost, request by request, and the chosen models' prices. */
export function renderCost(cost: CostReport, style: Style, width?: number): string[] {
  const out = new Lines(width);
  out.out.push('');
  out.text(
    0,
    `Cost (in ${cut(cost.unit, 24)}${cost.unitFrom === 'status' ? ', as the gateway shows it' : ': the gateway’s display could not be read'})`,
    style.bold,
  );
  if (cost.run) {
    const found = cost.run.found < cost.run.requests ? `${cost.run.found} of ${cost.run.requests} requests found in the log` : `${cost.run.requests} requests`;
    out.text(2, `This run: ${cut(cost.run.cost, 16)} (${found}${cost.run.byTime ? ', found by model and time' : ''})`);
    out.table(
      4,
      cost.run.lines.map((line) => {
        const tokens = line.found ? `${line.promptTokens ?? 0} + ${line.completionTokens ?? 0} tok` : 'not in the log';
        return { cells: [cell(line.title, 30), cell(line.model, 18), right(tokens, 13), right(line.cost ?? '', 10)] };
      }),
    );
  } else out.text(2, 'This run: not known (the gateway’s log was not read; see its check above)');
  if (cost.pricesNote) {
    out.text(2, cut(cost.pricesNote, 76));
    return out.out;
  }
  const group = cost.group ? `, group ${cut(cost.group, 24)}${cost.groupRatio !== undefined ? ` (×${cost.groupRatio})` : ''}` : '';
  out.text(2, `Prices${group}:`);
  out.table(4, [
    { cells: [cell('Model', 30), right('In /1M tok', 12), right('Out /1M tok', 12), right('vs baseline', 12)], paint: style.dim },
    ...cost.prices.map((p) => {
      const times = p.timesBaseline !== undefined ? `${p.timesBaseline}×` : '';
      if (p.perCall) return { cells: [cell(p.model, 30), right(`${p.perCall} per call`, 25)] };
      if (p.input) return { cells: [cell(p.model, 30), right(p.input, 12), right(p.output ?? '', 12), right(times, 12)] };
      return { cells: [cell(p.model, 30), cell(p.note ?? '', 44)] };
    }),
  ]);
  if (cost.groupNote) out.text(2, `(${cut(cost.groupNote, 74)})`, style.dim);
  return out.out;
}

/** Where the token's recent money went: a table by model, and spend over time as a one-line chart. */
export function renderUsage(usage: UsageReport, style: Style, width?: number): string[] {
  const out = new Lines(width);
  out.out.push('');
  out.text(0, `Usage (the token’s last ${usage.calls} calls${usage.ownRun > 0 ? `; this run’s ${usage.ownRun} left out` : ''})`, style.bold);
  if (usage.from && usage.to) out.text(2, `${utc(usage.from)} → ${utc(usage.to)} UTC, the gateway’s clock`);
  if (usage.atLimit) out.text(2, 'That is the most the gateway returns: older calls are not shown.', style.dim);
  if (usage.calls === 0) {
    out.text(2, 'No calls in the token’s log besides this run’s.');
    return out.out;
  }
  out.table(2, [
    {
      cells: [cell('Model', MODEL_WIDTH), right('Calls', 6), right('Prompt tok', 10), right('Output tok', 10), right('Spend', 11), right('Share', 6)],
      paint: style.dim,
    },
    ...usage.byModel.slice(0, 10).map((m) => ({
      cells: [
        cell(m.model || '(no model)', MODEL_WIDTH),
        right(String(m.calls), 6),
        right(compact(m.promptTokens), 10),
        right(compact(m.completionTokens), 10),
        right(m.text, 11),
        right(`${Math.round(m.share * 100)}%`, 6),
      ],
    })),
    ...(usage.byModel.length > 10 ? [{ note: `… and ${usage.byModel.length - 10} more models`, paint: style.dim }] : []),
    { cells: [cell('Total', MODEL_WIDTH), right(String(usage.calls), 6), cell('', 10), cell('', 10), right(usage.total.text, 11)] },
  ]);
  const buckets = usage.overTime.buckets;
  const peak = buckets.reduce((top, b) => (b.spend > top.spend ? b : top), buckets[0]!);
  if (buckets.length > 1 && peak.spend > 0) {
    const bars = buckets
      .map((b) => (b.spend <= 0 ? ' ' : SPARK[Math.min(SPARK.length - 1, Math.floor((b.spend / peak.spend) * (SPARK.length - 1)))]!))
      .join('');
    const per = usage.overTime.bucketHours === 1 ? 'hour' : `${usage.overTime.bucketHours} hours`;
    out.text(2, `Spend per ${per}, oldest first (peak ${cut(peak.text, 14)} from ${utc(peak.start)} UTC):`);
    // The chart is one word of bars: it keeps its blanks (empty hours) and splits only where the terminal ends.
    for (let i = 0; i < bars.length;) {
      const room = width === undefined ? bars.length : Math.max(1, width - 2);
      out.out.push(`  ${bars.slice(i, i + room)}`);
      i += room;
    }
  }
  return out.out;
}
