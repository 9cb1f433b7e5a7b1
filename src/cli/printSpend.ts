import * as l10n from '@vscode/l10n';
import type { CostReport } from '../core/report/costReport';
import type { UsageReport } from '../core/usage/usageReport';
import { visibleText } from '../core/visibleText';
import type { Style } from './style';
import { displayWidth, fitWidth, hanging, padWidth } from './terminalText';

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
const cut = (text: string, width: number) => fitWidth(visibleText(text), width);
const cell = (text: string, width: number): Cell => ({ text: cut(text, width), width });
const right = (text: string, width: number): Cell => ({ text: cut(text, width), width, align: 'right' });
let compacting: Intl.NumberFormat | undefined; // made once: each new one costs ~50 times a .format
const compact = (n: number) => (compacting ??= new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 })).format(n);
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
            .map((c) => (c.align === 'right' ? `${' '.repeat(Math.max(0, c.width - displayWidth(c.text)))}${c.text}` : padWidth(c.text, c.width)))
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
  const unit = cut(cost.unit, 24);
  out.text(
    0,
    cost.unitFrom === 'status'
      ? l10n.t('Cost (in {unit}, as the gateway shows it)', { unit })
      : l10n.t('Cost (in {unit}: the gateway’s display could not be read)', { unit }),
    style.bold,
  );
  if (cost.run) {
    const { found, requests, byTime } = cost.run;
    const values = { cost: cut(cost.run.cost, 16), found: String(found), requests: String(requests) };
    out.text(
      2,
      found < requests
        ? byTime
          ? l10n.t('This run: {cost} ({found} of {requests} requests found in the log, found by model and time)', values)
          : l10n.t('This run: {cost} ({found} of {requests} requests found in the log)', values)
        : byTime
          ? l10n.t('This run: {cost} ({requests} requests, found by model and time)', values)
          : l10n.t('This run: {cost} ({requests} requests)', values),
    );
    out.table(
      4,
      cost.run.lines.map((line) => {
        const tokens = line.found
          ? l10n.t('{prompt} + {completion} tok', { prompt: String(line.promptTokens ?? 0), completion: String(line.completionTokens ?? 0) })
          : l10n.t('not in the log');
        return { cells: [cell(line.title, 30), cell(line.model, 18), right(tokens, 13), right(line.cost ?? '', 10)] };
      }),
    );
  } else out.text(2, l10n.t('This run: not known (the gateway’s log was not read; see its check above)'));
  if (cost.pricesNote) {
    out.text(2, cut(cost.pricesNote, 76));
    return out.out;
  }
  const group = cost.group ? cut(cost.group, 24) : undefined;
  out.text(
    2,
    group === undefined
      ? l10n.t('Prices:')
      : cost.groupRatio === undefined
        ? l10n.t('Prices, group {group}:', { group })
        : l10n.t('Prices, group {group} (×{ratio}):', { group, ratio: String(cost.groupRatio) }),
  );
  out.table(4, [
    {
      cells: [cell(l10n.t('Model'), 30), right(l10n.t('In /1M tok'), 12), right(l10n.t('Out /1M tok'), 12), right(l10n.t('vs baseline'), 12)],
      paint: style.dim,
    },
    ...cost.prices.map((p) => {
      const times = p.timesBaseline !== undefined ? `${p.timesBaseline}×` : '';
      if (p.perCall) return { cells: [cell(p.model, 30), right(l10n.t('{price} per call', { price: p.perCall }), 25)] };
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
  const calls = String(usage.calls);
  out.text(
    0,
    usage.ownRun > 0
      ? l10n.t('Usage (the token’s last {calls} calls; this run’s {own} left out)', { calls, own: String(usage.ownRun) })
      : l10n.t('Usage (the token’s last {calls} calls)', { calls }),
    style.bold,
  );
  if (usage.from && usage.to) out.text(2, l10n.t('{from} → {to} UTC, the gateway’s clock', { from: utc(usage.from), to: utc(usage.to) }));
  if (usage.atLimit) out.text(2, l10n.t('That is the most the gateway returns: older calls are not shown.'), style.dim);
  if (usage.calls === 0) {
    out.text(2, l10n.t('No calls in the token’s log besides this run’s.'));
    return out.out;
  }
  out.table(2, [
    {
      cells: [
        cell(l10n.t('Model'), MODEL_WIDTH),
        right(l10n.t('Calls'), 6),
        right(l10n.t('Prompt tok'), 10),
        right(l10n.t('Output tok'), 10),
        right(l10n.t('Spend'), 11),
        right(l10n.t('Share'), 6),
      ],
      paint: style.dim,
    },
    ...usage.byModel.slice(0, 10).map((m) => ({
      cells: [
        cell(m.model || l10n.t('(no model)'), MODEL_WIDTH),
        right(String(m.calls), 6),
        right(compact(m.promptTokens), 10),
        right(compact(m.completionTokens), 10),
        right(m.text, 11),
        right(`${Math.round(m.share * 100)}%`, 6),
      ],
    })),
    ...(usage.byModel.length > 10 ? [{ note: l10n.t('… and {count} more models', { count: String(usage.byModel.length - 10) }), paint: style.dim }] : []),
    { cells: [cell(l10n.t('Total'), MODEL_WIDTH), right(String(usage.calls), 6), cell('', 10), cell('', 10), right(usage.total.text, 11)] },
  ]);
  const buckets = usage.overTime.buckets;
  const peak = buckets.reduce((top, b) => (b.spend > top.spend ? b : top), buckets[0]!);
  if (buckets.length > 1 && peak.spend > 0) {
    const bars = buckets
      .map((b) => (b.spend <= 0 ? ' ' : SPARK[Math.min(SPARK.length - 1, Math.floor((b.spend / peak.spend) * (SPARK.length - 1)))]!))
      .join('');
    const values = { peak: cut(peak.text, 14), start: utc(peak.start), hours: String(usage.overTime.bucketHours) };
    out.text(
      2,
      usage.overTime.bucketHours === 1
        ? l10n.t('Spend per hour, oldest first (peak {peak} from {start} UTC):', values)
        : l10n.t('Spend per {hours} hours, oldest first (peak {peak} from {start} UTC):', values),
    );
    // The chart is one word of bars: it keeps its blanks (empty hours) and splits only where the terminal ends.
    for (let i = 0; i < bars.length;) {
      const room = width === undefined ? bars.length : Math.max(1, width - 2);
      out.out.push(`  ${bars.slice(i, i + room)}`);
      i += room;
    }
  }
  return out.out;
}
