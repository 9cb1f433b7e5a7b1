import type { IncomingMessage, ServerResponse } from 'node:http';
import { billingSubscription, billingUsage, modelList, tokenUsage } from './billingRoutes';
import { FULL_CATALOG } from './catalog';
import { relayChat } from './relayChat';
import { relayMessages, relayResponses } from './relayProtocols';
import { sendSituation } from './gatewayErrors';
import { GATEWAYS } from './gatewayVersions';
import { sendJson } from './httpUtil';
import type { RequestRecord, SandboxState } from './sandboxState';
import type { SandboxToken } from './scenarios';
import type { AuthMode } from './tokenAuth';

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  auth: AuthMode;
  handle(req: IncomingMessage, res: ServerResponse, state: SandboxState, token: SandboxToken, record: RequestRecord): void | Promise<void>;
}

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
  if (GATEWAYS[state.gateway].tokenStatusRoute)
    routes.push({ method: 'GET', path: '/api/usage/token/', auth: 'read-only', handle: (_q, res, _s, t) => tokenUsage(res, t) });
  return routes;
}

/** `GET /v1/models/:model` looks only in the static catalogue and answers 200 even for unknown ids. */
export function retrieveModel(res: ServerResponse, state: SandboxState, model: string): void {
  if (FULL_CATALOG.some((m) => m.id === model)) return sendJson(res, 200, { id: model, object: 'model', created: 1626777600, owned_by: 'custom' });
  sendSituation(res, state, 'model-unknown', { model });
}
