import { BASELINE_MODEL, CLAUDE_MODEL, CLIENTS } from '../clients/clients';
import { protocolFor, URL_RULES } from '../clients/urlRules';
import type { Profile } from '../profile';
import { authCheck } from './authCheck';
import { baseUrlCheck } from './baseUrlCheck';
import { chatCheck } from './chatCheck';
import { costCheck } from './costCheck';
import { logCheck } from './logCheck';
import { USAGE_PATTERNS, usageCheck } from './usageChecks';
import { cherryCheck } from './cherryCheck';
import type { CheckDefinition } from './checkTypes';
import { clientUrlCheck } from './clientUrlCheck';
import { DEFAULT_URL_RULE } from '../clients/clientUrlDefaults';
import { messagesCheck } from './messagesCheck';
import { modelsCheck } from './modelsCheck';
import { quotaCheck } from './quotaCheck';
import { reachabilityCheck } from './reachabilityCheck';
import { responsesCheck } from './responsesCheck';
import { streamingCheck } from './streamingCheck';
import { tokenCheck } from './tokenCheck';
import { toolsCheck } from './toolsCheck';

/** The checks of the protocol the client speaks (its URL rule's `protocol`) and of its own connection test. */
function protocolChecks(profile: Profile, baseline: string): CheckDefinition[] {
  const rule = URL_RULES[profile.urlRule ?? DEFAULT_URL_RULE[profile.client]];
  const client = CLIENTS[profile.client];
  const checks: CheckDefinition[] = [];
  const protocol = protocolFor(rule, baseline);
  if (protocol === 'anthropic-messages') checks.push(messagesCheck(profile.models.find((m) => m.startsWith('claude')) ?? CLAUDE_MODEL));
  if (protocol === 'openai-responses') checks.push(responsesCheck(baseline, client.name));
  if (client.ownTest === 'cherry-check') checks.push(cherryCheck(baseline));
  return checks;
}

export interface PlanOptions {
  /** How long the log check waits after the run's last request before it reads the log (logTiming.ts). */
  logGraceMs?: number;
}

/**
 * The checks for a profile in the order a reader expects them (`priority` decides what starts
 * first). `health` spends no tokens: it only lists models and reads quota, for the status bar (one
 * request of the gateway's critical rate limit, `/api/usage/token/`). A full run then reads the
 * token's log once, after every request that reaches the model (the second and last).
 */
export function planChecks(profile: Profile, options: PlanOptions = {}): CheckDefinition[] {
  const common = [tokenCheck, reachabilityCheck, baseUrlCheck, ...(profile.typedUrl ? [clientUrlCheck] : []), authCheck];
  if (profile.mode === 'health') return [...common, modelsCheck, quotaCheck];
  const baseline = profile.models[0] ?? BASELINE_MODEL;
  const probes = [...profile.models.map(chatCheck), streamingCheck(baseline), toolsCheck(baseline), ...protocolChecks(profile, baseline)];
  return [
    ...common,
    modelsCheck,
    ...probes,
    quotaCheck,
    logCheck(
      probes.map((p) => p.id),
      options.logGraceMs,
    ),
    costCheck(probes.map((p) => p.id)),
    ...USAGE_PATTERNS.map(usageCheck),
  ];
}
