import * as l10n from '@vscode/l10n';
import { causeChain, codeOf, messageOf } from '../causeChain';
import type { NetworkRoute } from '../transport/networkRoute';
import type { Diagnosis } from './diagnosis';

type ProxyRoute = Extract<NetworkRoute, { kind: 'proxy' }>;

/** The summaries of failures at or through a proxy: whole sentences with `{placeholders}`. */
type Values = Record<string, string>;
const SAY = {
  authNone: (v: Values) =>
    l10n.t('The proxy {proxy} (from {source}) asks for a user name and password (407 Proxy Authentication Required), and {source} carries none.', v),
  authRejected: (v: Values) =>
    l10n.t('The proxy {proxy} (from {source}) rejected the user name and password in {source} (407 Proxy Authentication Required).', v),
  tunnelRefused: (v: Values) => l10n.t('The proxy {proxy} (from {source}) refused to open a tunnel to {host} (CONNECT answered {status}).', v),
  upstream: (v: Values) =>
    l10n.t(
      'The proxy {proxy} (from {source}) could not connect to {host} (it answered {status}): the host name may be misspelt, or the gateway cannot be reached from the proxy.',
      v,
    ),
  dns: (v: Values) => l10n.t('The proxy’s host name in {source} ({proxy}) did not resolve on this machine ({code}).', v),
  unreachable: (v: Values) => l10n.t('The proxy {proxy} (from {source}) did not accept the connection ({code}): nothing answers at that address and port.', v),
  connectTimeout: (v: Values) => l10n.t('The proxy {proxy} (from {source}) did not accept the connection in time ({code}).', v),
  tls: (v: Values) =>
    l10n.t(
      'The TLS handshake with {host} through the proxy {proxy} failed ({code}): a proxy that inspects HTTPS presents its own certificate, which this machine does not trust.',
      v,
    ),
};

/**
 * undici's words for a tunnel the proxy would not open (undici@6.29.1 lib/dispatcher/proxy-agent.js:
 * `Proxy response (${statusCode}) !== 200 when HTTP Tunneling`; @vscode/proxy-agent@0.32.0 mimics
 * them) and for a 407 to a forwarded plain-http request (`Proxy Authentication Required (407)`).
 */
const TUNNEL_REFUSED = /Proxy response \((\d{3})\)/;
const FORWARD_AUTH = /Proxy Authentication Required \(407\)/;
/** 502, 503 and 504 from a proxy mean it could not reach the target itself (RFC 9110 §15.6.3–15.6.5). */
const UPSTREAM_STATUS = /^50[234]$/;
const DNS = /^(ENOTFOUND|EAI_AGAIN|EAI_FAIL|EAI_NODATA|EAI_NONAME)$/;
const UNREACHABLE = /^(ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL)$/;
const CONNECT_TIMEOUT = /^(UND_ERR_CONNECT_TIMEOUT|ETIMEDOUT)$/;
const TLS = /^(CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_TLS_|ERR_SSL_|EPROTO|UND_ERR_PRX_TLS)/;

/**
 * A failure of a request that went through a proxy, named as a proxy failure: the proxy asked for
 * credentials, refused the tunnel, could not reach the gateway, or could not itself be reached or
 * resolved. With a proxy in between, this machine only ever connects to (and resolves) the proxy,
 * so a DNS or connection error is the proxy's, never a misspelt gateway host.
 */
export function classifyProxy(error: unknown, host: string, route: ProxyRoute): Diagnosis | undefined {
  const chain = causeChain(error);
  const messages = chain.flatMap((e) => messageOf(e) ?? []).join(' | ');
  const codes = chain.flatMap((e) => codeOf(e) ?? []);
  const values = { proxy: route.proxy, source: route.source, host };
  const tunnel = TUNNEL_REFUSED.exec(messages);
  if (FORWARD_AUTH.test(messages) || tunnel?.[1] === '407')
    return { symptom: 'network.proxy-auth', summary: (route.credentials ? SAY.authRejected : SAY.authNone)(values) };
  if (tunnel) {
    const status = tunnel[1]!;
    return UPSTREAM_STATUS.test(status)
      ? { symptom: 'network.proxy-upstream', summary: SAY.upstream({ ...values, status }) }
      : { symptom: 'network.proxy-tunnel', summary: SAY.tunnelRefused({ ...values, status }) };
  }
  const code = (pattern: RegExp) => codes.find((c) => pattern.test(c));
  const dns = code(DNS);
  if (dns) return { symptom: 'network.proxy-dns', summary: SAY.dns({ ...values, code: dns }) };
  const unreachable = code(UNREACHABLE);
  if (unreachable) return { symptom: 'network.proxy-refused', summary: SAY.unreachable({ ...values, code: unreachable }) };
  const connectTimeout = code(CONNECT_TIMEOUT);
  if (connectTimeout) return { symptom: 'network.proxy-refused', summary: SAY.connectTimeout({ ...values, code: connectTimeout }) };
  const tls = code(TLS);
  if (tls) return { symptom: 'network.tls', summary: SAY.tls({ ...values, code: tls }) };
  return undefined;
}
