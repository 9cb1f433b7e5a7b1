import * as l10n from '@vscode/l10n';
import type { CheckDefinition, CheckOutcome } from './checkTypes';
import type { TokenUsageResult } from './tokenUsage';

/** The guides recommend allowing 2 to 4 models per token. */
export const RECOMMENDED_ALLOWLIST_MAX = 4;

/** What the token status route says about the allowlist: on (with its models), off, or unknown (and why). */
function allowlistOf(usage: TokenUsageResult): { known: false; why: string } | { known: true; enabled: boolean; models: string[] } {
  if (!usage.ok) return { known: false, why: usage.reason };
  if (usage.usage.model_limits_enabled === undefined) return { known: false, why: l10n.t('the token status route does not say') };
  return { known: true, enabled: usage.usage.model_limits_enabled, models: Object.keys(usage.usage.model_limits ?? {}) };
}

/**
 * Are the chosen models visible to the token, and why not? Only the token status route can tell
 * an allowlist from the gateway's offer for the token's group; without it, the doctor says so.
 */
export const modelsCheck: CheckDefinition = {
  id: 'models',
  kind: 'models',
  get title() {
    return l10n.t('Model list and allowlist');
  },
  needs: ['auth'],
  gatedBy: [],
  sendsToken: true,
  async run(ctx): Promise<CheckOutcome> {
    const ids = ctx.facts.modelIds ?? [];
    const chosen = ctx.profile.models;
    const missing = chosen.filter((m) => !ids.includes(m));
    const metrics: CheckOutcome['metrics'] = { visible: ids.length, chosen: chosen.length, missing: missing.length };
    const shown = ids.slice(0, 20).join(', ');
    const details =
      ids.length > 20
        ? [l10n.t('Visible: {models}, … ({count} in all).', { models: shown, count: ids.length })]
        : ids.length > 0
          ? [l10n.t('Visible: {models}.', { models: shown })]
          : [];
    const allowlist = allowlistOf(await ctx.facts.tokenUsage(ctx.client()));
    metrics.allowlist = allowlist.known ? allowlist.enabled : null;
    if (ids.length === 0) {
      const summary =
        allowlist.known && allowlist.enabled && allowlist.models.length === 0
          ? l10n.t('The token sees no models at all: its allowlist is enabled but empty.')
          : l10n.t('The token sees no models at all.');
      return { status: 'fail', symptom: 'models.list-empty', summary, metrics };
    }
    if (missing.length > 0) {
      const names = missing.join(', ');
      const one = missing.length === 1;
      if (!allowlist.known) {
        details.push(l10n.t('An allowlist cannot be told from models the gateway does not offer to the token’s group: {why}.', { why: allowlist.why }));
        const summary = one
          ? l10n.t("{models} is not in the token's model list.", { models: names })
          : l10n.t("{models} are not in the token's model list.", { models: names });
        return { status: 'fail', symptom: 'models.missing', summary, details, metrics };
      }
      const blocked = allowlist.enabled ? missing.filter((m) => !allowlist.models.includes(m)) : [];
      if (blocked.length > 0) {
        return {
          status: 'fail',
          symptom: 'models.chosen-missing',
          summary:
            blocked.length === 1
              ? l10n.t("{models} is not in the token's allowlist.", { models: blocked.join(', ') })
              : l10n.t("{models} are not in the token's allowlist.", { models: blocked.join(', ') }),
          details,
          metrics,
        };
      }
      const how = allowlist.enabled ? l10n.t('they are in the token’s allowlist') : l10n.t('the token has no allowlist');
      return {
        status: 'fail',
        symptom: 'models.not-offered',
        summary: one
          ? l10n.t("{models} is not offered to the token's group ({how}, but the gateway does not list them).", { models: names, how })
          : l10n.t("{models} are not offered to the token's group ({how}, but the gateway does not list them).", { models: names, how }),
        details,
        metrics,
      };
    }
    if (!allowlist.known) {
      details.push(l10n.t('Whether the token has a model allowlist cannot be read: {why}.', { why: allowlist.why }));
      return {
        status: 'pass',
        summary:
          chosen.length === 1
            ? l10n.t("All 1 chosen model is in the token's model list.")
            : l10n.t("All {count} chosen models are in the token's model list.", { count: chosen.length }),
        details,
        metrics,
      };
    }
    if (!allowlist.enabled) {
      return {
        status: 'warn',
        symptom: 'allowlist.too-wide',
        summary: l10n.t('All chosen models are visible, but the token has no model allowlist.'),
        details,
        metrics,
      };
    }
    const size = allowlist.models.length;
    if (size > RECOMMENDED_ALLOWLIST_MAX)
      details.push(l10n.t('The allowlist has {size} models; the guides recommend 2 to {max}.', { size, max: RECOMMENDED_ALLOWLIST_MAX }));
    return {
      status: 'pass',
      summary: l10n.t("All {chosen} chosen {models} allowed; the token's allowlist has {size} {sizeModels}.", {
        chosen: chosen.length,
        models: chosen.length === 1 ? l10n.t('model is') : l10n.t('models are'),
        size,
        sizeModels: size === 1 ? l10n.t('model') : l10n.t('models'),
      }),
      details,
      metrics,
    };
  },
};
