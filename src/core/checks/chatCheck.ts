import * as l10n from '@vscode/l10n';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import type { CheckDefinition, CheckOutcome } from './checkTypes';
import { failed, RELAY } from './gatewayCall';
import { PROBE_MAX_TOKENS, sendWithTokenLimit } from './tokenLimit';

/** One minimal, non-streaming chat completion for one model. */
export function chatCheck(model: string): CheckDefinition {
  return {
    id: `chat:${model}`,
    kind: 'chat',
    title: l10n.t('Chat with {model}', { model }),
    model,
    needs: ['token'],
    gatedBy: ['auth'],
    sendsToken: true,
    async run(ctx): Promise<CheckOutcome> {
      const client = ctx.client();
      const call = await sendWithTokenLimit(client, RELAY, PROBE_MAX_TOKENS, (limit) =>
        client.sdk.chat.completions.create({ model, messages: [{ role: 'user', content: 'Reply with the single word: pong' }], ...limit }, client.request),
      );
      if (!call.ok) return failed(call.diagnosis);
      return judgeCompletion(model, call.value, call.needsMaxCompletionTokens);
    },
  };
}

const count = (value: unknown) => (typeof value === 'number' ? value : null);

function judgeCompletion(model: string, completion: ChatCompletion | string | null | undefined, needsMaxCompletionTokens: boolean): CheckOutcome {
  const choice = completion !== null && typeof completion === 'object' && Array.isArray(completion.choices) ? completion.choices[0] : undefined;
  if (!completion || typeof completion !== 'object' || !choice?.message) {
    return { status: 'fail', symptom: 'response.malformed', summary: l10n.t('{model} answered 200, but not with a chat completion (no choices).', { model }) };
  }
  const usage = completion.usage;
  const metrics: CheckOutcome['metrics'] = {
    promptTokens: count(usage?.prompt_tokens),
    completionTokens: count(usage?.completion_tokens),
    finishReason: typeof choice.finish_reason === 'string' ? choice.finish_reason : null,
    servedModel: typeof completion.model === 'string' ? completion.model : null,
  };
  const reply = typeof choice.message.content === 'string' ? choice.message.content.trim() : '';
  const said = reply ? `"${reply.slice(0, 40)}"` : l10n.t('(no text: the limit was spent on reasoning)');
  if (needsMaxCompletionTokens) {
    return {
      status: 'warn',
      symptom: 'model.reasoning-params',
      summary: l10n.t('{model} answers {said}, but only with max_completion_tokens: it rejects max_tokens.', { model, said }),
      details: [l10n.t('Clients that send max_tokens to this model get a 400.')],
      metrics,
    };
  }
  return { status: 'pass', summary: l10n.t('{model} answered {said}.', { model, said }), metrics };
}
