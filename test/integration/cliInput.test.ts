// Hostile or mistaken input to the CLI: an empty or credential-carrying --base-url, and Ctrl-C or
// SIGINT at the token prompt, in a real pseudo-terminal.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'mocha';
import { spawn as spawnPty } from 'node-pty';
import { startFixture } from '../support/faultProxy';
import { CLI, runCli } from '../support/cliProcess';
const run = (args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, CRAZYROUTER_API_KEY: 'sk-0123456789abcdefABCDEF', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 60_000, // a guard against a hang, not a measure: a loaded machine starts Node slowly
  });

test('an empty --base-url is a usage error, not a silent sandbox run', () => {
  for (const value of ['', '   ']) {
    const r = run(['--base-url', value]);
    assert.equal(r.status, 2, r.stdout);
    assert.match(r.stderr, /--base-url needs a URL/);
    assert.doesNotMatch(r.stdout, /PASS/);
  }
});

test('a token or password in --base-url is refused, and never echoed', () => {
  const secret = 'sk-InTheUrl0123456789abcdef';
  for (const url of [
    `https://crazyrouter.com/v1?key=${secret}`,
    `https://user:${secret}@crazyrouter.com/v1`,
    `https://${secret}@crazyrouter.com/v1`,
    `https://crazyrouter.com/v1#${secret}`,
  ]) {
    const r = run(['--base-url', url]);
    assert.equal(r.status, 2, url);
    assert.match(r.stderr, /must not carry/);
    assert.ok(!`${r.stdout}${r.stderr}`.includes(secret.slice(3)), `${url} was echoed`);
  }
});

/** The CLI at its token prompt in a pseudo-terminal; resolves with its exit code and how long it took after `act`. */
function atPrompt(act: (pty: ReturnType<typeof spawnPty>) => void): Promise<{ code: number; afterMs: number; screen: string }> {
  const env = Object.fromEntries(
    Object.entries({ ...process.env, NO_COLOR: '1' }).filter(([k, v]) => k !== 'CRAZYROUTER_API_KEY' && v !== undefined),
  ) as Record<string, string>;
  const pty = spawnPty(process.execPath, [CLI, '--base-url', 'https://crazyrouter.com/v1'], { cols: 80, rows: 24, env });
  let screen = '';
  let actedAt = 0;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (pty.kill(), reject(new Error(`no exit; screen: ${screen}`))), 10_000);
    pty.onData((data) => {
      screen += data;
      if (!actedAt && screen.includes('not shown')) {
        actedAt = performance.now();
        act(pty);
      }
    });
    pty.onExit(({ exitCode }) => {
      clearTimeout(timer);
      resolve({ code: exitCode, afterMs: performance.now() - actedAt, screen });
    });
  });
}

test('Ctrl-C at the token prompt exits 130 at once, without sending anything', async () => {
  const { code, afterMs, screen } = await atPrompt((pty) => pty.write('\u0003'));
  assert.equal(code, 130, screen);
  assert.ok(afterMs < 5_000, `${afterMs} ms (a CLI that ignored it would wait for the 10 s guard)`);
});

test('SIGINT at the token prompt exits 130 at once', async () => {
  const { code, screen } = await atPrompt((pty) => pty.kill('SIGINT'));
  assert.equal(code, 130, screen);
});

const GOOD = 'sk-Pasted0123456789abcdefABCDEFghij';
const UNSENDABLE_TOKENS: [name: string, token: string][] = [
  ['a zero-width space (copied from a web page)', `${GOOD.slice(0, 12)}\u200b${GOOD.slice(12)}`],
  ['a control character (ESC)', `${GOOD.slice(0, 12)}\u001b${GOOD.slice(12)}`],
  ['a non-ASCII letter (Cyrillic а for a)', `${GOOD.slice(0, 12)}\u0430${GOOD.slice(13)}`],
];

test('a token with a zero-width space, a control character or a non-ASCII letter fails the token format; the gateway gets nothing with it and no 5xx is made up', async () => {
  const seen: string[] = [];
  const gateway = await startFixture((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push(`${req.method} ${req.url} ${JSON.stringify(req.headers)} ${body}`);
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end('{"error":{"code":"","message":"Invalid token","type":"new_api_error"}}');
    });
  });
  try {
    for (const [name, token] of UNSENDABLE_TOKENS) {
      seen.length = 0;
      gateway.hits.length = 0;
      const { code, stdout } = await runCli(['--base-url', `${gateway.origin}/v1`, '--json'], { ...process.env, CRAZYROUTER_API_KEY: token, NO_COLOR: '1' });
      assert.equal(code, 1, `${name}: exit ${code}`);
      const report = JSON.parse(stdout) as { results: { id: string; status: string; symptom?: string; summary: string; evidence: unknown[] }[] };
      const check = report.results.find((r) => r.id === 'token')!;
      assert.equal(check.symptom, 'token.malformed', name);
      assert.match(check.summary, /cannot be sent as it is.*Nothing was sent with it/, name);
      assert.deepEqual(check.evidence, [], `${name}: decided before any request`);
      for (const r of report.results) {
        assert.notEqual(r.symptom, 'gateway.server-error', `${name}: ${r.id} says ${r.summary}`);
        assert.doesNotMatch(r.summary, /→ 5\d\d\b|\b5xx\b/i, `${name}: ${r.id}: ${r.summary}`);
      }
      for (const id of ['auth', 'models', 'chat:gpt-5.4']) assert.equal(report.results.find((r) => r.id === id)?.status, 'skipped', `${name}: ${id}`);
      assert.ok(seen.length > 0, `${name}: only the tokenless probes went out`);
      assert.deepEqual(
        gateway.hits.filter((h) => h.authorization !== undefined || h.apiKey !== undefined),
        [],
        `${name}: no request carried a credential header`,
      );
      for (const distinctive of [GOOD.slice(3, 12), GOOD.slice(13)])
        assert.ok(!seen.some((request) => request.includes(distinctive)), `${name}: the gateway received part of the token`);
    }
  } finally {
    await gateway.close();
  }
});
