import type { HostMessage, RunSource } from '../../core/protocol/panelProtocol';
import { h, icon } from '../dom';

type Finished = Extract<HostMessage, { type: 'runFinished' }>;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const ICON = { pass: 'pass', warn: 'warning', fail: 'error', cancelled: 'circle-slash' } as const;

/** The verdict in words, with counts that never break between a number and its unit. */
export function verdictLine(message: Finished, source: RunSource): (Node | string)[] {
  const { verdict, counts } = message;
  const total = counts.pass + counts.warn + counts.fail + counts.skipped;
  const headline =
    verdict === 'pass'
      ? `All ${plural(total, 'check', 'checks')} passed.`
      : verdict === 'warn'
        ? `Works, with ${plural(counts.warn, 'warning', 'warnings')}.`
        : verdict === 'fail'
          ? `${plural(counts.fail, 'check', 'checks')} failed.`
          : 'Cancelled.';
  const facts = [
    `${counts.pass}\u00a0passed`,
    plural(counts.warn, 'warning', 'warnings').replace(' ', '\u00a0'),
    `${counts.fail}\u00a0failed`,
    `${counts.skipped}\u00a0skipped`,
    `${message.durationMs}\u00a0ms`,
  ];
  const at = new Date(source.at);
  const when = at.toDateString() === new Date().toDateString() ? at.toLocaleTimeString() : at.toLocaleString();
  return [
    h('span', { class: 'headline' }, icon(ICON[verdict]), h('strong', {}, headline)),
    h('span', { class: 'facts muted' }, ...facts.flatMap((fact, i) => (i === 0 ? [h('span', {}, fact)] : [' · ', h('span', {}, fact)]))),
    message.runsOn && h('span', { class: 'runs-on muted', id: 'runs-on' }, `Checked from ${message.runsOn}.`),
    message.network && h('span', { class: 'network muted', id: 'network-route' }, message.network),
    source.restored &&
      h(
        'span',
        { class: 'restored muted', id: 'restored-note' },
        source.kind === 'status-bar'
          ? `The status bar's check at ${when} (model list and quota; no tokens spent). Run the checks for the full picture.`
          : `The last run, at ${when}.`,
      ),
  ].filter((x): x is HTMLElement => x !== false);
}
