import * as l10n from '@vscode/l10n';
import type { SymptomId } from '../symptoms/symptomIds';
import type { AnswerContext, Diagnosis } from './diagnosis';
import { isGatewayRaised, type GatewayError } from './errorEnvelope';

interface Fallback {
  /** Which statuses the rule covers. */
  statuses: (status: number) => boolean;
  when?: (error: GatewayError | undefined, context: AnswerContext) => boolean;
  symptom: SymptomId;
  /** How sure the doctor is: `inconclusive` rules say so in the summary. */
  certainty: 'status' | 'inconclusive';
}

const upstream = (e: GatewayError | undefined) => e !== undefined && e.type !== undefined && !isGatewayRaised(e);
/** "model" or 模型, and "does not exist", "not found" or 不存在 (written as \u escapes: the CLI bundle stays ASCII, scripts/asciiBundle.mjs). */
const aboutModel = (e: GatewayError | undefined) =>
  e !== undefined &&
  (e.code === 'model_not_found' || (/\bmodel\b|\u6a21\u578b/i.test(e.message) && /does not exist|not found|\u4e0d\u5b58\u5728/i.test(e.message)));
const is =
  (...statuses: number[]) =>
  (s: number) =>
    statuses.includes(s);

/**
 * What a status means when the gateway's message is not one the corpus knows (a customised gateway,
 * a proxy, a new wording). HTTP's own meaning decides where it is unambiguous; a 403 is not (IP,
 * model, quota, ban and a firewall all answer 403), so an unknown one stays inconclusive.
 */
const FALLBACKS: readonly Fallback[] = [
  { statuses: (s) => s >= 200 && s < 300, symptom: 'gateway.server-error', certainty: 'status' },
  { statuses: is(401, 403), when: (e, c) => c.tokenAccepted === true && upstream(e), symptom: 'gateway.channel-key', certainty: 'status' },
  { statuses: is(401), symptom: 'auth.invalid', certainty: 'status' },
  { statuses: is(403), symptom: 'gateway.refused', certainty: 'inconclusive' },
  { statuses: is(404), when: (e) => aboutModel(e), symptom: 'model.not-found', certainty: 'status' },
  { statuses: is(404, 405, 501), symptom: 'url.not-found', certainty: 'status' },
  { statuses: is(400, 413, 422), symptom: 'request.invalid', certainty: 'status' },
  { statuses: is(429), when: (_e, c) => c.route === 'token-status' || c.route === 'token-log', symptom: 'rate.critical', certainty: 'status' },
  { statuses: is(429), symptom: 'rate.limited', certainty: 'status' },
  { statuses: (s) => s >= 500, when: (e) => upstream(e), symptom: 'gateway.upstream-error', certainty: 'status' },
  { statuses: () => true, symptom: 'gateway.server-error', certainty: 'status' },
];

export function statusFallback(where: string, status: number, error: GatewayError | undefined, context: AnswerContext, detail = `${status}`): Diagnosis {
  const rule = FALLBACKS.find((f) => f.statuses(status) && (f.when?.(error, context) ?? true))!;
  const body = error === undefined ? l10n.t(' with a body that is not an error the doctor can read') : '';
  const unsure =
    rule.certainty === 'inconclusive' ? l10n.t(': the gateway refused with a message the doctor does not recognise, so the cause is inconclusive') : '';
  return { symptom: rule.symptom, summary: `${where} → ${detail}${body}${unsure}` };
}
