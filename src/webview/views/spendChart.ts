import * as l10n from '@vscode/l10n';
import type { UsageView } from '../../core/protocol/spendViews';

const SVG = 'http://www.w3.org/2000/svg';
type SvgAttrs = Record<string, string | number>;

/** An SVG element; text is set as text, never parsed. */
function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: SvgAttrs = {}, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  if (text !== undefined) el.textContent = text;
  return el;
}

const hourOf = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** "Spend per hour" or "Spend per 3 hours": a chart's and a table's title. */
export const spendPer = (hours: number) => (hours === 1 ? l10n.t('Spend per hour') : l10n.t('Spend per {hours} hours', { hours }));

/**
 * Spend per hour (or per a few hours) over the log's span as bars, drawn in the theme's chart
 * colours (panel.css: --vscode-charts-*); the peak bar stands out. A screen reader hears the title
 * and a description with the span, the peak and the total; the table beside it has every number.
 */
export function spendOverTimeChart(usage: UsageView, titleId: string): SVGSVGElement {
  const buckets = usage.overTime.buckets;
  const width = 600;
  const height = 140;
  const top = 8;
  const bottom = 22;
  const peak = buckets.reduce((best, b, i) => (b.spend > (buckets[best]?.spend ?? 0) ? i : best), 0);
  const max = buckets[peak]?.spend ?? 0;
  const hours = usage.overTime.bucketHours;
  const [first, last, highest] = [buckets.at(0), buckets.at(-1), buckets.at(peak)];
  const values = first &&
    last &&
    highest && {
      bars: buckets.length,
      hours,
      from: hourOf(first.start),
      to: hourOf(last.start),
      peak: highest.text,
      peakAt: hourOf(highest.start),
      total: usage.total.text,
    };
  const described = !values
    ? l10n.t('No calls to chart.')
    : hours === 1
      ? l10n.t('{bars} bars, one per hour, from {from} to {to}. Peak {peak} from {peakAt}; {total} in all.', values)
      : l10n.t('{bars} bars, one per {hours} hours, from {from} to {to}. Peak {peak} from {peakAt}; {total} in all.', values);
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': titleId });
  svg.append(s('title', { id: titleId }, l10n.t('{spendPer}, oldest first. {described}', { spendPer: spendPer(hours), described })));
  const plot = height - top - bottom;
  const slot = buckets.length > 0 ? width / buckets.length : width;
  buckets.forEach((b, i) => {
    const h = max > 0 ? Math.max(b.spend > 0 ? 1 : 0, (b.spend / max) * plot) : 0;
    const bar = s('rect', {
      class: i === peak && max > 0 ? 'chart-bar peak' : 'chart-bar',
      x: i * slot + slot * 0.1,
      y: top + plot - h,
      width: slot * 0.8,
      height: h,
    });
    const calls = b.calls === 1 ? l10n.t('1 call') : l10n.t('{count} calls', { count: b.calls });
    bar.append(s('title', {}, `${hourOf(b.start)}: ${b.text}, ${calls}`));
    svg.append(bar);
  });
  svg.append(s('line', { class: 'chart-axis', x1: 0, x2: width, y1: top + plot + 0.5, y2: top + plot + 0.5 }));
  if (first && last) {
    svg.append(s('text', { class: 'chart-label', x: 0, y: height - 6 }, hourOf(first.start)));
    svg.append(s('text', { class: 'chart-label', x: width, y: height - 6, 'text-anchor': 'end' }, hourOf(last.start)));
  }
  return svg;
}

/** One bar per model (the eight that spent most), its name and amount beside it. */
export function spendByModelChart(usage: UsageView, titleId: string): SVGSVGElement {
  const models = usage.byModel.slice(0, 8);
  const row = 26;
  const width = 600;
  const label = 220;
  const amount = 110;
  const height = Math.max(row, models.length * row);
  const max = Math.max(0, ...models.map((m) => m.spend));
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': titleId });
  const words = models.map((m) => `${m.model} ${m.text} (${Math.round(m.share * 100)}%)`).join('; ');
  svg.append(s('title', { id: titleId }, l10n.t('Spend by model, the most first: {models}.', { models: words || l10n.t('no calls') })));
  models.forEach((m, i) => {
    const y = i * row;
    const name = m.model.length > 30 ? `${m.model.slice(0, 29)}…` : m.model;
    svg.append(s('text', { class: 'chart-label', x: 0, y: y + row * 0.65 }, name));
    const w = max > 0 ? Math.max(m.spend > 0 ? 1 : 0, ((width - label - amount) * m.spend) / max) : 0;
    svg.append(s('rect', { class: `chart-bar model-${i % 6}`, x: label, y: y + 4, width: w, height: row - 8 }));
    svg.append(s('text', { class: 'chart-label', x: width, y: y + row * 0.65, 'text-anchor': 'end' }, m.text));
  });
  return svg;
}
