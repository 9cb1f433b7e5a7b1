import * as l10n from '@vscode/l10n';

/**
 * Which way a request went (or tried to go) to the gateway: straight there, through a proxy, or
 * through whatever proxy the operating system chose (VS Code asks the OS and does not tell
 * extensions which). A proxy is kept as `scheme://host:port` only: its user name and password are
 * secrets and never enter a route, a report or a log.
 */
export type NetworkRoute =
  | { kind: 'direct'; because: DirectReason; host: string; source?: string }
  | { kind: 'proxy'; proxy: string; source: string; credentials: boolean }
  | { kind: 'system' };

export type DirectReason =
  /** No proxy variable (CLI) applies to this URL. */
  | 'no-proxy-set'
  /** The host is listed in NO_PROXY (or VS Code's http.noProxy): `source` names which. */
  | 'no-proxy-list'
  /** VS Code never proxies requests to this machine (@vscode/proxy-agent's localhost rule). */
  | 'loopback'
  /** VS Code's http.proxySupport is "off": extensions connect without a proxy. */
  | 'proxy-support-off'
  /** VS Code's http.fetchAdditionalSupport is off: the fetch API is not given proxy support. */
  | 'fetch-support-off'
  /** A remote window that does not use the local proxy configuration, and none is set there. */
  | 'remote-no-proxy'
  /** The built-in sandbox gateway runs on this machine: no proxy could reach it. */
  | 'sandbox';

/**
 * The route in one sentence, for the report's header and the reachability check: each sentence
 * whole, with `{placeholders}`, never pieced together.
 */
export function describeRoute(route: NetworkRoute): string {
  if (route.kind === 'system')
    return l10n.t(
      'Through your system’s proxy settings, if any: VS Code asks the operating system (or its PAC script) and does not tell extensions which proxy it chose.',
    );
  if (route.kind === 'proxy') {
    const args = { proxy: route.proxy, source: route.source };
    return route.credentials
      ? l10n.t('Through the proxy {proxy} (from {source}, with a user name and password, not shown).', args)
      : l10n.t('Through the proxy {proxy} (from {source}).', args);
  }
  return DIRECT[route.because]({ host: route.host, source: route.source ?? '' });
}

/** Why a request went direct, each reason in a whole sentence. */
const DIRECT: Record<DirectReason, (args: { host: string; source: string }) => string> = {
  'no-proxy-set': () => l10n.t('Direct connection: no proxy is set for this URL (HTTPS_PROXY, HTTP_PROXY and ALL_PROXY are empty).'),
  'no-proxy-list': (args) => l10n.t('Direct connection: {host} is listed in {source}, so no proxy is used for it.', args),
  loopback: (args) => l10n.t('Direct connection: VS Code never sends requests to this machine ({host}) through a proxy.', args),
  'proxy-support-off': () => l10n.t('Direct connection: VS Code’s http.proxySupport setting is "off", so extensions use no proxy.'),
  'fetch-support-off': () => l10n.t('Direct connection: VS Code’s http.fetchAdditionalSupport setting is off, so the requests of this extension use no proxy.'),
  'remote-no-proxy': () =>
    l10n.t('Direct connection: this remote window does not use your local proxy configuration (http.useLocalProxyConfiguration), and no proxy is set here.'),
  sandbox: (args) => l10n.t('Direct connection: the built-in sandbox gateway runs on this machine ({host}), so no proxy is used.', args),
};

/** A route that is not direct, in a few words, for one request's evidence. */
export function routeLabel(route: Exclude<NetworkRoute, { kind: 'direct' }>): string {
  return route.kind === 'proxy' ? l10n.t('through the proxy {proxy}', { proxy: route.proxy }) : l10n.t('through the system proxy, if any');
}

/** A proxy URL as it may be shown: `scheme://host:port`, without user name, password, path or query. */
export function displayProxy(proxy: URL): string {
  const port = proxy.port || (proxy.protocol === 'https:' ? '443' : proxy.protocol.startsWith('socks') ? '1080' : '80');
  return `${proxy.protocol}//${proxy.hostname}:${port}`;
}
