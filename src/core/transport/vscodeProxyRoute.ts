import type { ProxyEnv } from './envProxy';
import { displayProxy, type NetworkRoute } from './networkRoute';

/** What VS Code's proxy support reads, as the extension host sees it. */
export interface VscodeProxySettings {
  /** `http.proxySupport`: "override" (VS Code's default), "fallback", "on" or "off". */
  proxySupport: string;
  /** `http.fetchAdditionalSupport` (default true): whether the fetch API gets proxy support at all. */
  fetchAdditionalSupport: boolean;
  /** `http.proxy`. */
  proxy?: string;
  /** `http.noProxy`. */
  noProxy: readonly string[];
  /** A remote window (vscode.env.remoteName is set) … */
  remote: boolean;
  /** … and whether it uses the local proxy configuration (`http.useLocalProxyConfiguration`). */
  useLocalProxyConfiguration: boolean;
}

/**
 * @vscode/proxy-agent's NO_PROXY matching (microsoft/vscode-proxy-agent@999f6e5a src/index.ts,
 * shouldBypassProxy; the same in 0.32.0, which VS Code 1.100 ships): `*` exempts every host; an
 * entry matches the host and its subdomains, and `host:port` only that port.
 */
function bypasses(entries: readonly string[], hostname: string, port: string): boolean {
  const value = entries.map((e) => e.trim().toLowerCase());
  if (value.includes('*')) return true;
  return value
    .map((entry) => entry.split(':', 2))
    .filter(([name]) => Boolean(name))
    .some(([name = '', entryPort]) => `.${hostname.toLowerCase()}`.endsWith(name.startsWith('.') ? name : `.${name}`) && (!entryPort || port === entryPort));
}

/** A proxy URL as @vscode/proxy-agent accepts it (proxyFromConfigURL): a scheme it knows, then `://`. */
function configProxy(value: string | undefined): URL | undefined {
  const trimmed = value?.trim() ?? '';
  const scheme = /^([a-z0-9]+):\/\//i.exec(trimmed)?.[1]?.toLowerCase();
  if (!scheme || !['http', 'https', 'socks', 'socks4', 'socks4a', 'socks5', 'socks5h'].includes(scheme) || !URL.canParse(trimmed)) return undefined;
  return new URL(trimmed);
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Which way a request from the extension host goes, as VS Code's proxy support decides it
 * (microsoft/vscode@02056a2e src/vs/workbench/api/node/proxyResolver.ts connects
 * @vscode/proxy-agent's createProxyResolver, whose useProxySettings order this mirrors): with
 * http.proxySupport "off" nothing is proxied; requests to this machine go direct; then http.noProxy
 * (or, when that is empty, NO_PROXY); then the http.proxy setting; then the first of https_proxy,
 * HTTPS_PROXY, http_proxy, HTTP_PROXY, whatever the URL's scheme; then, unless a remote window
 * ignores the local configuration, the operating system's proxy (or PAC script), which VS Code
 * resolves itself and does not reveal. With http.fetchAdditionalSupport off, fetch is not patched at
 * all (createFetchPatch). A description only: VS Code routes the request.
 */
export function vscodeProxyRoute(url: URL, settings: VscodeProxySettings, env: ProxyEnv): NetworkRoute {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!settings.fetchAdditionalSupport) return { kind: 'direct', because: 'fetch-support-off', host };
  if (settings.proxySupport === 'off') return { kind: 'direct', because: 'proxy-support-off', host };
  if (LOOPBACK.has(host)) return { kind: 'direct', because: 'loopback', host };
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const envNoProxy = env.no_proxy || env.NO_PROXY;
  if (settings.noProxy.length > 0 ? bypasses(settings.noProxy, host, port) : bypasses((envNoProxy ?? '').split(','), host, port))
    return { kind: 'direct', because: 'no-proxy-list', host, source: settings.noProxy.length > 0 ? 'http.noProxy' : env.no_proxy ? 'no_proxy' : 'NO_PROXY' };
  const fromSetting = configProxy(settings.proxy);
  if (fromSetting)
    return { kind: 'proxy', proxy: displayProxy(fromSetting), source: 'http.proxy', credentials: Boolean(fromSetting.username || fromSetting.password) };
  for (const name of ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']) {
    if (!env[name]) continue;
    const fromEnv = configProxy(env[name]);
    // proxy-agent takes the first variable that is set, usable or not (`a || b || c`).
    if (!fromEnv) break;
    return { kind: 'proxy', proxy: displayProxy(fromEnv), source: name, credentials: Boolean(fromEnv.username || fromEnv.password) };
  }
  if (settings.remote && !settings.useLocalProxyConfiguration) return { kind: 'direct', because: 'remote-no-proxy', host };
  return { kind: 'system' };
}
