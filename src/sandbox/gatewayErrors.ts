import type { ServerResponse } from 'node:http';
import { WORDINGS } from '../core/wordings/corpus';
import type { GatewayWording } from '../core/wordings/wording';
import { GATEWAYS, type Situation } from './gatewayVersions';
import { sendJson } from './httpUtil';
import type { SandboxState } from './sandboxState';

/** Values for a wording's `{placeholders}`; anything missing stays as it is, visibly. */
export type WordingValues = Partial<Record<string, string>>;

const slugOf = (id: string) => (id.split('/')[2] ?? '').replace(/@.*$/, '');

/** The corpus's wordings by slug, in corpus order (made on first use: every answer the sandbox words looks one up). */
let bySlug: Map<string, GatewayWording[]> | undefined;
function wordingsWithSlug(slug: string): GatewayWording[] {
  if (!bySlug) {
    bySlug = new Map();
    for (const wording of WORDINGS) {
      const key = slugOf(wording.id);
      const same = bySlug.get(key);
      if (same) same.push(wording);
      else bySlug.set(key, [wording]);
    }
  }
  return bySlug.get(slug) ?? [];
}

/** The corpus wording a gateway version sends for `slug`, in `lang` when it is translated. */
export function wordingFor(gateway: keyof typeof GATEWAYS, lang: string, slug: string): GatewayWording {
  const candidates = wordingsWithSlug(slug).filter((w) => w.versions.includes(gateway));
  const found = candidates.find((w) => w.lang === lang) ?? candidates.find((w) => w.lang === 'en') ?? candidates[0];
  if (!found) throw new Error(`the corpus has no "${slug}" wording for ${gateway}`);
  return found;
}

/** The message as the gateway writes it: placeholders filled, the request id appended where its code does. */
function messageOf(res: ServerResponse, wording: GatewayWording, values: WordingValues): string {
  const text = wording.text.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => values[name] ?? whole);
  return wording.requestIdSuffix ? `${text} (request id: ${String(res.getHeader('X-Oneapi-Request-Id') ?? '')})` : text;
}

/** Writes a wording in its envelope, with its status (research/wordings-notes.md §2 on how each is serialised). */
export function sendWording(res: ServerResponse, wording: GatewayWording, values: WordingValues = {}, headers: Record<string, string> = {}): void {
  const message = messageOf(res, wording, values);
  switch (wording.envelope) {
    case 'empty':
      res.writeHead(wording.status, { 'Content-Length': '0', ...headers });
      return void res.end();
    case 'text':
      res.writeHead(wording.status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
      return void res.end(message);
    case 'success-false':
      return sendJson(res, wording.status, { message, success: false }, headers);
    case 'claude':
      return sendJson(res, wording.status, { error: { type: wording.type, message }, type: 'error' }, headers);
    case 'openai':
      return sendJson(res, wording.status, { error: { code: wording.code ?? '', message, type: wording.type } }, headers);
    case 'openai-no-code':
    case 'flat':
      return sendJson(res, wording.status, { error: { message, type: wording.type } }, headers);
  }
}

/**
 * Answers a situation as the scenario's gateway version words it, in the language it would pick:
 * the token owner's setting (the scenario's `lang`), else the request's Accept-Language.
 */
export function sendSituation(
  res: ServerResponse,
  state: SandboxState,
  situation: Situation,
  values: WordingValues = {},
  headers: Record<string, string> = {},
): void {
  const traits = GATEWAYS[state.gateway];
  const slug = traits.says[situation];
  if (!slug) throw new Error(`${state.gateway} has no answer for ${situation}`);
  const lang = state.lang ?? traits.language(res.req?.headers['accept-language']);
  const path = new URL(res.req?.url ?? '/', 'http://sandbox').pathname;
  sendWording(res, wordingFor(state.gateway, lang, slug), { method: res.req?.method ?? 'GET', path, group: 'default', ...values }, headers);
}

/** `sendSituation`, for a step that must return nothing after refusing (`return refuse(…)`). */
export function refuse(res: ServerResponse, state: SandboxState, situation: Situation, values: WordingValues = {}): undefined {
  sendSituation(res, state, situation, values);
  return undefined;
}

/** An error the upstream provider raised, passed through as new-api does (its own type kept). */
export function sendUpstreamError(res: ServerResponse, status: number, message: string, type: string, param: string | null, code: string | null): void {
  sendJson(res, status, { error: { message, type, param, code } });
}
