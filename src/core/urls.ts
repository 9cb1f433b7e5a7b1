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

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** A host only reachable from this machine or its local network (loopback, RFC 1918, link-local, mDNS). */
export function isPrivateHost(hostname: string): boolean {
  return isLoopbackHost(hostname) || /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.)/.test(hostname) || hostname.endsWith('.local');
}

/**
 * What is wrong with a base URL as typed, said without repeating it (it may carry a secret), or
 * undefined when it is usable: an http(s) URL with no credentials, query or fragment in it.
 */
export function baseUrlProblem(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return 'needs a URL, such as https://crazyrouter.com/v1';
  if (!URL.canParse(trimmed)) return 'is not a URL; use one such as https://crazyrouter.com/v1';
  const url = new URL(trimmed);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must start with https:// (or http:// for a gateway on this machine)';
  if (url.username || url.password)
    return 'must not carry a user name or password (user:pass@); the token goes in CRAZYROUTER_API_KEY or the prompt, never in the URL';
  if (url.search || trimmed.includes('?')) return 'must not carry a query string (?…); a token in a URL ends up in logs and shell history';
  if (url.hash || trimmed.includes('#')) return 'must not carry a fragment (#…)';
  return undefined;
}

/** True when the token would cross a network in clear text. */
export function isInsecureRemote(base: string): boolean {
  const url = new URL(base);
  return url.protocol === 'http:' && !isLoopbackHost(url.hostname);
}

/** The origin of an http(s) URL, or undefined for anything else (the token is bound to origins). */
export function httpOrigin(url: string | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return /^https?:$/.test(parsed.protocol) ? parsed.origin : undefined;
}
