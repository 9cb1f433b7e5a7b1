// A scan of the clients' configs on a hostile machine: odd values, pipes, huge files, links that
// lead elsewhere, broken files holding a token. One bad file never breaks the scan or leaks.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { suiteTeardown, test } from 'mocha';
import { discoverConfigs } from '../../src/core/discovery/discoverConfigs';

const TOKEN = 'sk-HostileHostileHostile0123456789ab';
const homes: string[] = [];
suiteTeardown(() => homes.forEach((h) => rmSync(h, { recursive: true, force: true })));

function home(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'crazyrouter-hostile-'));
  homes.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const problemsOf = (found: Awaited<ReturnType<typeof discoverConfigs>>, client: string) =>
  found
    .filter((f) => f.client === client)
    .flatMap((f) => f.problems)
    .join(' | ');

test('values of the wrong type are reported, and the rest of the scan goes on', async () => {
  const dir = home({
    '.codex/config.toml': '[model_providers.x]\nbase_url = 5\nwire_api = "responses"\n',
    '.continue/config.yaml': 'models:\n  - name: a\n    provider: openai\n    apiBase: [https://crazyrouter.com/v1]\n',
    '.claude/settings.json': JSON.stringify({ env: { ANTHROPIC_BASE_URL: 'https://crazyrouter.com' } }),
  });
  const found = await discoverConfigs({ home: dir, env: {} });
  assert.match(problemsOf(found, 'Codex'), /model_providers\.x\.base_url is a number, not text/);
  assert.match(problemsOf(found, 'Continue'), /models\[0\]\.apiBase is a list, not text/);
  assert.equal(found.find((f) => f.client === 'Claude Code')?.valueToType, undefined, 'the good file is still judged');
});

test('a pipe, a huge file and a link out of the folder are reported, not read', async () => {
  const dir = home({ '.continue/config.yaml': `models:\n${'  - name: x\n'.repeat(200_000)}` });
  mkdirSync(path.join(dir, '.codex'));
  execFileSync('mkfifo', [path.join(dir, '.codex', 'config.toml')]);
  mkdirSync(path.join(dir, '.claude'));
  symlinkSync('/etc/passwd', path.join(dir, '.claude', 'settings.json'));
  const started = performance.now();
  const found = await discoverConfigs({ home: dir, env: {} });
  assert.ok(performance.now() - started < 5_000, 'the pipe did not hang the scan');
  assert.match(problemsOf(found, 'Codex'), /not a regular file/);
  assert.match(problemsOf(found, 'Continue'), /larger than 1 MB/);
  assert.match(problemsOf(found, 'Claude Code'), /a link that leads outside its folder/);
  assert.ok(!JSON.stringify(found).includes('root:'), 'nothing of /etc/passwd was read');
});

test('a broken file is reported by position only: its text (and a token in it) is never quoted', async () => {
  const dir = home({
    '.codex/config.toml': `[model_providers.x]\nexperimental_bearer_token = "${TOKEN}" oops\n`,
    '.continue/config.yaml': `models:\n  - apiKey: ${TOKEN}\n   bad: [\n`,
    '.claude/settings.json': `{"env":{"ANTHROPIC_AUTH_TOKEN":"${TOKEN}" oops}}`,
  });
  const found = await discoverConfigs({ home: dir, env: {} });
  assert.match(problemsOf(found, 'Codex'), /not valid TOML \(line 2, column \d+\)/);
  assert.match(problemsOf(found, 'Continue'), /not valid YAML \(line 3/);
  assert.match(problemsOf(found, 'Claude Code'), /not valid JSON \(at character \d+\)/);
  assert.ok(!JSON.stringify(found).includes(TOKEN.slice(3, 15)));
});

test('the CLI scans a hostile HOME without hanging and exits 0', () => {
  const dir = home({});
  mkdirSync(path.join(dir, '.codex'));
  execFileSync('mkfifo', [path.join(dir, '.codex', 'config.toml')]);
  const run = spawnSync(process.execPath, ['dist/cli.js', '--discover'], {
    env: { ...process.env, HOME: dir, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 60_000, // a hang (the FIFO read forever) still fails; a loaded machine starts Node slowly
  });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /not a regular file/);
});

/** Everything a terminal acts on: C0 but tab and line feed, DEL, C1, and the direction controls. */
// oxlint-disable-next-line no-control-regex -- finding control characters is the point
const ACTS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** A window title, an OSC 8 link, a bare carriage return that rewrites the line to ✔, a direction override, a C1 CSI, DEL. */
const HOSTILE_VALUE = '\u001b]0;pwned\u0007\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\\r✔ ok\u202etxt\u009b\u007f';

/** A TOML or YAML double-quoted string: JSON's escapes, and DEL and C1 escaped too (TOML refuses them raw). */
const quoted = (text: string) => JSON.stringify(text).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

test('--discover prints config values with control characters as visible escapes, in the terminal view and in JSON', () => {
  const url = `https://crazyrouter.com/v1${HOSTILE_VALUE}`;
  const dir = home({
    '.codex/config.toml': `model_provider = "cr"\n[model_providers.cr]\nname = "Crazyrouter"\nbase_url = ${quoted(url)}\nwire_api = "responses"\nenv_key = "CR_\\u001b[31mKEY"\n`,
    '.claude/settings.json': JSON.stringify({ env: { ANTHROPIC_BASE_URL: `https://crazyrouter.com${HOSTILE_VALUE}` } }),
    '.continue/config.yaml': `models:\n  - name: "x\\e[2J\\u202e"\n    provider: openai\n    model: gpt-5.4\n    apiBase: ${quoted(url)}\n`,
  });
  const discover = (...args: string[]) =>
    spawnSync(process.execPath, ['dist/cli.js', '--discover', ...args], {
      env: { ...process.env, HOME: dir, NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 60_000, // a guard against a hang, not a measure
    });

  const terminal = discover();
  assert.equal(terminal.status, 0, terminal.stderr);
  for (const client of ['Codex', 'Claude Code', 'Continue']) assert.match(terminal.stdout, new RegExp(`${client} `), `${client} was found`);
  assert.doesNotMatch(terminal.stdout, ACTS, JSON.stringify(terminal.stdout.slice(0, 400)));
  assert.ok(terminal.stdout.includes('configured: https://crazyrouter.com/v1\\x1b]0;pwned\\x07\\x1b]8;;https://evil.example'), 'the values are shown, escaped');
  assert.ok(terminal.stdout.includes('\\x0d✔ ok\\u202etxt\\x9b\\x7f'), 'the carriage return, override, C1 and DEL too');
  assert.match(terminal.stdout, /from env CR_\\x1b\[31mKEY/);

  const json = discover('--json');
  assert.equal(json.status, 0, json.stderr);
  assert.doesNotMatch(json.stdout, ACTS, JSON.stringify(json.stdout.slice(0, 400)));
  const found = JSON.parse(json.stdout) as { client: string; baseUrl?: string }[];
  assert.equal(found.find((f) => f.client === 'Codex')?.baseUrl, url, 'JSON still holds the value as the file has it');
});
