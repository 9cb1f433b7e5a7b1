import { classifyFailure, isCancellation } from '../classify/classifyFailure';
import type { CheckDefinition, CheckOutcome } from './checkTypes';

/**
 * Can this machine reach the gateway at all? A DNS lookup (timed; informative only, since a proxy
 * may resolve names for us) and an anonymous `GET {base}/models` that sends no token.
 */
export const reachabilityCheck: CheckDefinition = {
  id: 'reachability',
  kind: 'reachability',
  title: 'Reachability',
  needs: [],
  gatedBy: [],
  async run(ctx): Promise<CheckOutcome> {
    const url = new URL(ctx.profile.baseUrl);
    const details: string[] = [];
    const metrics: CheckOutcome['metrics'] = {};
    const dnsStart = performance.now();
    try {
      const addresses = await ctx.lookup(url.hostname);
      metrics.dnsMs = Math.round(performance.now() - dnsStart);
      details.push(`${url.hostname} resolved to ${addresses.map((a) => a.address).join(', ')} in ${metrics.dnsMs} ms.`);
    } catch (error) {
      details.push(`DNS lookup of ${url.hostname} failed on this machine (${(error as { code?: string }).code ?? 'error'}); trying the request anyway in case a proxy resolves it.`);
    }
    const client = ctx.client();
    try {
      await client.sdk.get('/models', client.anonymous);
    } catch (error) {
      if (isCancellation(error, ctx.signal)) throw error;
      const exchange = client.log.last();
      if (exchange?.status === undefined) {
        const diagnosis = classifyFailure(error, exchange, ctx.profile.timeoutMs);
        return { status: 'fail', symptom: diagnosis.symptom, summary: diagnosis.summary, details, metrics };
      }
    }
    const exchange = client.log.last();
    metrics.latencyMs = Math.round(exchange?.headersMs ?? 0);
    metrics.protocol = url.protocol.replace(':', '');
    return { status: 'pass', summary: `${url.host} answered over ${metrics.protocol} in ${metrics.latencyMs} ms.`, details, metrics };
  },
};
