import type { ServerResponse } from 'node:http';
import { BASELINE_MODEL } from '../core/clients/clients';
import { sendSituation, sendWording, wordingFor } from './gatewayErrors';
import { GATEWAYS } from './gatewayVersions';
import { sendJson, sendText } from './httpUtil';
import type { SandboxState } from './sandboxState';
import type { ChatFault } from './scenarios';

/** nginx's own 502 page, as a proxy in front of the gateway sends it. */
const PROXY_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
/** A CDN's challenge page: HTML with 403 before the request ever reaches the gateway. */
const CDN_CHALLENGE =
  '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title><meta http-equiv="refresh" content="390"></head><body><noscript>Enable JavaScript and cookies to continue</noscript></body></html>';

/** Answers a chat request with the scenario's failure, worded as the gateway version (or a proxy) would. */
export function sendChatFault(res: ServerResponse, state: SandboxState, fault: ChatFault): void {
  const family = GATEWAYS[state.gateway].family;
  switch (fault) {
    case 'user-quota':
      return sendSituation(res, state, 'user-quota', { quota: '＄0.000000' });
    case 'token-quota':
      return sendSituation(res, state, 'token-quota', { quota: '＄0.000120', need: '＄0.004096' });
    case 'rate-limit':
      return sendSituation(res, state, 'rate-limit', { minutes: '1', count: '10' }, { 'Retry-After': '2' });
    case 'rate-limit-bare':
      return sendWording(res, wordingFor(state.gateway, 'en', 'rate-limit-memory'));
    case 'server-error':
      return sendWording(res, wordingFor(state.gateway, 'en', 'panic'), { err: 'runtime error: invalid memory address or nil pointer dereference' });
    case 'upstream-key':
      // The gateway accepted the token; the provider rejected the gateway's own channel key (gateway-behaviour.md §11).
      return sendWording(res, wordingFor(state.gateway, 'en', 'upstream-invalid-api-key'), {
        key: 'sk-proj-****abcd. You can find your API key at https://***.com/***/***.',
      });
    case 'proxy-html':
      return sendText(res, 502, 'text/html', PROXY_502);
    case 'cdn-challenge':
      return sendText(res, 403, 'text/html; charset=UTF-8', CDN_CHALLENGE);
    case 'empty-choices':
      return sendJson(res, 200, {
        id: 'chatcmpl-empty',
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: BASELINE_MODEL,
        choices: [],
        usage: { prompt_tokens: 5, completion_tokens: 0, total_tokens: 5 },
      });
    case 'malformed-json':
      return sendText(res, 200, 'application/json', '{"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,');
    case 'thinking-budget':
      // The upstream's own 400, relayed in the OpenAI shape (Anthropic's text: corpus upstreamWordings.ts).
      return sendJson(res, 400, {
        error: { message: 'max_tokens must be greater than thinking.budget_tokens', type: 'invalid_request_error', param: '', code: null },
      });
    default:
      return assertNever(fault, family);
  }
}

function assertNever(fault: never, family: string): never {
  throw new Error(`unknown chat fault ${String(fault)} for ${family}`);
}
