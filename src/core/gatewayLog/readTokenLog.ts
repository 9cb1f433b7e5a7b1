import * as l10n from '@vscode/l10n';
import type { Diagnosis } from '../classify/diagnosis';
import { callGateway } from '../checks/gatewayCall';
import type { GatewayClient } from '../transport/gatewayClient';
import { gatewayRoot } from '../urls';
import { readEntries, TokenLogEnvelopeSchema, type LogEntry } from './logEntry';
import { retryAfterMs } from '../critical/retryAfter';

export type TokenLogRead =
  | {
      ok: true;
      /** Newest first, as the gateway sends them (new-api ≥ Feb 2026 orders by id desc). */
      entries: LogEntry[];
      /** Entries that did not read as log entries. */
      unreadable: number;
      /** The gateway's clock minus ours, from the response's Date header (±1 s), when it sent one. */
      skewMs?: number;
    }
  | {
      ok: false;
      reason: string;
      diagnosis?: Diagnosis;
      /** The route is not there (404, the website, the gateway's "Invalid URL"). */
      absent?: boolean;
      /** The gateway refused with its critical rate limit. */
      limited?: { retryAfterMs?: number };
      aborted?: boolean;
    };

const ABSENT = new Set(['url.not-found', 'url.website-html', 'url.wrong-path']);

/**
 * `GET /api/log/token` with the token in the Authorization header (TokenAuthReadOnly): the token's
 * recent log, newest first, at most MaxRecentItems (1000) entries (QQhuxuhui/new-api@ccd535ef8
 * router/api-router.go logRoute, controller/log.go GetLogByKey, model/log.go GetLogByTokenId). Never
 * the old `?key=sk-…` form: that puts the token in the URL, where proxies and server logs keep it.
 */
export async function readTokenLog(client: GatewayClient, baseUrl: string): Promise<TokenLogRead> {
  const url = `${gatewayRoot(baseUrl)}/api/log/token`;
  try {
    const call = await callGateway(client, { route: 'token-log', tokenAccepted: true }, () => client.sdk.get<unknown>(url, client.request));
    const exchange = call.exchange;
    if (!call.ok) {
      const { diagnosis } = call;
      if (diagnosis.symptom === 'rate.critical')
        return { ok: false, reason: diagnosis.summary, diagnosis, limited: { retryAfterMs: retryAfterMs(exchange?.retryAfter, Date.now()) } };
      if (ABSENT.has(diagnosis.symptom)) return { ok: false, reason: l10n.t('this gateway has no token log route'), absent: true };
      return { ok: false, reason: l10n.t('the token log route answered: {summary}', { summary: diagnosis.summary }), diagnosis };
    }
    const envelope = TokenLogEnvelopeSchema.safeParse(call.value);
    if (!envelope.success) return { ok: false, reason: l10n.t('the token log route answered with something else than a log') };
    if (!envelope.data.success) {
      const said = (envelope.data.message ?? '').slice(0, 200);
      return { ok: false, reason: said ? l10n.t('the token log route refused: “{said}”', { said }) : l10n.t('the token log route refused') };
    }
    const { entries, unreadable } = readEntries(envelope.data.data ?? []);
    const serverMs = exchange?.serverDate ? Date.parse(exchange.serverDate) : Number.NaN;
    const localMs = exchange ? exchange.wallStart + (exchange.headersMs ?? 0) : Number.NaN;
    const skewMs = Number.isFinite(serverMs) && Number.isFinite(localMs) ? serverMs - localMs : undefined;
    return { ok: true, entries, unreadable, skewMs };
  } catch (error) {
    if (client.request.signal.aborted) return { ok: false, reason: l10n.t('cancelled'), aborted: true };
    throw error;
  }
}
