import type { ChatCompletion, ChatCompletionFunctionTool } from 'openai/resources/chat/completions';
import { classifyFailure, isCancellation } from '../classify/classifyFailure';
import { classifyHttp } from '../classify/classifyHttp';
import type { CheckDefinition, CheckOutcome } from './checkTypes';
import { withTokenLimit } from './tokenLimit';

export const PROBE_TOOL: ChatCompletionFunctionTool = {
  type: 'function',
  function: {
    name: 'get_current_time',
    description: 'Returns the current time. Takes no arguments.',
    parameters: { type: 'object', properties: {}, additionalProperties: false },
  },
};
/** A tool call needs a few more tokens than a one-word reply. */
const TOOL_MAX_TOKENS = 32;


/** The guides' MCP advice as a check: does the model return a tool call for a trivial read-only tool? */
export function toolsCheck(model: string): CheckDefinition {
  return {
    id: 'tools',
    kind: 'tools',
    title: `Tool calling (${model})`,
    model,
    priority: 1,
    needs: ['token'],
    gatedBy: ['auth'],
    async run(ctx): Promise<CheckOutcome> {
      const client = ctx.client();
      try {
        const { value } = await withTokenLimit(TOOL_MAX_TOKENS, (limit) =>
          client.sdk.chat.completions
            .create({ model, tools: [PROBE_TOOL], tool_choice: 'auto', messages: [{ role: 'user', content: 'What time is it? Use the get_current_time tool.' }], ...limit }, client.request)
            .withResponse(),
        );
        const exchange = client.log.last();
        const http = exchange && classifyHttp(exchange, value.data);
        if (http) return { status: 'fail', symptom: http.symptom, summary: http.summary };
        const completion = value.data as ChatCompletion;
        const call = completion.choices?.[0]?.message?.tool_calls?.[0];
        const metrics = { completionTokens: completion.usage?.completion_tokens ?? null };
        if (call && call.type === 'function' && call.function.name === PROBE_TOOL.function.name) {
          return { status: 'pass', summary: `${model} called ${call.function.name} as asked.`, metrics };
        }
        const said = completion.choices?.[0]?.message?.content?.slice(0, 60) ?? '';
        return { status: 'warn', symptom: 'tools.no-call', summary: `${model} answered in text instead of calling the tool${said ? `: "${said}"` : ''}.`, metrics };
      } catch (error) {
        if (isCancellation(error, ctx.signal)) throw error;
        const diagnosis = classifyFailure(error, client.log.last(), ctx.profile.timeoutMs);
        // A generic rejection of the request (400/422) is about the tools; auth, quota and route failures are not.
        if (diagnosis.symptom === 'model.unavailable') {
          return { status: 'fail', symptom: 'tools.error', summary: `A request with tools was rejected: ${diagnosis.summary}` };
        }
        return { status: 'fail', symptom: diagnosis.symptom, summary: diagnosis.summary };
      }
    },
  };
}
