// The proxy variables as curl reads them (curl/curl@5c61e168 lib/proxy.c), the route VS Code's
// proxy support takes (@vscode/proxy-agent's order), and that a proxy's credentials never appear.
import assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import { chooseEnvProxy, noProxyMatches, proxyProblem } from '../../src/core/transport/envProxy';
import { describeRoute } from '../../src/core/transport/networkRoute';
import { vscodeProxyRoute, type VscodeProxySettings } from '../../src/core/transport/vscodeProxyRoute';

suite('NO_PROXY with curl’s semantics', () => {
  const CASES: [list: string, host: string, port: number, bypass: boolean][] = [
    ['*', 'crazyrouter.com', 443, true],
    ['', 'crazyrouter.com', 443, false],
    ['crazyrouter.com', 'crazyrouter.com', 443, true],
    ['crazyrouter.com', 'api.crazyrouter.com', 443, true],
    ['crazyrouter.com', 'notcrazyrouter.com', 443, false],
    ['.crazyrouter.com', 'crazyrouter.com', 443, true],
    ['*.crazyrouter.com', 'api.crazyrouter.com', 443, true],
    ['crazyrouter.com.', 'CrazyRouter.COM', 443, true],
    ['example.com, crazyrouter.com', 'crazyrouter.com', 443, true],
    ['example.com crazyrouter.com', 'crazyrouter.com', 443, true],
    ['example.com,,crazyrouter.com', 'crazyrouter.com', 443, true],
    ['crazyrouter.com:8443', 'crazyrouter.com', 443, false],
    ['crazyrouter.com:443', 'crazyrouter.com', 443, true],
    ['127.0.0.1', '127.0.0.1', 8080, true],
    ['127.0.0.0/8', '127.1.2.3', 80, true],
    ['10.0.0.0/8', '127.0.0.1', 80, false],
    ['192.168.1.0/24', '192.168.1.77', 80, true],
    ['192.168.1.0/33', '192.168.1.77', 80, false],
    ['::1', '[::1]', 80, true],
    ['[::1]:8080', '[::1]', 8080, true],
    ['fd00::/8', 'fd12::1', 80, true],
    ['127.0.0.1', 'localhost', 80, false],
    ['localhost', '127.0.0.1', 80, false],
  ];
  for (const [list, host, port, bypass] of CASES)
    test(`${JSON.stringify(list)} ${bypass ? 'exempts' : 'does not exempt'} ${host}:${port}`, () => assert.equal(noProxyMatches(list, host, port), bypass));
});

