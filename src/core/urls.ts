/** The base URL without trailing slashes. */
export function trimBase(base: string): string {
  return base.trim().replace(/\/+$/, '');
}

/** The gateway root for a base URL: `https://crazyrouter.com/v1` → `https://crazyrouter.com`. */
export function gatewayRoot(base: string): string {
  const url = new URL(trimBase(base));
  url.pathname = url.pathname.replace(/\/v1(\/.*)?$/, '') || '/';
  url.search = '';
  url.hash = '';
  return trimBase(url.toString());
}

/** What the openai SDK calls for `path` on `base` (plain concatenation, as openai-node does). */
export function endpointUrl(base: string, path: string): string {
  return `${trimBase(base)}${path.startsWith('/') ? path : `/${path}`}`;
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** True when the token would cross a network in clear text. */
export function isInsecureRemote(base: string): boolean {
  const url = new URL(base);
  return url.protocol === 'http:' && !isLoopbackHost(url.hostname);
}
