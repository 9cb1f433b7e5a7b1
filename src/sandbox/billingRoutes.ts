import type { ServerResponse } from 'node:http';
import { sendJson } from './httpUtil';
import type { SandboxState } from './sandboxState';
import { tokenEchoes } from './tokenEcho';
import { UNITS_PER_USD, type SandboxToken } from './scenarios';

/** new-api shows an unlimited token as this amount (controller/billing.go). */
const UNLIMITED_AMOUNT = 100_000_000;

const expiresAt = (token: SandboxToken) => (token.state === 'expired' ? Math.floor(Date.now() / 1000) - 86_400 : 0);

/** `GET /dashboard/billing/subscription`: the token's quota in USD (DisplayTokenStatEnabled). */
export function billingSubscription(res: ServerResponse, token: SandboxToken): void {
  const amount = token.unlimited ? UNLIMITED_AMOUNT : token.grantedUnits / UNITS_PER_USD;
  sendJson(res, 200, {
    object: 'billing_subscription',
    has_payment_method: true,
    soft_limit_usd: amount,
    hard_limit_usd: amount,
    system_hard_limit_usd: amount,
    access_until: expiresAt(token),
  });
}

/** `GET /dashboard/billing/usage`: used quota in US cents. */
export function billingUsage(res: ServerResponse, token: SandboxToken): void {
  sendJson(res, 200, { object: 'list', total_usage: (token.usedUnits / UNITS_PER_USD) * 100 });
}

/** `GET /api/usage/token/` (TokenAuthReadOnly): answers for expired and exhausted tokens too. */
export function tokenUsage(res: ServerResponse, token: SandboxToken): void {
  const available = token.unlimited ? 0 : Math.max(0, token.grantedUnits - token.usedUnits);
  const limits = Object.fromEntries((token.allowlist ?? []).map((id) => [id, true]));
  sendJson(res, 200, {
    code: true,
    message: 'ok',
    data: {
      object: 'token_usage',
      name: token.name,
      total_granted: token.grantedUnits,
      total_used: token.usedUnits,
      total_available: available,
      unlimited_quota: token.unlimited,
      model_limits: limits,
      model_limits_enabled: token.allowlist !== null,
      expires_at: token.state === 'expired' ? expiresAt(token) : -1,
    },
  });
}

/** `GET /v1/models`: new-api's list shape. */
export function modelList(res: ServerResponse, state: SandboxState, token: SandboxToken): void {
  const echoes = state.scenario.faults.echoToken ? tokenEchoes(state.presentedKey) : [];
  const data = [...state.visibleModels(token), ...echoes].map((id) => ({
    id,
    object: 'model',
    created: 1626777600,
    owned_by: id.startsWith('gpt') ? 'openai' : 'custom',
    supported_endpoint_types: ['openai'],
  }));
  sendJson(res, 200, { success: true, object: 'list', data });
}