suite('which proxy variable applies', () => {
  const https = new URL('https://crazyrouter.com/v1');
  const http = new URL('http://gateway.lan:3000/v1');
  const proxyOf = (url: URL, env: Record<string, string>) => {
    const { route } = chooseEnvProxy(url, env);
    return route.kind === 'proxy' ? `${route.proxy} ${route.source}` : route.kind === 'direct' ? `direct ${route.because}` : 'system';
  };

  test('https: https_proxy, then HTTPS_PROXY, then all_proxy, ALL_PROXY; never http_proxy', () => {
    assert.equal(proxyOf(https, { https_proxy: 'http://a:1', HTTPS_PROXY: 'http://b:2' }), 'http://a:1 https_proxy');
    assert.equal(proxyOf(https, { HTTPS_PROXY: 'http://b:2', ALL_PROXY: 'http://c:3' }), 'http://b:2 HTTPS_PROXY');
    assert.equal(proxyOf(https, { http_proxy: 'http://h:1', all_proxy: 'http://c:3' }), 'http://c:3 all_proxy');
    assert.equal(proxyOf(https, { http_proxy: 'http://h:1' }), 'direct no-proxy-set');
  });

  test('http: http_proxy, then HTTP_PROXY, then ALL_PROXY; an empty variable counts as unset', () => {
    assert.equal(proxyOf(http, { http_proxy: '', HTTP_PROXY: 'http://b:2' }), 'http://b:2 HTTP_PROXY');
    assert.equal(proxyOf(http, { ALL_PROXY: 'proxy.corp:8080' }), 'http://proxy.corp:8080 ALL_PROXY');
    assert.equal(proxyOf(http, { https_proxy: 'http://a:1' }), 'direct no-proxy-set');
  });

  test('no_proxy wins over NO_PROXY, even when empty, as in curl', () => {
    assert.equal(proxyOf(https, { HTTPS_PROXY: 'http://p:1', no_proxy: '', NO_PROXY: '*' }), 'http://p:1 HTTPS_PROXY');
    assert.equal(proxyOf(https, { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'crazyrouter.com' }), 'direct no-proxy-list');
  });

  test('a proxy without a port gets its scheme’s; its user name and password never reach the route', () => {
    const { route, proxyUrl } = chooseEnvProxy(https, { HTTPS_PROXY: 'http://alice:s3cr%40t@proxy.corp' });
    assert.deepEqual(route, { kind: 'proxy', proxy: 'http://proxy.corp:80', source: 'HTTPS_PROXY', credentials: true });
    assert.equal(proxyUrl?.password, 's3cr%40t', 'the dispatcher still gets them');
    const said = describeRoute(route);
    assert.equal(said, 'Through the proxy http://proxy.corp:80 (from HTTPS_PROXY, with a user name and password, not shown).');
    assert.ok(!said.includes('alice') && !said.includes('s3cr'));
  });

  test('an unusable proxy is reported by name, without its value', () => {
    assert.match(
      proxyProblem(['https://crazyrouter.com/v1'], { HTTPS_PROXY: 'socks5://u:hidden@127.0.0.1:1080' }) ?? '',
      /^HTTPS_PROXY names a proxy .*\(not SOCKS\)/,
    );
    assert.match(proxyProblem(['http://127.0.0.1:1/v1'], { http_proxy: 'http://[::1' }) ?? '', /^http_proxy is not a proxy URL/);
    assert.equal(
      proxyProblem(['https://crazyrouter.com/v1'], { HTTPS_PROXY: 'http://ok:1', ALL_PROXY: 'socks5://127.0.0.1:1080' }),
      undefined,
      'ALL_PROXY is not consulted when HTTPS_PROXY applies',
    );
    for (const text of [proxyProblem(['https://x.test/'], { HTTPS_PROXY: 'socks5://u:hidden@h:1' }) ?? ''])
      assert.ok(!text.includes('hidden') && !text.includes('socks5://'));
  });
});

suite('the route VS Code’s proxy support takes (described, not routed)', () => {
  const base: VscodeProxySettings = { proxySupport: 'override', fetchAdditionalSupport: true, noProxy: [], remote: false, useLocalProxyConfiguration: true };
  const gateway = new URL('https://crazyrouter.com/v1');
  const say = (settings: Partial<VscodeProxySettings>, env: Record<string, string> = {}, url = gateway) =>
    describeRoute(vscodeProxyRoute(url, { ...base, ...settings }, env));

  test('in VS Code’s order: off, loopback, no-proxy lists, http.proxy, then the variables, then the system', () => {
    assert.match(say({ proxySupport: 'off', proxy: 'http://p:1' }), /http\.proxySupport setting is "off"/);
    assert.match(say({ fetchAdditionalSupport: false, proxy: 'http://p:1' }), /http\.fetchAdditionalSupport setting is off/);
    assert.match(say({ proxy: 'http://p:1' }, {}, new URL('http://127.0.0.1:4000/v1')), /never sends requests to this machine \(127\.0\.0\.1\)/);
    assert.match(say({ proxy: 'http://p:1', noProxy: ['crazyrouter.com'] }), /listed in http\.noProxy/);
    assert.match(say({ proxy: 'http://p:1' }, { NO_PROXY: '.crazyrouter.com' }), /listed in NO_PROXY/);
    assert.equal(
      say({ proxy: 'http://p:1', noProxy: ['example.com'] }, { NO_PROXY: 'crazyrouter.com' }),
      'Through the proxy http://p:1 (from http.proxy).',
      'http.noProxy replaces NO_PROXY',
    );
    assert.equal(
      say({ proxy: 'http://u:pw@p:1' }, { HTTPS_PROXY: 'http://e:2' }),
      'Through the proxy http://p:1 (from http.proxy, with a user name and password, not shown).',
    );
    assert.equal(say({}, { http_proxy: 'http://e:2' }), 'Through the proxy http://e:2 (from http_proxy).', 'any variable, whatever the scheme');
    assert.match(say({ remote: true, useLocalProxyConfiguration: false }), /does not use your local proxy configuration/);
    assert.match(say({}), /system’s proxy settings, if any/);
  });
});
