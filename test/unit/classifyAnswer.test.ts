import assert from 'node:assert/strict';
import { test } from 'mocha';
import { classifyAnswer } from '../../src/core/classify/classifyAnswer';
import type { AnswerContext } from '../../src/core/classify/diagnosis';
import type { SymptomId } from '../../src/core/symptoms/symptomIds';
import type { Exchange } from '../../src/core/transport/exchange';

function exchange(status: number, body: string, contentType = 'application/json; charset=utf-8', extra: Partial<Exchange> = {}): Exchange {
  return {
    method: 'POST',
    url: 'https://crazyrouter.com/v1/chat/completions',
    startedAt: 0,
    wallStart: 0,
    status,
    contentType,
    bytes: body.length,
    chunkMs: [],
    body,
    truncated: false,
    sawDone: false,
    pingLines: 0,
    ...extra,
  };
}
const na = (message: string, code = '') => JSON.stringify({ error: { message: `${message} (request id: 2026X)`, type: 'new_api_error', param: '', code } });
const oa = (message: string) => JSON.stringify({ error: { message: `${message} (request id: 1)`, type: 'one_api_error' } });

/** Every wording in gateway-behaviour.md §3–§5, with the conclusion it must lead to. */
const CASES: [string, number, string, SymptomId][] = [
  ['NA-cur: any token problem', 401, na('Invalid token'), 'auth.invalid'],
  ['NA-feb: no token', 401, na('未提供令牌'), 'auth.missing'],
  ['NA-feb: unknown token', 401, na('无效的令牌'), 'auth.invalid'],
  ['NA-feb: disabled', 401, na('该令牌状态不可用'), 'auth.disabled'],
  ['NA-feb: expired', 401, na('该令牌已过期'), 'auth.expired'],
  ['NA-feb: exhausted', 401, na('[sk-abc***xyz] 该令牌额度已用尽 !token.UnlimitedQuota && token.RemainQuota = 0'), 'auth.exhausted'],
  ['NA-feb: exhausted, status form', 401, na('该令牌额度已用尽 TokenStatusExhausted[sk-abc***xyz]'), 'auth.exhausted'],
  ['NA-feb: database error', 401, na('无效的令牌，数据库查询出错，请联系管理员'), 'gateway.database'],
  ['OA: exhausted by name', 401, oa('令牌 cursor（#12）额度已用尽'), 'auth.exhausted'],
  ['OA: token validation failed (its database)', 401, oa('令牌验证失败'), 'gateway.database'],
  ['IP not allowed', 403, na('您的 IP 不在令牌允许访问的列表中', 'access_denied'), 'auth.ip-denied'],
  ['OA: IP subnet', 403, oa('该令牌只能在指定网段使用：10.0.0.0/8，当前 ip：1.2.3.4'), 'auth.ip-denied'],
  ['user banned (en)', 403, na('User has been banned'), 'auth.banned'],
  ['user banned (zh)', 403, na('用户已被封禁'), 'auth.banned'],
  ['channel pinning', 403, na('普通用户不支持指定渠道'), 'auth.channel-pinned'],
  ['group not usable', 403, na('无权访问 vip 分组'), 'auth.group'],
  ['model not allowed (en)', 403, na('This token has no access to model gpt-5.4'), 'model.not-allowed'],
  ['model not allowed (zh)', 403, na('该令牌无权访问模型 gpt-5.4'), 'model.not-allowed'],
  ['OA: model not allowed', 403, oa('该令牌无权使用模型：gpt-5.4'), 'model.not-allowed'],
  ['no models allowed', 403, na('This token has no access to any models'), 'model.none-allowed'],
  ['user quota', 403, na('用户额度不足, 剩余额度: ＄0.000000', 'insufficient_user_quota'), 'quota.user-insufficient'],
  ['user quota pre-charge', 403, na('预扣费额度失败, 用户剩余额度: ＄0.01, 需要预扣费额度: ＄0.02', 'insufficient_user_quota'), 'quota.user-insufficient'],
  [
    'OA: user quota',
    403,
    JSON.stringify({ error: { message: 'user quota is not enough', type: 'one_api_error', code: 'insufficient_user_quota' } }),
    'quota.user-insufficient',
  ],
  [
    'token pre-charge',
    403,
    na('token quota is not enough, token remain quota: ＄0.01, need quota: ＄0.02', 'pre_consume_token_quota_failed'),
    'quota.token-insufficient',
  ],
  ['OA: token quota', 403, oa('令牌额度不足'), 'quota.token-insufficient'],
  ['no channel (en)', 503, na('No available channel for model gpt-9 under group default (distributor)', 'model_not_found'), 'model.no-channel'],
  ['no channel (zh)', 503, na('分组 default 下模型 gpt-5.1-high 无可用渠道（distributor）', 'model_not_found'), 'model.no-channel'],
  ['no channel on retry', 500, na('分组 default 下模型 x 的可用渠道不存在（retry）', 'get_channel_failed'), 'model.no-channel'],
  ['OA: no channel', 503, oa('当前分组 default 下对于模型 x 无可用渠道'), 'model.no-channel'],
  ['no model name', 400, na('Model name not specified, model name cannot be empty'), 'request.invalid'],
  [
    'reasoning model',
    400,
    JSON.stringify({
      error: {
        message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
        type: 'invalid_request_error',
        param: 'max_tokens',
        code: 'unsupported_parameter',
      },
    }),
    'model.reasoning-params',
  ],
  [
    'double /v1',
    404,
    JSON.stringify({ error: { message: 'Invalid URL (POST /v1/v1/chat/completions)', type: 'invalid_request_error', param: '', code: '' } }),
    'url.wrong-path',
  ],
  ['not implemented', 501, na('API not implemented', 'api_not_implemented'), 'url.not-found'],
  ['rate limit with message', 429, na('您已达到请求数限制：1分钟内最多请求10次'), 'rate.limited'],
  ['rate limit empty body', 429, '', 'rate.limited'],
  [
    'upstream 401 passed through',
    401,
    JSON.stringify({ error: { message: 'Incorrect API key provided: sk-proj-****abcd', type: 'invalid_request_error', code: 'invalid_api_key' } }),
    'gateway.channel-key',
  ],
  [
    'upstream 401, flat body (older new-api)',
    401,
    JSON.stringify({ message: 'Incorrect API key provided: sk-proj-****abcd (request id: 1)', type: 'invalid_request_error', code: 'invalid_api_key' }),
    'gateway.channel-key',
  ],
  [
    'an unknown 403 is inconclusive, never "model not allowed"',
    403,
    JSON.stringify({ error: { message: 'Forbidden by policy', type: 'new_api_error' } }),
    'gateway.refused',
  ],
  [
    'Anthropic thinking budget is not the reasoning-model rule',
    400,
    JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message: 'max_tokens must be greater than thinking.budget_tokens' } }),
    'param.thinking-budget',
  ],
  ['a 2025 one-api message without type', 401, JSON.stringify({ error: { message: '该令牌已过期' } }), 'auth.expired'],
  ['success:false on the token route', 401, JSON.stringify({ success: false, message: '未提供令牌' }), 'auth.missing'],
  ['plain text 401', 401, 'Invalid token', 'auth.invalid'],
  ['upstream 500', 500, JSON.stringify({ error: { message: 'overloaded', type: 'upstream_error' } }), 'gateway.upstream-error'],
  ['gateway panic', 500, JSON.stringify({ error: { message: 'panic', type: 'new_api_panic' } }), 'gateway.server-error'],
  ['do_request_failed', 500, na('Post "https://x": EOF', 'do_request_failed'), 'gateway.server-error'],
  ['billing database error with 200', 200, na('database error'), 'gateway.server-error'],
  [
    'retrieve unknown model with 200',
    200,
    JSON.stringify({ error: { message: "The model 'x' does not exist", type: 'invalid_request_error', param: 'model', code: 'model_not_found' } }),
    'model.not-found',
  ],
];

