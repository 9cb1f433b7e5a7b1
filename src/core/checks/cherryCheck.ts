import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { isCancellation } from '../classify/classifyFailure';
import { classifyHttp } from '../classify/classifyHttp';
import type { CheckDefinition, CheckOutcome } from './checkTypes';
import { protocolFailure } from './protocolOutcome';

/**
 * What Cherry Studio's own "Check" button sends (client-url-rules.md §A3, `ApiService.checkApi`):
 * a streaming request with system prompt "test" and user "hi", no max_tokens, aborted as soon as
 * the first chunk arrives. Seeing it succeed here means Cherry's Check will succeed too.
 */
export function cherryCheck(model: string): CheckDefinition {
  return {
    id: 'protocol:cherry-check',
    kind: 'protocol',
    title: `Cherry Studio's Check (${model})`,
    model,
    needs: ['token'],
    gatedBy: ['auth'],
    async run(ctx): Promise<CheckOutcome> {
      const client = ctx.client();
      const stop = new AbortController();
      const started = performance.now();
      try {
        const { data } = await client.sdk.chat.completions
          .create(
            { model, stream: true, messages: [{ role: 'system', content: 'test' }, { role: 'user', content: 'hi' }] },
            { ...client.request, signal: AbortSignal.any([ctx.signal, stop.signal]) },
          )
          .withResponse();
        const exchange = client.log.last();
        if (!/text\/event-stream/i.test(exchange?.contentType ?? '')) {
          const http = exchange && classifyHttp(exchange);
          return { status: 'fail', symptom: http?.symptom ?? 'stream.not-sse', summary: http?.summary ?? `Cherry's Check gets ${exchange?.contentType ?? 'no content type'} instead of an event stream.` };
        }
        let first: ChatCompletionChunk | undefined;
        for await (const chunk of data) {
          first = chunk;
          break; // Cherry aborts on the first non-error chunk.
        }
        stop.abort();
        if (!first) return { status: 'fail', symptom: 'stream.not-sse', summary: "Cherry's Check would get an empty stream." };
        const ms = Math.round(performance.now() - started);
        return { status: 'pass', summary: `Cherry Studio's Check with ${model} succeeds: first chunk after ${ms} ms.`, metrics: { firstChunkMs: ms } };
      } catch (error) {
        if (isCancellation(error, ctx.signal)) throw error;
        if (stop.signal.aborted) return { status: 'pass', summary: `Cherry Studio's Check with ${model} succeeds.` };
        return protocolFailure(error, client.log.last(), ctx.profile.timeoutMs, 'a streaming chat completion');
      }
    },
  };
}
