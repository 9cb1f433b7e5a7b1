/**
 * How each client turns what the user typed into the URLs it really calls
 * (../shared/reference/client-url-rules.md §0, §A–§G). Each rule is data plus one small function
 * that mirrors the client's own code, so the doctor can predict, probe and correct a typed value.
 */
export const URL_RULE_IDS = [
  'cherry-studio@2',
  'cherry-studio@2-responses',
  'cherry-studio@1.7',
  'cherry-studio@1.6',
  'cursor',
  'cline',
  'cline@4.0',
  'roo-code',
  'continue',
  'continue-cli',
  'codex',
  'claude-code',
  'vscode-chat',
  'vscode-chat@responses',
  'vscode-chat@messages',
] as const;
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
  /**
   * The URLs the client puts on the wire for `typed` (a `#…` fragment never goes out) and, where the
   * client picks its API by model id (Continue), for `model`.
   */
  predict(typed: string, model?: string): PredictedUrls;
}

const KNOWN_ENDPOINTS = ['chat/completions', 'responses', 'messages', 'models'];
const VERSION_SEGMENT = /\/v\d+(?:alpha|beta)?(?=\/|$)/;

/** What goes on the wire for a URL a client built: everything from `#` on stays in the client. */
export function onTheWire(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/** Every predicted URL as it goes on the wire. */
const wire = (predicted: PredictedUrls): PredictedUrls =>
  Object.fromEntries(Object.entries(predicted).map(([endpoint, url]) => [endpoint, onTheWire(url)])) as PredictedUrls;

/** openai-node: plain concatenation, one duplicate slash collapsed (src/client.ts buildURL). */
export function sdkJoin(base: string, path: string): string {
  return base + (base.endsWith('/') && path.startsWith('/') ? path.slice(1) : path);
}

/**
 * Cherry Studio ≥ 1.7 (CherryHQ/cherry-studio packages/shared/api/index.ts `formatApiHost`, called
 * by src/renderer/src/aiCore/provider/providerConfig.ts `formatProviderApiHost` before
 * `routeToEndpoint`): one trailing `/` goes; a `#` only means "add no version" and is stripped
 * before the endpoint could be split off, so `…/v1/chat/completions#` doubles the endpoint
 * (issue #12123, fix PR #12163 closed unmerged). 2.x (src/shared/utils/api/format.ts
 * `hasApiVersion`): the same, with the version matched case-insensitively.
 */
function cherryFormatted(version: RegExp, endpoint: 'chat' | 'responses' = 'chat') {
  return (typed: string): PredictedUrls => {
    const host = typed.trim().replace(/\/$/, '');
    if (!host) return {};
    const sharp = host.endsWith('#');
    const bare = sharp ? host.slice(0, -1) : host;
    const hasVersion = version.test(URL.canParse(bare) ? new URL(bare).pathname : bare);
    const apiHost = sharp || hasVersion ? bare : `${bare}/v1`;
    return { [endpoint]: `${apiHost}/${endpoint === 'chat' ? 'chat/completions' : 'responses'}`, models: `${apiHost}/models` };
  };
}
const CHERRY_2_VERSION = /\/v\d+(?:alpha|beta)?(?:\/|$)/i;
const cherry17 = cherryFormatted(VERSION_SEGMENT);
const cherry2 = cherryFormatted(CHERRY_2_VERSION);
/**
 * A Cherry Studio 2.x provider whose endpoint is `openai-responses`: the same formatApiHost
 * (kangfenmao/cherry-studio@5dbff79d src/main/ai/provider/config.ts formatBaseURL), then the AI
 * SDK's OpenAI Responses model adds `/responses`.
 */
const cherry2Responses = cherryFormatted(CHERRY_2_VERSION, 'responses');

/**
 * Continue picks its API by model id. The VS Code extension (continuedev/continue core/llm/llms/OpenAI.ts
 * `isOSeriesOrGpt5PlusModel`, unanchored `gpt-[5-9]`, since v1.3.40) uses Responses through its own
 * `new URL("responses", apiBase + "/")`; the CLI `cn` (packages/openai-adapters/src/apis/openaiResponses.ts
 * `isResponsesModel`, anchored, since cn 1.5.9) through the openai SDK. Chat goes through the openai SDK in both.
 */
export const CONTINUE_RESPONSES_MODEL = {
  extension: (model: string) => /^o[0-9]+/.test(model) || /gpt-[5-9]/.test(model),
  cli: (model: string) => /^(?:gpt-5|gpt-5-codex|o[0-9])/i.test(model),
};

function continueExtension(typed: string, model = ''): PredictedUrls {
  const raw = typed.trim();
  if (!URL.canParse(raw)) return {};
  const base = raw.endsWith('/') ? raw : `${raw}/`; // core/llm/index.ts: apiBase always ends in "/"
  const models = new URL('models', base).toString();
  if (CONTINUE_RESPONSES_MODEL.extension(model)) return { responses: new URL('responses', base).toString(), models };
  return { chat: sdkJoin(base, '/chat/completions'), models };
}

/**
 * VS Code's own chat, Custom Endpoint models (microsoft/vscode @00812842
 * extensions/copilot/src/extension/byok/vscode-node/customEndpointProvider.ts `resolveCustomEndpointUrl`):
 * a url that contains an API path anywhere is used as is; otherwise one trailing `/` goes and the
 * path for the model's `apiType` is added after `/vN`, or after an added `/v1`.
 */
function customEndpoint(apiType: 'chat' | 'responses' | 'messages') {
  const apiPath = { chat: '/chat/completions', responses: '/responses', messages: '/messages' }[apiType];
  return (typed: string): PredictedUrls => {
    let url = typed.trim();
    if (!/^https?:\/\//.test(url)) return {};
    if (/\/(responses|chat\/completions|messages)/.test(url)) return { [apiType]: url };
    if (url.endsWith('/')) url = url.slice(0, -1);
    return { [apiType]: /\/v\d+$/.test(url) ? `${url}${apiPath}` : `${url}/v1${apiPath}` };
  };
}

const vscodeChatRule = (id: UrlRuleId, apiType: 'chat' | 'responses' | 'messages', protocol: UrlRule['protocol']): UrlRule => ({
  id,
  client: 'VS Code (Copilot Chat)',
  field: `chatLanguageModels.json → models[].url${apiType === 'chat' ? '' : ` (apiType "${apiType}")`}`,
  suffix: '/v1',
  protocol,
  source: 'microsoft/vscode extensions/copilot/src/extension/byok/vscode-node/customEndpointProvider.ts resolveCustomEndpointUrl',
  predict: customEndpoint(apiType),
});

function continueCli(typed: string, model = ''): PredictedUrls {
  const base = typed.trim();
  if (!base) return {};
  return CONTINUE_RESPONSES_MODEL.cli(model) ? { responses: sdkJoin(base, '/responses') } : { chat: sdkJoin(base, '/chat/completions') };
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

const RULES: Record<UrlRuleId, UrlRule> = {
  'cherry-studio@2': {
    id: 'cherry-studio@2',
    client: 'Cherry Studio 2.x',
    field: 'API URL (provider type OpenAI)',
    suffix: '',
    protocol: 'openai-chat',
    source: 'CherryHQ/cherry-studio src/shared/utils/api/format.ts formatApiHost/hasApiVersion (2.x)',
    predict: cherry2,
  },
  'cherry-studio@2-responses': {
    id: 'cherry-studio@2-responses',
    client: 'Cherry Studio 2.x (OpenAI Responses endpoint)',
    field: 'API URL (endpoint OpenAI Responses)',
    suffix: '',
    protocol: 'openai-responses',
    source: 'kangfenmao/cherry-studio@5dbff79d src/main/ai/provider/config.ts formatBaseURL → formatApiHost, then /responses (2.x)',
    predict: cherry2Responses,
  },
  'cherry-studio@1.7': {
    id: 'cherry-studio@1.7',
    client: 'Cherry Studio ≥ 1.7',
    field: 'API URL (provider type OpenAI)',
    suffix: '',
    protocol: 'openai-chat',
    source: 'CherryHQ/cherry-studio packages/shared/api/index.ts formatApiHost, then routeToEndpoint (≥1.7)',
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
    source:
      'cline/cline sdk/packages/llms/src/providers/vendors/openai-compatible.ts (AI SDK: one trailing / dropped, + /chat/completions); ' +
      'apps/vscode/src/core/controller/models/refreshOpenAiModels.ts (≥ v4.1.0: trailing slashes stripped, + /models)',
    predict: (t) => {
      const base = t.trim();
      return base ? { chat: `${base.replace(/\/$/, '')}/chat/completions`, models: `${base.replace(/\/+$/, '')}/models` } : {};
    },
  },
  'cline@4.0': {
    id: 'cline@4.0',
    client: 'Cline ≤ 4.0',
    field: 'Base URL (OpenAI Compatible)',
    suffix: '/v1',
    protocol: 'openai-chat',
    source: 'cline/cline before 2c64c4ce (v4.1.0): openai SDK; models via `${baseUrl}/models` untrimmed',
    predict: (t) => asSdkBase(t, (b) => `${b}/models`),
  },
  'roo-code': {
    id: 'roo-code',
    client: 'Roo Code',
    field: 'Base URL (OpenAI Compatible)',
    suffix: '/v1',
    protocol: 'openai-chat',
    source: 'RooCodeInc/Roo-Code src/api/providers/openai.ts (v3.52.1): openai SDK; getOpenAiModels `${baseUrl.trim()}/models`',
    predict: (t) => asSdkBase(t, (b) => `${b.trim()}/models`),
  },
  continue: {
    id: 'continue',
    client: 'Continue',
    field: 'apiBase (provider openai)',
    suffix: '/v1',
    protocol: 'openai-chat',
    source: 'continuedev/continue core/llm/index.ts + core/llm/llms/OpenAI.ts (VS Code extension): Responses for gpt-5/o models',
    predict: continueExtension,
  },
  'continue-cli': {
    id: 'continue-cli',
    client: 'Continue CLI (cn)',
    field: 'apiBase (provider openai)',
    suffix: '/v1',
    protocol: 'openai-chat',
    source: 'continuedev/continue extensions/cli/src/util/exponentialBackoff.ts + packages/openai-adapters (cn ≥ 1.5.9): Responses for gpt-5/o models',
    predict: continueCli,
  },
  codex: {
    id: 'codex',
    client: 'Codex',
    field: 'model_providers.<id>.base_url (wire_api = "responses")',
    suffix: '/v1',
    protocol: 'openai-responses',
    source: 'openai/codex codex-rs/codex-api/src/provider.rs url_for_path: base.trim_end_matches("/") + "/responses"',
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
    source: 'Claude Code (closed source; run 2.1.330): the Anthropic SDK adds /v1/messages?beta=true',
    predict: (t) => {
      const base = t.trim();
      return base ? { messages: `${sdkJoin(base, '/v1/messages')}?beta=true` } : {};
    },
  },
  'vscode-chat': vscodeChatRule('vscode-chat', 'chat', 'openai-chat'),
  'vscode-chat@responses': vscodeChatRule('vscode-chat@responses', 'responses', 'openai-responses'),
  'vscode-chat@messages': vscodeChatRule('vscode-chat@messages', 'messages', 'anthropic-messages'),
};

/** Every rule, each predicting URLs as they go on the wire. */
export const URL_RULES = Object.fromEntries(
  Object.entries(RULES).map(([id, rule]) => [id, { ...rule, predict: (typed: string, model?: string) => wire(rule.predict(typed, model)) }]),
) as Record<UrlRuleId, UrlRule>;

/** The protocol a client speaks for a model (Continue: Responses for gpt-5 and o-series models). */
export function protocolFor(rule: UrlRule, model: string): UrlRule['protocol'] {
  return rule.predict('https://crazyrouter.com/v1', model).responses ? 'openai-responses' : rule.protocol;
}

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

/** Whether a value typed in a client names the same gateway as `base` (origin and path prefix; `/v1`, endpoints and `#` aside). */
export function sameGateway(typed: string, base: string): boolean {
  const [a, b] = [typedRoot(typed), typedRoot(base)];
  if (!URL.canParse(a) || !URL.canParse(b)) return false;
  const [x, y] = [new URL(a), new URL(b)];
  return x.origin === y.origin && x.pathname.replace(/\/+$/, '') === y.pathname.replace(/\/+$/, '');
}

/** Exactly what to type in the client's field for the gateway the user meant. */
export function valueToType(rule: UrlRule, typed: string): string {
  return `${typedRoot(typed)}${rule.suffix}`;
}
