// Failures at or through a proxy, as undici reports them (its exact words and codes), are the
// proxy's: never a DNS typo of the gateway host.
import assert from 'node:assert/strict';
import { test } from 'mocha';
import { classifyNetwork } from '../../src/core/classify/classifyNetwork';
import type { NetworkRoute } from '../../src/core/transport/networkRoute';

const route: NetworkRoute = { kind: 'proxy', proxy: 'http://proxy.corp:3128', source: 'HTTPS_PROXY', credentials: false };
const fetchFailed = (cause: object) => new TypeError('fetch failed', { cause });
const coded = (code: string, message: string, extra: object = {}) => Object.assign(new Error(message), { code, ...extra });

const CASES: [name: string, error: unknown, symptom: string, says: RegExp][] = [
  [
    '407 to CONNECT',
    fetchFailed(coded('UND_ERR_ABORTED', 'Proxy response (407) !== 200 when HTTP Tunneling')),
    'network.proxy-auth',
    /HTTPS_PROXY carries none/,
  ],
  [
    '407 to a forwarded request',
    fetchFailed(coded('UND_ERR_INVALID_ARG', 'Proxy Authentication Required (407)')),
    'network.proxy-auth',
    /407 Proxy Authentication Required/,
  ],
  [
    'CONNECT refused by policy',
    fetchFailed(coded('UND_ERR_ABORTED', 'Proxy response (403) !== 200 when HTTP Tunneling')),
    'network.proxy-tunnel',
    /refused to open a tunnel to crazyrouter\.com \(CONNECT answered 403\)/,
  ],
  [
    'the proxy cannot reach the gateway',
    fetchFailed(coded('UND_ERR_ABORTED', 'Proxy response (502) !== 200 when HTTP Tunneling')),
    'network.proxy-upstream',
    /could not connect to crazyrouter\.com \(it answered 502\)/,
  ],
  [
    'the proxy host does not resolve',
    fetchFailed(coded('ENOTFOUND', 'getaddrinfo ENOTFOUND proxy.corp', { hostname: 'proxy.corp' })),
    'network.proxy-dns',
    /proxy’s host name in HTTPS_PROXY \(http:\/\/proxy\.corp:3128\) did not resolve/,
  ],
  [
    'nothing listens at the proxy',
    fetchFailed(coded('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.1:3128')),
    'network.proxy-refused',
    /did not accept the connection \(ECONNREFUSED\)/,
  ],
  ['the proxy does not accept in time', fetchFailed(coded('UND_ERR_CONNECT_TIMEOUT', 'Connect Timeout Error')), 'network.proxy-refused', /in time/],
  [
    'a proxy that re-signs HTTPS',
    fetchFailed(coded('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain')),
    'network.tls',
    /through the proxy http:\/\/proxy\.corp:3128/,
  ],
  [
    'VS Code’s wording of a 407 (@vscode/proxy-agent mimics undici)',
    fetchFailed(coded('UND_ERR_ABORTED', 'Proxy response (407) ?.== 200 when HTTP Tunneling')),
    'network.proxy-auth',
    /407/,
  ],
];

for (const [name, error, symptom, says] of CASES)
  test(`through a proxy: ${name} → ${symptom}`, () => {
    const d = classifyNetwork(error, 'crazyrouter.com', route);
    assert.equal(d?.symptom, symptom);
    assert.match(d.summary, says);
    assert.doesNotMatch(d.summary, /spelling/);
  });

test('credentials the proxy rejected are named as rejected, not missing', () => {
  const d = classifyNetwork(fetchFailed(coded('UND_ERR_ABORTED', 'Proxy response (407) !== 200 when HTTP Tunneling')), 'h', { ...route, credentials: true });
  assert.match(d?.summary ?? '', /rejected the user name and password in HTTPS_PROXY/);
});

test('without a proxy the same codes keep their usual meaning', () => {
  assert.equal(classifyNetwork(fetchFailed(coded('ENOTFOUND', 'getaddrinfo ENOTFOUND crazyrouter.com')), 'crazyrouter.com')?.symptom, 'network.dns');
  assert.equal(
    classifyNetwork(fetchFailed(coded('ECONNREFUSED', 'x')), 'h', { kind: 'direct', because: 'no-proxy-set', host: 'h' })?.symptom,
    'network.refused',
  );
});
