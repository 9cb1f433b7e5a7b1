import * as l10n from '@vscode/l10n';
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
  get title() {
    return l10n.t('Authentication');
  },
  needs: ['token'],
  gatedBy: ['base-url'],
  sendsToken: true,
  async run(ctx): Promise<CheckOutcome> {
    const client = ctx.client();
    const call = await callGateway(client, { route: 'relay' }, () => client.sdk.get<unknown>('/models', client.request));
    if (!call.ok) return call.diagnosis.symptom === 'auth.invalid' ? refine(ctx, call.diagnosis) : failed(call.diagnosis);
    const list = ModelListSchema.safeParse(call.value);
    if (!list.success) return { status: 'fail', symptom: 'response.malformed', summary: l10n.t('GET /models answered 200, but the body is not a model list.') };
    ctx.facts.modelIds = list.data.data.map((m) => m.id);
    ctx.facts.gatewayVersion ??= call.exchange?.gatewayVersion;
    const version = call.exchange?.gatewayVersion;
    const count = ctx.facts.modelIds.length;
    const summary = version
      ? count === 1
        ? l10n.t('The token is accepted (new-api {version}); it can see 1 model.', { version })
        : l10n.t('The token is accepted (new-api {version}); it can see {count} models.', { version, count })
      : count === 1
        ? l10n.t('The token is accepted; it can see 1 model.')
        : l10n.t('The token is accepted; it can see {count} models.', { count });
    return { status: 'pass', summary, metrics: { models: count } };
  },
};

/** What the token status route says about a token the relay refused with its generic 401. */
async function refine(ctx: CheckContext, diagnosis: Diagnosis): Promise<CheckOutcome> {
  const usage = await ctx.facts.tokenUsage(ctx.client());
  if (!usage.ok) {
    if (usage.diagnosis && usage.diagnosis.symptom !== 'auth.invalid' && usage.diagnosis.symptom.startsWith('auth.')) {
      return failed(usage.diagnosis, { details: [l10n.t('The relay answered: {why}', { why: diagnosis.summary })] });
    }
    return failed(diagnosis, { details: [l10n.t('The token status route could not tell more: {reason}.', { reason: usage.reason })] });
  }
  const { usage: u } = usage;
  // The token's name as the gateway keeps it (quoted: it is the user's text), or nothing.
  const name = u.name ? `"${u.name}"` : '';
  if (isExpired(u.expires_at)) {
    return {
      status: 'fail',
      symptom: 'auth.expired',
      summary: l10n.t('The token {name} expired on {date}.', { name, date: safeDate(u.expires_at) }),
      details: [diagnosis.summary],
    };
  }
  if (!u.unlimited_quota && u.total_available <= 0) {
    return {
      status: 'fail',
      symptom: 'auth.exhausted',
      summary: l10n.t('The token {name} has used up its quota ({used} of {granted} quota units used).', { name, used: u.total_used, granted: u.total_granted }),
      details: [diagnosis.summary],
    };
  }
  return {
    status: 'fail',
    symptom: 'auth.unexplained',
    summary: l10n.t(
      '{why}, yet the token status route shows the token {name} as valid, unexpired and with quota left: the cause cannot be seen from outside.',
      { why: diagnosis.summary, name },
    ),
    details: [
      l10n.t(
        'A gateway before April 2026 also lets a disabled token read its status; look at the token in the dashboard, then quote the request id to support.',
      ),
    ],
  };
}
