import * as l10n from '@vscode/l10n';
import { CancelledError } from '../classify/classifyFailure';
import { BASELINE_MODEL } from '../clients/clients';
import { LOG_TYPE } from '../gatewayLog/logEntry';
import { EXPENSIVE_MODEL_FACTOR } from '../money/costThresholds';
import { modelPrice, timesBaseline, type ModelPrice } from '../money/modelPrice';
import type { PricingRead } from '../money/pricing';
import { displayOf, formatPrice, formatQuota, displayLabel, type QuotaDisplay } from '../money/quotaDisplay';
import type { CostReport } from '../report/costReport';
import type { CheckDefinition, CheckOutcome } from './checkTypes';
import type { RunFacts } from './runFacts';

/** Waits for the log check to be final; a cancelled run stops waiting (the engine reports the check as cancelled). */
function untilSettled(settled: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(new CancelledError());
  return new Promise((resolve, reject) => {
    const abort = () => reject(new CancelledError());
    signal.addEventListener('abort', abort, { once: true });
    void settled.then(() => {
      signal.removeEventListener('abort', abort);
      resolve();
    });
  });
}

/** The token's group: as its log billed this run, else its newest billed call; unknown without a log. */
function groupOf(facts: RunFacts): string | undefined {
  const fromRun = facts.logMatches?.find((m) => m.entry?.group)?.entry?.group;
  return fromRun ?? facts.log?.entries.find((e) => e.type === LOG_TYPE.consume && e.group)?.group;
}

function priceLine(model: string, price: ModelPrice | undefined, display: QuotaDisplay, baseline: ModelPrice | undefined): CostReport['prices'][number] {
  if (!price) return { model, note: l10n.t('not in the public price list') };
  if (price.kind === 'tiered') return { model, note: l10n.t('priced in tiers by usage (see the pricing page)') };
  if (price.kind === 'call') return { model, perCall: formatPrice(price.usdPerCall, display) };
  const times = baseline && model !== BASELINE_MODEL ? timesBaseline(price, baseline) : undefined;
  return {
    model,
    input: formatPrice(price.inputUsdPer1M, display),
    output: formatPrice(price.outputUsdPer1M, display),
    timesBaseline: times === undefined ? undefined : Math.round(times * 10) / 10,
  };
}

function prices(pricing: PricingRead, models: readonly string[], group: string | undefined, display: QuotaDisplay) {
  if (!pricing.ok) return { prices: [], pricesNote: l10n.t('No public prices: {reason}.', { reason: pricing.reason }) };
  const known = Object.keys(pricing.groupRatio);
  const name = group ?? (known.includes('default') ? 'default' : undefined);
  const ratio = name !== undefined ? pricing.groupRatio[name] : undefined;
  const groupNote =
    group === undefined
      ? name
        ? l10n.t('the token’s group is not known (its log was not read): prices for the default group')
        : l10n.t('the token’s group is not known: prices without a group ratio')
      : ratio === undefined
        ? l10n.t('the group {group} is not among the site’s public groups: prices without its ratio', { group })
        : undefined;
  const priceOf = (model: string) => {
    const item = pricing.items.find((i) => i.model_name === model);
    return item && modelPrice(item, ratio ?? 1, display.quotaPerUnit);
  };
  const baseline = priceOf(BASELINE_MODEL);
  return { group: name, groupRatio: ratio, groupNote, prices: models.map((m) => priceLine(m, priceOf(m), display, baseline)) };
}

/**
 * What the run cost (its requests' quota in the token's log, converted as the gateway displays it)
 * and what each chosen model costs for the token's group (`/api/pricing`); a chosen model far
 * dearer than the baseline is the guides' "reserve expensive models for heavier work" as a finding.
 * `/api/status` and `/api/pricing` are public: no token goes with them.
 */
