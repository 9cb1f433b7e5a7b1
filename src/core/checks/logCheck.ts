import * as l10n from '@vscode/l10n';
import { LOG_TYPE, type LogEntry } from '../gatewayLog/logEntry';
import { LOG_WRITE_GRACE_MS } from '../gatewayLog/logTiming';
import { matchProbes, type ProbeMatch } from '../gatewayLog/matchProbes';
import { probesOf } from '../gatewayLog/runProbes';
import { displayOf, formatQuota, type QuotaDisplay } from '../money/quotaDisplay';
import type { CheckContext, CheckDefinition, CheckOutcome } from './checkTypes';
import type { TokenLogResult } from './runFacts';

const lookByHand = () => l10n.t('Open the Crazyrouter dashboard → Logs and look for the request ids shown in the evidence.');

const waitFor = (ms: number, signal: AbortSignal) =>
  ms <= 0
    ? Promise.resolve()
    : new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          resolve();
        }
        signal.addEventListener('abort', done, { once: true });
      });

function describe(match: ProbeMatch, display: QuotaDisplay): string {
  const { probe, entry } = match;
  if (!entry)
    return probe.requestId
      ? l10n.t('{title}: not in the log (request id {requestId}).', { title: probe.title, requestId: probe.requestId })
      : l10n.t('{title}: not in the log.', { title: probe.title });
  const values = {
    title: probe.title,
    model: entry.model,
    prompt: entry.promptTokens,
    completion: entry.completionTokens,
    cost: formatQuota(entry.quota, display),
    at: new Date(entry.at).toISOString(),
  };
  return match.by === 'request-id'
    ? l10n.t('{title}: billed as {model}, {prompt} prompt + {completion} completion tokens, {cost}, logged {at} (found by its request id).', values)
    : l10n.t('{title}: billed as {model}, {prompt} prompt + {completion} completion tokens, {cost}, logged {at} (found by model and time only).', values);
}

/**
 * The guides' last checklist item, "the request appears in the Crazyrouter logs", as a check: after
 * the run's requests, one read of the token's log (`GET /api/log/token`, behind the gateway's
 * critical rate limit) finds each of them, by the request id its response carried where the log
 * records ids, otherwise by model and time. A log that lags or a gateway that cannot be asked
 * leaves the item to the user, with the reason; it never fails the setup.
 */
export function logCheck(after: string[], graceMs = LOG_WRITE_GRACE_MS): CheckDefinition {
  return {
    id: 'log',
    kind: 'log',
    title: l10n.t('This run in the gateway’s log'),
    needs: ['token'],
    gatedBy: ['auth'],
    after,
    sendsToken: true,
    async run(ctx): Promise<CheckOutcome> {
      const probes = probesOf(ctx.finished());
      // The public status (display unit; the version header where authentication saw none) is read
      // while the log is given time to be written; only a log that will be read is worth waiting for.
      const statusRead = ctx.facts.gatewayStatus(ctx.client());
      const version = ctx.facts.gatewayVersion ?? (await statusRead).version;
      const lastEnd = Math.max(0, ...probes.map((p) => p.endMs));
      if (version) await waitFor(lastEnd + graceMs - Date.now(), ctx.signal);
      const read = await ctx.facts.tokenLog(ctx.client(), probes.length > 0 ? ctx.facts.now() : 0);
      const display = displayOf((await statusRead).status);
      if (!read.ok) return unread(read);
      const matches = matchProbes(probes, read.entries, read.skewMs);
      ctx.facts.logMatches = matches;
      ctx.facts.display = display;
      return judge(ctx, matches, read.entries, display, read.reusedAt);
    },
  };
}

function unread(read: Exclude<TokenLogResult, { ok: true }>): CheckOutcome {
  if ('oldForm' in read) {
    return {
      status: 'skipped',
      summary: l10n.t(
        'Not read: this gateway does not say it is new-api of February 2026 or later (no X-New-Api-Version header), whose log route takes the token in a header.',
      ),
      details: [l10n.t('Why: {reason}.', { reason: read.reason })],
      manual: l10n.t('{look} The doctor does not read this gateway’s log: {reason}.', { look: lookByHand(), reason: read.reason }),
    };
  }
  if ('held' in read && read.held) {
    return {
      status: 'skipped',
      summary: l10n.t('Not read: {reason}.', { reason: read.reason }),
      manual: l10n.t('{look} The doctor did not read it: {reason}.', { look: lookByHand(), reason: read.reason }),
    };
  }
  if ('limited' in read && read.limited) {
    return {
      status: 'warn',
      symptom: 'rate.critical',
      summary: l10n.t(
        'The gateway’s critical rate limit is reached: /api/log/token answered 429 with an empty body. Its dashboard login may be refused for up to 20 minutes, so the doctor stops calling /api/usage/token/ and /api/log/token until then.',
      ),
      details: [read.reason],
      manual: l10n.t('{look} (Wait until the gateway’s critical rate limit has passed: up to 20 minutes.)', { look: lookByHand() }),
    };
  }
  if ('absent' in read && read.absent)
    return {
      status: 'skipped',
      summary: l10n.t('Not read: this gateway has no token log route (/api/log/token).'),
      manual: l10n.t('{look} ({reason}.)', { look: lookByHand(), reason: read.reason }),
    };
  if ('diagnosis' in read && read.diagnosis) {
    return {
      status: 'warn',
      symptom: read.diagnosis.symptom,
      summary: l10n.t('The token’s log could not be read: {why}', { why: read.diagnosis.summary }),
      manual: l10n.t('{look} (The doctor could not read it: {reason}.)', { look: lookByHand(), reason: read.reason }),
    };
  }
  return {
    status: 'skipped',
    summary: l10n.t('Not read: {reason}.', { reason: read.reason }),
    manual: l10n.t('{look} (The doctor could not read it: {reason}.)', { look: lookByHand(), reason: read.reason }),
  };
}

