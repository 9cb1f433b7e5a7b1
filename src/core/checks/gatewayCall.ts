import * as l10n from '@vscode/l10n';
import { classifyAnswer } from '../classify/classifyAnswer';
import { classifyFailure, isCancellation } from '../classify/classifyFailure';
import type { AnswerContext, Diagnosis } from '../classify/diagnosis';
import type { Exchange } from '../transport/exchange';
import type { GatewayClient } from '../transport/gatewayClient';
import type { CheckOutcome } from './checkTypes';

export type CallOutcome<T> = { ok: true; value: T; exchange: Exchange | undefined } | { ok: false; diagnosis: Diagnosis; exchange: Exchange | undefined };

/** A check behind authentication: by the time its result counts, the gateway has accepted the token. */
export const RELAY: AnswerContext = { route: 'relay', tokenAccepted: true };

/**
 * Sends one request through an SDK and reads what came back: the value, or the diagnosis of what
 * the gateway or the network did (a 2xx whose body is an error included). A cancellation is
 * rethrown. Anything else that is thrown is a fault in the doctor itself and propagates, so the
 * engine reports it as an internal error instead of blaming the gateway.
 */
export async function callGateway<T>(client: GatewayClient, context: AnswerContext, send: () => Promise<T>): Promise<CallOutcome<T>> {
  if (client.busy) throw new Error('a GatewayClient serves one request at a time; take another client for requests that run at once');
  client.busy = true;
  try {
    const value = await send();
    const exchange = client.log.last();
    const diagnosis = exchange && classifyAnswer(exchange, context);
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
 * Reads a stream that has started: resolves undefined when it ended, or with the diagnosis of
 * what broke it (a cut connection, an error event, a line that is not JSON). As with
 * `callGateway`, a cancellation is rethrown and the doctor's own faults propagate.
 */
export async function readStream(client: GatewayClient, context: AnswerContext, consume: () => Promise<void>): Promise<Diagnosis | undefined> {
  try {
    await consume();
    return undefined;
  } catch (error) {
    if (isCancellation(error, client.request.signal)) throw error;
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
