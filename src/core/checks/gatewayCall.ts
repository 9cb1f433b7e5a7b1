import * as l10n from '@vscode/l10n';
import { classifyAnswer } from '../classify/classifyAnswer';
import { classifyFailure, isCancellation } from '../classify/classifyFailure';
import type { AnswerContext, Diagnosis } from '../classify/diagnosis';
import { bodyComplete, type Exchange } from '../transport/exchange';
import type { GatewayClient } from '../transport/gatewayClient';
import type { CheckOutcome } from './checkTypes';

export type CallOutcome<T> = { ok: true; value: T; exchange: Exchange | undefined } | { ok: false; diagnosis: Diagnosis; exchange: Exchange | undefined };

/** A check behind authentication: by the time its result counts, the gateway has accepted the token. */
export const RELAY: AnswerContext = { route: 'relay', tokenAccepted: true };

/**
 * Sends one request through an SDK and reads what came back: the value, or the diagnosis of what
 * the gateway or the network did (a 2xx whose body is an error included). A cancellation is
 * rethrown. Anything else that is thrown is a fault in the doctor itself and propagates, so the
 * engine reports it as an internal error instead of blaming the gateway. A stream's body is still
 * arriving when its SDK call returns, so only its status and headers are judged here; `readStream`
 * judges the body once it has all come.
 */
export async function callGateway<T>(client: GatewayClient, context: AnswerContext, send: () => Promise<T>): Promise<CallOutcome<T>> {
  if (client.busy) throw new Error('a GatewayClient serves one request at a time; take another client for requests that run at once');
  client.busy = true;
  try {
    const value = await send();
    const exchange = client.log.last();
    const diagnosis = exchange && classifyAnswer(exchange, context, { partialBody: !bodyComplete(exchange) });
    return diagnosis ? { ok: false, diagnosis, exchange } : { ok: true, value, exchange };
  } catch (error) {
    if (isCancellation(error, client.request.signal)) throw error;
    const exchange = client.log.last();
    const diagnosis = classifyFailure(error, exchange, context, client.request.timeout) ?? sdkChoked(error, exchange);
    if (!diagnosis) throw error;
    return { ok: false, diagnosis, exchange };
  } finally {
    client.busy = false;
  }
}

/**
 * `send` is a single SDK call, so a TypeError thrown by it after an answer arrived is the SDK
 * choking on that answer (its post-processing assumes JSON it did not get), not the doctor's fault.
 */
function sdkChoked(error: unknown, exchange: Exchange | undefined): Diagnosis | undefined {
  if (!(error instanceof TypeError) || exchange?.status === undefined) return undefined;
  return {
    symptom: 'response.malformed',
    summary: l10n.t('{where} answered {status} with a body the SDK could not read ({error}).', {
      where: `${exchange.method} ${new URL(exchange.url).pathname}`,
      status: exchange.status,
      error: error.message,
    }),
  };
}

/** A failed check that reports a diagnosis, naming the recognised gateway wording in its details. */
export function failed(diagnosis: Diagnosis, more: Partial<CheckOutcome> = {}): CheckOutcome {
  const details = [...(more.details ?? []), ...(diagnosis.wording ? [l10n.t('Recognised wording: {wording}.', { wording: diagnosis.wording })] : [])];
  return { status: 'fail', ...more, symptom: diagnosis.symptom, summary: diagnosis.summary, details };
}

/**
 * What the last answer's body says, once all of it has come: an error the classifier reads (a
 * gateway's JSON error or an HTML page sent with 200 to a streaming request), or undefined.
 */
function completeBodyDiagnosis(client: GatewayClient, context: AnswerContext): Diagnosis | undefined {
  const exchange = client.log.last();
  return exchange && bodyComplete(exchange) ? classifyAnswer(exchange, context) : undefined;
}

/**
 * Reads a stream that has started: resolves undefined when it ended, or with the diagnosis of
 * what broke it (a cut connection, an error event, a line that is not JSON). A body that came
 * whole and is an error (a JSON error sent with 200, which no SSE parser yields as an event) is
 * diagnosed as that error: what `callGateway` would have said had the body come before the SDK
 * returned, so the verdict does not depend on that race. As with `callGateway`, a cancellation
 * is rethrown and the doctor's own faults propagate.
 */
export async function readStream(client: GatewayClient, context: AnswerContext, consume: () => Promise<void>): Promise<Diagnosis | undefined> {
  try {
    await consume();
    return completeBodyDiagnosis(client, context);
  } catch (error) {
    if (isCancellation(error, client.request.signal)) throw error;
    const said = completeBodyDiagnosis(client, context);
    if (said) return said;
    if (error instanceof SyntaxError)
      return { symptom: 'stream.malformed', summary: l10n.t('A data: line of the stream is not JSON ({error}).', { error: error.message }) };
    const diagnosis = classifyFailure(error, client.log.last(), context, client.request.timeout);
    if (!diagnosis) {
      // The consumers read events defensively, so what is left is the SDK's own stream parser choking.
      if (error instanceof TypeError && client.log.last()?.status !== undefined)
        return { symptom: 'stream.malformed', summary: l10n.t('An event of the stream could not be read ({error}).', { error: error.message }) };
      throw error;
    }
    if (diagnosis.symptom === 'network.reset' || diagnosis.symptom === 'response.malformed')
      return { symptom: 'stream.cut', summary: l10n.t('The stream was cut off mid-way: {why}', { why: diagnosis.summary }) };
    return diagnosis;
  }
}

/**
 * Reads to its end a streamed answer that is not an event stream, and says what its body says if
 * it is an error (undefined otherwise: the content type is then the finding, also for a body cut
 * off or too slow). Reading it is what makes the verdict the same whether or not the body had come
 * before the SDK call returned; a body that trickles holds the check until the request's deadline.
 */
export async function readNotEventStream(client: GatewayClient, context: AnswerContext, stream: unknown): Promise<Diagnosis | undefined> {
  await readStream(client, context, async () => {
    for await (const _ of stream as AsyncIterable<unknown>) {
      // Only the body's end matters: what it says is read from the exchange.
    }
  });
  return completeBodyDiagnosis(client, context);
}
