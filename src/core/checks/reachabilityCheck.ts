import * as l10n from '@vscode/l10n';
import { withDeadline } from '../deadline';
import { describeRoute } from '../transport/networkRoute';
import type { CheckDefinition, CheckOutcome } from './checkTypes';
import { callGateway, failed } from './gatewayCall';

type Values = Record<string, string | number>;

/** Sentences of this check's details, whole, with `{placeholders}`, in the reader's language. */
const SAY = {
  resolved: (v: Values) => l10n.t('{host} resolved to {addresses} in {ms} ms.', v),
  dnsFailed: (v: Values) => l10n.t('DNS lookup of {host} failed on this machine ({why}); trying the request anyway in case a proxy resolves it.', v),
  dnsTimedOut: (v: Values) => l10n.t('no answer within {ms} ms', v),
  proxyResolves: (v: Values) => l10n.t('The proxy resolves {host} for these requests, so this machine’s DNS was not asked.', v),
  answered: (v: Values) => l10n.t('{host} answered over {protocol} in {ms} ms.', v),
};

/**
 * Can this machine reach the gateway at all? A DNS lookup (timed, bounded by the request timeout
 * and the run's cancellation; informative only, and skipped when a proxy resolves names for us) and
 * an anonymous `GET {base}/models` that sends no token. Its details say which way the request went:
 * direct, or through which proxy.
 */
export const reachabilityCheck: CheckDefinition = {
  id: 'reachability',
  kind: 'reachability',
  get title() {
    return l10n.t('Reachability');
  },
  needs: [],
  gatedBy: [],
  sendsToken: false,
  async run(ctx): Promise<CheckOutcome> {
    const url = new URL(ctx.profile.baseUrl);
    const details: string[] = [];
    const metrics: CheckOutcome['metrics'] = {};
    const route = ctx.routeOf?.(url);
    if (route) {
      details.push(describeRoute(route));
      metrics.route = route.kind;
      if (route.kind === 'proxy') metrics.proxy = route.proxy;
    }
    if (route?.kind === 'proxy') details.push(SAY.proxyResolves({ host: url.hostname }));
    else {
      const dnsStart = performance.now();
      const lookup = await withDeadline(ctx.lookup(url.hostname), ctx.profile.timeoutMs, ctx.signal);
      metrics.dnsMs = Math.round(performance.now() - dnsStart);
      if (lookup.ok) details.push(SAY.resolved({ host: url.hostname, addresses: lookup.value.map((a) => a.address).join(', '), ms: metrics.dnsMs }));
      else {
        const why = lookup.timedOut ? SAY.dnsTimedOut({ ms: ctx.profile.timeoutMs }) : ((lookup.error as { code?: string }).code ?? 'error');
        details.push(SAY.dnsFailed({ host: url.hostname, why }));
      }
    }
    const client = ctx.client();
    const call = await callGateway(client, { route: 'relay', anonymous: true }, () => client.anonymousSdk.get('/models', client.anonymous));
    if (!call.ok && call.exchange?.status === undefined) return failed(call.diagnosis, { details, metrics });
    metrics.latencyMs = Math.round(call.exchange?.headersMs ?? 0);
    metrics.protocol = url.protocol.replace(':', '');
    return { status: 'pass', summary: SAY.answered({ host: url.host, protocol: metrics.protocol, ms: metrics.latencyMs }), details, metrics };
  },
};
