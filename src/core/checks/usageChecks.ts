import { CLIENTS } from '../clients/clients';
import { LOG_TYPE, type LogEntry } from '../gatewayLog/logEntry';
import { displayOf, formatQuota, type QuotaDisplay } from '../money/quotaDisplay';
import type { Profile } from '../profile';
import { clientIps } from '../usage/clientIps';
import { errorRate } from '../usage/errorRate';
import { longPrompts } from '../usage/longPrompts';
import { recentCalls } from '../usage/ownRun';
import { retryBursts } from '../usage/retryBursts';
import { callsOf } from '../usage/usageCalls';
import { USAGE_THRESHOLDS as T } from '../usage/usageThresholds';
import type { CheckDefinition, CheckOutcome } from './checkTypes';

const pct = (share: number) => `${Math.round(share * 100)}%`;
const tokens = (n: number) => (n >= 1000 ? `${Math.round(n / 1000)}k` : String(n));
const tooFew = (n: number): CheckOutcome => ({
  status: 'skipped',
  summary: `Not judged: the token’s log holds ${n} ${n === 1 ? 'call' : 'calls'} besides this run’s, too few to judge (the doctor judges from ${T.minCalls}).`,
});

interface Seen {
  /** The token's calls, this run's own left out. */
  calls: LogEntry[];
  /** Every call of the log, this run's included (its address is this machine's). */
  all: LogEntry[];
  display: QuotaDisplay;
  profile: Profile;
}

/** One pattern of the token's recent log that can drive its bill up. */
interface UsagePattern {
  id: string;
  title: string;
  judge(seen: Seen): CheckOutcome;
}

const LONG_CONTEXT: UsagePattern = {
  id: 'long-context',
  title: 'Usage: long prompts',
  judge({ calls, display }) {
    const lp = longPrompts(calls);
    if (lp.calls < T.minCalls) return tooFew(lp.calls);
    const metrics = { calls: lp.calls, long: lp.long, shareOfSpend: Math.round(lp.shareOfSpend * 1000) / 1000, longest: lp.longest };
    const quota = calls.reduce((n, e) => n + e.quota, 0);
    if (lp.long === 0)
      return {
        status: 'pass',
        summary: `No call sent a prompt of ${tokens(T.longPromptTokens)} tokens or more (${lp.calls} billed calls; the longest ${tokens(lp.longest)}).`,
        metrics,
      };
    const said = `${pct(lp.shareOfSpend)} of the spend (${formatQuota(Math.round(quota * lp.shareOfSpend), display)}) went to ${lp.long} of ${lp.calls} calls with prompts of ${tokens(T.longPromptTokens)} tokens or more`;
    if (lp.shareOfSpend > T.longPromptSpendShare)
      return {
        status: 'warn',
        symptom: 'usage.long-context',
        summary: `Long multi-turn context drives the bill: ${said} (the longest ${tokens(lp.longest)}).`,
        metrics,
      };
    return { status: 'pass', summary: `No long-context pattern: ${said}.`, metrics };
  },
};

const RETRIES: UsagePattern = {
  id: 'retries',
  title: 'Usage: repeated requests',
  judge({ calls, display }) {
    if (calls.length < T.minCalls) return tooFew(calls.length);
    const rb = retryBursts(calls);
    const share = rb.retries / calls.length;
    const metrics = { calls: calls.length, bursts: rb.bursts, retries: rb.retries, share: Math.round(share * 1000) / 1000 };
    if (rb.retries === 0) return { status: 'pass', summary: `No request was sent again within ${T.retryWithinSeconds} s (${calls.length} calls).`, metrics };
    const said = `${rb.retries} of ${calls.length} calls (${pct(share)}) repeated an identical request within ${T.retryWithinSeconds} s, in ${rb.bursts} ${rb.bursts === 1 ? 'burst' : 'bursts'}`;
    if (share > T.retryShare)
      return {
        status: 'warn',
        symptom: 'usage.retries',
        summary: `A client retries: ${said}; the billed copies cost ${formatQuota(rb.retriedQuota, display)}.`,
        metrics,
      };
    return { status: 'pass', summary: `Few repeats: ${said}.`, metrics };
  },
};

