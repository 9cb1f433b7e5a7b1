import * as l10n from '@vscode/l10n';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { CheckDefinition, CheckOutcome } from './checkTypes';
import { callGateway, failed, readNotEventStream, readStream, RELAY } from './gatewayCall';
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
    title: l10n.t("Cherry Studio's Check ({model})", { model }),
    model,
    needs: ['token'],
    gatedBy: ['auth'],
    sendsToken: true,
    async run(ctx): Promise<CheckOutcome> {
      const client = ctx.client();
      const stop = new AbortController();
      const started = performance.now();
      const call = await callGateway(client, RELAY, () =>
        client.sdk.chat.completions.create(
          {
            model,
            stream: true,
            messages: [
              { role: 'system', content: 'test' },
              { role: 'user', content: 'hi' },
            ],
          },
          { ...client.request, signal: AbortSignal.any([ctx.signal, stop.signal]) },
        ),
      );
      if (!call.ok) return protocolFailure(call.diagnosis, call.exchange, l10n.t('a streaming chat completion'));
      if (!/text\/event-stream/i.test(call.exchange?.contentType ?? '')) {
        const said = await readNotEventStream(client, RELAY, call.value);
        if (said) return protocolFailure(said, client.log.last(), l10n.t('a streaming chat completion'));
        return {
          status: 'fail',
          symptom: 'stream.not-sse',
          summary: l10n.t("Cherry's Check gets {contentType} instead of an event stream.", {
            contentType: call.exchange?.contentType ?? l10n.t('no content type'),
          }),
        };
      }
      let first: ChatCompletionChunk | undefined;
      const broken = await readStream(client, RELAY, async () => {
        for await (const chunk of call.value as AsyncIterable<ChatCompletionChunk>) {
          first = chunk;
          break; // Cherry aborts on the first non-error chunk.
        }
      });
      stop.abort();
      if (broken) return failed(broken);
      if (!first) return { status: 'fail', symptom: 'stream.not-sse', summary: l10n.t("Cherry's Check would get an empty stream.") };
      const ms = Math.round(performance.now() - started);
      return {
        status: 'pass',
        summary: l10n.t("Cherry Studio's Check with {model} succeeds: first chunk after {ms} ms.", { model, ms }),
        metrics: { firstChunkMs: ms },
      };
    },
  };
}
