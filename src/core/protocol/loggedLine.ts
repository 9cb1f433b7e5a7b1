import * as l10n from '@vscode/l10n';
import type { LoggedView } from './spendViews';

/** What the gateway's log recorded of a request, in one line (the panel and the Markdown report say it alike). */
export function loggedLine(logged: LoggedView): string {
  if (!logged.found) return l10n.t('gateway log: not there when it was read (it may lag)');
  const args = {
    model: logged.model ?? '?',
    prompt: logged.promptTokens ?? 0,
    completion: logged.completionTokens ?? 0,
    cost: logged.cost ?? l10n.t('{quota} quota', { quota: logged.quota ?? 0 }),
    at: logged.loggedAt ?? '?',
  };
  return logged.by === 'request-id'
    ? l10n.t('gateway log: billed as {model}, {prompt} prompt + {completion} completion tokens, {cost}, logged {at} (found by request id)', args)
    : l10n.t('gateway log: billed as {model}, {prompt} prompt + {completion} completion tokens, {cost}, logged {at} (found by model and time only)', args);
}
