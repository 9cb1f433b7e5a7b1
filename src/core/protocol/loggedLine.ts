import type { LoggedView } from './spendViews';

/** What the gateway's log recorded of a request, in one line (the panel and the Markdown report say it alike). */
export function loggedLine(logged: LoggedView): string {
  if (!logged.found) return 'gateway log: not there when it was read (it may lag)';
  const by = logged.by === 'request-id' ? 'by request id' : 'by model and time only';
  return `gateway log: billed as ${logged.model ?? '?'}, ${logged.promptTokens ?? 0} prompt + ${logged.completionTokens ?? 0} completion tokens, ${logged.cost ?? `${logged.quota ?? 0} quota`}, logged ${logged.loggedAt ?? '?'} (found ${by})`;
}
