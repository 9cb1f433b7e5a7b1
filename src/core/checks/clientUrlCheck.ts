import * as l10n from '@vscode/l10n';
import { BASELINE_MODEL, CLAUDE_MODEL, CLIENTS } from '../clients/clients';
import { primaryCall, URL_RULES, valueToType, type Endpoint, type UrlRule } from '../clients/urlRules';
import { isPrivateHost } from '../urls';
import { anonymousProbe } from './anonymousProbe';
import type { CheckDefinition, CheckOutcome } from './checkTypes';
import { DEFAULT_URL_RULE } from '../clients/clientUrlDefaults';

const PROBE_BODY: Record<Exclude<Endpoint, 'models'>, Record<string, unknown>> = {
  chat: { model: BASELINE_MODEL, messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 },
  // 16: the least the Responses API accepts (the probe carries no token, so nothing is spent).
  responses: { model: BASELINE_MODEL, input: 'ping', max_output_tokens: 16 },
  messages: { model: CLAUDE_MODEL, max_tokens: 1, messages: [{ role: 'user', content: 'ping' }] },
};

/**
 * The URL doctor: what will this client call for what the user typed, does that URL answer as
 * the API, and if not, what exactly to type instead. The probes carry no token.
 */
export const clientUrlCheck: CheckDefinition = {
  id: 'client-url',
  kind: 'client-url',
  get title() {
    return l10n.t('What your client will call');
  },
  needs: [],
  gatedBy: [],
  sendsToken: false,
  async run(ctx): Promise<CheckOutcome> {
    const typed = ctx.profile.typedUrl ?? '';
    const rule = URL_RULES[ctx.profile.urlRule ?? DEFAULT_URL_RULE[ctx.profile.client]];
    // The API the client will use for the first chosen model (Continue: Responses for gpt-5 and o models).
    const predicted = rule.predict(typed, ctx.profile.models[0] ?? BASELINE_MODEL);
    const call = primaryCall(predicted);
    if (!call || !URL.canParse(call.url)) {
      return {
        status: 'fail',
        symptom: 'url.not-found',
        summary: l10n.t('"{typed}" is not a URL {client} can use. Type exactly {value} in {field}.', {
          typed,
          client: rule.client,
          value: valueToType(rule, 'https://crazyrouter.com'),
          field: l10n.t(rule.field),
        }),
      };
    }
    const { endpoint, url } = call;
    const fix = valueToType(rule, typed);
    const details = [
      l10n.t('{client} turns "{typed}" into {urls} ({source}).', {
        client: rule.client,
        typed,
        urls: Object.entries(predicted)
          .map(([e, u]) => `${e}: ${u}`)
          .join(', '),
        source: rule.source,
      }),
    ];
    const metrics = { predictedUrl: url, valueToType: fix, rule: rule.id };
    if (CLIENTS[ctx.profile.client].requestsFrom === 'vendor-servers' && isPrivateHost(new URL(url).hostname)) {
      return {
        status: 'warn',
        symptom: 'client.vendor-egress',
        summary: l10n.t('{client} calls {url} from its own servers, which cannot reach {host} on your machine or network.', {
          client: rule.client,
          url,
          host: new URL(url).host,
        }),
        details,
        metrics,
      };
    }
    const verdict = await anonymousProbe(ctx, url, PROBE_BODY[endpoint]);
    if (verdict.kind === 'api')
      return {
        status: 'pass',
        summary: l10n.t('{client} will call {url}: that is the API (it asked for a token, as the gateway does).', { client: rule.client, url }),
        details,
        metrics,
      };
    if (verdict.kind === 'open')
      return {
        status: 'warn',
        symptom: 'url.no-auth',
        summary: l10n.t("{url} answered without asking for a token; this does not look like Crazyrouter's API.", { url }),
        details,
        metrics,
      };
    return wrong(rule, url, verdict.diagnosis.summary, verdict.diagnosis.symptom, fix, details, metrics);
  },
};

function wrong(
  rule: UrlRule,
  url: string,
  why: string,
  symptom: CheckOutcome['symptom'],
  fix: string,
  details: string[],
  metrics: CheckOutcome['metrics'],
): CheckOutcome {
  return {
    status: 'fail',
    symptom,
    summary: l10n.t('{client} will call {url}, which is not the API: {why}. Type exactly {fix} in {field}.', {
      client: rule.client,
      url,
      why: why.replace(/\.$/, ''),
      fix,
      field: l10n.t(rule.field),
    }),
    details,
    metrics,
  };
}
