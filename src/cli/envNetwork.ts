import type * as Undici from 'undici';
import { anyProxySet, chooseEnvProxy, type ProxyEnv } from '../core/transport/envProxy';
import type { NetworkRoute } from '../core/transport/networkRoute';

/** How the command line reaches the network: the fetch to use, the route each URL takes, and cleanup. */
export interface EnvNetwork {
  /** Undefined when no proxy variable is set: the global fetch is used as it is. */
  fetch?: typeof fetch;
  routeOf: (url: URL) => NetworkRoute;
  close: () => Promise<void>;
}

/**
 * The proxy variables honoured the way curl reads them (`chooseEnvProxy`), through undici's own
 * agents (the `undici` package, pinned to the 6.x line that runs on Node 20): a ProxyAgent per
 * proxy, which tunnels https with CONNECT and forwards plain http as an absolute URI
 * (`proxyTunnel: false`, as curl does), and a plain Agent for what goes direct. The same choice
 * that routes a request describes it, so the evidence cannot disagree with the wire.
 *
 * Certificates: undici connects with Node's TLS defaults, which include NODE_EXTRA_CA_CERTS, both
 * to the gateway and through a tunnel.
 */
export function envNetwork(env: ProxyEnv): EnvNetwork {
  const routeOf = (url: URL) => chooseEnvProxy(url, env).route;
  if (!anyProxySet(env)) return { routeOf, close: async () => {} };
  const undici = loadUndici();
  const dispatchers = new Map<string, Undici.Dispatcher>();
  const dispatcherFor = (url: URL): Undici.Dispatcher => {
    const { proxyUrl } = chooseEnvProxy(url, env);
    const key = proxyUrl?.href ?? 'direct';
    let dispatcher = dispatchers.get(key);
    if (!dispatcher) {
      dispatcher = proxyUrl ? new undici.ProxyAgent({ uri: proxyUrl.href, proxyTunnel: false }) : new undici.Agent();
      dispatchers.set(key, dispatcher);
    }
    return dispatcher;
  };
  const proxied = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    return undici.fetch(input, { ...init, dispatcher: dispatcherFor(url) });
  }) as typeof fetch;
  return {
    fetch: proxied,
    routeOf,
    close: async () => {
      await Promise.all([...dispatchers.values()].map((d) => d.close()));
    },
  };
}

/**
 * undici, loaded when a proxy variable is set and not before: requiring it costs a run without a
 * proxy ~100 ms at start-up. (Its parts cannot be required alone: index.js adds `connect` and the
 * other request methods to every dispatcher, which ProxyAgent's CONNECT tunnel needs.)
 */
function loadUndici(): Pick<typeof Undici, 'Agent' | 'ProxyAgent' | 'fetch'> {
  return require('undici') as typeof Undici;
}
