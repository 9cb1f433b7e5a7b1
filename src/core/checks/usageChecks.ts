import * as l10n from '@vscode/l10n';
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
  summary:
    n === 1
      ? l10n.t('Not judged: the token’s log holds 1 call besides this run’s, too few to judge (the doctor judges from {min}).', { min: T.minCalls })
      : l10n.t('Not judged: the token’s log holds {n} calls besides this run’s, too few to judge (the doctor judges from {min}).', { n, min: T.minCalls }),
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
  /** Its title in the reader's language. */
  title(): string;
  judge(seen: Seen): CheckOutcome;
}

const LONG_CONTEXT: UsagePattern = {
  id: 'long-context',
  title: () => l10n.t('Usage: long prompts'),
  judge({ calls, display }) {
    const lp = longPrompts(calls);
    if (lp.calls < T.minCalls) return tooFew(lp.calls);
    const metrics = { calls: lp.calls, long: lp.long, shareOfSpend: Math.round(lp.shareOfSpend * 1000) / 1000, longest: lp.longest };
    const quota = calls.reduce((n, e) => n + e.quota, 0);
    if (lp.long === 0)
      return {
        status: 'pass',
        summary: l10n.t('No call sent a prompt of {limit} tokens or more ({calls} billed calls; the longest {longest}).', {
          limit: tokens(T.longPromptTokens),
          calls: lp.calls,
          longest: tokens(lp.longest),
        }),
        metrics,
      };
    const said = l10n.t('{share} of the spend ({cost}) went to {long} of {calls} calls with prompts of {limit} tokens or more', {
      share: pct(lp.shareOfSpend),
      cost: formatQuota(Math.round(quota * lp.shareOfSpend), display),
      long: lp.long,
      calls: lp.calls,
      limit: tokens(T.longPromptTokens),
    });
    if (lp.shareOfSpend > T.longPromptSpendShare)
      return {
        status: 'warn',
        symptom: 'usage.long-context',
        summary: l10n.t('Long multi-turn context drives the bill: {said} (the longest {longest}).', { said, longest: tokens(lp.longest) }),
        metrics,
      };
    return { status: 'pass', summary: l10n.t('No long-context pattern: {said}.', { said }), metrics };
  },
};

const RETRIES: UsagePattern = {
  id: 'retries',
  title: () => l10n.t('Usage: repeated requests'),
  judge({ calls, display }) {
    if (calls.length < T.minCalls) return tooFew(calls.length);
    const rb = retryBursts(calls);
    const share = rb.retries / calls.length;
    const metrics = { calls: calls.length, bursts: rb.bursts, retries: rb.retries, share: Math.round(share * 1000) / 1000 };
    if (rb.retries === 0)
      return {
        status: 'pass',
        summary: l10n.t('No request was sent again within {seconds} s ({calls} calls).', { seconds: T.retryWithinSeconds, calls: calls.length }),
        metrics,
      };
    const values = { retries: rb.retries, calls: calls.length, share: pct(share), seconds: T.retryWithinSeconds, bursts: rb.bursts };
    const said =
      rb.bursts === 1
        ? l10n.t('{retries} of {calls} calls ({share}) repeated an identical request within {seconds} s, in 1 burst', values)
        : l10n.t('{retries} of {calls} calls ({share}) repeated an identical request within {seconds} s, in {bursts} bursts', values);
    if (share > T.retryShare)
      return {
        status: 'warn',
        symptom: 'usage.retries',
        summary: l10n.t('A client retries: {said}; the billed copies cost {cost}.', { said, cost: formatQuota(rb.retriedQuota, display) }),
        metrics,
      };
    return { status: 'pass', summary: l10n.t('Few repeats: {said}.', { said }), metrics };
  },
};

const ERRORS: UsagePattern = {
  id: 'errors',
  title: () => l10n.t('Usage: failed requests'),
  judge({ calls }) {
    const er = errorRate(calls);
    const metrics = { calls: er.calls, errors: er.errors, share: Math.round(er.share * 1000) / 1000 };
    if (er.errors === 0)
      return {
        status: 'pass',
        summary: l10n.t('No failed call in the token’s log ({calls} calls; the gateway records failures only when its error log is on).', { calls: er.calls }),
        metrics,
      };
    if (er.calls < T.minCalls) return tooFew(er.calls);
    const byModel = new Map<string, number>();
    for (const e of calls) if (e.type === LOG_TYPE.error) byModel.set(e.model, (byModel.get(e.model) ?? 0) + 1);
    const [model, most] = [...byModel].toSorted((a, b) => b[1] - a[1])[0]!;
    const said = l10n.t('{errors} of {calls} calls ({share}) failed, most with {model} ({most})', {
      errors: er.errors,
      calls: er.calls,
      share: pct(er.share),
      model,
      most,
    });
    if (er.share > T.errorShare) return { status: 'warn', symptom: 'usage.errors', summary: l10n.t('Many requests fail: {said}.', { said }), metrics };
    return { status: 'pass', summary: l10n.t('Few failures: {said}.', { said }), metrics };
  },
};

const CLIENT_IPS: UsagePattern = {
  id: 'client-ips',
  title: () => l10n.t('Usage: client addresses'),
  judge({ all, profile }) {
    const ci = clientIps(all);
    const metrics = { addresses: ci.ips.length };
    if (!ci.recorded)
      return {
        status: 'skipped',
        summary: l10n.t(
          'Not judged: the gateway records no client IP for this token (IP recording is off in the dashboard’s settings), so sharing cannot be seen.',
        ),
        metrics,
      };
    const list = ci.ips
      .slice(0, 5)
      .map((a) => (a.calls === 1 ? l10n.t('{ip}: 1 call', { ip: a.ip }) : l10n.t('{ip}: {calls} calls', { ip: a.ip, calls: a.calls })));
    const more = ci.ips.length > 5 ? l10n.t(', and {n} more', { n: ci.ips.length - 5 }) : '';
    const client = CLIENTS[profile.client];
    if (client.requestsFrom === 'vendor-servers' && ci.ips.length > T.maxClientIps)
      return {
        status: 'skipped',
        summary: l10n.t('Not judged: {client} sends requests from its own servers, so the token’s calls come from many addresses anyway ({count}: {list}).', {
          client: client.name,
          count: ci.ips.length,
          list: `${list.join(', ')}${more}`,
        }),
        metrics,
      };
    if (ci.ips.length > T.maxClientIps)
      return {
        status: 'warn',
        symptom: 'usage.shared-token',
        summary: l10n.t('The token is used from {count} addresses: {list}.', { count: ci.ips.length, list: `${list.join(', ')}${more}` }),
        metrics,
      };
    return { status: 'pass', summary: l10n.t('All of the token’s logged calls came from one address ({list}).', { list: list.join(', ') }), metrics };
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
    title: pattern.title(),
    needs: ['token'],
    gatedBy: ['auth'],
    after: ['log'],
    sendsToken: true,
    async run(ctx): Promise<CheckOutcome> {
      const read = await ctx.facts.tokenLog(ctx.client());
      // Why it was not read is the log check's to say, once.
      if (!read.ok) return { status: 'skipped', summary: l10n.t('Not judged: the token’s log was not read (see “This run in the gateway’s log”).') };
      const display = ctx.facts.display ?? displayOf((await ctx.facts.gatewayStatus(ctx.client())).status);
      ctx.facts.display ??= display;
      const { calls } = recentCalls(read.entries, ctx.facts.logMatches);
      return pattern.judge({ calls, all: callsOf(read.entries), display, profile: ctx.profile });
    },
  };
}
