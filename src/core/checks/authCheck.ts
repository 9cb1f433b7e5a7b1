import type { Diagnosis } from '../classify/diagnosis';
import { safeDate } from '../dates';
import type { CheckContext, CheckDefinition, CheckOutcome } from './checkTypes';
import { callGateway, failed } from './gatewayCall';
import { ModelListSchema } from './modelList';
import { isExpired } from './tokenUsage';

/**
 * Does the gateway accept the token? `GET {base}/models` costs nothing. A generic 401 (new-api
 * since April 2026 answers "Invalid token" for every token problem) is refined with
 * `/api/usage/token/`, which still answers for expired and exhausted tokens and words the others.
 */
export const authCheck: CheckDefinition = {
  id: 'auth',
  kind: 'auth',
  title: 'Authentication',
  needs: ['token'],
  gatedBy: ['base-url'],
  sendsToken: true,
  async run(ctx): Promise<CheckOutcome> {
    const client = ctx.client();
    const call = await callGateway(client, { route: 'relay' }, () => client.sdk.get<unknown>('/models', client.request));
    if (!call.ok) return call.diagnosis.symptom === 'auth.invalid' ? refine(ctx, call.diagnosis) : failed(call.diagnosis);
    const list = ModelListSchema.safeParse(call.value);
    if (!list.success) return { status: 'fail', symptom: 'response.malformed', summary: 'GET /models answered 200, but the body is not a model list.' };
    ctx.facts.modelIds = list.data.data.map((m) => m.id);
    ctx.facts.gatewayVersion ??= call.exchange?.gatewayVersion;
    const via = call.exchange?.gatewayVersion ? ` (new-api ${call.exchange.gatewayVersion})` : '';
    const count = ctx.facts.modelIds.length;
    return { status: 'pass', summary: `The token is accepted${via}; it can see ${count} ${count === 1 ? 'model' : 'models'}.`, metrics: { models: count } };
  },
};

/** What the token status route says about a token the relay refused with its generic 401. */
async function refine(ctx: CheckContext, diagnosis: Diagnosis): Promise<CheckOutcome> {
  const usage = await ctx.facts.tokenUsage(ctx.client());
  if (!usage.ok) {
    if (usage.diagnosis && usage.diagnosis.symptom !== 'auth.invalid' && usage.diagnosis.symptom.startsWith('auth.')) {
      return failed(usage.diagnosis, { details: [`The relay answered: ${diagnosis.summary}`] });
    }
    return failed(diagnosis, { details: [`The token status route could not tell more: ${usage.reason}.`] });
  }
  const { usage: u } = usage;
  const name = u.name ? `"${u.name}"` : '';
  if (isExpired(u.expires_at)) {
    return { status: 'fail', symptom: 'auth.expired', summary: `The token ${name} expired on ${safeDate(u.expires_at)}.`, details: [diagnosis.summary] };
  }
  if (!u.unlimited_quota && u.total_available <= 0) {
    return {
      status: 'fail',
      symptom: 'auth.exhausted',
      summary: `The token ${name} has used up its quota (${u.total_used} of ${u.total_granted} quota units used).`,
      details: [diagnosis.summary],
    };
  }
  return {
    status: 'fail',
    symptom: 'auth.unexplained',
    summary: `${diagnosis.summary}, yet the token status route shows the token ${name} as valid, unexpired and with quota left: the cause cannot be seen from outside.`,
    details: [
      'A gateway before April 2026 also lets a disabled token read its status; look at the token in the dashboard, then quote the request id to support.',
    ],
  };
}
