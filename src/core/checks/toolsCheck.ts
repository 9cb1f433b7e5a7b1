import * as l10n from '@vscode/l10n';
import type { ChatCompletion, ChatCompletionFunctionTool } from 'openai/resources/chat/completions';
import type { CheckDefinition, CheckOutcome } from './checkTypes';
import { failed, RELAY } from './gatewayCall';
import { sendWithTokenLimit } from './tokenLimit';

export const PROBE_TOOL: ChatCompletionFunctionTool = {
  type: 'function',
  function: {
    name: 'get_current_time',
    description: 'Returns the current time. Takes no arguments.',
    parameters: { type: 'object', properties: {}, additionalProperties: false },
  },
};
/** A tool call needs a few more tokens than a one-word reply. */
export const TOOL_MAX_TOKENS = 32;

/** The guides' MCP advice as a check: does the model return a tool call for a trivial read-only tool? */
export function toolsCheck(model: string): CheckDefinition {
  return {
    id: 'tools',
    kind: 'tools',
    title: l10n.t('Tool calling ({model})', { model }),
    model,
    priority: 1,
    needs: ['token'],
    gatedBy: ['auth'],
    sendsToken: true,
    async run(ctx): Promise<CheckOutcome> {
      const client = ctx.client();
      const call = await sendWithTokenLimit(client, RELAY, TOOL_MAX_TOKENS, (limit) =>
        client.sdk.chat.completions.create(
          {
            model,
            tools: [PROBE_TOOL],
            tool_choice: 'auto',
            messages: [{ role: 'user', content: 'What time is it? Use the get_current_time tool.' }],
            ...limit,
          },
          client.request,
        ),
      );
      if (!call.ok) {
        // A rejection of the request as such (400/422) is about the tools; auth, quota and route failures are not.
        if (call.diagnosis.symptom === 'request.invalid')
          return { status: 'fail', symptom: 'tools.error', summary: l10n.t('A request with tools was rejected: {why}', { why: call.diagnosis.summary }) };
        return failed(call.diagnosis);
      }
      const completion = call.value as ChatCompletion | string | null;
      if (completion === null || typeof completion !== 'object' || !Array.isArray(completion.choices))
        return { status: 'fail', symptom: 'response.malformed', summary: l10n.t('{model} answered 200, but not with a chat completion.', { model }) };
      const message = completion.choices[0]?.message;
      const toolCall = Array.isArray(message?.tool_calls) ? message.tool_calls[0] : undefined;
      const metrics = { completionTokens: typeof completion.usage?.completion_tokens === 'number' ? completion.usage.completion_tokens : null };
      if (toolCall?.type === 'function' && toolCall.function?.name === PROBE_TOOL.function.name) {
        return { status: 'pass', summary: l10n.t('{model} called {tool} as asked.', { model, tool: toolCall.function.name }), metrics };
      }
      const said = typeof message?.content === 'string' ? message.content.slice(0, 60) : '';
      return {
        status: 'warn',
        symptom: 'tools.no-call',
        summary: said
          ? l10n.t('{model} answered in text instead of calling the tool: "{said}".', { model, said })
          : l10n.t('{model} answered in text instead of calling the tool.', { model }),
        metrics,
      };
    },
  };
}
