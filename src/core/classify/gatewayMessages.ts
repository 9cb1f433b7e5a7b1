import type { SymptomId } from '../symptoms/symptomIds';

/**
 * How new-api / one-api word each failure (gateway-behaviour.md §3–§5), English and Chinese, in
 * the order they are tried. First match wins. Messages have their request-id suffix removed.
 */
export interface MessageRule {
  status: readonly number[];
  codes?: readonly string[];
  pattern?: RegExp;
  symptom: SymptomId;
}

export const MESSAGE_RULES: readonly MessageRule[] = [
  { status: [401], pattern: /未提供令牌|no token provided|missing (api key|token|authorization)/i, symptom: 'auth.missing' },
  { status: [401], pattern: /已过期|expired/i, symptom: 'auth.expired' },
  { status: [401], pattern: /状态不可用|token (is )?disabled|status unavailable/i, symptom: 'auth.disabled' },
  { status: [401], pattern: /额度已用尽|quota (has been )?(used up|exhausted)|TokenStatusExhausted/i, symptom: 'auth.exhausted' },
  { status: [401], symptom: 'auth.invalid' },
  { status: [403], codes: ['access_denied'], symptom: 'auth.ip-denied' },
  { status: [403], pattern: /IP 不在|只能在指定网段|ip (address )?(is )?not (allowed|in)/i, symptom: 'auth.ip-denied' },
  { status: [403], pattern: /封禁|banned/i, symptom: 'auth.banned' },
  { status: [403], pattern: /无权访问 .* 分组|分组 .* 已被弃用|不支持指定渠道/, symptom: 'auth.group' },
  { status: [403], pattern: /no access to any models|无权访问任何模型/i, symptom: 'model.none-allowed' },
  { status: [403], pattern: /no access to model|无权访问模型|无权使用模型|model .*not allowed/i, symptom: 'model.not-allowed' },
  { status: [403], codes: ['insufficient_user_quota'], symptom: 'quota.user-insufficient' },
  { status: [403], pattern: /用户额度不足|user quota is not enough|预扣费额度失败/i, symptom: 'quota.user-insufficient' },
  { status: [403], codes: ['pre_consume_token_quota_failed'], symptom: 'quota.token-insufficient' },
  { status: [403], pattern: /token quota is not enough|令牌额度不足/i, symptom: 'quota.token-insufficient' },
  { status: [404, 405], pattern: /^Invalid URL \(/, symptom: 'url.wrong-path' },
  { status: [404, 200], codes: ['model_not_found'], pattern: /does not exist/i, symptom: 'model.unavailable' },
  { status: [501], codes: ['api_not_implemented'], symptom: 'url.not-found' },
  { status: [400], pattern: /max_tokens/i, symptom: 'model.reasoning-params' },
  { status: [503, 500], codes: ['model_not_found', 'get_channel_failed'], symptom: 'model.no-channel' },
  { status: [503, 500], pattern: /无可用渠道|可用渠道不存在|no available channel|failed to get available channel/i, symptom: 'model.no-channel' },
  { status: [429], symptom: 'rate.limited' },
];

export function matchMessageRule(status: number, message: string, code: string | undefined): SymptomId | undefined {
  for (const rule of MESSAGE_RULES) {
    if (!rule.status.includes(status)) continue;
    const codeHit = rule.codes !== undefined && code !== undefined && rule.codes.includes(code);
    const patternHit = rule.pattern !== undefined && rule.pattern.test(message);
    if (codeHit || patternHit || (rule.codes === undefined && rule.pattern === undefined)) return rule.symptom;
  }
  return undefined;
}
