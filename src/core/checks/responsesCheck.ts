import { isCancellation } from '../classify/classifyFailure';
import type { CheckDefinition, CheckOutcome } from './checkTypes';
import { protocolFailure } from './protocolOutcome';
import { PROBE_MAX_TOKENS } from './tokenLimit';

/** Current Codex speaks only the Responses API: `POST {base}/responses`, JSON and streaming. */
export function responsesCheck(model: string): CheckDefinition {
  return {
    id: 'protocol:responses',
    kind: 'protocol',
    title: `Responses API for Codex (${model})`,
    model,
    needs: ['token'],
    gatedBy: ['auth'],
    async run(ctx): Promise<CheckOutcome> {
      const client = ctx.client();
      const params = { model, input: 'Reply with the single word: pong', max_output_tokens: PROBE_MAX_TOKENS };
      try {
        const response = await client.sdk.responses.create(params, client.request);
        const text = response.output_text ?? '';
        let deltas = 0;
        let completed = false;
        const stream = await client.sdk.responses.create({ ...params, stream: true }, client.request);
        for await (const event of stream) {
          if (event.type === 'response.output_text.delta') deltas++;
          if (event.type === 'response.completed') completed = true;
        }
        const metrics = { deltas, completed };
        if (!completed) return { status: 'fail', symptom: 'stream.cut', summary: 'The Responses stream ended without response.completed.', metrics };
        return { status: 'pass', summary: `${ctx.profile.baseUrl}/responses answers "${text.trim()}" and streams ${deltas} delta(s) to response.completed, as Codex needs.`, metrics };
      } catch (error) {
        if (isCancellation(error, ctx.signal)) throw error;
        return protocolFailure(error, client.log.last(), ctx.profile.timeoutMs, 'the Responses API (/v1/responses), the only API current Codex speaks');
      }
    },
  };
}
