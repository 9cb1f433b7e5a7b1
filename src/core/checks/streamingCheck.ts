import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { classifyFailure, isCancellation } from '../classify/classifyFailure';
import { classifyHttp } from '../classify/classifyHttp';
import type { Diagnosis } from '../classify/diagnosis';
import type { Exchange } from '../transport/exchange';
import type { CheckDefinition, CheckOutcome } from './checkTypes';
import { analyseStreamTiming } from './streamTiming';
import { PROBE_MAX_TOKENS, withTokenLimit } from './tokenLimit';

interface StreamObservation {
  arrivalsMs: number[];
  text: string;
  finishReason: string | null;
  usage: ChatCompletionChunk['usage'] | null;
  error?: Diagnosis;
}

/** A streamed completion: is it really an event stream, does it arrive incrementally, does it end properly? */
export function streamingCheck(model: string): CheckDefinition {
  return {
    id: 'streaming',
    kind: 'streaming',
    title: `Streaming (${model})`,
    model,
    priority: 2,
    needs: ['token'],
    gatedBy: ['auth'],
    async run(ctx): Promise<CheckOutcome> {
      const client = ctx.client();
      const started = performance.now();
      const seen: StreamObservation = { arrivalsMs: [], text: '', finishReason: null, usage: null };
      try {
        const { value } = await withTokenLimit(PROBE_MAX_TOKENS, (limit) =>
          client.sdk.chat.completions
            .create({ model, stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'Count from 1 to 10, separated by spaces.' }], ...limit }, client.request)
            .withResponse(),
        );
        const head = client.log.last();
        if (!/text\/event-stream/i.test(head?.contentType ?? '')) return notAStream(head);
        try {
          for await (const chunk of value.data) {
            const choice = chunk.choices?.[0];
            if (choice?.delta?.content) {
              seen.arrivalsMs.push(performance.now() - started);
              seen.text += choice.delta.content;
            }
            if (choice?.finish_reason) seen.finishReason = choice.finish_reason;
            if (chunk.usage) seen.usage = chunk.usage;
          }
        } catch (error) {
          if (isCancellation(error, ctx.signal)) throw error;
          seen.error = midStreamFailure(error, client.log.last(), ctx.profile.timeoutMs);
        }
      } catch (error) {
        if (isCancellation(error, ctx.signal)) throw error;
        const diagnosis = classifyFailure(error, client.log.last(), ctx.profile.timeoutMs);
        return { status: 'fail', symptom: diagnosis.symptom, summary: diagnosis.summary };
      }
      return judgeStream(model, seen, client.log.last());
    },
  };
}

function notAStream(exchange: Exchange | undefined): CheckOutcome {
  const http = exchange && classifyHttp(exchange);
  if (http) return { status: 'fail', symptom: http.symptom, summary: http.summary };
  return { status: 'fail', symptom: 'stream.not-sse', summary: `A streaming request was answered with ${exchange?.contentType ?? 'no content type'} instead of text/event-stream.` };
}

function midStreamFailure(error: unknown, exchange: Exchange | undefined, timeoutMs: number): Diagnosis {
  if (error instanceof SyntaxError) return { symptom: 'stream.malformed', summary: `A data: line of the stream is not JSON (${error.message}).` };
  const diagnosis = classifyFailure(error, exchange, timeoutMs);
  if (diagnosis.symptom === 'network.reset' || diagnosis.symptom === 'response.malformed') {
    return { symptom: 'stream.cut', summary: `The stream was cut off mid-way: ${diagnosis.summary}` };
  }
  return diagnosis;
}

function judgeStream(model: string, seen: StreamObservation, exchange: Exchange | undefined): CheckOutcome {
  const timing = analyseStreamTiming(seen.arrivalsMs);
  const sawDone = exchange?.sawDone ?? false;
  const metrics: CheckOutcome['metrics'] = {
    ttftMs: timing.ttftMs,
    contentChunks: timing.contentChunks,
    spreadMs: timing.spreadMs,
    maxGapMs: timing.maxGapMs,
    networkChunks: exchange?.chunkMs.length ?? 0,
    sawDone,
    usageChunk: seen.usage !== null,
    completionTokens: seen.usage?.completion_tokens ?? null,
  };
  const details = [`Received "${seen.text.slice(0, 60)}" in ${timing.contentChunks} content chunk(s); first after ${timing.ttftMs ?? '–'} ms, spread over ${timing.spreadMs} ms.`];
  if (seen.error) return { status: 'fail', symptom: seen.error.symptom, summary: seen.error.summary, details, metrics };
  if (timing.contentChunks === 0) return { status: 'fail', symptom: 'stream.not-sse', summary: `The event stream from ${model} carried no content chunks.`, details, metrics };
  if (!sawDone) {
    if (!seen.finishReason) return { status: 'fail', symptom: 'stream.cut', summary: 'The stream ended without a finish reason or data: [DONE]: it was cut off.', details, metrics };
    return { status: 'warn', symptom: 'stream.no-done', summary: 'The stream finished but never sent data: [DONE]; some clients wait for it.', details, metrics };
  }
  if (timing.buffered) {
    return { status: 'warn', symptom: 'stream.buffered', summary: `All ${timing.contentChunks} chunks arrived within ${timing.spreadMs} ms after ${timing.ttftMs} ms of silence: a proxy buffers the stream.`, details, metrics };
  }
  if (!seen.usage) return { status: 'warn', symptom: 'stream.no-usage', summary: 'Streaming works, but no usage chunk was sent before [DONE].', details, metrics };
  if (!timing.judgeable) details.push('Too few chunks to judge whether the stream is incremental.');
  return { status: 'pass', summary: `Incremental stream: first token after ${timing.ttftMs} ms, ${timing.contentChunks} chunks over ${timing.spreadMs} ms, usage and [DONE] received.`, details, metrics };
}