function judge(ctx: CheckContext, matches: ProbeMatch[], log: readonly LogEntry[], display: QuotaDisplay, reusedAt: number | undefined): CheckOutcome {
  const entries = log.length;
  const found = matches.filter((m) => m.entry);
  const quota = found.reduce((n, m) => n + (m.entry?.quota ?? 0), 0);
  const byTime = found.some((m) => m.by === 'time');
  const metrics: CheckOutcome['metrics'] = { requests: matches.length, found: found.length, entries, quota, byRequestId: found.length > 0 && !byTime };
  const details = matches.map((m) => describe(m, display));
  if (reusedAt !== undefined)
    details.push(
      l10n.t('The log read {seconds} s ago was used again, to spare the gateway’s critical rate limit.', {
        seconds: Math.round((ctx.facts.now() - reusedAt) / 1000),
      }),
    );
  if (byTime)
    details.push(
      l10n.t(
        'Found by model and time only: this gateway’s log does not record request ids (new-api records them since February 2026), so another request with the same model at the same moment could be taken for one of the doctor’s.',
      ),
    );
  if (matches.length === 0) {
    return {
      status: 'skipped',
      summary:
        entries === 1
          ? l10n.t('Nothing to look for: no request of this run reached the model. The log holds 1 entry of this token.')
          : l10n.t('Nothing to look for: no request of this run reached the model. The log holds {entries} entries of this token.', { entries }),
      metrics,
    };
  }
  const errors = matches.length - found.length;
  if (errors === 0) {
    return {
      status: 'pass',
      summary: byTime
        ? l10n.t('All {count} requests of this run are in the gateway’s log (found by model and time); they cost {cost}.', {
            count: matches.length,
            cost: formatQuota(quota, display),
          })
        : l10n.t('All {count} requests of this run are in the gateway’s log (found by request id); they cost {cost}.', {
            count: matches.length,
            cost: formatQuota(quota, display),
          }),
      details,
      metrics,
    };
  }
  const missing = matches.filter((m) => !m.entry);
  const ids = missing.flatMap((m) => (m.probe.requestId ? [m.probe.requestId] : []));
  const consumes = log.filter((e) => e.type === LOG_TYPE.consume).length;
  // An empty log: no consumption recorded (LogConsumeEnabled off), or a build of the week before the
  // header form (2026-01-30 to 2026-02-06: the version header, but a log route that reads only `?key=`).
  const why =
    log.length === 0
      ? l10n.t(
          'The gateway’s log returned no entry at all for this token: it may not record consumption, or its log route may take the token only in the URL (new-api builds before 2026-02-06), which the doctor does not call',
        )
      : consumes === 0
        ? l10n.t('The log can lag a little, and this one holds no billed call at all')
        : l10n.t('The log can lag a little');
  return {
    status: 'warn',
    symptom: 'log.probe-missing',
    summary:
      errors === 1
        ? l10n.t('Inconclusive: 1 of {count} requests of this run is not in the gateway’s log yet. {why}; nothing says your setup is wrong.', {
            count: matches.length,
            why,
          })
        : l10n.t('Inconclusive: {errors} of {count} requests of this run are not in the gateway’s log yet. {why}; nothing says your setup is wrong.', {
            errors,
            count: matches.length,
            why,
          }),
    details,
    metrics,
    manual:
      ids.length === 0
        ? l10n.t('Look for the requests of this run in the Crazyrouter dashboard → Logs in a minute.')
        : ids.length === 1
          ? l10n.t('Look for request id {ids} in the Crazyrouter dashboard → Logs in a minute.', { ids: ids.join(', ') })
          : l10n.t('Look for request ids {ids} in the Crazyrouter dashboard → Logs in a minute.', { ids: ids.join(', ') }),
  };
}
