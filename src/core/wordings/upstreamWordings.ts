import type { SymptomId } from '../symptoms/symptomIds';

/**
 * Errors the model providers behind a gateway raise, which new-api passes through with their own
 * status and body after its channel retries (gateway-behaviour.md §5: `RelayErrorHandler` keeps the
 * upstream's JSON error object). No gateway raises these itself (research: nothing in any new-api or
 * one-api snapshot rejects max_tokens for reasoning models or checks thinking budgets). The
 * providers' services are closed source: each source is a public thread quoting the body as the
 * provider sent it. (The relayed 401 of a rejected channel key is in corpus/upstreamRelayed.ts.)
 */
export interface UpstreamWording {
  id: string;
  provider: 'openai' | 'anthropic';
  status: number;
  /** `error.code` as the provider sends it, when it has one. */
  code?: string;
  /** The message; `{…}` placeholders match any text. */
  text: string;
  symptom: SymptomId;
  source: string;
}

export const UPSTREAM_WORDINGS: readonly UpstreamWording[] = [
  {
    id: 'openai/unsupported-max-tokens',
    provider: 'openai',
    status: 400,
    code: 'unsupported_parameter',
    text: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
    symptom: 'model.reasoning-params',
    source: 'microsoft/vscode-copilot-release#8065 and griptape-ai/ComfyUI-Griptape#312 (body quoted from api.openai.com)',
  },
  {
    id: 'anthropic/thinking-budget',
    provider: 'anthropic',
    status: 400,
    text: '`max_tokens` must be greater than `thinking.budget_tokens`. Please consult our documentation at {url}',
    symptom: 'param.thinking-budget',
    source: 'liuw1535/antigravity2api-nodejs#149 (body quoted from the Anthropic API via Vertex)',
  },
  {
    id: 'anthropic/thinking-budget-short',
    provider: 'anthropic',
    status: 400,
    text: 'max_tokens must be greater than thinking.budget_tokens',
    symptom: 'param.thinking-budget',
    source: 'querymt/querymt#32 (Anthropic API answer without the documentation link)',
  },
  {
    id: 'anthropic/invalid-x-api-key',
    provider: 'anthropic',
    status: 401,
    text: 'invalid x-api-key',
    symptom: 'gateway.channel-key',
    source: 'Anthropic Messages API authentication_error body, as relayed on /v1/messages (gateway-behaviour.md §5)',
  },
  {
    id: 'openai/model-not-found',
    provider: 'openai',
    status: 404,
    code: 'model_not_found',
    text: 'The model `{model}` does not exist or you do not have access to it.',
    symptom: 'model.not-found',
    source: 'OpenAI API 404 model_not_found body, as quoted in many client issue threads (e.g. openai/openai-python)',
  },
];
