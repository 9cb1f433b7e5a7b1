// Hostile or mistaken input to the CLI: an empty or credential-carrying --base-url, and Ctrl-C or
// SIGINT at the token prompt, in a real pseudo-terminal.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'mocha';
import { spawn as spawnPty } from 'node-pty';
import { DIST } from '../support/sandboxProcess';

const CLI = path.join(DIST, 'cli.js');
const run = (args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, CRAZYROUTER_API_KEY: 'sk-0123456789abcdefABCDEF', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 10_000,
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
