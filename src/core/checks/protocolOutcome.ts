import * as l10n from '@vscode/l10n';
import type { Diagnosis } from '../classify/diagnosis';
import type { Exchange } from '../transport/exchange';
import type { CheckOutcome } from './checkTypes';
import { failed } from './gatewayCall';

/** A failed protocol call: a 404 on the protocol's own route means the gateway does not serve it. */
export function protocolFailure(diagnosis: Diagnosis, exchange: Exchange | undefined, api: string): CheckOutcome {
  if (diagnosis.symptom === 'url.wrong-path' || (exchange?.status === 404 && diagnosis.symptom === 'url.not-found')) {
    return { status: 'fail', symptom: 'client.protocol-missing', summary: l10n.t('This gateway does not serve {api}: {why}', { api, why: diagnosis.summary }) };
  }
  return failed(diagnosis);
}
