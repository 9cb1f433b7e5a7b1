import * as l10n from '@vscode/l10n';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { causeChain } from '../causeChain';
import type { Exchange } from '../transport/exchange';
import { BodyTimeoutError, BodyTooLargeError, InsecureTransportError } from '../transport/recordingFetch';
import { classifyAnswer } from './classifyAnswer';
import { classifyNetwork } from './classifyNetwork';
import type { AnswerContext, Diagnosis } from './diagnosis';

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** The openai and Anthropic SDKs share error class names but not classes: match either. */
const named = (error: unknown, ...names: string[]) => error instanceof Error && (names.includes(error.name) || names.includes(error.constructor?.name ?? ''));
const isTimeout = (error: unknown) => error instanceof APIConnectionTimeoutError || named(error, 'APIConnectionTimeoutError');
const isSdkError = (error: unknown) =>
  error instanceof APIError || named(error, 'APIError', 'AnthropicError', 'OpenAIError') || causeChain(error).some((e) => e instanceof APIError);
const httpStatusOf = (error: unknown): number | undefined => {
  const status = error instanceof Error ? (error as Error & { status?: unknown }).status : undefined;
  return typeof status === 'number' ? status : undefined;
};

export function isCancellation(error: unknown, signal?: AbortSignal): boolean {
  return (
    error instanceof CancelledError ||
    error instanceof APIUserAbortError ||
    named(error, 'APIUserAbortError') ||
    (signal?.aborted === true && !isTimeout(error))
  );
}

/**
 * Classifies what an SDK call threw, from what the transport recorded of the exchange: the raw
 * status and body, never the SDK's reading of them. Undefined for anything that is not a gateway,
 * network or transport failure: that is a fault in the doctor and must not be dressed up as one.
 */
export function classifyFailure(error: unknown, exchange: Exchange | undefined, context: AnswerContext, timeoutMs: number): Diagnosis | undefined {
  const host = exchange ? new URL(exchange.url).host : l10n.t('the gateway');
  if (causeIs(error, BodyTimeoutError)) {
    return {
      symptom: 'network.timeout',
      summary: l10n.t('{host}: the response started but its body did not finish within {ms} ms (a slow trickle).', { host, ms: timeoutMs }),
    };
  }
  if (isTimeout(error) || (exchange?.failure && /timed? ?out/i.test(exchange.failure) && exchange.status === undefined)) {
    const summary =
      exchange?.headersMs === undefined
        ? l10n.t('{host}: no response headers within {ms} ms.', { host, ms: timeoutMs })
        : l10n.t('{host}: the body did not finish within {ms} ms.', { host, ms: timeoutMs });
    return { symptom: 'network.timeout', summary };
  }
  if (causeIs(error, InsecureTransportError)) {
    return { symptom: 'network.insecure-http', summary: l10n.t('Refused to send the token over plain http to {host}.', { host }) };
  }
  if (causeIs(error, BodyTooLargeError)) {
    return { symptom: 'response.malformed', summary: l10n.t("{host}: the response body exceeded the doctor's limit; it stopped reading.", { host }) };
  }
  if (httpStatusOf(error) !== undefined && exchange?.status !== undefined) {
    const answer = classifyAnswer(exchange, context);
    if (answer) return answer;
  }
  if (isSdkError(error) && httpStatusOf(error) === undefined && !(error instanceof APIConnectionError) && !named(error, 'APIConnectionError')) {
    return { symptom: 'stream.error-event', summary: l10n.t('The stream carried an error event: {message}', { message: (error as Error).message }) };
  }
  if (error instanceof SyntaxError && exchange?.status !== undefined) {
    return { symptom: 'response.malformed', summary: l10n.t('{host}: the body could not be parsed as JSON ({error}).', { host, error: error.message }) };
  }
  const network = classifyNetwork(error, host, exchange?.route);
  if (network) return network;
  if (error instanceof APIConnectionError || named(error, 'APIConnectionError'))
    return { symptom: 'network.reset', summary: l10n.t('Could not reach {host}: {message}', { host, message: (error as Error).message }) };
  return undefined;
}

function causeIs(error: unknown, type: abstract new (...args: never[]) => Error): boolean {
  return causeChain(error).some((e) => e instanceof type);
}
