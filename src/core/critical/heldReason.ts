import * as l10n from '@vscode/l10n';
import type { Held } from './criticalLedger';
import { CRITICAL_BUCKET, CRITICAL_BUDGET } from './criticalLimits';

const minutes = (ms: number) => {
  const n = Math.max(1, Math.ceil(ms / 60_000));
  return n === 1 ? l10n.t('1 minute') : l10n.t('{n} minutes', { n });
};

/** Why the doctor did not call the token status or log route, in one plain sentence. */
export function heldReason(held: Held, now: number): string {
  const window = CRITICAL_BUCKET.windowMs / 60_000;
  const limit = l10n.t('{size} requests per {window} minutes per IP, shared with the dashboard login', { size: CRITICAL_BUCKET.size, window });
  if (held.why === 'locked')
    return l10n.t(
      'the gateway’s critical rate limit was reached (an empty 429): the doctor does not call its token status or log route for about {wait}, and the dashboard login may be refused until then',
      { wait: minutes(held.until - now) },
    );
  if (held.why === 'run-allowance')
    return held.allowance === 1
      ? l10n.t('this run already made its 1 request to the gateway’s critical rate limit ({limit})', { limit })
      : l10n.t('this run already made its {count} requests to the gateway’s critical rate limit ({limit})', { count: held.allowance, limit });
  return l10n.t(
    'the doctor made {spent} requests to the gateway’s critical rate limit in the last {window} minutes ({limit}) and keeps the last {reserve} for your dashboard login; one frees in about {wait}',
    { spent: held.spentInWindow, window, limit, reserve: CRITICAL_BUDGET.reserve, wait: minutes(held.until - now) },
  );
}
