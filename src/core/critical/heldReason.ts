import type { Held } from './criticalLedger';
import { CRITICAL_BUCKET, CRITICAL_BUDGET } from './criticalLimits';

const minutes = (ms: number) => {
  const n = Math.max(1, Math.ceil(ms / 60_000));
  return `${n} minute${n === 1 ? '' : 's'}`;
};

/** Why the doctor did not call the token status or log route, in one plain sentence. */
export function heldReason(held: Held, now: number): string {
  const limit = `${CRITICAL_BUCKET.size} requests per ${CRITICAL_BUCKET.windowMs / 60_000} minutes per IP, shared with the dashboard login`;
  if (held.why === 'locked')
    return `the gateway’s critical rate limit was reached (an empty 429): the doctor does not call its token status or log route for about ${minutes(held.until - now)}, and the dashboard login may be refused until then`;
  if (held.why === 'run-allowance')
    return `this run already made its ${held.allowance} request${held.allowance === 1 ? '' : 's'} to the gateway’s critical rate limit (${limit})`;
  return `the doctor made ${held.spentInWindow} requests to the gateway’s critical rate limit in the last ${CRITICAL_BUCKET.windowMs / 60_000} minutes (${limit}) and keeps the last ${CRITICAL_BUDGET.reserve} for your dashboard login; one frees in about ${minutes(held.until - now)}`;
}
