import type { CheckDefinition, CheckOutcome } from './checkTypes';
import type { TokenUsageResult } from './tokenUsage';

/** The guides recommend allowing 2 to 4 models per token. */
export const RECOMMENDED_ALLOWLIST_MAX = 4;

/** What the token status route says about the allowlist: on (with its models), off, or unknown (and why). */
function allowlistOf(usage: TokenUsageResult): { known: false; why: string } | { known: true; enabled: boolean; models: string[] } {
  if (!usage.ok) return { known: false, why: usage.reason };
  if (usage.usage.model_limits_enabled === undefined) return { known: false, why: 'the token status route does not say' };
  return { known: true, enabled: usage.usage.model_limits_enabled, models: Object.keys(usage.usage.model_limits ?? {}) };
}

/**
 * Are the chosen models visible to the token, and why not? Only the token status route can tell
 * an allowlist from the gateway's offer for the token's group; without it, the doctor says so.
 */
export const modelsCheck: CheckDefinition = {
  id: 'models',
  kind: 'models',
  title: 'Model list and allowlist',
  needs: ['auth'],
  gatedBy: [],
  sendsToken: true,
  async run(ctx): Promise<CheckOutcome> {
    const ids = ctx.facts.modelIds ?? [];
    const chosen = ctx.profile.models;
    const missing = chosen.filter((m) => !ids.includes(m));
    const metrics: CheckOutcome['metrics'] = { visible: ids.length, chosen: chosen.length, missing: missing.length };
    const details = ids.length > 0 ? [`Visible: ${ids.slice(0, 20).join(', ')}${ids.length > 20 ? `, … (${ids.length} in all)` : ''}.`] : [];
    const allowlist = allowlistOf(await ctx.facts.tokenUsage(ctx.client()));
    metrics.allowlist = allowlist.known ? allowlist.enabled : null;
    if (ids.length === 0) {
      const why = allowlist.known && allowlist.enabled && allowlist.models.length === 0 ? ': its allowlist is enabled but empty' : '';
      return { status: 'fail', symptom: 'models.list-empty', summary: `The token sees no models at all${why}.`, metrics };
    }
    if (missing.length > 0) {
      const names = `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'}`;
      if (!allowlist.known) {
        details.push(`An allowlist cannot be told from models the gateway does not offer to the token’s group: ${allowlist.why}.`);
        return { status: 'fail', symptom: 'models.missing', summary: `${names} not in the token's model list.`, details, metrics };
      }
      const blocked = allowlist.enabled ? missing.filter((m) => !allowlist.models.includes(m)) : [];
      if (blocked.length > 0) {
        return {
          status: 'fail',
          symptom: 'models.chosen-missing',
          summary: `${blocked.join(', ')} ${blocked.length === 1 ? 'is' : 'are'} not in the token's allowlist.`,
          details,
          metrics,
        };
      }
      const how = allowlist.enabled ? 'they are in the token’s allowlist' : 'the token has no allowlist';
      return {
        status: 'fail',
        symptom: 'models.not-offered',
        summary: `${names} not offered to the token's group (${how}, but the gateway does not list them).`,
        details,
        metrics,
      };
    }
    if (!allowlist.known) {
      details.push(`Whether the token has a model allowlist cannot be read: ${allowlist.why}.`);
      return {
        status: 'pass',
        summary: `All ${chosen.length} chosen ${chosen.length === 1 ? 'model is' : 'models are'} in the token's model list.`,
        details,
        metrics,
      };
    }
    if (!allowlist.enabled) {
      return {
        status: 'warn',
        symptom: 'allowlist.too-wide',
        summary: 'All chosen models are visible, but the token has no model allowlist.',
        details,
        metrics,
      };
    }
    const size = allowlist.models.length;
    if (size > RECOMMENDED_ALLOWLIST_MAX) details.push(`The allowlist has ${size} models; the guides recommend 2 to ${RECOMMENDED_ALLOWLIST_MAX}.`);
    return {
      status: 'pass',
      summary: `All ${chosen.length} chosen ${chosen.length === 1 ? 'model is' : 'models are'} allowed; the token's allowlist has ${size} ${size === 1 ? 'model' : 'models'}.`,
      details,
      metrics,
    };
  },
};
