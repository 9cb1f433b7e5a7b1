import { hostname } from 'node:os';
import assert from 'node:assert/strict';
import { startSandbox } from '../../src/sandbox/sandboxServer';
import { runCli } from '../support/cliProcess';
import { concurrentTests } from '../support/inTurns';

const cli = (args: string[], env: Record<string, string | undefined> = {}) =>
  runCli(args, { ...process.env, CRAZYROUTER_API_KEY: undefined, NO_COLOR: '1', ...env });

// Each test runs the CLI on its own sandbox; they run 3 at a time (a run mostly waits: the log's write grace).
const test = concurrentTests(3);

test('with no arguments it verifies against the sandbox and passes', async () => {
  const r = await cli([]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /sandbox gateway new-api@2026-08, scenario "healthy"/);
  assert.match(r.stdout, /PASS: 17 passed, 0 warning\(s\), 0 failed, 0 skipped/);
  assert.match(r.stdout, /Checklist \(Cursor\)/);
  // The gateway's own records: the log item ticked, the run's cost, the token's recent usage.
  assert.match(r.stdout, /\[✔\] the matching request appears in Crazyrouter logs/);
  assert.match(r.stdout, /All 5 requests of this run are in the gateway’s log \(found by request id\)/);
  assert.match(r.stdout, /\nCost \(in USD, as the gateway shows it\)\n  This run: \$[\d.]+ \(5 requests\)/);
  assert.match(r.stdout, /\nUsage \(the token’s last 48 calls; this run’s 5 left out\)\n  \d{4}-\d\d-\d\d \d\d:\d\d → .* UTC/);
  assert.match(r.stdout, /\n  gpt-5\.4 +24 +[\d.]+K +[\d.]+K +\$[\d.]+ +\d+%\n/);
  const tables = r.stdout.slice(r.stdout.indexOf('\nCost ('), r.stdout.indexOf('\nChecklist'));
  assert.ok(tables.split('\n').length > 15);
  for (const line of tables.split('\n')) assert.ok(line.length <= 80, `wider than 80 columns: ${line}`);
});

test('a failing scenario exits 1 and prints the symptom row and the fix', async () => {
  const r = await cli(['--scenario', 'missing-v1']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /What to fix/);
  assert.match(
    r.stdout,
    /✖ 404\n\s+seen in: Base URL shape\n\s+cause:\s+base URL was set to the root domain or a full endpoint path\n\s+fix:\s+use exactly https:\/\/crazyrouter\.com\/v1/,
  );
});

test('the fix follows the chosen client', async () => {
  const r = await cli(['--scenario', 'missing-v1', '--client', 'cherry-studio']);
  assert.match(r.stdout, /fix:\s+set Settings → Model Services → Crazyrouter \(type OpenAI\) → API URL to exactly https:\/\/crazyrouter\.com\n/);
});

// (A warning that does not depend on timing: the streaming verdict under load is the streaming tests' business.)
test('a warning scenario exits 0 with WARN', async () => {
  const r = await cli(['--scenario', 'reasoning-model']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /WARN: 16 passed, 1 warning/);
  assert.match(r.stdout, /only with max_completion_tokens: it rejects max_tokens/);
});

test('--json prints a parseable report and nothing else', async () => {
  const r = await cli(['--scenario', 'model-not-allowed', '--json']);
  assert.equal(r.code, 1);
  const report = JSON.parse(r.stdout);
  assert.equal(report.schema, 'crazyrouter-doctor/report@1');
  assert.equal(report.verdict, 'fail');
  assert.ok(report.findings.some((f: { rowId: string }) => f.rowId === 'cursor.403-model'));
});

test('--markdown prints the Markdown report', async () => {
  const r = await cli(['--markdown', '--client', 'cherry-studio']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^# Crazyrouter Doctor report: PASS/);
  assert.match(r.stdout, /- \[x\] the request appears in the Crazyrouter logs/);
  assert.match(r.stdout, /\n## Cost\n\nAmounts in USD, as the gateway shows them\.\n\nThis run cost \*\*\\\$0\\\.\d+\*\* \(6 requests\)\./);
  assert.match(r.stdout, /\| Cherry Studio\\'s Check \\\(gpt\\-5\\\.4\\\) \| gpt\\-5\\\.4 \| \d+ \| \d+ \| \\\$/);
  assert.match(r.stdout, /\n## Usage\n/);
  assert.match(r.stdout, /gateway log\\: billed as gpt\\-5\\\.4/);
  // Markdown escapes punctuation; read it as the reader sees it.
  assert.ok(r.stdout.replace(/\\(.)/g, '$1').includes(`- Checked from: this computer (${hostname()})`), 'the report says where it ran');
});

test('--health spends no tokens', async () => {
  const r = await cli(['--health', '--json']);
  const report = JSON.parse(r.stdout);
  assert.deepEqual(
    report.results.map((x: { id: string }) => x.id),
    ['token', 'reachability', 'base-url', 'auth', 'models', 'quota'],
  );
});

test('--base-url takes the token from CRAZYROUTER_API_KEY', async () => {
  const sandbox = await startSandbox({ scenario: 'healthy' });
  try {
    const ok = await cli(['--base-url', sandbox.baseUrl, '--model', 'gpt-5.4'], { CRAZYROUTER_API_KEY: sandbox.key });
    assert.equal(ok.code, 0, ok.stdout);
    assert.match(ok.stdout, /PASS: 15 passed/);
    const none = await cli(['--base-url', sandbox.baseUrl]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no token/);
  } finally {
    await sandbox.close();
  }
});

test('bad input exits 2 with the usage', async () => {
  for (const args of [
    ['--client', 'emacs'],
    ['--bogus'],
    ['--scenario', 'nope'],
    ['--timeout', '10'],
    ['--base-url', 'ftp://x'],
    ['--json', '--markdown'],
    ['--base-url', 'https://x/v1', '--scenario', 'healthy'],
  ]) {
    const r = await cli(args, { CRAZYROUTER_API_KEY: 'sk-0123456789abcdef0123' });
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, /crazyrouter-doctor: /);
  }
});

test('--list-scenarios, --version and --help', async () => {
  assert.match((await cli(['--list-scenarios'])).stdout, /^healthy\s+Everything set up/m);
  assert.match((await cli(['--version'])).stdout, /^\d+\.\d+\.\d+\n$/);
  assert.match((await cli(['--help'])).stdout, /Exit codes: 0 no check failed, 1 a check failed, 2 bad input/);
});
