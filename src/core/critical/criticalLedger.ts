import * as z from 'zod/mini';
import { CRITICAL_BUCKET, CRITICAL_BUDGET } from './criticalLimits';

/**
 * What the doctor remembers of its own calls to the critical bucket, per gateway origin: when it
 * spent a request, and until when the gateway refused it (an empty-body 429). Origins and times
 * only: no token, no answer. Persisted by the host (VS Code's globalState, the CLI's state file).
 */
export const LedgerSchema = z.object({
  v: z.literal(1),
  origins: z.record(
    z.string(),
    z.object({
      /** Milliseconds since the epoch, oldest first. */
      spent: z.array(z.number()),
      lockedUntil: z.optional(z.number()),
    }),
  ),
});
export type Ledger = z.infer<typeof LedgerSchema>;

export const EMPTY_LEDGER: Ledger = { v: 1, origins: {} };

/** Why a request was not sent. */
export type Held =
  /** The gateway answered an empty-body 429 before: nothing is sent until `until`. */
  | { why: 'locked'; until: number }
  /** This run (or health check) has spent what it may. */
  | { why: 'run-allowance'; allowance: number }
  /** Sending would spend the requests kept for the user's dashboard login; one frees at `until`. */
  | { why: 'reserve'; spentInWindow: number; until: number };

/** A ledger read from storage: anything unreadable starts afresh rather than blocking the doctor for ever. */
export function readLedger(stored: unknown): Ledger {
  const parsed = LedgerSchema.safeParse(stored);
  return parsed.success ? parsed.data : structuredClone(EMPTY_LEDGER);
}

/** The ledger without what no longer matters at `now`: spends older than the window, locks that ended, origins left empty. */
export function prune(ledger: Ledger, now: number): Ledger {
  const origins: Ledger['origins'] = {};
  for (const [origin, entry] of Object.entries(ledger.origins)) {
    const spent = entry.spent.filter((at) => at > now - CRITICAL_BUCKET.windowMs && at <= now + CRITICAL_BUCKET.windowMs).toSorted((a, b) => a - b);
    const lockedUntil = entry.lockedUntil !== undefined && entry.lockedUntil > now ? entry.lockedUntil : undefined;
    if (spent.length > 0 || lockedUntil !== undefined) origins[origin] = lockedUntil === undefined ? { spent } : { spent, lockedUntil };
  }
  return { v: 1, origins };
}

/**
 * Whether one more request may go to `origin`'s critical bucket at `now`, given what this run has
 * spent (`runSpent`) of what it may (`allowance`). The window is the gateway's (20 minutes), the
 * last `reserve` requests of it stay the user's.
 */
export function heldBack(ledger: Ledger, origin: string, now: number, runSpent: number, allowance: number): Held | undefined {
  const entry = prune(ledger, now).origins[origin];
  if (entry?.lockedUntil !== undefined) return { why: 'locked', until: entry.lockedUntil };
  if (runSpent >= allowance) return { why: 'run-allowance', allowance };
  const spent = entry?.spent ?? [];
  const allowed = CRITICAL_BUCKET.size - CRITICAL_BUDGET.reserve;
  if (spent.length >= allowed) return { why: 'reserve', spentInWindow: spent.length, until: spent[spent.length - allowed]! + CRITICAL_BUCKET.windowMs };
  return undefined;
}

/** The ledger after one request was sent at `now`. */
export function recordSpend(ledger: Ledger, origin: string, now: number): Ledger {
  const next = prune(ledger, now);
  const entry = next.origins[origin] ?? { spent: [] };
  next.origins[origin] = { ...entry, spent: [...entry.spent, now] };
  return next;
}

/**
 * The ledger after the gateway refused with its critical limit at `now`: nothing more is sent until
 * its Retry-After has passed (new-api 2026-08 sends the window's rest), or the whole window when it
 * gave none (new-api 2026-02).
 */
export function recordLimited(ledger: Ledger, origin: string, now: number, retryAfterMs: number | undefined): Ledger {
  const next = prune(ledger, now);
  const wait = retryAfterMs !== undefined && retryAfterMs > 0 ? Math.min(retryAfterMs, CRITICAL_BUCKET.windowMs) : CRITICAL_BUCKET.windowMs;
  const entry = next.origins[origin] ?? { spent: [] };
  next.origins[origin] = { ...entry, lockedUntil: Math.max(entry.lockedUntil ?? 0, now + wait) };
  return next;
}
