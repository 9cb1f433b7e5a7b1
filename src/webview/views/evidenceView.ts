import * as l10n from '@vscode/l10n';
import type { CheckResultView } from '../../core/protocol/panelProtocol';
import { loggedLine } from '../../core/protocol/loggedLine';
import { h } from '../dom';

/**
 * What a check saw, behind a disclosure: the requests it made (method, URL, status, timing, request
 * id, an excerpt of the body) and its further details. Nothing to show, no disclosure.
 */
export function evidenceDetails(result: CheckResultView): HTMLElement | false {
  const { evidence, details } = result;
  if (evidence.length === 0 && details.length === 0) return false;
  const label =
    evidence.length === 0
      ? l10n.t('Details')
      : evidence.length === 1
        ? l10n.t('Evidence ({count} request)', { count: evidence.length })
        : l10n.t('Evidence ({count} requests)', { count: evidence.length });
  return h('details', { class: 'evidence' }, h('summary', {}, label), ...evidenceContent(result));
}

/** The details and the requests of a check, without a disclosure around them. */
export function evidenceContent(result: CheckResultView): HTMLElement[] {
  const { evidence, details } = result;
  return [
    ...details.map((d) => h('div', { class: 'detail' }, d)),
    ...evidence.map((e) =>
      h(
        'div',
        { class: 'exchange' },
        h('code', {}, `${e.method} ${e.url}`),
        ' → ',
        h(
          'code',
          {},
          [e.status ?? l10n.t('no response'), e.contentType, e.totalMs !== undefined ? l10n.t('{ms} ms', { ms: e.totalMs }).replace(' ', '\u00a0') : undefined]
            .filter((x) => x !== undefined)
            .join(' · '),
        ),
        e.requestId && h('div', { class: 'muted' }, l10n.t('request id {requestId}', { requestId: e.requestId })),
        e.logged && h('div', { class: 'logged' }, loggedLine(e.logged)),
        e.note && h('div', { class: 'muted' }, e.note),
        e.via && h('div', { class: 'muted' }, e.via),
        e.bodyExcerpt && h('pre', { class: 'excerpt' }, e.bodyExcerpt),
      ),
    ),
  ];
}
