import * as l10n from '@vscode/l10n';
import type { Exchange } from '../transport/exchange';
import { matchWording } from '../wordings/matchWording';
import type { AnswerContext, Diagnosis } from './diagnosis';
import { isGatewayRaised, readErrorBody, type GatewayError } from './errorEnvelope';
import { statusFallback } from './statusFallbacks';

export const isHtml = (contentType: string | undefined) => /text\/html|application\/xhtml/i.test(contentType ?? '');
export const isJson = (contentType: string | undefined) => /[/+]json/i.test(contentType ?? '');
const looksLikeHtml = (body: string) => /^\s*(<!doctype html|<html)/i.test(body);

/** The gateway's message as it said it, cut for a one-line summary (escaping is the renderer's job). */
const quote = (error: GatewayError) => (error.message.length > 300 ? `${error.message.slice(0, 300)}…` : error.message);

/** A tokenless request answered with a JSON 401 (the gateway asking for a token): the URL is the API. */
export function asksForToken(exchange: Exchange | undefined): boolean {
  if (exchange?.status !== 401) return false;
  const error = readErrorBody(exchange.body, 401);
  return error !== undefined && error.kind !== 'text' && error.kind !== 'empty';
}

/**
 * What an HTTP answer means, read from the status and the raw body the gateway sent (never from
 * what an SDK made of it). Undefined for an answer that is not a failure. The message is matched
 * against the corpus of real gateway and upstream wordings; what the corpus does not know falls
 * back on the status, and says that it did. With `partialBody` (a stream that has just started, or
 * a body cut off), only the status and headers are judged, so the verdict does not depend on how
 * much of the body happened to have arrived.
 */
export function classifyAnswer(exchange: Exchange, context: AnswerContext, { partialBody = false } = {}): Diagnosis | undefined {
  const body = partialBody ? undefined : exchange.body;
  const status = exchange.status ?? 0;
  const where = `${exchange.method} ${new URL(exchange.url).pathname}`;
  if (exchange.redirectLoop)
    return {
      symptom: 'url.redirect',
      summary: l10n.t('{where} kept redirecting within the same site ({loop}): a redirect loop; the doctor stopped following it.', {
        where,
        loop: exchange.redirectLoop,
      }),
    };
  if (exchange.blockedRedirect) {
    return {
      symptom: 'url.redirect',
      summary: l10n.t('{where} answered {status} redirecting to {target}; not followed, so the token was not sent there.', {
        where,
        status,
        target: exchange.blockedRedirect,
      }),
    };
  }
  if (status >= 300 && status < 400)
    return { symptom: 'url.redirect', summary: l10n.t('{where} answered {status} without a usable Location.', { where, status }) };
  if (isHtml(exchange.contentType) || (body !== undefined && !isJson(exchange.contentType) && looksLikeHtml(body))) {
    if (status >= 200 && status < 300)
      return {
        symptom: 'url.website-html',
        summary: l10n.t('{where} returned an HTML page with status {status}: this is the website, not the API.', { where, status }),
      };
    if (status === 404)
      return {
        symptom: 'url.not-found',
        summary: l10n.t('{where} returned 404 with an HTML page: nothing serves the API at this path (the gateway answers unknown API paths with JSON).', {
          where,
        }),
      };
    return {
      symptom: 'front.html',
      summary: l10n.t('{where} returned {status} with an HTML page: something in front of the gateway (a CDN, firewall or proxy) answered, not the gateway.', {
        where,
        status,
      }),
    };
  }
  const error = body === undefined ? undefined : readErrorBody(body, status);
  if (!error) return status >= 400 ? statusFallback(where, status, undefined, context) : undefined;
  const detail = `${status}${error.message ? ` ${quote(error)}` : error.kind === 'empty' ? l10n.t(' with an empty body') : ''}${error.code ? ` (${error.code})` : ''}`;
  const wording = matchWording(status, error, context.route);
  if (wording) {
    const symptom = wording.symptom === 'auth.invalid' && !isGatewayRaised(error) && context.tokenAccepted ? 'gateway.channel-key' : wording.symptom;
    return { symptom, summary: `${where} → ${detail}${retryAfter(exchange, status)}`, wording: wording.id };
  }
  return statusFallback(where, status, error, context, detail + retryAfter(exchange, status));
}

function retryAfter(exchange: Exchange, status: number): string {
  if (status !== 429) return '';
  return exchange.retryAfter ? ` (retry-after: ${exchange.retryAfter})` : l10n.t(' (no retry-after given)');
}
