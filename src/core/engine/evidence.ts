import * as l10n from '@vscode/l10n';
import type { Evidence } from '../checks/checkTypes';
import { redact } from '../redact';
import type { Secret } from '../secret';
import type { Exchange } from '../transport/exchange';
import { routeLabel } from '../transport/networkRoute';

const EXCERPT_CHARS = 300;

/** Evidence for the report, built only from what the transport saw of responses, then redacted. */
export function toEvidence(exchange: Exchange, secrets: Secret[]): Evidence {
  // Redact the whole body before cutting it: a cut must never leave half a token behind.
  const excerpt = redact(exchange.body, ...secrets)
    .replace(/\s+/g, ' ')
    .trim();
  const note = [
    exchange.blockedRedirect && l10n.t('redirect to {target} not followed', { target: exchange.blockedRedirect }),
    exchange.redirectLoop && l10n.t('same-site redirects: {loop}', { loop: exchange.redirectLoop }),
    exchange.failure,
  ]
    .filter(Boolean)
    .join('; ');
  return {
    method: exchange.method,
    url: redact(exchange.url, ...secrets),
    status: exchange.status,
    contentType: exchange.contentType,
    requestId: exchange.requestId,
    gatewayVersion: exchange.gatewayVersion,
    headersMs: exchange.headersMs === undefined ? undefined : Math.round(exchange.headersMs),
    totalMs: exchange.endMs === undefined ? undefined : Math.round(exchange.endMs),
    bytes: exchange.bytes,
    bodyExcerpt: excerpt ? (excerpt.length > EXCERPT_CHARS ? `${excerpt.slice(0, EXCERPT_CHARS)}…` : excerpt) : undefined,
    note: note ? redact(note, ...secrets) : undefined,
    at: Number.isFinite(exchange.wallStart) && exchange.wallStart > 0 ? new Date(exchange.wallStart).toISOString() : undefined,
    via: exchange.route && exchange.route.kind !== 'direct' ? routeLabel(exchange.route) : undefined,
  };
}
