import { classifyFailure } from '../classify/classifyFailure';
import type { Exchange } from '../transport/exchange';
import type { CheckOutcome } from './checkTypes';

/** A failed protocol call: a 404 on the protocol's own route means the gateway does not serve it. */
export function protocolFailure(error: unknown, exchange: Exchange | undefined, timeoutMs: number, api: string): CheckOutcome {
  const diagnosis = classifyFailure(error, exchange, timeoutMs);
  if (diagnosis.symptom === 'url.wrong-path' || (exchange?.status === 404 && diagnosis.symptom === 'url.not-found')) {
    return { status: 'fail', symptom: 'client.protocol-missing', summary: `This gateway does not serve ${api}: ${diagnosis.summary}` };
  }
  return { status: 'fail', symptom: diagnosis.symptom, summary: diagnosis.summary };
}
