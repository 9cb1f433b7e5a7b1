import type { IncomingMessage, ServerResponse } from 'node:http';
import { billingSubscription, billingUsage, modelList, tokenUsage } from './billingRoutes';
import { FULL_CATALOG } from './catalog';
import { relayChat } from './relayChat';
import { relayMessages, relayResponses } from './relayProtocols';
import { sendSituation } from './gatewayErrors';
import { GATEWAYS } from './gatewayVersions';
import { sendJson } from './httpUtil';
import { tokenLog, tokenLogByKey } from './logRoute';
import { gatewayStatus, pricingList } from './publicRoutes';
import type { RequestRecord, SandboxState } from './sandboxState';
import type { SandboxToken } from './scenarios';
import type { AuthMode } from './tokenAuth';

interface RouteBase {
  method: 'GET' | 'POST';
  path: string;
  /** Behind the gateway's critical rate limit, which counts the request before any auth (router/api-router.go: CORS, CriticalRateLimit, then TokenAuthReadOnly). */
  critical?: boolean;
}

export type Route =
  | (RouteBase & {
      auth: AuthMode;
      handle(req: IncomingMessage, res: ServerResponse, state: SandboxState, token: SandboxToken, record: RequestRecord): void | Promise<void>;
    })
  | (RouteBase & { auth: 'public'; serve(req: IncomingMessage, res: ServerResponse, state: SandboxState): void });

/** The relay, billing and token routes the sandbox serves (gateway-behaviour.md §1). */
export function routesFor(state: SandboxState): Route[] {
  const routes: Route[] = [
    { method: 'GET', path: '/v1/models', auth: 'relay', handle: (_q, res, s, t) => modelList(res, s, t) },
    { method: 'POST', path: '/v1/chat/completions', auth: 'relay', handle: relayChat },
  ];
  // one-api has neither the Responses API nor Anthropic Messages (gateway-behaviour.md §1).
  if (GATEWAYS[state.gateway].protocols) {
    routes.push(
      { method: 'POST', path: '/v1/responses', auth: 'relay', handle: relayResponses },
      { method: 'POST', path: '/v1/messages', auth: 'relay', handle: relayMessages },
    );
  }
  for (const prefix of ['', '/v1']) {
    routes.push(
      { method: 'GET', path: `${prefix}/dashboard/billing/subscription`, auth: 'relay', handle: (_q, res, _s, t) => billingSubscription(res, t) },
      { method: 'GET', path: `${prefix}/dashboard/billing/usage`, auth: 'relay', handle: (_q, res, _s, t) => billingUsage(res, t) },
    );
  }
  const traits = GATEWAYS[state.gateway];
  // new-api 2026: usageRoute.Use(CORS, CriticalRateLimit) (QQhuxuhui/new-api@ccd535ef8 router/api-router.go).
  if (traits.tokenStatusRoute)
    routes.push({ method: 'GET', path: '/api/usage/token/', auth: 'read-only', critical: true, handle: (_q, res, _s, t) => tokenUsage(res, t) });
  routes.push({ method: 'GET', path: '/api/status', auth: 'public', serve: (_q, res, s) => gatewayStatus(res, s) });
  if (traits.pricingRoute) routes.push({ method: 'GET', path: '/api/pricing', auth: 'public', serve: (_q, res, s) => pricingList(res, s) });
  // logRoute.Use(CORS, CriticalRateLimit) then TokenAuthReadOnly since 2026-02-06; before, `?key=` and no auth (Calcium-Ion/new-api@ef8ae4db).
  if (traits.logRoute === 'header')
    routes.push({ method: 'GET', path: '/api/log/token', auth: 'read-only', critical: true, handle: (_q, res, s, t) => tokenLog(res, s, t) });
  if (traits.logRoute === 'key') routes.push({ method: 'GET', path: '/api/log/token', auth: 'public', serve: tokenLogByKey });
  return routes;
}

/** `GET /v1/models/:model` looks only in the static catalogue and answers 200 even for unknown ids. */
export function retrieveModel(res: ServerResponse, state: SandboxState, model: string): void {
  if (FULL_CATALOG.some((m) => m.id === model)) return sendJson(res, 200, { id: model, object: 'model', created: 1626777600, owned_by: 'custom' });
  sendSituation(res, state, 'model-unknown', { model });
}
