import type { ServerResponse } from 'node:http';
import { FLAVORS } from './flavors';
import { sendGatewayError } from './gatewayErrors';
import { sendJson, sendText } from './httpUtil';
import type { ChatFault } from './scenarios';
import type { Flavor } from './flavors';

const PROXY_502 = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** Answers a chat request with the scenario's failure, worded as the gateway (or a proxy) would. */
export function sendChatFault(res: ServerResponse, flavor: Flavor, fault: ChatFault): void {
  switch (fault) {
    case 'user-quota':
      return sendGatewayError(res, flavor, 403, FLAVORS[flavor].userQuota, 'insufficient_user_quota');
    case 'token-quota':
      return sendGatewayError(res, flavor, 403, 'token quota is not enough, token remain quota: ＄0.000120, need quota: ＄0.004096', 'pre_consume_token_quota_failed');
    case 'rate-limit':
      return sendGatewayError(res, flavor, 429, '您已达到请求数限制：1分钟内最多请求10次', '', { 'Retry-After': '2' });
    case 'rate-limit-bare':
      res.writeHead(429, { 'Content-Length': '0' });
      return void res.end();
    case 'server-error':
      return sendGatewayError(res, flavor, 500, 'Post "https://upstream.example/v1/chat/completions": EOF', 'do_request_failed');
    case 'proxy-html':
      return sendText(res, 502, 'text/html', PROXY_502);
    case 'empty-choices':
      return sendJson(res, 200, { id: 'chatcmpl-empty', object: 'chat.completion', created: Math.floor(Date.now() / 1000), model: 'gpt-5.4', choices: [], usage: { prompt_tokens: 5, completion_tokens: 0, total_tokens: 5 } });
    case 'malformed-json':
      return sendText(res, 200, 'application/json', '{"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,');
  }
}