const ERRORS: UsagePattern = {
  id: 'errors',
  title: 'Usage: failed requests',
  judge({ calls }) {
    const er = errorRate(calls);
    const metrics = { calls: er.calls, errors: er.errors, share: Math.round(er.share * 1000) / 1000 };
    if (er.errors === 0)
      return {
        status: 'pass',
        summary: `No failed call in the token’s log (${er.calls} calls; the gateway records failures only when its error log is on).`,
        metrics,
      };
    if (er.calls < T.minCalls) return tooFew(er.calls);
    const byModel = new Map<string, number>();
    for (const e of calls) if (e.type === LOG_TYPE.error) byModel.set(e.model, (byModel.get(e.model) ?? 0) + 1);
    const [model, most] = [...byModel].toSorted((a, b) => b[1] - a[1])[0]!;
    const said = `${er.errors} of ${er.calls} calls (${pct(er.share)}) failed, most with ${model} (${most})`;
    if (er.share > T.errorShare) return { status: 'warn', symptom: 'usage.errors', summary: `Many requests fail: ${said}.`, metrics };
    return { status: 'pass', summary: `Few failures: ${said}.`, metrics };
  },
};

const CLIENT_IPS: UsagePattern = {
  id: 'client-ips',
  title: 'Usage: client addresses',
  judge({ all, profile }) {
    const ci = clientIps(all);
    const metrics = { addresses: ci.ips.length };
    if (!ci.recorded)
      return {
        status: 'skipped',
        summary: 'Not judged: the gateway records no client IP for this token (IP recording is off in the dashboard’s settings), so sharing cannot be seen.',
        metrics,
      };
    const list = ci.ips.slice(0, 5).map((a) => `${a.ip}: ${a.calls} ${a.calls === 1 ? 'call' : 'calls'}`);
    const more = ci.ips.length > 5 ? `, and ${ci.ips.length - 5} more` : '';
    const client = CLIENTS[profile.client];
    if (client.requestsFrom === 'vendor-servers' && ci.ips.length > T.maxClientIps)
      return {
        status: 'skipped',
        summary: `Not judged: ${client.name} sends requests from its own servers, so the token’s calls come from many addresses anyway (${ci.ips.length}: ${list.join(', ')}${more}).`,
        metrics,
      };
    if (ci.ips.length > T.maxClientIps)
      return {
        status: 'warn',
        symptom: 'usage.shared-token',
        summary: `The token is used from ${ci.ips.length} addresses: ${list.join(', ')}${more}.`,
        metrics,
      };
    return { status: 'pass', summary: `All of the token’s logged calls came from one address (${list.join(', ')}).`, metrics };
  },
};

export const USAGE_PATTERNS: readonly UsagePattern[] = [LONG_CONTEXT, RETRIES, ERRORS, CLIENT_IPS];

/**
 * The guides' "check the Crazyrouter logs first for retries or long multi-turn sessions" as checks:
 * each reads the token's recent log (the log check's one read, after it) and judges one pattern.
 */
export function usageCheck(pattern: UsagePattern): CheckDefinition {
  return {
    id: `usage:${pattern.id}`,
    kind: 'usage',
    title: pattern.title,
    needs: ['token'],
    gatedBy: ['auth'],
    after: ['log'],
    sendsToken: true,
    async run(ctx): Promise<CheckOutcome> {
      const read = await ctx.facts.tokenLog(ctx.client());
      // Why it was not read is the log check's to say, once.
      if (!read.ok) return { status: 'skipped', summary: 'Not judged: the token’s log was not read (see “This run in the gateway’s log”).' };
      const display = ctx.facts.display ?? displayOf((await ctx.facts.gatewayStatus(ctx.client())).status);
      ctx.facts.display ??= display;
      const { calls } = recentCalls(read.entries, ctx.facts.logMatches);
      return pattern.judge({ calls, all: callsOf(read.entries), display, profile: ctx.profile });
    },
  };
}
