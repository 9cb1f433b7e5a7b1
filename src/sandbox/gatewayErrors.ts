import type { ServerResponse } from 'node:http';
import { FLAVORS, type Flavor } from './flavors';
import { sendJson } from './httpUtil';

/** The gateway's own error envelope, message suffixed with the request id as abortWithOpenAiMessage does. */
export function sendGatewayError(res: ServerResponse, flavor: Flavor, status: number, message: string, code = '', extraHeaders: Record<string, string> = {}): void {
  const text = FLAVORS[flavor];
  const requestId = String(res.getHeader('X-Oneapi-Request-Id') ?? '');
  const error: Record<string, string> = { message: `${message} (request id: ${requestId})`, type: text.errorType };
  if (text.sendsCode) Object.assign(error, { param: '', code });
  sendJson(res, status, { error }, extraHeaders);
}

/** An error the upstream provider raised, passed through as new-api does (its own type kept). */
export function sendUpstreamError(res: ServerResponse, status: number, message: string, type: string, param: string | null, code: string | null): void {
  sendJson(res, status, { error: { message, type, param, code } });
}

/** `RelayNotFound`: 404 JSON for unknown paths under /v1, /api and /assets. */
export function sendInvalidUrl(res: ServerResponse, method: string, path: string): void {
  sendJson(res, 404, { error: { message: `Invalid URL (${method} ${path})`, type: 'invalid_request_error', param: '', code: '' } });
}
