import type { CheckResult } from '../checks/checkTypes';
import type { RunFacts } from '../checks/runFacts';
import { displayOf, formatQuota } from '../money/quotaDisplay';

/**
 * The results with what the gateway's log recorded of each request that reached the model, on that
 * request's evidence (model billed, tokens, quota in the display unit, when), or that the log did
 * not have it when it was read. Results without such requests come back as they were.
 */
export function withLoggedEntries(results: readonly CheckResult[], facts: RunFacts): CheckResult[] {
  const matches = facts.logMatches;
  if (!matches || matches.length === 0) return [...results];
  const display = facts.display ?? displayOf(undefined);
  return results.map((result) => {
    const mine = matches.filter((m) => m.probe.checkId === result.id);
    if (mine.length === 0) return result;
    const evidence = result.evidence.map((e, index) => {
      const match = mine.find((m) => m.probe.evidenceIndex === index);
      if (!match) return e;
      const { entry } = match;
      return {
        ...e,
        logged: entry
          ? {
              found: true,
              by: match.by,
              model: entry.model,
              promptTokens: entry.promptTokens,
              completionTokens: entry.completionTokens,
              quota: entry.quota,
              cost: formatQuota(entry.quota, display),
              loggedAt: new Date(entry.at).toISOString(),
            }
          : { found: false },
      };
    });
    return { ...result, evidence };
  });
}
