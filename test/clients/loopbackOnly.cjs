// Preloaded (NODE_OPTIONS=--require) into Node-based client CLIs by `npm run test:clients`: any fetch
// or DNS lookup of a host other than loopback fails at once and is written to $LOOPBACK_LOG, so the
// conformance tier never sends traffic off this machine (the Continue CLI's version check cannot
// be switched off: extensions/cli/src/version.ts runs it at module load).
'use strict';
const dns = require('node:dns');
const fs = require('node:fs');

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
const note = (what) => {
  if (process.env.LOOPBACK_LOG) fs.appendFileSync(process.env.LOOPBACK_LOG, `${what}\n`);
};

const lookup = dns.lookup;
dns.lookup = function (host, ...rest) {
  if (LOOPBACK.has(host)) return lookup.call(this, host, ...rest);
  note(`dns ${host}`);
  const callback = rest.pop();
  const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${host} (kept on loopback)`), { code: 'ENOTFOUND', hostname: host });
  process.nextTick(() => callback(error));
  return {};
};

const realFetch = globalThis.fetch;
if (realFetch) {
  globalThis.fetch = function (input, init) {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input && input.url;
    const url = raw && URL.canParse(raw) ? new URL(raw) : undefined;
    if (url && /^https?:$/.test(url.protocol) && !LOOPBACK.has(url.hostname)) {
      note(`fetch ${url.origin}`);
      return Promise.reject(new TypeError(`fetch failed: ${url.origin} is not loopback`));
    }
    return realFetch.call(this, input, init);
  };
}
