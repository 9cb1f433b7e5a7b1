import type { IncomingMessage, ServerResponse } from 'node:http';
import { refuse } from './gatewayErrors';
import { GATEWAYS } from './gatewayVersions';
import type { SandboxState } from './sandboxState';
import type { SandboxToken } from './scenarios';

/** The key as `TokenAuth` reads it: Bearer, a bare key, or x-api-key on /v1/messages and /v1/models. */
export function presentedKey(req: IncomingMessage, path: string, dropped = false): string | undefined {
  if (dropped) return undefined;
  const auth = req.headers.authorization;
  if (auth) return auth.replace(/^bearer\s+/i, '').trim();
  const apiKey = req.headers['x-api-key'];
  if (typeof apiKey === 'string' && /^\/v1\/(messages|models)/.test(path)) return apiKey.trim();
  return undefined;
}

/** `sk-{prefix}***{suffix}`: the first and last three characters after `sk-` (model/token.go). */
const maskParts = (key: string) => {
  const bare = key.replace(/^sk-/, '');
  return { prefix: bare.slice(0, 3), suffix: bare.slice(-3) };
};

export type AuthMode = 'relay' | 'read-only';

/**
 * `TokenAuth` (relay) and `TokenAuthReadOnly` (/api/usage/token/), worded as the scenario's gateway
 * version words them: answers the error itself and returns undefined when the request may not go
 * on. Read-only lets expired and exhausted tokens through, as new-api does; a disabled one only
 * where that version checks it (2026-08 refuses it, 2026-02 answers with its data).
 */
export function authenticate(req: IncomingMessage, res: ServerResponse, path: string, state: SandboxState, mode: AuthMode): SandboxToken | undefined {
  const traits = GATEWAYS[state.gateway];
  const status = mode === 'read-only';
  const key = presentedKey(req, path, state.scenario.faults.dropAuthorization);
  if (!key) return refuse(res, state, status ? 'status-no-token' : 'no-token');
  const token = state.tokenFor(key);
  if (!token) return refuse(res, state, status ? 'status-unknown-token' : 'unknown-token');
  if (token.state === 'disabled' && (!status || traits.statusRefusesDisabled)) return refuse(res, state, status ? 'status-disabled-token' : 'disabled-token');
  if (!status && token.state === 'expired') return refuse(res, state, 'expired-token');
  if (!status && token.state === 'exhausted') return refuse(res, state, 'exhausted-token', { ...maskParts(key), name: token.name, id: '12' });
  if (token.allowIps && !token.allowIps.includes(req.socket.remoteAddress ?? '')) {
    return refuse(res, state, 'ip-denied', { ip: req.socket.remoteAddress ?? '', subnet: token.allowIps.join(',') });
  }
  return token;
}
