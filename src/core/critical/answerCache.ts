import { CRITICAL_BUDGET } from './criticalLimits';
import type { CriticalRoute } from './criticalLimits';

interface Kept {
  value: unknown;
  at: number;
}

/**
 * The critical routes' recent answers, in memory only (they name the token and its usage): one
 * younger than five minutes is used again instead of spending a request of the gateway's critical
 * limit. Keyed by origin, the token's fingerprint and the route, so one token's answer never
 * answers for another.
 */
export class AnswerCache {
  private readonly kept = new Map<string, Kept>();

  private static key(origin: string, tokenKey: string, route: CriticalRoute): string {
    return `${origin}\n${tokenKey}\n${route}`;
  }

  /** An answer younger than the reuse window, fetched no earlier than `freshAfter` (what the caller must see in it happened by then). */
  get(origin: string, tokenKey: string, route: CriticalRoute, now: number, freshAfter = 0): Kept | undefined {
    const kept = this.kept.get(AnswerCache.key(origin, tokenKey, route));
    if (!kept || now - kept.at >= CRITICAL_BUDGET.reuseMs || now < kept.at || kept.at < freshAfter) return undefined;
    return kept;
  }

  set(origin: string, tokenKey: string, route: CriticalRoute, value: unknown, at: number): void {
    this.kept.set(AnswerCache.key(origin, tokenKey, route), { value, at });
  }
}
