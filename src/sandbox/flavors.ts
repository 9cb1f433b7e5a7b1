/**
 * How each gateway generation words its errors (gateway-behaviour.md §3–§4). The sandbox answers
 * in one flavor at a time so the classifier is tested against every wording it must understand.
 */
export type Flavor = 'new-api' | 'new-api-2026-02' | 'one-api';

export interface FlavorText {
  errorType: string;
  /** new-api sends `code` ("" when none); one-api has no `code` key. */
  sendsCode: boolean;
  versionHeader?: string;
  hasTokenUsageRoute: boolean;
  noToken: string;
  unknownToken: string;
  disabledToken: string;
  expiredToken: string;
  exhaustedToken(masked: string): string;
  ipDenied(ip: string): string;
  modelNotAllowed(model: string): string;
  noModelsAllowed: string;
  noChannel(model: string): string;
  userQuota: string;
  dashboardTitle: string;
}

export const FLAVORS: Record<Flavor, FlavorText> = {
  'new-api': {
    errorType: 'new_api_error',
    sendsCode: true,
    versionHeader: 'v0.9.8-sandbox',
    hasTokenUsageRoute: true,
    noToken: 'Invalid token',
    unknownToken: 'Invalid token',
    disabledToken: 'Invalid token',
    expiredToken: 'Invalid token',
    exhaustedToken: () => 'Invalid token',
    ipDenied: () => '您的 IP 不在令牌允许访问的列表中',
    modelNotAllowed: (m) => `This token has no access to model ${m}`,
    noModelsAllowed: 'This token has no access to any models',
    noChannel: (m) => `No available channel for model ${m} under group default (distributor)`,
    userQuota: '用户额度不足, 剩余额度: ＄0.000000',
    dashboardTitle: 'New API',
  },
  'new-api-2026-02': {
    errorType: 'new_api_error',
    sendsCode: true,
    versionHeader: 'v0.9.2-sandbox',
    hasTokenUsageRoute: true,
    noToken: '未提供令牌',
    unknownToken: '无效的令牌',
    disabledToken: '该令牌状态不可用',
    expiredToken: '该令牌已过期',
    exhaustedToken: (masked) => `[${masked}] 该令牌额度已用尽 !token.UnlimitedQuota && token.RemainQuota = 0`,
    ipDenied: () => '您的 IP 不在令牌允许访问的列表中',
    modelNotAllowed: (m) => `该令牌无权访问模型 ${m}`,
    noModelsAllowed: '该令牌无权访问任何模型',
    noChannel: (m) => `分组 default 下模型 ${m} 无可用渠道（distributor）`,
    userQuota: '用户额度不足, 剩余额度: ＄0.000000',
    dashboardTitle: 'New API',
  },
  'one-api': {
    errorType: 'one_api_error',
    sendsCode: false,
    hasTokenUsageRoute: false,
    noToken: '未提供令牌',
    unknownToken: '无效的令牌',
    disabledToken: '该令牌状态不可用',
    expiredToken: '该令牌已过期',
    exhaustedToken: () => '该令牌额度已用尽',
    ipDenied: (ip) => `该令牌只能在指定网段使用：10.0.0.0/8，当前 ip：${ip}`,
    modelNotAllowed: (m) => `该令牌无权使用模型：${m}`,
    noModelsAllowed: '该令牌无权使用模型：',
    noChannel: (m) => `当前分组 default 下对于模型 ${m} 无可用渠道`,
    userQuota: 'user quota is not enough',
    dashboardTitle: 'One API',
  },
};
