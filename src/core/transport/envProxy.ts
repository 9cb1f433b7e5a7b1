import * as l10n from '@vscode/l10n';
import { BlockList, isIP } from 'node:net';
import { displayProxy, type NetworkRoute } from './networkRoute';

/** The environment a command-line run reads its proxy from (process.env, or a test's). */
export type ProxyEnv = Readonly<Record<string, string | undefined>>;

export interface EnvProxyChoice {
  route: NetworkRoute;
  /** The proxy to dial, credentials included: for the dispatcher only, never shown or stored. */
  proxyUrl?: URL;
}

/**
 * A proxy variable the doctor cannot use. Says which variable and why, never its value (it may
 * carry a password).
 */
export class ProxySettingError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: 'not-a-url' | 'unsupported-scheme',
  ) {
    super(
      problem === 'not-a-url'
        ? l10n.t('{variable} is not a proxy URL the doctor can use: write it as http://host:port (or http://user:password@host:port).', { variable })
        : l10n.t('{variable} names a proxy the doctor cannot use: only http:// and https:// proxies are supported (not SOCKS).', { variable }),
    );
    this.name = 'ProxySettingError';
  }
}

/** A variable's value as curl reads it: the lower-case name first, then the upper-case one. */
function readVariable(env: ProxyEnv, lower: string): { name: string; value: string } | undefined {
  for (const name of [lower, lower.toUpperCase()]) {
    const value = env[name]?.trim();
    if (value) return { name, value };
  }
  return undefined;
}

/**
 * The variable that names the proxy for a URL, in curl's order (curl/curl@5c61e168 lib/proxy.c,
 * proxy_detect_proxy): https → https_proxy, HTTPS_PROXY; http → http_proxy, HTTP_PROXY; then
 * all_proxy, ALL_PROXY. Unlike curl, HTTP_PROXY in upper case counts too (curl skips it because a
 * CGI script's environment can be set by a request header; a person's shell cannot), as undici's
 * EnvHttpProxyAgent and npm read it.
 */
function proxyVariable(protocol: string, env: ProxyEnv): { name: string; value: string } | undefined {
  return (protocol === 'https:' ? readVariable(env, 'https_proxy') : readVariable(env, 'http_proxy')) ?? readVariable(env, 'all_proxy');
}

/** A proxy value as curl takes it: without a scheme it is http:// (curl's default proxy type). */
function parseProxy(value: string, name: string): URL {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  if (!URL.canParse(withScheme)) throw new ProxySettingError(name, 'not-a-url');
  const url = new URL(withScheme);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ProxySettingError(name, 'unsupported-scheme');
  if (!url.hostname) throw new ProxySettingError(name, 'not-a-url');
  return url;
}

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '').toLowerCase();

/** One NO_PROXY entry: a host or domain (with an optional port), or an IP address or CIDR range. */
function entryMatches(entry: string, host: string, port: number): boolean {
  let name = entry;
  let entryPort: number | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(name);
  const withPort = /^([^:]+):(\d+)$/.exec(name);
  if (bracketed) [name, entryPort] = [bracketed[1]!, bracketed[2] ? Number(bracketed[2]) : undefined];
  else if (withPort) [name, entryPort] = [withPort[1]!, Number(withPort[2])];
  if (entryPort !== undefined && entryPort !== port) return false;
  const hostFamily = isIP(host);
  if (hostFamily) {
    // curl's match_ip: an address or a CIDR range, only for hosts given as an IP address.
    const [address = '', bits] = name.split('/');
    const family = isIP(address);
    if (family !== hostFamily) return false;
    const type = family === 4 ? 'ipv4' : 'ipv6';
    const list = new BlockList();
    if (bits === undefined) list.addAddress(address, type);
    else if (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)) list.addSubnet(address, Number(bits), type);
    else return false;
    return list.check(host, type);
  }
  // curl's match_host: `example.com` and `.example.com` match example.com and its subdomains, never
  // nonexample.com; trailing dots are ignored. `*.example.com` (undici's and Go's form) is read as `.example.com`.
  const domain = name
    .replace(/\.$/, '')
    .replace(/^\*?\./, '')
    .toLowerCase();
  const hostname = host.replace(/\.$/, '');
  return domain !== '' && (hostname === domain || hostname.endsWith(`.${domain}`));
}

/**
 * Whether NO_PROXY exempts a host, with curl's semantics (curl/curl@5c61e168 lib/proxy.c,
 * proxy_check_noproxy): `*` alone exempts every host; otherwise a list separated by commas and
 * blanks. A `host:port` entry (undici's and Go's extension) applies to that port only.
 */
export function noProxyMatches(list: string, hostname: string, port: number): boolean {
  const value = list.trim();
  if (value === '*') return true;
  const host = bare(hostname);
  return value
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((entry) => entryMatches(entry, host, port));
}

const defaultPort = (url: URL) => Number(url.port) || (url.protocol === 'https:' ? 443 : 80);

/**
 * Which proxy, if any, the environment names for a URL, as curl would choose it. Throws
 * ProxySettingError when the variable that applies is not a usable http(s) proxy URL.
 */
export function chooseEnvProxy(url: URL, env: ProxyEnv): EnvProxyChoice {
  const host = bare(url.hostname);
  const found = proxyVariable(url.protocol, env);
  if (!found) return { route: { kind: 'direct', because: 'no-proxy-set', host } };
  const noProxy =
    env.no_proxy !== undefined ? { name: 'no_proxy', value: env.no_proxy } : env.NO_PROXY !== undefined ? { name: 'NO_PROXY', value: env.NO_PROXY } : undefined;
  if (noProxy && noProxyMatches(noProxy.value, host, defaultPort(url)))
    return { route: { kind: 'direct', because: 'no-proxy-list', host, source: noProxy.name } };
  const proxyUrl = parseProxy(found.value, found.name);
  return {
    route: { kind: 'proxy', proxy: displayProxy(proxyUrl), source: found.name, credentials: Boolean(proxyUrl.username || proxyUrl.password) },
    proxyUrl,
  };
}

/** Whether any proxy variable is set at all (a run without one never loads a proxy agent). */
export function anyProxySet(env: ProxyEnv): boolean {
  return ['https_proxy', 'http_proxy', 'all_proxy'].some((name) => readVariable(env, name) !== undefined);
}

/** The problem with the proxy that applies to any of these URLs, said without its value; undefined when all are usable. */
export function proxyProblem(urls: readonly string[], env: ProxyEnv): string | undefined {
  for (const url of urls) {
    if (!URL.canParse(url)) continue;
    try {
      chooseEnvProxy(new URL(url), env);
    } catch (error) {
      if (error instanceof ProxySettingError) return error.message;
      throw error;
    }
  }
  return undefined;
}
