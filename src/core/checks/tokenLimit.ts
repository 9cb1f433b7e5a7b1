import type { AnswerContext } from '../classify/diagnosis';
import type { GatewayClient } from '../transport/gatewayClient';
import { callGateway, type CallOutcome } from './gatewayCall';

/** Completion tokens a probe may spend; enough for "pong" or a tool call, little enough to be free in practice. */
export const PROBE_MAX_TOKENS = 16;

export type TokenLimitParams = { max_tokens: number } | { max_completion_tokens: number };

/**
 * Sends with `max_tokens`, the parameter most clients send; when the answer is the one a
 * reasoning model gives for it (the corpus decides: `model.reasoning-params`), once more with
 * `max_completion_tokens`, and says which one worked.
 */
export async function sendWithTokenLimit<T>(
  client: GatewayClient,
  context: AnswerContext,
  limit: number,
  send: (limitParams: TokenLimitParams) => Promise<T>,
): Promise<CallOutcome<T> & { needsMaxCompletionTokens: boolean }> {
  const first = await callGateway(client, context, () => send({ max_tokens: limit }));
  if (first.ok || first.diagnosis.symptom !== 'model.reasoning-params') return { ...first, needsMaxCompletionTokens: false };
  return { ...(await callGateway(client, context, () => send({ max_completion_tokens: limit }))), needsMaxCompletionTokens: true };
}
