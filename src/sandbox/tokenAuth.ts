import type { IncomingMessage, ServerResponse } from 'node:http';
import { FLAVORS } from './flavors';
import { sendGatewayError } from './gatewayErrors';
import type { SandboxState } from './sandboxState';
import type { SandboxToken } from './scenarios';

/** The key as `TokenAuth` reads it: Bearer, a bare key, or x-api-key on /v1/messages and /v1/models. */
export function presentedKey(req: IncomingMessage, path: string): string | undefined {
  const auth = req.headers.authorization;
  if (auth) return auth.replace(/^bearer\s+/i, '').trim();
  const apiKey = req.headers['x-api-key'];
  if (typeof apiKey === 'string' && /^\/v1\/(messages|models)/.test(path)) return apiKey.trim();
  return undefined;
}

export const maskKey = (key: string) => `${key.slice(0, 6)}***${key.slice(-3)}`;

export type AuthMode = 'relay' | 'read-only';

/**
 * `TokenAuth` (relay) and `TokenAuthReadOnly` (/api/usage/token/): answers the error itself and
 * returns undefined when the request may not go on. Read-only lets expired and exhausted tokens
 * through, as new-api does, but not disabled ones.
 */
export function authenticate(req: IncomingMessage, res: ServerResponse, path: string, state: SandboxState, mode: AuthMode): SandboxToken | undefined {
  const { flavor } = state.scenario;
  const text = FLAVORS[flavor];
  const key = presentedKey(req, path);
  if (!key) return void sendGatewayError(res, flavor, 401, text.noToken);
  const token = state.tokenFor(key);
  if (!token) return void sendGatewayError(res, flavor, 401, text.unknownToken);
  if (token.state === 'disabled') return void sendGatewayError(res, flavor, 401, text.disabledToken);
  if (mode === 'relay' && token.state === 'expired') return void sendGatewayError(res, flavor, 401, text.expiredToken);
  if (mode === 'relay' && token.state === 'exhausted') return void sendGatewayError(res, flavor, 401, text.exhaustedToken(maskKey(key)));
  if (token.allowIps && !token.allowIps.includes(req.socket.remoteAddress ?? '')) {
    return void sendGatewayError(res, flavor, 403, text.ipDenied(req.socket.remoteAddress ?? ''), 'access_denied');
  }
  return token;
}
