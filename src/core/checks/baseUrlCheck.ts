import * as l10n from '@vscode/l10n';
import { BASELINE_MODEL } from '../clients/clients';
import { sdkJoin } from '../clients/urlRules';
import { isInsecureRemote, trimBase } from '../urls';
import { anonymousProbe } from './anonymousProbe';
import type { CheckDefinition, CheckOutcome } from './checkTypes';
import { failed } from './gatewayCall';

/** Static hints about the typed base URL, explained before anything is sent. */
/** The hint that the base URL lacks /v1 (the probe that finds the API drops it). */
const NO_V1 = () => l10n.t('An OpenAI base URL for Crazyrouter ends with /v1 (https://crazyrouter.com/v1).');

export function baseUrlHints(base: string): string[] {
  const path = new URL(trimBase(base)).pathname;
  const hints: string[] = [];
  if (/\/v1\/v1(\/|$)/.test(path)) hints.push(l10n.t('The path contains /v1 twice.'));
  if (/\/(chat\/completions|completions|responses|messages|models)$/.test(path))
    hints.push(l10n.t('The base URL ends with an endpoint path; clients append that themselves.'));
  if (!path.endsWith('/v1')) hints.push(NO_V1());
  return hints;
}

/**
 * Is the base URL the API? An anonymous `POST {base}/chat/completions` — the exact URL OpenAI-style
 * clients call — must answer the gateway's 401 JSON. The website answers 200 HTML, a wrong path 404
 * `Invalid URL`. No token is sent, so nothing is spent and nothing leaks to a wrong host.
 */
export const baseUrlCheck: CheckDefinition = {
  id: 'base-url',
  kind: 'base-url',
  get title() {
    return l10n.t('Base URL shape');
  },
  needs: [],
  gatedBy: [],
  sendsToken: false,
  async run(ctx): Promise<CheckOutcome> {
    const base = ctx.profile.baseUrl;
    const hints = baseUrlHints(base);
    if (isInsecureRemote(base)) {
      return {
        status: 'fail',
        symptom: 'network.insecure-http',
        summary: l10n.t('{base} uses plain http to a remote host; the doctor will not send the token there.', { base }),
        details: hints,
      };
    }
    const url = sdkJoin(base, '/chat/completions');
    const verdict = await anonymousProbe(ctx, url, {
      model: ctx.profile.models[0] ?? BASELINE_MODEL,
      messages: [{ role: 'user', content: 'ping' }],
      max_tokens: 1,
    });
    if (verdict.kind === 'api') {
      ctx.facts.apiConfirmed = true;
      return {
        status: 'pass',
        summary: l10n.t('{url} is the API (it asked for a token with a JSON 401, as the gateway does).', { url }),
        details: hints.filter((h) => h !== NO_V1()),
      };
    }
    if (verdict.kind === 'open')
      return {
        status: 'warn',
        symptom: 'url.no-auth',
        summary: l10n.t("{url} answered without asking for a token; Crazyrouter's API always asks for one, so the token was not sent there.", { url }),
        details: hints,
      };
    if (verdict.diagnosis.symptom.startsWith('network.'))
      return { status: 'skipped', summary: l10n.t('Not checked: the gateway could not be reached (see Reachability).') };
    return failed(verdict.diagnosis, { details: hints });
  },
};
