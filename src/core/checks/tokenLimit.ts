import { APIError } from 'openai';
import { readErrorEnvelope } from '../classify/errorEnvelope';

/** Completion tokens a probe may spend; enough for "pong" or a tool call, little enough to be free in practice. */
export const PROBE_MAX_TOKENS = 16;

/** True when a 400 says the model rejects `max_tokens` (reasoning models want `max_completion_tokens`). */
export function rejectsMaxTokens(error: unknown): boolean {
  if (!(error instanceof APIError) || error.status !== 400) return false;
  const envelope = readErrorEnvelope(error.error ?? {});
  const text = `${envelope?.message ?? ''} ${error.message} ${(error as { param?: string }).param ?? ''}`;
  return /max_tokens/.test(text) && /max_completion_tokens|unsupported|not supported/i.test(text);
}

/**
 * Calls `send` with `max_tokens`, the parameter most clients send; when the model rejects it,
 * once more with `max_completion_tokens`. Reports which one worked.
 */
export async function withTokenLimit<T>(
  limit: number,
  send: (limitParams: { max_tokens: number } | { max_completion_tokens: number }) => Promise<T>,
): Promise<{ value: T; needsMaxCompletionTokens: boolean }> {
  try {
    return { value: await send({ max_tokens: limit }), needsMaxCompletionTokens: false };
  } catch (error) {
    if (!rejectsMaxTokens(error)) throw error;
    return { value: await send({ max_completion_tokens: limit }), needsMaxCompletionTokens: true };
  }
}
