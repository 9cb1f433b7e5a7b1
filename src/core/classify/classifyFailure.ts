import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { Exchange } from '../transport/exchange';
import { BodyTimeoutError, BodyTooLargeError, InsecureTransportError } from '../transport/recordingFetch';
import { causeChain } from '../causeChain';
import type { Diagnosis } from './diagnosis';
import { classifyHttp } from './classifyHttp';
import { classifyNetwork } from './classifyNetwork';

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** The openai and Anthropic SDKs share error class names but not classes: match either. */
const named = (error: unknown, name: string) => error instanceof Error && (error.name === name || error.constructor?.name === name);
const isTimeout = (error: unknown) => error instanceof APIConnectionTimeoutError || named(error, 'APIConnectionTimeoutError');
const httpStatusOf = (error: unknown): number | undefined => {
  const status = error instanceof Error ? (error as Error & { status?: unknown }).status : undefined;
  return typeof status === 'number' ? status : undefined;
};

export function isCancellation(error: unknown, signal?: AbortSignal): boolean {
  return error instanceof CancelledError || error instanceof APIUserAbortError || named(error, 'APIUserAbortError') || (signal?.aborted === true && !isTimeout(error));
}

/** Classifies anything an SDK call threw, using what the transport recorded of the exchange. */
export function classifyFailure(error: unknown, exchange: Exchange | undefined, timeoutMs: number): Diagnosis {
  const host = exchange ? new URL(exchange.url).host : 'the gateway';
  if (causeIs(error, BodyTimeoutError)) {
    return { symptom: 'network.timeout', summary: `${host}: the response started but its body did not finish within ${timeoutMs} ms (a slow trickle).` };
  }
  if (isTimeout(error) || (exchange?.failure && /timed? ?out/i.test(exchange.failure) && exchange.status === undefined)) {
    const phase = exchange?.headersMs === undefined ? 'no response headers' : 'the body did not finish';
    return { symptom: 'network.timeout', summary: `${host}: ${phase} within ${timeoutMs} ms.` };
  }
  if (causeIs(error, InsecureTransportError)) {
    return { symptom: 'network.insecure-http', summary: `Refused to send the token over plain http to ${host}.` };
  }
  if (error instanceof BodyTooLargeError || causeIs(error, BodyTooLargeError)) {
    return { symptom: 'response.malformed', summary: `${host}: ${(error as Error).message}.` };
  }
  if (httpStatusOf(error) !== undefined && exchange?.status !== undefined) {
    const http = classifyHttp(exchange, (error as { error?: unknown }).error ?? exchange.excerpt);
    if (http) return http;
  }
  if (error instanceof APIError && error.status === undefined && !(error instanceof APIConnectionError)) {
    return { symptom: 'stream.error-event', summary: `The stream carried an error event: ${error.message}` };
  }
  if (error instanceof SyntaxError) {
    return { symptom: 'response.malformed', summary: `${host}: the body could not be parsed as JSON (${error.message}).` };
  }
  const network = classifyNetwork(error, host);
  if (network) return network;
  if (error instanceof APIConnectionError) return { symptom: 'network.reset', summary: `Could not reach ${host}: ${error.message}` };
  return { symptom: 'gateway.server-error', summary: `Unexpected failure talking to ${host}: ${error instanceof Error ? error.message : String(error)}` };
}

function causeIs(error: unknown, type: abstract new (...args: never[]) => Error): boolean {
  return causeChain(error).some((e) => e instanceof type);
}
