import * as l10n from '@vscode/l10n';
import { causeChain, codeOf, messageOf } from '../causeChain';
import type { NetworkRoute } from '../transport/networkRoute';
import { classifyProxy } from './classifyProxy';
import type { Diagnosis } from './diagnosis';

/** `say` is called when a failure is named, so it speaks the reader's language. */
const CODE_GROUPS: { symptom: Diagnosis['symptom']; codes: RegExp; say: () => string }[] = [
  { symptom: 'network.dns', codes: /^(ENOTFOUND|EAI_AGAIN|EAI_FAIL|EAI_NODATA|EAI_NONAME)$/, say: () => l10n.t('the host name did not resolve (DNS)') },
  {
    symptom: 'network.tls',
    codes: /^(CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_TLS_|ERR_SSL_|EPROTO|ERR_SSL)/,
    say: () => l10n.t('the TLS handshake failed (certificate or protocol)'),
  },
  {
    symptom: 'network.timeout',
    codes: /^(UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT|ETIMEDOUT)$/,
    say: () => l10n.t('the connection timed out'),
  },
  { symptom: 'network.refused', codes: /^(ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL)$/, say: () => l10n.t('the connection was refused') },
  { symptom: 'network.reset', codes: /^(ECONNRESET|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED|ECONNABORTED)$/, say: () => l10n.t('the connection was reset') },
  {
    symptom: 'response.malformed',
    codes: /^(UND_ERR_HEADERS_OVERFLOW|HPE_HEADER_OVERFLOW)$/,
    say: () => l10n.t('it answered with response headers larger than an HTTP client accepts (a misbehaving server or proxy)'),
  },
];

/** Every `code` along an error's cause chain. */
export function causeCodes(error: unknown): string[] {
  return causeChain(error).flatMap((e) => codeOf(e) ?? []);
}

/** A network failure by its error codes; through a proxy, first as a proxy failure (`classifyProxy`). */
export function classifyNetwork(error: unknown, host: string, route?: NetworkRoute): Diagnosis | undefined {
  const proxied = route?.kind === 'proxy' ? classifyProxy(error, host, route) : undefined;
  if (proxied) return proxied;
  const codes = causeCodes(error);
  for (const group of CODE_GROUPS) {
    const code = codes.find((c) => group.codes.test(c));
    if (code)
      return {
        symptom: group.symptom,
        summary: group.symptom.startsWith('network.')
          ? l10n.t('Could not reach {host}: {why} ({code}).', { host, why: group.say(), code })
          : l10n.t('{host}: {why} ({code}).', { host, why: group.say(), code }),
      };
  }
  const text = causeChain(error)
    .flatMap((e) => messageOf(e) ?? [])
    .join(' | ');
  if (/other side closed|socket hang up|terminated/i.test(text))
    return { symptom: 'network.reset', summary: l10n.t('Could not reach {host}: the connection was closed before an answer arrived.', { host }) };
  return undefined;
}
