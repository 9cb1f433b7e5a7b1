import { withDeadline } from '../deadline';
import type { CheckDefinition, CheckOutcome } from './checkTypes';
import { callGateway, failed } from './gatewayCall';

/**
 * Can this machine reach the gateway at all? A DNS lookup (timed, bounded by the request timeout
 * and the run's cancellation; informative only, since a proxy may resolve names for us) and an
 * anonymous `GET {base}/models` that sends no token.
 */
export const reachabilityCheck: CheckDefinition = {
  id: 'reachability',
  kind: 'reachability',
  title: 'Reachability',
  needs: [],
  gatedBy: [],
  sendsToken: false,
  async run(ctx): Promise<CheckOutcome> {
    const url = new URL(ctx.profile.baseUrl);
    const details: string[] = [];
    const metrics: CheckOutcome['metrics'] = {};
    const dnsStart = performance.now();
    const lookup = await withDeadline(ctx.lookup(url.hostname), ctx.profile.timeoutMs, ctx.signal);
    metrics.dnsMs = Math.round(performance.now() - dnsStart);
    if (lookup.ok) details.push(`${url.hostname} resolved to ${lookup.value.map((a) => a.address).join(', ')} in ${metrics.dnsMs} ms.`);
    else {
      const why = lookup.timedOut ? `no answer within ${ctx.profile.timeoutMs} ms` : ((lookup.error as { code?: string }).code ?? 'error');
      details.push(`DNS lookup of ${url.hostname} failed on this machine (${why}); trying the request anyway in case a proxy resolves it.`);
    }
    const client = ctx.client();
    const call = await callGateway(client, { route: 'relay', anonymous: true }, () => client.anonymousSdk.get('/models', client.anonymous));
    if (!call.ok && call.exchange?.status === undefined) return failed(call.diagnosis, { details, metrics });
    metrics.latencyMs = Math.round(call.exchange?.headersMs ?? 0);
    metrics.protocol = url.protocol.replace(':', '');
    return { status: 'pass', summary: `${url.host} answered over ${metrics.protocol} in ${metrics.latencyMs} ms.`, details, metrics };
  },
};
