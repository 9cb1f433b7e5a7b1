import type { ChatCompletion } from 'openai/resources/chat/completions';
import { classifyFailure, isCancellation } from '../classify/classifyFailure';
import { classifyHttp } from '../classify/classifyHttp';
import type { CheckDefinition, CheckOutcome } from './checkTypes';
import { PROBE_MAX_TOKENS, withTokenLimit } from './tokenLimit';

/** One minimal, non-streaming chat completion for one model. */
export function chatCheck(model: string): CheckDefinition {
  return {
    id: `chat:${model}`,
    kind: 'chat',
    title: `Chat with ${model}`,
    model,
    needs: ['token'],
    gatedBy: ['auth'],
    async run(ctx): Promise<CheckOutcome> {
      const client = ctx.client();
      try {
        const { value, needsMaxCompletionTokens } = await withTokenLimit(PROBE_MAX_TOKENS, (limit) =>
          client.sdk.chat.completions
            .create({ model, messages: [{ role: 'user', content: 'Reply with the single word: pong' }], ...limit }, client.request)
            .withResponse(),
        );
        const exchange = client.log.last();
        const http = exchange && classifyHttp(exchange, value.data);
        if (http) return { status: 'fail', symptom: http.symptom, summary: http.summary };
        return judgeCompletion(model, value.data as ChatCompletion | undefined, needsMaxCompletionTokens);
      } catch (error) {
        if (isCancellation(error, ctx.signal)) throw error;
        const diagnosis = classifyFailure(error, client.log.last(), ctx.profile.timeoutMs);
        return { status: 'fail', symptom: diagnosis.symptom, summary: diagnosis.summary };
      }
    },
  };
}

function judgeCompletion(model: string, completion: ChatCompletion | undefined, needsMaxCompletionTokens: boolean): CheckOutcome {
  const choice = completion?.choices?.[0];
  if (!choice?.message) {
    return { status: 'fail', symptom: 'response.malformed', summary: `${model} answered 200 but with no choices.` };
  }
  const usage = completion?.usage;
  const metrics: CheckOutcome['metrics'] = {
    promptTokens: usage?.prompt_tokens ?? null,
    completionTokens: usage?.completion_tokens ?? null,
    finishReason: choice.finish_reason ?? null,
    servedModel: completion?.model ?? null,
  };
  const reply = (choice.message.content ?? '').trim();
  const said = reply ? `"${reply.slice(0, 40)}"` : '(no text: the limit was spent on reasoning)';
  if (needsMaxCompletionTokens) {
    return {
      status: 'warn',
      symptom: 'model.reasoning-params',
      summary: `${model} answers ${said}, but only with max_completion_tokens: it rejects max_tokens.`,
      details: ['Clients that send max_tokens to this model get a 400.'],
      metrics,
    };
  }
  return { status: 'pass', summary: `${model} answered ${said}.`, metrics };
}
