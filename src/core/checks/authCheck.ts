import { classifyFailure, isCancellation } from '../classify/classifyFailure';
import { classifyHttp } from '../classify/classifyHttp';
import type { Diagnosis } from '../classify/diagnosis';
import type { CheckContext, CheckDefinition, CheckOutcome } from './checkTypes';
import { ModelListSchema } from './modelList';
import { isExpired } from './tokenUsage';

/**
 * Does the gateway accept the token? `GET {base}/models` costs nothing. A generic 401 is refined
 * with `/api/usage/token/`, which still answers for expired and exhausted tokens (new-api).
 */
export const authCheck: CheckDefinition = {
  id: 'auth',
  kind: 'auth',
  title: 'Authentication',
  needs: ['token'],
  gatedBy: ['base-url'],
  async run(ctx): Promise<CheckOutcome> {
    const client = ctx.client();
    try {
      const { data } = await client.sdk.get<unknown>('/models', client.request).withResponse();
      const exchange = client.log.last();
      const http = exchange && classifyHttp(exchange, data);
      if (http) return { status: 'fail', symptom: http.symptom, summary: http.summary };
      const list = ModelListSchema.safeParse(data);
      if (!list.success) return { status: 'fail', symptom: 'response.malformed', summary: 'GET /models answered 200, but the body is not a model list.' };
      ctx.facts.modelIds = list.data.data.map((m) => m.id);
      const via = exchange?.gatewayVersion ? ` (new-api ${exchange.gatewayVersion})` : '';
      return { status: 'pass', summary: `The token is accepted${via}; it can see ${ctx.facts.modelIds.length} model(s).`, metrics: { models: ctx.facts.modelIds.length } };
    } catch (error) {
      if (isCancellation(error, ctx.signal)) throw error;
      const diagnosis = classifyFailure(error, client.log.last(), ctx.profile.timeoutMs);
      return refine(ctx, diagnosis);
    }
  },
};

async function refine(ctx: CheckContext, diagnosis: Diagnosis): Promise<CheckOutcome> {
  if (diagnosis.symptom !== 'auth.invalid') return { status: 'fail', symptom: diagnosis.symptom, summary: diagnosis.summary };
  const usage = await ctx.facts.tokenUsage(ctx.client());
  if (!usage.ok) {
    return {
      status: 'fail',
      symptom: 'auth.invalid',
      summary: diagnosis.summary,
      details: [`The token status route could not tell more: ${usage.reason}. The token is unknown, deleted or disabled.`],
    };
  }
  const { usage: u } = usage;
  if (isExpired(u.expires_at)) {
    return { status: 'fail', symptom: 'auth.expired', summary: `The token "${u.name ?? ''}" expired on ${new Date((u.expires_at ?? 0) * 1000).toISOString().slice(0, 10)}.`, details: [diagnosis.summary] };
  }
  if (!u.unlimited_quota && u.total_available <= 0) {
    return { status: 'fail', symptom: 'auth.exhausted', summary: `The token "${u.name ?? ''}" has used up its quota (${u.total_used} of ${u.total_granted} used).`, details: [diagnosis.summary] };
  }
  return { status: 'fail', symptom: 'auth.invalid', summary: diagnosis.summary, details: ['The token status route still knows this token; it may be disabled in the dashboard.'] };
}
