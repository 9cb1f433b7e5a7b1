import type { SymptomRow } from './symptomRow';

const row = (id: string, symptom: string, cause: string, fix: string, matches: SymptomRow['matches']): SymptomRow => ({
  id: `gateway.${id}`,
  source: 'gateway-reference',
  clients: 'all',
  symptom,
  cause,
  fix,
  matches,
});

/**
 * Rows the gateway research adds (gateway-behaviour.md, client-url-rules.md). They apply to every
 * client and answer whenever a client's own guide has no row for a conclusion.
 */
export const GATEWAY_ROWS: readonly SymptomRow[] = [
  {
    id: 'gateway.cursor-egress',
    source: 'gateway-reference',
    clients: ['cursor'],
    symptom: 'Works here, fails in Cursor (IP restriction or a local URL)',
    cause: 'Cursor sends BYOK requests from its own servers, not from this machine: an IP-restricted token, or a localhost or LAN base URL, cannot work',
    fix: 'remove the IP restriction from the token Cursor uses, and use the public https://crazyrouter.com/v1',
    matches: ['client.vendor-egress', 'auth.ip-denied'],
  },
  row('token-malformed', 'Token rejected before it is sent', 'the pasted value has spaces, quotes, a "Bearer " prefix or is not an sk-... token', 'copy the raw sk-... value from the Crazyrouter dashboard and paste it into {keyField} again', ['token.malformed']),
  row('dns', 'Host name does not resolve', 'DNS failure: typo in the host, no network, or a DNS filter', 'check the spelling of the host in {urlField} ({urlValue}) and your network or VPN', ['network.dns']),
  row('refused', 'Connection refused or reset', 'nothing listens at that address and port, or a firewall or proxy drops the connection', 'check the host and port in {urlField}, and any proxy settings (http.proxy, HTTPS_PROXY)', ['network.refused', 'network.reset']),
  row('tls', 'TLS / certificate error', 'a proxy or antivirus intercepts HTTPS, or the URL points at the wrong host', 'use {urlValue} exactly; if a corporate proxy re-signs HTTPS, install its root certificate for your client', ['network.tls']),
  row('timeout', 'Request times out', 'slow or blocked network path, or an overloaded upstream', 'retry; if it persists check proxy or VPN settings and the Crazyrouter status page', ['network.timeout']),
  row('insecure-http', 'Token would travel over plain http', 'the base URL uses http:// to a host that is not this machine', 'use {urlValue} (https) in {urlField}', ['network.insecure-http']),
  row('html-200', 'HTTP 200 with an HTML page instead of JSON', 'the base URL points at the website, not the API (for most clients the /v1 is missing)', 'set {urlField} to exactly {urlValue}', ['url.website-html']),
  row('invalid-url', '404 Invalid URL (POST /v1/…)', 'the path is wrong: /v1 added twice, or a full endpoint typed as the base URL', 'set {urlField} to exactly {urlValue}', ['url.wrong-path', 'url.not-found']),
  row('redirect', 'Redirect to another site', 'the URL redirects to a different origin; the doctor does not follow it with your token', 'use {urlValue} in {urlField}', ['url.redirect']),
  row('401', '401 Invalid token / 无效的令牌', 'the token is unknown, deleted, expired, disabled or out of quota (the gateway gives one answer for all since April 2026)', 'create a new token in the Crazyrouter dashboard and paste it into {keyField}', ['auth.invalid', 'auth.missing']),
  row('expired', '401, token expired', 'the token has passed its expiry date', 'extend the expiry or create a new token, then paste it into {keyField}', ['auth.expired']),
  row('disabled', '401, token disabled', 'the token was disabled in the dashboard', 'enable the token again in the Crazyrouter dashboard, or create a new one', ['auth.disabled']),
  row('exhausted', '401, token quota used up', 'the token’s quota cap is spent', 'raise the token’s quota cap in the Crazyrouter dashboard (keep a cap) or create a new token', ['auth.exhausted']),
  row('ip-denied', '403 access_denied (IP not in the token’s list)', 'the token has an IP restriction and this request came from another address', 'add your current egress IP to the token, or remove the IP restriction on laptops that change networks', ['auth.ip-denied']),
  row('banned', '403 user banned', 'the account is banned', 'contact Crazyrouter support', ['auth.banned']),
  row('group', '403 group not usable', 'the token’s group is not available to this account', 'pick another group for the token in the dashboard', ['auth.group']),
  row('model-not-allowed', '403 This token has no access to model …', 'the model is not in the token’s allowlist', 'allow that model in the token settings, or choose an allowed model in {client}', ['model.not-allowed', 'model.none-allowed', 'models.chosen-missing']),
  row('no-channel', '503 No available channel for model … (model_not_found)', 'no upstream serves that model name for your group: a typo, a suffix variant, or a model not offered to your group', 'use the exact model id from the model list (start with gpt-5.4)', ['model.no-channel']),
  row('model-unavailable', 'Chat call to a model fails', 'the model rejected the request or is unavailable', 'get gpt-5.4 working first, then add other models one at a time', ['model.unavailable']),
  row('reasoning-params', '400 Unsupported parameter: max_tokens', 'a reasoning model accepts only max_completion_tokens; clients that send max_tokens fail with it', 'use a client version that sends max_completion_tokens, or pick a non-reasoning model in {client}', ['model.reasoning-params']),
  row('models-empty', 'Model list is empty', 'the token’s allowlist is enabled but empty, or no model is enabled for its group', 'allow at least one model (e.g. gpt-5.4) in the token settings', ['models.list-empty']),
  row('allowlist-wide', 'Token can use every model', 'no model allowlist: a leaked or shared token can spend on any model', 'limit the token to the 2 to 4 models {client} really uses', ['allowlist.too-wide']),
  row('user-quota', '403 insufficient_user_quota (用户额度不足)', 'the account balance is used up', 'top up the account balance in the Crazyrouter dashboard', ['quota.user-insufficient']),
  row('token-quota', '403 pre_consume_token_quota_failed', 'the token’s remaining quota is below what the request needs', 'raise the token’s quota cap in the dashboard', ['quota.token-insufficient']),
  row('unlimited', 'Token has unlimited quota', 'no quota cap: a runaway client or a leaked token can spend the whole balance', 'set a quota cap on the token dedicated to {client}', ['quota.unlimited']),
  row('quota-low', 'Token quota almost used up', 'the token has less than 10% of its quota left', 'raise the cap before requests start failing', ['quota.low']),
  row('429', '429 Too Many Requests', 'a rate limit of the gateway or the upstream was hit', 'wait for the time in retry-after and retry; lower the client’s request rate', ['rate.limited']),
  row('5xx', '5xx server error', 'the gateway or a proxy in front of it failed', 'retry later; if it persists, report the request id to Crazyrouter support', ['gateway.server-error']),
  row('upstream', 'Upstream provider error', 'the model provider behind the gateway returned an error', 'retry, or switch to another model; report the request id if it persists', ['gateway.upstream-error']),
  row('malformed', 'Response is not valid JSON', 'a proxy or the gateway returned a broken body', 'retry; if it persists, check proxies between you and {urlValue}', ['response.malformed']),
  row('stream-buffered', 'Streaming arrives all at once', 'a proxy (nginx proxy_buffering, gzip) buffers the event stream', 'turn off buffering for the event stream (proxy_buffering off / X-Accel-Buffering: no), or bypass the proxy', ['stream.buffered']),
  row('stream-broken', 'Stream ends early or cannot be parsed', 'the connection was cut mid-stream, or a data: line was not JSON', 'retry; if it persists, bypass proxies and report the request id', ['stream.not-sse', 'stream.cut', 'stream.no-done', 'stream.malformed', 'stream.error-event']),
  row('stream-no-usage', 'Stream has no usage chunk', 'the gateway or upstream does not report token usage in streams', 'token counts in {client} may be missing; usage still appears in the Crazyrouter logs', ['stream.no-usage']),
  row('vendor-egress', 'The client cannot reach this URL from where it runs', 'the client sends requests from its vendor’s servers, which cannot reach a localhost or LAN address or pass an IP restriction', 'use the public {urlValue} and a token without an IP restriction', ['client.vendor-egress']),
  row('protocol-missing', 'The gateway lacks the API this client speaks', 'Claude Code speaks Anthropic Messages (/v1/messages) and current Codex only the Responses API (/v1/responses); older gateways (one-api) have neither', 'use a gateway that serves that API (Crazyrouter does), or a client that speaks OpenAI chat completions', ['client.protocol-missing']),
  row('no-tool-call', 'Model does not call tools', 'the model or its channel does not support tool calling', 'use a model that handles tool use reliably (e.g. gpt-5.4) for agent or MCP work', ['tools.no-call', 'tools.error']),
];
