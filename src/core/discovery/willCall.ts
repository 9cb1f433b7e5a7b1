import * as l10n from '@vscode/l10n';

/** What a client will call for the value it holds, and what to set instead: the scan's finding and its checklist say it alike. */
export function willCall(client: string, predictedUrl: string | undefined, right: string): string {
  return predictedUrl === undefined
    ? l10n.t('{client} will call (nothing): set it to {value}.', { client, value: right })
    : l10n.t('{client} will call {url}: set it to {value}.', { client, url: predictedUrl, value: right });
}
