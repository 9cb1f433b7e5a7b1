// The CLI (its own process) behind a real forward proxy on 127.0.0.1: CONNECT tunnels to an https
// gateway it trusts through NODE_EXTRA_CA_CERTS, plain http forwarded as an absolute URI, a proxy
// that wants credentials (407), one that refuses tunnels, one that cannot reach the gateway, one
// that is not running, and NO_PROXY. Each failure is named as the proxy's, never as a DNS typo, and
// the proxy's credentials never appear in any output.
import assert from 'node:assert/strict';
import { suite } from 'mocha';
import { runCli } from '../support/cliProcess';
import { freePort } from '../support/freePort';
import { concurrentTests } from '../support/inTurns';
import { startForwardProxy, type ForwardProxy, type ForwardProxyOptions } from '../support/forwardProxy';
import { startSandboxProcess, type SandboxProcess } from '../support/sandboxProcess';
import { startTlsFront, TEST_CERTIFICATE, type TlsFront } from '../support/tlsFront';

interface Report {
  verdict: string;
  target: { network?: string };
  results: { id: string; status: string; symptom?: string; summary: string; details: string[]; evidence: { via?: string }[] }[];
  findings: { checkId: string; rowId?: string; fix?: string }[];
}

/** Environment without any proxy variable of the machine running the tests. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NO_COLOR: '1' };
  for (const [k, v] of Object.entries(process.env)) if (!/^(https?|all|no)_proxy$/i.test(k) && k !== 'NODE_EXTRA_CA_CERTS') env[k] = v;
  return { ...env, ...extra };
}

interface Setup {
  gateway: SandboxProcess;
  https: TlsFront;
  proxy: ForwardProxy;
}

/** A sandbox in its own process, an https front for it, and a forward proxy; all closed after `body`. */
async function withSetup(options: ForwardProxyOptions, body: (s: Setup) => Promise<void>): Promise<void> {
  const gateway = await startSandboxProcess('healthy');
  const https = await startTlsFront(gateway.origin);
  const proxy = await startForwardProxy(options);
  try {
    await body({ gateway, https, proxy });
  } finally {
    await proxy.close();
    await https.close();
    await gateway.stop();
  }
}

/** What a failed run said, check by check (for assertion messages). */
function checksSaid(stdout: string): string {
  try {
    return (JSON.parse(stdout) as Report).results.map((r) => `${r.id} ${r.status}: ${r.summary}`).join('\n');
  } catch {
    return stdout.slice(0, 800);
  }
}

const result = (report: Report, id: string) => {
  const found = report.results.find((r) => r.id === id);
  assert.ok(found, `${id} ran`);
  return found;
};

/** A failed run whose reachability check names `symptom` and its row, and no DNS typo. */
function assertProxyFailure(out: { code: number; stdout: string }, symptom: string, row: string): Report {
  assert.equal(out.code, 1, checksSaid(out.stdout));
  const report = JSON.parse(out.stdout) as Report;
  const reach = result(report, 'reachability');
  assert.equal(reach.symptom, symptom, reach.summary);
  assert.doesNotMatch(reach.summary, /did not resolve|spelling|DNS/i, 'never a DNS typo');
  assert.equal(report.findings.find((f) => f.checkId === 'reachability')?.rowId, row);
  for (const r of report.results.filter((x) => ['auth', 'models'].includes(x.id))) assert.equal(r.status, 'skipped', `${r.id}: the token was not sent`);
  return report;
}

