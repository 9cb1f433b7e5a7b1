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
    timeout: 10_000,
  });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /not a regular file/);
});
