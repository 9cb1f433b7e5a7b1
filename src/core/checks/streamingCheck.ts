import * as l10n from '@vscode/l10n';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { Diagnosis } from '../classify/diagnosis';
import type { Exchange } from '../transport/exchange';
import type { GatewayClient } from '../transport/gatewayClient';
import type { CheckDefinition, CheckOutcome } from './checkTypes';
import { failed, readNotEventStream, readStream, RELAY } from './gatewayCall';
import { LoopWatch } from './loopWatch';
import { analyseStreamTiming, BUFFERED_WINDOW_MS, type StreamTiming } from './streamTiming';
import { PROBE_MAX_TOKENS, sendWithTokenLimit } from './tokenLimit';

interface StreamObservation {
  timing: StreamTiming;
  text: string;
  finishReason: string | null;
  usage: ChatCompletionChunk['usage'] | null;
  exchange: Exchange | undefined;
  /** What broke the stream, if anything did. */
  error?: Diagnosis;
}

type Attempt = { ok: true; seen: StreamObservation } | { ok: false; outcome: CheckOutcome };

/**
 * A streamed completion: is it really an event stream, does it arrive incrementally, does it end
 * properly? A burst read right after the doctor's own event loop was stalled proves nothing, so it
 * is measured once more; if that is inconclusive too, the report says so instead of guessing.
 */
export function streamingCheck(model: string): CheckDefinition {
  return {
    id: 'streaming',
    kind: 'streaming',
    title: l10n.t('Streaming ({model})', { model }),
    model,
    priority: 2,
    needs: ['token'],
    gatedBy: ['auth'],
    sendsToken: true,
    async run(ctx): Promise<CheckOutcome> {
      const first = await streamOnce(ctx.client(), model);
      if (!first.ok) return first.outcome;
      if (first.seen.error || first.seen.timing.delivery !== 'inconclusive') return judgeStream(model, first.seen, 1);
      const second = await streamOnce(ctx.client(), model);
      return second.ok && !second.seen.error ? judgeStream(model, second.seen, 2, first.seen.timing) : judgeStream(model, first.seen, 1);
    },
  };
}

async function streamOnce(client: GatewayClient, model: string): Promise<Attempt> {
  const watch = new LoopWatch().start();
  try {
    const started = performance.now();
    const call = await sendWithTokenLimit(client, RELAY, PROBE_MAX_TOKENS, (limit) =>
      client.sdk.chat.completions.create(
        {
          model,
          stream: true,
          stream_options: { include_usage: true },
          messages: [{ role: 'user', content: 'Count from 1 to 10, separated by spaces.' }],
          ...limit,
        },
        client.request,
      ),
    );
    if (!call.ok) return { ok: false, outcome: failed(call.diagnosis) };
    if (!/text\/event-stream/i.test(call.exchange?.contentType ?? '')) {
      const said = await readNotEventStream(client, RELAY, call.value);
      if (said) return { ok: false, outcome: failed(said) };
      return {
        ok: false,
        outcome: {
          status: 'fail',
          symptom: 'stream.not-sse',
          summary: l10n.t('A streaming request was answered with {contentType} instead of text/event-stream.', {
            contentType: call.exchange?.contentType ?? l10n.t('no content type'),
          }),
        },
      };
    }
    // When the network read that carried it happened: the SDK hands chunks over later, and a
    // process paused between two of them would spread a burst that arrived at once.
    const readAt = () => {
      const exchange = client.log.last();
      const ms = exchange?.chunkMs.at(-1);
      return exchange && ms !== undefined ? exchange.startedAt + ms : performance.now();
    };
    const arrivals: number[] = [];
    let text = '';
    let finishReason: string | null = null;
    let usage: ChatCompletionChunk['usage'] | null = null;
    const error = await readStream(client, RELAY, async () => {
      for await (const chunk of call.value as AsyncIterable<ChatCompletionChunk>) {
        const choice = chunk.choices?.[0];
        if (typeof choice?.delta?.content === 'string' && choice.delta.content) {
          arrivals.push(readAt());
          text += choice.delta.content;
        }
        if (choice?.finish_reason) finishReason = choice.finish_reason;
        if (chunk.usage) usage = chunk.usage;
      }
    });
    const [first, last] = [arrivals[0], arrivals.at(-1)];
    const timing = analyseStreamTiming(
      arrivals.map((t) => t - started),
      first === undefined ? 0 : watch.unobservedBefore(first),
      first === undefined || last === undefined ? 0 : watch.stalledWithin(first, last),
    );
    return { ok: true, seen: { timing, text, finishReason, usage, exchange: client.log.last(), error } };
  } finally {
    watch.stop();
  }
}

