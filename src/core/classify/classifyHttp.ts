import type { Exchange } from '../transport/exchange';
import type { Diagnosis } from './diagnosis';
import { isGatewayRaised, readErrorEnvelope } from './errorEnvelope';
import { matchMessageRule } from './gatewayMessages';

export const isHtml = (contentType: string | undefined) => /text\/html/i.test(contentType ?? '');
export const isJson = (contentType: string | undefined) => /[/+]json/i.test(contentType ?? '');

/** A tokenless request answered with the gateway's JSON 401: the URL is the API. */
export function asksForToken(exchange: Exchange | undefined): boolean {
  return exchange?.status === 401 && readErrorEnvelope(exchange.excerpt) !== undefined;
}

/**
 * Classifies an HTTP answer the way gateway-behaviour.md §10 describes. Returns undefined for an
 * answer that is not a failure (a 2xx with a JSON body that is not an error envelope).
 */
export function classifyHttp(exchange: Exchange, body: unknown = exchange.excerpt): Diagnosis | undefined {
  const status = exchange.status ?? 0;
  const where = `${exchange.method} ${new URL(exchange.url).pathname}`;
  if (exchange.blockedRedirect) {
    return { symptom: 'url.redirect', summary: `${where} answered ${status} redirecting to ${exchange.blockedRedirect}; not followed, so the token was not sent there.` };
  }
  if (isHtml(exchange.contentType)) {
    if (status >= 200 && status < 300) return { symptom: 'url.website-html', summary: `${where} returned an HTML page with status ${status}: this is the website, not the API.` };
    if (status >= 500) return { symptom: 'gateway.server-error', summary: `${where} returned ${status} with an HTML page (an error page from a proxy in front of the gateway).` };
    if (status === 404) return { symptom: 'url.not-found', summary: `${where} returned 404 with an HTML page: nothing serves the API at this path.` };
  }
  const envelope = readErrorEnvelope(body);
  if (status >= 200 && status < 300) {
    if (!envelope) return undefined;
    const rule = matchMessageRule(status, envelope.message, envelope.code);
    return { symptom: rule ?? 'gateway.server-error', summary: `${where} returned ${status} with an error: ${envelope.message}` };
  }
  if (status === 429) {
    const wait = exchange.retryAfter ? ` (retry-after: ${exchange.retryAfter})` : ' (no retry-after given)';
    return { symptom: 'rate.limited', summary: `${where} was rate limited: 429${wait}${envelope?.message ? `: ${envelope.message}` : ''}.` };
  }
  if (envelope) {
    const rule = matchMessageRule(status, envelope.message, envelope.code);
    const detail = `${status} ${envelope.message}${envelope.code ? ` (${envelope.code})` : ''}`;
    if (rule) return { symptom: rule, summary: `${where} → ${detail}` };
    if (!isGatewayRaised(envelope)) return { symptom: 'gateway.upstream-error', summary: `${where} → upstream error ${detail}` };
    return { symptom: fallbackFor(status), summary: `${where} → ${detail}` };
  }
  if (status >= 300) {
    const note = isJson(exchange.contentType) ? 'a JSON body that is not an error envelope' : exchange.bytes === 0 ? 'no body' : `a ${exchange.contentType ?? 'untyped'} body`;
    return { symptom: fallbackFor(status), summary: `${where} → ${status} with ${note}.` };
  }
  return undefined;
}

function fallbackFor(status: number): Diagnosis['symptom'] {
  if (status === 401) return 'auth.invalid';
  if (status === 403) return 'model.not-allowed';
  if (status === 404 || status === 405 || status === 501) return 'url.not-found';
  if (status === 400 || status === 422) return 'model.unavailable';
  if (status === 429) return 'rate.limited';
  if (status >= 500) return 'gateway.server-error';
  return 'gateway.server-error';
}
