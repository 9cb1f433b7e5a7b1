import * as l10n from '@vscode/l10n';
import type { HostMessage, RunSource } from '../../core/protocol/panelProtocol';
import { h, icon } from '../dom';

type Finished = Extract<HostMessage, { type: 'runFinished' }>;

const ICON = { pass: 'pass', warn: 'warning', fail: 'error', cancelled: 'circle-slash' } as const;

/** The verdict in words, with counts that never break between a number and its unit. */
export function verdictLine(message: Finished, source: RunSource): (Node | string)[] {
  const { verdict, counts } = message;
  const total = counts.pass + counts.warn + counts.fail + counts.skipped;
  const headline =
    verdict === 'pass'
      ? total === 1
        ? l10n.t('All {count} check passed.', { count: total })
        : l10n.t('All {count} checks passed.', { count: total })
      : verdict === 'warn'
        ? counts.warn === 1
          ? l10n.t('Works, with {count} warning.', { count: counts.warn })
          : l10n.t('Works, with {count} warnings.', { count: counts.warn })
        : verdict === 'fail'
          ? counts.fail === 1
            ? l10n.t('{count} check failed.', { count: counts.fail })
            : l10n.t('{count} checks failed.', { count: counts.fail })
          : l10n.t('Cancelled.');
  // A number never breaks from its unit.
  const facts = [
    l10n.t('{count} passed', { count: counts.pass }),
    counts.warn === 1 ? l10n.t('{count} warning', { count: counts.warn }) : l10n.t('{count} warnings', { count: counts.warn }),
    l10n.t('{count} failed', { count: counts.fail }),
    l10n.t('{count} skipped', { count: counts.skipped }),
    l10n.t('{ms} ms', { ms: message.durationMs }),
  ].map((fact) => fact.replace(/(\d) /, '$1\u00a0'));
  const at = new Date(source.at);
  const when = at.toDateString() === new Date().toDateString() ? at.toLocaleTimeString() : at.toLocaleString();
  return [
    h('span', { class: 'headline' }, icon(ICON[verdict]), h('strong', {}, headline)),
    h('span', { class: 'facts muted' }, ...facts.flatMap((fact, i) => (i === 0 ? [h('span', {}, fact)] : [' · ', h('span', {}, fact)]))),
    message.runsOn && h('span', { class: 'runs-on muted', id: 'runs-on' }, l10n.t('Checked from {machine}.', { machine: message.runsOn })),
    message.network && h('span', { class: 'network muted', id: 'network-route' }, message.network),
    source.restored &&
      h(
        'span',
        { class: 'restored muted', id: 'restored-note' },
        source.kind === 'status-bar'
          ? l10n.t("The status bar's check at {time} (model list and quota; no tokens spent). Run the checks for the full picture.", { time: when })
          : l10n.t('The last run, at {time}.', { time: when }),
      ),
  ].filter((x): x is HTMLElement => x !== false);
}
