import type { CheckDefinition, CheckOutcome } from './checkTypes';

/** The guides recommend allowing 2 to 4 models per token. */
export const RECOMMENDED_ALLOWLIST_MAX = 4;
/** Without the token status route, this many visible models means no allowlist is in force. */
export const WIDE_LIST_THRESHOLD = 12;

/** Are the chosen models visible to the token, and is its allowlist narrow? */
export const modelsCheck: CheckDefinition = {
  id: 'models',
  kind: 'models',
  title: 'Model list and allowlist',
  needs: ['auth'],
  gatedBy: [],
  async run(ctx): Promise<CheckOutcome> {
    const ids = ctx.facts.modelIds ?? [];
    const chosen = ctx.profile.models;
    const missing = chosen.filter((m) => !ids.includes(m));
    const metrics: CheckOutcome['metrics'] = { visible: ids.length, chosen: chosen.length, missing: missing.length };
    if (ids.length === 0) {
      return { status: 'fail', symptom: 'models.list-empty', summary: 'The token sees no models at all.', metrics };
    }
    const details = [`Visible: ${ids.slice(0, 20).join(', ')}${ids.length > 20 ? `, … (${ids.length} in all)` : ''}.`];
    if (missing.length > 0) {
      return {
        status: 'fail',
        symptom: 'models.chosen-missing',
        summary: `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in the token's model list.`,
        details,
        metrics,
      };
    }
    const usage = await ctx.facts.tokenUsage(ctx.client());
    const limitsKnown = usage.ok && usage.usage.model_limits_enabled !== undefined;
    const allowlistOn = limitsKnown ? usage.usage.model_limits_enabled === true : ids.length < WIDE_LIST_THRESHOLD;
    metrics.allowlist = limitsKnown ? allowlistOn : null;
    if (!allowlistOn) {
      const how = limitsKnown ? 'the token has no model allowlist' : `the token sees ${ids.length} models, so it probably has no allowlist`;
      return { status: 'warn', symptom: 'allowlist.too-wide', summary: `All chosen models are visible, but ${how}.`, details, metrics };
    }
    if (ids.length > RECOMMENDED_ALLOWLIST_MAX) details.push(`The allowlist has ${ids.length} models; the guides recommend 2 to ${RECOMMENDED_ALLOWLIST_MAX}.`);
    return { status: 'pass', summary: `All ${chosen.length} chosen model(s) are allowed; the token is limited to ${ids.length} model(s).`, details, metrics };
  },
};