/** These checks run behind authentication: the gateway has accepted the token. */
const RELAY: AnswerContext = { route: 'relay', tokenAccepted: true };
const classify = (e: Exchange, context: AnswerContext = RELAY) => classifyAnswer(e, context);

for (const [name, status, body, symptom] of CASES) {
  test(`classify ${status}: ${name}`, () => {
    assert.equal(classify(exchange(status, body))?.symptom, symptom);
  });
}

test('an upstream 401 before the token was accepted is a token problem, after it the channel key', () => {
  const body = JSON.stringify({ error: { message: 'something upstream', type: 'upstream_error' } });
  assert.equal(classify(exchange(401, body), { route: 'relay' })?.symptom, 'auth.invalid');
  assert.equal(classify(exchange(401, body))?.symptom, 'gateway.channel-key');
});

test('the critical limit on the token routes is its own cause', () => {
  assert.equal(classify(exchange(429, ''), { route: 'token-status' })?.symptom, 'rate.critical');
  assert.equal(classify(exchange(429, ''))?.symptom, 'rate.limited');
});

test('HTML with 200 is the website', () => {
  const d = classify(exchange(200, '<!doctype html><title>New API</title>', 'text/html; charset=utf-8'));
  assert.equal(d?.symptom, 'url.website-html');
  assert.match(d.summary, /HTML page with status 200/);
});

test('an HTML page at an error status is something in front of the gateway; an HTML 404 a missing path', () => {
  for (const status of [403, 502, 503])
    assert.equal(classify(exchange(status, '<html><title>Just a moment...</title></html>', 'text/html'))?.symptom, 'front.html', String(status));
  assert.equal(classify(exchange(404, '<html>Not Found</html>', 'text/html'))?.symptom, 'url.not-found');
  assert.equal(classify(exchange(403, '<!DOCTYPE html><html>blocked</html>', ''))?.symptom, 'front.html', 'HTML without a content type');
});

test('a same-site redirect loop is not reported as a redirect to another site', () => {
  const d = classify(exchange(307, '', '', { redirectLoop: '3 followed, the next to /v1/models' }));
  assert.equal(d?.symptom, 'url.redirect');
  assert.match(d.summary, /redirect loop/);
  assert.doesNotMatch(d.summary, /not sent/);
});

test('a blocked redirect is reported with its target', () => {
  const d = classify(exchange(301, '', 'text/html', { blockedRedirect: 'https://elsewhere.example' }));
  assert.equal(d?.symptom, 'url.redirect');
  assert.match(d.summary, /elsewhere\.example/);
});

test('retry-after is quoted', () => {
  assert.match(classify(exchange(429, '', '', { retryAfter: '2' }))!.summary, /retry-after: 2/);
  assert.match(classify(exchange(429, ''))!.summary, /no retry-after/);
});

test('a JSON 2xx that is not an error is no failure', () => {
  assert.equal(classify(exchange(200, '{"object":"list","data":[]}')), undefined);
});
