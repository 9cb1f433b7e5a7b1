import { RECOMMENDED_MODELS } from '../core/clients/clients';

/** A model the sandbox gateway knows, and how its (imaginary) upstream behaves. */
export interface CatalogModel {
  id: string;
  ownedBy: string;
  /** A reasoning model rejects `max_tokens` and wants `max_completion_tokens`. */
  reasoning?: boolean;
}

const OWNERS: Record<(typeof RECOMMENDED_MODELS)[number], string> = {
  'gpt-5.4': 'openai',
  'claude-sonnet-4-6': 'anthropic',
  'gemini-3-pro-preview': 'google',
};

/** The models the guides recommend (the doctor's defaults): what a healthy sandbox token may use. */
export const BASE_MODELS: readonly CatalogModel[] = RECOMMENDED_MODELS.map((id) => ({ id, ownedBy: OWNERS[id] }));

/** Extra models a token without an allowlist also sees. */
export const EXTRA_MODELS: readonly CatalogModel[] = [
  'gpt-5.4-mini',
  'gpt-5.4-nano',
  'gpt-4.1',
  'o4-mini',
  'claude-opus-4-6',
  'claude-haiku-4-5',
  'gemini-3-flash',
  'deepseek-v3.2',
  'deepseek-r1',
  'qwen3-max',
  'qwen3-coder',
  'kimi-k2',
  'glm-4.6',
  'grok-4',
  'mistral-large-3',
].map((id) => ({ id, ownedBy: 'custom' }));

export const FULL_CATALOG: readonly CatalogModel[] = [...BASE_MODELS, ...EXTRA_MODELS];
