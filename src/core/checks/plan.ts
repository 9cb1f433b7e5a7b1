import type { Profile } from '../profile';
import { authCheck } from './authCheck';
import { baseUrlCheck } from './baseUrlCheck';
import { chatCheck } from './chatCheck';
import { cherryCheck } from './cherryCheck';
import { messagesCheck } from './messagesCheck';
import { responsesCheck } from './responsesCheck';
import { clientUrlCheck } from './clientUrlCheck';
import type { CheckDefinition } from './checkTypes';
import { modelsCheck } from './modelsCheck';
import { quotaCheck } from './quotaCheck';
import { reachabilityCheck } from './reachabilityCheck';
import { streamingCheck } from './streamingCheck';
import { tokenCheck } from './tokenCheck';
import { toolsCheck } from './toolsCheck';

/**
 * The checks for a profile in the order a reader expects them (`priority` decides what starts
 * first). `health` spends no tokens: it only lists models and reads quota, for the status bar.
 */
export function planChecks(profile: Profile): CheckDefinition[] {
  const common = [tokenCheck, reachabilityCheck, baseUrlCheck, ...(profile.typedUrl ? [clientUrlCheck] : []), authCheck];
  if (profile.mode === 'health') return [...common, modelsCheck, quotaCheck];
  const baseline = profile.models[0] ?? 'gpt-5.4';
  const protocol =
    profile.client === 'claude-code' ? [messagesCheck(profile.models.find((m) => m.startsWith('claude')) ?? 'claude-sonnet-4-6')] :
    profile.client === 'codex' ? [responsesCheck(baseline)] :
    profile.client === 'cherry-studio' ? [cherryCheck(baseline)] :
    [];
  return [...common, modelsCheck, ...profile.models.map(chatCheck), streamingCheck(baseline), toolsCheck(baseline), ...protocol, quotaCheck];
}