/** Why a timing proves nothing: the doctor's own pauses, before the first read or among the reads. */
const stallsOf = (t: StreamTiming) =>
  t.stallWithinMs > 0 && t.spreadMs >= BUFFERED_WINDOW_MS
    ? l10n.t('were spread over {spread} ms only by {stall} ms in which this machine stalled the doctor', { spread: t.spreadMs, stall: t.stallWithinMs })
    : l10n.t('were read within {spread} ms right after this machine had stalled the doctor for {stall} ms', { spread: t.spreadMs, stall: t.stallBeforeMs });

function judgeStream(model: string, seen: StreamObservation, attempts: number, earlier?: StreamTiming): CheckOutcome {
  const { timing } = seen;
  const sawDone = seen.exchange?.sawDone ?? false;
  const metrics: CheckOutcome['metrics'] = {
    ttftMs: timing.ttftMs,
    contentChunks: timing.contentChunks,
    spreadMs: timing.spreadMs,
    maxGapMs: timing.maxGapMs,
    loopStallMs: timing.stallBeforeMs,
    loopStallWithinMs: timing.stallWithinMs,
    delivery: timing.delivery,
    attempts,
    networkChunks: seen.exchange?.chunkMs.length ?? 0,
    sawDone,
    usageChunk: seen.usage !== null,
    completionTokens: seen.usage?.completion_tokens ?? null,
  };
  const details = [
    l10n.t('Received "{text}" in {chunks} content chunk(s); first after {ttft} ms, spread over {spread} ms.', {
      text: seen.text.slice(0, 60),
      chunks: timing.contentChunks,
      ttft: timing.ttftMs ?? '–',
      spread: timing.spreadMs,
    }),
  ];
  if (earlier)
    details.push(
      l10n.t('Measured twice: the first time {chunks} chunks {stalls}, which proves nothing.', { chunks: earlier.contentChunks, stalls: stallsOf(earlier) }),
    );
  if (seen.error) return failed(seen.error, { details, metrics });
  if (timing.contentChunks === 0)
    return {
      status: 'fail',
      symptom: 'stream.not-sse',
      summary: l10n.t('The event stream from {model} carried no content chunks.', { model }),
      details,
      metrics,
    };
  if (!sawDone) {
    if (!seen.finishReason)
      return {
        status: 'fail',
        symptom: 'stream.cut',
        summary: l10n.t('The stream ended without a finish reason or data: [DONE]: it was cut off.'),
        details,
        metrics,
      };
    return {
      status: 'warn',
      symptom: 'stream.no-done',
      summary: l10n.t('The stream finished but never sent data: [DONE]; some clients wait for it.'),
      details,
      metrics,
    };
  }
  if (timing.delivery === 'buffered') {
    const values = { chunks: timing.contentChunks, spread: timing.spreadMs, ttft: timing.ttftMs ?? 0 };
    return {
      status: 'warn',
      symptom: 'stream.buffered',
      summary:
        timing.ttftMs === null
          ? l10n.t(
              'All {chunks} chunks arrived within {spread} ms, while the doctor was free to read them: something between you and the model buffers the stream.',
              values,
            )
          : l10n.t(
              'All {chunks} chunks arrived within {spread} ms after {ttft} ms of silence, while the doctor was free to read them: something between you and the model buffers the stream.',
              values,
            ),
      details,
      metrics,
    };
  }
  if (!seen.usage)
    return { status: 'warn', symptom: 'stream.no-usage', summary: l10n.t('Streaming works, but no usage chunk was sent before [DONE].'), details, metrics };
  if (timing.delivery === 'inconclusive') {
    return {
      status: 'pass',
      summary: l10n.t('Streaming works (usage and [DONE] received); whether it arrives token by token is inconclusive: twice, the chunks {stalls}.', {
        stalls: stallsOf(timing),
      }),
      details,
      metrics,
    };
  }
  if (timing.delivery === 'too-few') details.push(l10n.t('Too few chunks to judge whether the stream is incremental.'));
  return {
    status: 'pass',
    summary: l10n.t('Incremental stream: first token after {ttft} ms, {chunks} chunks over {spread} ms, usage and [DONE] received.', {
      ttft: String(timing.ttftMs),
      chunks: timing.contentChunks,
      spread: timing.spreadMs,
    }),
    details,
    metrics,
  };
}
