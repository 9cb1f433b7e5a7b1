/**
 * How each client turns what the user typed into the URLs it really calls
 * (../shared/reference/client-url-rules.md §0, §A–§G). Each rule is data plus one small function
 * that mirrors the client's own code, so the doctor can predict, probe and correct a typed value.
 */
export const URL_RULE_IDS = ['cherry-studio@1.7', 'cherry-studio@1.6', 'cursor', 'cline', 'roo-code', 'continue', 'codex', 'claude-code'] as const;
export type UrlRuleId = (typeof URL_RULE_IDS)[number];

export type Endpoint = 'chat' | 'models' | 'responses' | 'messages';

/** The URLs a client will call for what the user typed; missing = the client does not call it. */
export type PredictedUrls = Partial<Record<Endpoint, string>>;

export interface UrlRule {
  id: UrlRuleId;
  client: string;
  field: string;
  /** What follows the gateway root in the value to type: '' (root) or '/v1'. */
  suffix: '' | '/v1';
  /** The protocol the client speaks to the gateway. */
  protocol: 'openai-chat' | 'openai-responses' | 'anthropic-messages';
  source: string;
  predict(typed: string): PredictedUrls;
}

const KNOWN_ENDPOINTS = ['chat/completions', 'responses', 'messages', 'models'];
const VERSION_SEGMENT = /\/v\d+(?:alpha|beta)?(?=\/|$)/;

/** openai-node: plain concatenation, one duplicate slash collapsed (src/client.ts buildURL). */
export function sdkJoin(base: string, path: string): string {
  return base + (base.endsWith('/') && path.startsWith('/') ? path.slice(1) : path);
}

/** Cherry Studio ≥ 1.7 `formatApiHost` + `routeToEndpoint` (packages/shared/api/index.ts). */
function cherry17(typed: string): PredictedUrls {
  const host = typed.trim().replace(/\/$/, '');
  if (!host) return {};
  if (host.endsWith('#')) {
    const exact = host.slice(0, -1);
    const endpoint = KNOWN_ENDPOINTS.find((e) => exact.endsWith(`/${e}`));
    if (endpoint) return { chat: exact };
    return { chat: `${exact}/chat/completions`, models: `${exact}/models` };
  }
  const hasVersion = URL.canParse(host) && VERSION_SEGMENT.test(new URL(host).pathname);
  const apiHost = hasVersion ? host : `${host}/v1`;
  return { chat: `${apiHost}/chat/completions`, models: `${apiHost}/models` };
}

/** Cherry Studio ≤ 1.6: a trailing `/` means "as is", otherwise `/v1/` is added; `#` = exact. */
function cherry16(typed: string): PredictedUrls {
  const host = typed.trim();
  if (!host) return {};
  if (host.endsWith('#')) return { chat: host.replace('#', '') };
  const apiHost = host.endsWith('/') ? host : `${host}/v1/`;
  return { chat: `${apiHost}chat/completions`, models: `${apiHost}models` };
}

/** Clients that hand the typed value to the openai SDK as `baseURL`. */
const asSdkBase = (typed: string, models = (base: string) => sdkJoin(base, '/models')): PredictedUrls => {
  const base = typed.trim();
  return base ? { chat: sdkJoin(base, '/chat/completions'), models: models(base) } : {};
};

export const URL_RULES: Record<UrlRuleId, UrlRule> = {
  'cherry-studio@1.7': {
    id: 'cherry-studio@1.7',
    client: 'Cherry Studio ≥ 1.7',
    field: 'API URL (provider type OpenAI)',
    suffix: '',
    protocol: 'openai-chat',
    source: '§A1 formatApiHost (≥1.7)',
    predict: cherry17,
  },
  'cherry-studio@1.6': {
    id: 'cherry-studio@1.6',
    client: 'Cherry Studio ≤ 1.6',
    field: 'API URL (provider type OpenAI)',
    suffix: '',
    protocol: 'openai-chat',
    source: '§A1 formatApiHost (≤1.6)',
    predict: cherry16,
  },
  cursor: {
    id: 'cursor',
    client: 'Cursor',
    field: 'Override OpenAI Base URL',
    suffix: '/v1',
    protocol: 'openai-chat',
    source: '§B (requests come from Cursor’s servers)',
    predict: (t) => asSdkBase(t),
  },
  cline: {
    id: 'cline',
    client: 'Cline',
    field: 'Base URL (OpenAI Compatible)',
    suffix: '/v1',
    protocol: 'openai-chat',
    source: '§C Cline: openai SDK; models via `${baseUrl}/models`',
    predict: (t) => asSdkBase(t, (b) => `${b}/models`),
  },
  'roo-code': {
    id: 'roo-code',
    client: 'Roo Code',
    field: 'Base URL (OpenAI Compatible)',
    suffix: '/v1',
    protocol: 'openai-chat',
    source: '§C Roo Code: openai SDK; models via trimmed base',
    predict: (t) => asSdkBase(t, (b) => `${b.trim()}/models`),
  },
  continue: {
    id: 'continue',
    client: 'Continue',
    field: 'apiBase (provider openai)',
    suffix: '/v1',
    protocol: 'openai-chat',
    source: '§D new URL(endpoint, apiBase + "/")',
    predict: (t) => {
      const raw = t.trim();
      if (!URL.canParse(raw)) return {};
      const base = raw.endsWith('/') ? raw : `${raw}/`;
      return { chat: new URL('chat/completions', base).toString(), models: new URL('models', base).toString() };
    },
  },
  codex: {
    id: 'codex',
    client: 'Codex',
    field: 'model_providers.<id>.base_url (wire_api = "responses")',
    suffix: '/v1',
    protocol: 'openai-responses',
    source: '§E base.trim_end_matches("/") + "/responses"',
    predict: (t) => {
      const base = t.trim().replace(/\/+$/, '');
      return base ? { responses: `${base}/responses` } : {};
    },
  },
  'claude-code': {
    id: 'claude-code',
    client: 'Claude Code',
    field: 'ANTHROPIC_BASE_URL',
    suffix: '',
    protocol: 'anthropic-messages',
    source: '§F the Anthropic SDK adds /v1/messages',
    predict: (t) => {
      const base = t.trim();
      return base ? { messages: `${sdkJoin(base, '/v1/messages')}?beta=true` } : {};
    },
  },
};

/** The call that matters for a client (its protocol's endpoint), when the typed value yields one. */
export function primaryCall(predicted: PredictedUrls): { endpoint: Exclude<Endpoint, 'models'>; url: string } | undefined {
  const endpoint = (['messages', 'responses', 'chat'] as const).find((e) => predicted[e]);
  return endpoint && { endpoint, url: predicted[endpoint]! };
}

/**
 * The gateway root hidden in a typed value: `#`, known endpoint paths, `/v1` segments and trailing
 * slashes removed, so a self-hosted or loopback gateway keeps its own origin and path prefix.
 */
export function typedRoot(typed: string): string {
  let value = typed.trim().replace(/#+$/, '');
  for (let changed = true; changed;) {
    const before = value;
    value = value.replace(/\/+$/, '');
    for (const e of KNOWN_ENDPOINTS) if (value.endsWith(`/${e}`)) value = value.slice(0, -e.length - 1);
    value = value.replace(/\/v1$/, '');
    changed = value !== before;
  }
  return value;
}

/** Exactly what to type in the client's field for the gateway the user meant. */
export function valueToType(rule: UrlRule, typed: string): string {
  return `${typedRoot(typed)}${rule.suffix}`;
}