suite('the CLI behind a forward proxy (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, NODE_EXTRA_CA_CERTS)', () => {
  // Each test has its own gateway, https front and proxy: they run 3 at a time.
  const concurrently = concurrentTests(3);
  concurrently('https through a CONNECT tunnel, trusted with NODE_EXTRA_CA_CERTS: passes, and says which proxy carried it', () =>
    withSetup({}, async ({ gateway, https, proxy }) => {
      const out = await runCli(
        ['--base-url', `${https.origin}/v1`, '--json'],
        cleanEnv({ CRAZYROUTER_API_KEY: gateway.key, HTTPS_PROXY: proxy.origin, NODE_EXTRA_CA_CERTS: TEST_CERTIFICATE }),
      );
      assert.equal(out.code, 0, checksSaid(out.stdout) + out.stderr);
      const report = JSON.parse(out.stdout) as Report;
      const said = `Through the proxy ${proxy.origin} (from HTTPS_PROXY).`;
      assert.equal(report.target.network, said);
      assert.ok(result(report, 'reachability').details.includes(said), result(report, 'reachability').details.join('\n'));
      assert.ok(result(report, 'reachability').evidence.every((e) => e.via === `through the proxy ${proxy.origin}`));
      const tunnels = proxy.hits.filter((h) => h.method === 'CONNECT');
      assert.ok(tunnels.length > 0 && tunnels.every((h) => h.target === new URL(https.origin).host && h.answered === 200), JSON.stringify(proxy.hits));
      assert.equal(proxy.hits.length, tunnels.length, 'https goes only through tunnels');
      assert.ok(https.requests > 0 && (await gateway.requests()).length > 0, 'the requests reached the gateway');
      assert.ok(!out.stdout.includes(gateway.key), 'the token is never printed');
    }),
  );

  concurrently('without NODE_EXTRA_CA_CERTS the same tunnel ends in a certificate error that names the proxy', () =>
    withSetup({}, async ({ gateway, https, proxy }) => {
      const out = await runCli(['--base-url', `${https.origin}/v1`, '--json'], cleanEnv({ CRAZYROUTER_API_KEY: gateway.key, HTTPS_PROXY: proxy.origin }));
      const report = assertProxyFailure(out, 'network.tls', 'gateway.tls');
      assert.match(result(report, 'reachability').summary, new RegExp(`through the proxy ${proxy.origin.replaceAll('.', '\\.')}`));
      assert.equal(https.requests, 0, 'nothing got through the handshake');
    }),
  );

  concurrently('plain http is forwarded as an absolute URI through HTTP_PROXY', () =>
    withSetup({}, async ({ gateway, proxy }) => {
      const out = await runCli(['--base-url', gateway.baseUrl, '--json'], cleanEnv({ CRAZYROUTER_API_KEY: gateway.key, HTTP_PROXY: proxy.origin }));
      assert.equal(out.code, 0, checksSaid(out.stdout));
      const report = JSON.parse(out.stdout) as Report;
      assert.equal(report.target.network, `Through the proxy ${proxy.origin} (from HTTP_PROXY).`);
      assert.ok(
        proxy.hits.length > 0 && proxy.hits.every((h) => h.method !== 'CONNECT' && h.target.startsWith(`${gateway.origin}/`)),
        JSON.stringify(proxy.hits),
      );
      assert.equal(proxy.hits.length, (await gateway.requests()).length, 'every request the gateway saw came through the proxy');
    }),
  );

  concurrently('a proxy that wants credentials: 407 is named, with and without wrong ones, and the credentials are never printed', () =>
    withSetup({ auth: { user: 'proxyuser', password: 'Pr0xy-Secret!' } }, async ({ gateway, https, proxy }) => {
      const base = ['--base-url', `${https.origin}/v1`];
      const env = (proxyUrl: string) => cleanEnv({ CRAZYROUTER_API_KEY: gateway.key, HTTPS_PROXY: proxyUrl, NODE_EXTRA_CA_CERTS: TEST_CERTIFICATE });
      const none = await runCli([...base, '--json'], env(proxy.origin));
      assert.match(result(assertProxyFailure(none, 'network.proxy-auth', 'gateway.proxy-auth'), 'reachability').summary, /HTTPS_PROXY carries none/);
      const wrongUrl = proxy.origin.replace('//', '//proxyuser:Wr0ng-Secret!@');
      for (const format of ['--markdown', '']) {
        const wrong = await runCli([...base, ...(format ? [format] : [])], env(wrongUrl));
        assert.equal(wrong.code, 1);
        // Markdown escapes our own words' punctuation: read it unescaped.
        const all = (wrong.stdout + wrong.stderr).replace(/\\(.)/g, '$1');
        assert.ok(!all.includes('Wr0ng-Secret') && !all.includes('proxyuser'), `the proxy credentials leaked (${format || 'terminal'})`);
        assert.match(all, /rejected the user name and password in HTTPS_PROXY/);
        assert.match(all, /The proxy asks for a user name and password \(407\)/);
      }
      const right = await runCli([...base, '--json'], env(proxy.origin.replace('//', '//proxyuser:Pr0xy-Secret%21@')));
      assert.equal(right.code, 0, checksSaid(right.stdout));
      const report = JSON.parse(right.stdout) as Report;
      assert.match(report.target.network ?? '', /with a user name and password, not shown/);
      assert.ok(!right.stdout.includes('Pr0xy-Secret') && !right.stdout.includes('proxyuser'));
      assert.ok(
        proxy.hits.some((h) => h.method === 'CONNECT' && h.answered === 200),
        'the right credentials opened the tunnel',
      );
    }),
  );

  concurrently('a proxy that refuses the tunnel (CONNECT 403) is named as such', () =>
    withSetup({ refuseConnect: 403 }, async ({ gateway, https, proxy }) => {
      const out = await runCli(
        ['--base-url', `${https.origin}/v1`, '--json'],
        cleanEnv({ CRAZYROUTER_API_KEY: gateway.key, HTTPS_PROXY: proxy.origin, NODE_EXTRA_CA_CERTS: TEST_CERTIFICATE }),
      );
      const report = assertProxyFailure(out, 'network.proxy-tunnel', 'gateway.proxy-tunnel');
      assert.match(result(report, 'reachability').summary, /refused to open a tunnel to 127\.0\.0\.1:\d+ \(CONNECT answered 403\)/);
      assert.equal(https.requests, 0);
    }),
  );

  concurrently('a proxy that cannot reach the gateway (502 to CONNECT) is named as such', () =>
    withSetup({}, async ({ gateway, proxy }) => {
      const dead = `https://127.0.0.1:${await freePort()}/v1`;
      const out = await runCli(['--base-url', dead, '--json'], cleanEnv({ CRAZYROUTER_API_KEY: gateway.key, HTTPS_PROXY: proxy.origin }));
      assertProxyFailure(out, 'network.proxy-upstream', 'gateway.proxy-upstream');
      assert.ok(proxy.hits.every((h) => h.method === 'CONNECT' && h.answered === 502));
    }),
  );

  concurrently('a proxy that is not running is named as such, not as the gateway refusing', () =>
    withSetup({}, async ({ gateway, https }) => {
      const deadProxy = `http://127.0.0.1:${await freePort()}`;
      const out = await runCli(['--base-url', `${https.origin}/v1`, '--json'], cleanEnv({ CRAZYROUTER_API_KEY: gateway.key, https_proxy: deadProxy }));
      const report = assertProxyFailure(out, 'network.proxy-refused', 'gateway.proxy-refused');
      assert.match(
        result(report, 'reachability').summary,
        new RegExp(`The proxy ${deadProxy.replaceAll('.', '\\.')} \\(from https_proxy\\) did not accept the connection \\(ECONNREFUSED\\)`),
      );
      assert.equal(https.requests, 0);
    }),
  );

  concurrently('NO_PROXY sends a listed host direct; no_proxy and https_proxy in lower case win over upper case, as in curl', () =>
    withSetup({}, async ({ gateway, https, proxy }) => {
      const deadProxy = `http://127.0.0.1:${await freePort()}`;
      const base = ['--base-url', `${https.origin}/v1`, '--json'];
      const bypass = await runCli(
        base,
        cleanEnv({ CRAZYROUTER_API_KEY: gateway.key, HTTPS_PROXY: deadProxy, NO_PROXY: 'example.com, 127.0.0.1', NODE_EXTRA_CA_CERTS: TEST_CERTIFICATE }),
      );
      assert.equal(bypass.code, 0, checksSaid(bypass.stdout));
      assert.equal((JSON.parse(bypass.stdout) as Report).target.network, 'Direct connection: 127.0.0.1 is listed in NO_PROXY, so no proxy is used for it.');
      const cidr = await runCli(
        base,
        cleanEnv({ CRAZYROUTER_API_KEY: gateway.key, HTTPS_PROXY: deadProxy, no_proxy: '10.0.0.0/8,127.0.0.0/8', NODE_EXTRA_CA_CERTS: TEST_CERTIFICATE }),
      );
      assert.equal(cidr.code, 0, checksSaid(cidr.stdout));
      assert.match((JSON.parse(cidr.stdout) as Report).target.network ?? '', /listed in no_proxy/);
      const lower = await runCli(
        base,
        cleanEnv({ CRAZYROUTER_API_KEY: gateway.key, https_proxy: proxy.origin, HTTPS_PROXY: deadProxy, NODE_EXTRA_CA_CERTS: TEST_CERTIFICATE }),
      );
      assert.equal(lower.code, 0, checksSaid(lower.stdout));
      assert.equal((JSON.parse(lower.stdout) as Report).target.network, `Through the proxy ${proxy.origin} (from https_proxy).`);
      assert.ok(proxy.hits.length > 0);
    }),
  );

  concurrently('without any proxy variable: direct, and NODE_EXTRA_CA_CERTS alone makes the https gateway trusted', () =>
    withSetup({}, async ({ gateway, https, proxy }) => {
      const base = ['--base-url', `${https.origin}/v1`, '--json'];
      const trusted = await runCli(base, cleanEnv({ CRAZYROUTER_API_KEY: gateway.key, NODE_EXTRA_CA_CERTS: TEST_CERTIFICATE }));
      assert.equal(trusted.code, 0, checksSaid(trusted.stdout));
      assert.match((JSON.parse(trusted.stdout) as Report).target.network ?? '', /^Direct connection: no proxy is set/);
      const untrusted = await runCli(base, cleanEnv({ CRAZYROUTER_API_KEY: gateway.key }));
      assert.equal(result(JSON.parse(untrusted.stdout) as Report, 'reachability').symptom, 'network.tls');
      assert.equal(proxy.hits.length, 0);
    }),
  );

  concurrently('the terminal view names the proxy, and the sandbox tour never goes through one', async () => {
    const deadProxy = `http://127.0.0.1:${await freePort()}`;
    const tour = await runCli([], cleanEnv({ HTTP_PROXY: deadProxy, HTTPS_PROXY: deadProxy }));
    assert.equal(tour.code, 0, tour.stdout.slice(-600));
    assert.match(tour.stdout, /Direct connection: the built-in sandbox gateway runs on this machine \(127\.0\.0\.1\), so no proxy is used\./);
    await withSetup({}, async ({ gateway, proxy }) => {
      const out = await runCli(['--base-url', gateway.baseUrl, '--health'], cleanEnv({ CRAZYROUTER_API_KEY: gateway.key, http_proxy: proxy.origin }));
      assert.equal(out.code, 0, out.stdout);
      assert.ok(out.stdout.includes(`Through the proxy ${proxy.origin} (from http_proxy).`), out.stdout);
    });
  });

  concurrently('a proxy variable the doctor cannot use is a usage error that names the variable, never its value', async () => {
    for (const [name, value] of [
      ['HTTPS_PROXY', 'socks5://user:S0cks-Secret@127.0.0.1:1080'],
      ['ALL_PROXY', 'socks5h://127.0.0.1:1080'],
      ['https_proxy', 'http://user:Br0ken-Secret@[oops'],
    ] as const) {
      const out = await runCli(['--base-url', 'https://127.0.0.1:9/v1'], cleanEnv({ CRAZYROUTER_API_KEY: 'sk-0123456789abcdefABCDEF', [name]: value }));
      assert.equal(out.code, 2, `${name}: ${out.stderr}`);
      assert.match(out.stderr, new RegExp(`^crazyrouter-doctor: ${name} `));
      assert.ok(!out.stderr.includes('Secret') && !out.stdout.includes('Secret'), 'the value is not echoed');
    }
  });
});
