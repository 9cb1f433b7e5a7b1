import { classifyFailure, isCancellation } from '../classify/classifyFailure';
import { asksForToken, classifyHttp } from '../classify/classifyHttp';
import { primaryCall, URL_RULES, valueToType, type Endpoint, type UrlRule } from '../clients/urlRules';
import { isLoopbackHost } from '../urls';
import type { CheckContext, CheckDefinition, CheckOutcome } from './checkTypes';
import { DEFAULT_URL_RULE } from './clientUrlDefaults';

const PROBE_BODY: Record<Exclude<Endpoint, 'models'>, Record<string, unknown>> = {
  chat: { model: 'gpt-5.4', messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 },
  responses: { model: 'gpt-5.4', input: 'ping', max_output_tokens: 16 },
  messages: { model: 'claude-sonnet-4-6', max_tokens: 1, messages: [{ role: 'user', content: 'ping' }] },
};

const isPrivateHost = (host: string) => isLoopbackHost(host) || /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.)/.test(host) || host.endsWith('.local');

/**
 * The URL doctor: what will this client call for what the user typed, does that URL answer as
 * the API, and if not, what exactly to type instead. The probes carry no token.
 */
export const clientUrlCheck: CheckDefinition = {
  id: 'client-url',
  kind: 'client-url',
  title: 'What your client will call',
  needs: [],
  gatedBy: [],
  async run(ctx): Promise<CheckOutcome> {
    const typed = ctx.profile.typedUrl ?? '';
    const rule = URL_RULES[ctx.profile.urlRule ?? DEFAULT_URL_RULE[ctx.profile.client]];
    const predicted = rule.predict(typed);
    const call = primaryCall(predicted);
    if (!call || !URL.canParse(call.url)) {
      return { status: 'fail', symptom: 'url.not-found', summary: `"${typed}" is not a URL ${rule.client} can use. Type exactly ${valueToType(rule, 'https://crazyrouter.com')} in ${rule.field}.` };
    }
    const { endpoint, url } = call;
    const fix = valueToType(rule, typed);
    const details = [`${rule.client} turns "${typed}" into ${Object.entries(predicted).map(([e, u]) => `${e}: ${u}`).join(', ')} (${rule.source}).`];
    const metrics = { predictedUrl: url, valueToType: fix, rule: rule.id };
    if (rule.id === 'cursor' && isPrivateHost(new URL(url).hostname)) {
      return { status: 'warn', symptom: 'client.vendor-egress', summary: `Cursor calls ${url} from its own servers, which cannot reach ${new URL(url).host} on your machine or network.`, details, metrics };
    }
    const verdict = await probe(ctx, url, endpoint, rule, fix);
    return { ...verdict, details: [...details, ...(verdict.details ?? [])], metrics };
  },
};

async function probe(ctx: CheckContext, url: string, endpoint: Exclude<Endpoint, 'models'>, rule: UrlRule, fix: string): Promise<CheckOutcome> {
  const client = ctx.client();
  try {
    const { data } = await client.sdk.post(url, { ...client.anonymous, body: PROBE_BODY[endpoint] }).withResponse();
    const exchange = client.log.last();
    const http = exchange && classifyHttp(exchange, data);
    if (http) return wrong(rule, url, http.summary, http.symptom, fix);
    return { status: 'warn', summary: `${url} answered without a token; this does not look like Crazyrouter.` };
  } catch (error) {
    if (isCancellation(error, ctx.signal)) throw error;
    const exchange = client.log.last();
    if (asksForToken(exchange)) {
      return { status: 'pass', summary: `${rule.client} will call ${url}: that is the API (it asked for a token, as the gateway does).` };
    }
    const diagnosis = classifyFailure(error, exchange, ctx.profile.timeoutMs);
    return wrong(rule, url, diagnosis.summary, diagnosis.symptom, fix);
  }
}

function wrong(rule: UrlRule, url: string, why: string, symptom: CheckOutcome['symptom'], fix: string): CheckOutcome {
  return { status: 'fail', symptom, summary: `${rule.client} will call ${url}, which is not the API: ${why.replace(/\.$/, '')}. Type exactly ${fix} in ${rule.field}.` };
}