export function costCheck(after: string[]): CheckDefinition {
  return {
    id: 'cost',
    kind: 'cost',
    title: l10n.t('Cost of this run and model prices'),
    needs: ['token'],
    gatedBy: ['auth'],
    // Beside the log check, not after it: the public status and prices are read while the log check
    // waits for the log to be written, and the run's cost once the log check is final.
    after,
    sendsToken: false,
    async run(ctx): Promise<CheckOutcome> {
      const [status, pricing] = await Promise.all([ctx.facts.gatewayStatus(ctx.client()), ctx.facts.pricing(ctx.client())]);
      const display = ctx.facts.display ?? displayOf(status.status);
      ctx.facts.display = display;
      await untilSettled(ctx.facts.logSettled, ctx.signal);
      const table = prices(pricing, ctx.profile.models, groupOf(ctx.facts), display);
      const matches = ctx.facts.logMatches;
      const found = matches?.filter((m) => m.entry) ?? [];
      const quota = found.reduce((n, m) => n + (m.entry?.quota ?? 0), 0);
      const report: CostReport = {
        unit: displayLabel(display),
        unitFrom: display.from,
        ...table,
        run:
          matches && matches.length > 0
            ? {
                requests: matches.length,
                found: found.length,
                quota,
                cost: formatQuota(quota, display),
                byTime: found.some((m) => m.by === 'time'),
                lines: matches.map(({ probe, entry }) => ({
                  // A check that sent more than one (the streaming check measures twice when the first is unclear) numbers them.
                  title:
                    matches.filter((m) => m.probe.checkId === probe.checkId).length > 1
                      ? l10n.t('{title}, request {n}', { title: probe.title, n: probe.evidenceIndex + 1 })
                      : probe.title,
                  model: entry?.model ?? probe.model,
                  found: entry !== undefined,
                  promptTokens: entry?.promptTokens,
                  completionTokens: entry?.completionTokens,
                  quota: entry?.quota,
                  cost: entry && formatQuota(entry.quota, display),
                })),
              }
            : undefined,
      };
      ctx.facts.cost = report;
      const details = [
        ...(status.status
          ? []
          : [
              l10n.t('Amounts in USD at new-api’s default of 500,000 quota units per $1: {reason}.', {
                reason: status.reason ?? l10n.t('/api/status could not be read'),
              }),
            ]),
        ...(report.groupNote ? [l10n.t('Group: {note}.', { note: report.groupNote })] : []),
        ...report.prices.map((p) =>
          p.perCall
            ? l10n.t('{model}: {price} per call.', { model: p.model, price: p.perCall })
            : p.input
              ? l10n.t('{model}: {input} per 1M input tokens, {output} per 1M output tokens.', { model: p.model, input: p.input, output: p.output ?? '' })
              : l10n.t('{model}: {note}.', { model: p.model, note: p.note ?? '' }),
        ),
      ];
      const spent = report.run
        ? report.run.found < report.run.requests
          ? l10n.t('This run cost {cost} (the {found} of {requests} requests found in the log)', {
              cost: report.run.cost,
              found: report.run.found,
              requests: report.run.requests,
            })
          : l10n.t('This run cost {cost} ({requests} requests)', { cost: report.run.cost, requests: report.run.requests })
        : l10n.t('The run’s own cost is not known (the gateway’s log was not read)');
      const metrics: CheckOutcome['metrics'] = { runQuota: report.run?.quota ?? null, prices: report.prices.filter((p) => p.input || p.perCall).length };
      const dear = report.prices.filter((p) => p.timesBaseline !== undefined && p.timesBaseline > EXPENSIVE_MODEL_FACTOR);
      if (dear.length > 0) {
        const worst = dear.map((p) =>
          l10n.t('{model} costs {times}× what {baseline} does per token ({input} in, {output} out per 1M)', {
            model: p.model,
            times: p.timesBaseline ?? 0,
            baseline: BASELINE_MODEL,
            input: p.input ?? '',
            output: p.output ?? '',
          }),
        );
        return {
          status: 'warn',
          symptom: 'cost.expensive-model',
          summary: l10n.t('{findings}. {spent}.', { findings: worst.join('; '), spent }),
          details,
          metrics,
        };
      }
      if (report.pricesNote) return { status: 'pass', summary: l10n.t('{spent}. {note}', { spent, note: report.pricesNote }), details, metrics };
      const quoted = report.prices.map((p) =>
        p.perCall
          ? l10n.t('{model} {price} per call', { model: p.model, price: p.perCall })
          : p.input
            ? `${p.model} ${p.input} / ${p.output}`
            : `${p.model} (${p.note})`,
      );
      const values = { spent, prices: quoted.join(', '), group: report.group ?? '', ratio: report.groupRatio ?? '' };
      const summary = !report.group
        ? l10n.t('{spent}. Per 1M tokens in / out: {prices}.', values)
        : report.groupRatio === undefined
          ? l10n.t('{spent}. Per 1M tokens in / out for the group {group}: {prices}.', values)
          : l10n.t('{spent}. Per 1M tokens in / out for the group {group} (×{ratio}): {prices}.', values);
      return { status: 'pass', summary, details, metrics };
    },
  };
}
