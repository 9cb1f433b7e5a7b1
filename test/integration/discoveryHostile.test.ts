// A scan of the clients' configs on a hostile machine: odd values, pipes, huge files, links that
// lead elsewhere, broken files holding a token. One bad file never breaks the scan or leaks.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { suiteTeardown, test } from 'mocha';
import { DATABASE_LIMITS, readDatabase } from '../../src/core/discovery/databaseFile';
import { discoverConfigs } from '../../src/core/discovery/discoverConfigs';
import { writeCherryStudioDb, writeCursorState } from '../support/fixtureHome';
import { makeDatabase, PYTHON } from '../support/sqlitePython';

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

// Cursor's and Cherry Studio 2.x's databases on a hostile machine (made by real SQLite where a valid one is needed).
test('a database that is a pipe or a link out of its folder, or whose -wal file is, is not read: the scan says so and goes on', async () => {
  const dir = home({ '.claude/settings.json': JSON.stringify({ env: { ANTHROPIC_BASE_URL: 'https://crazyrouter.com' } }) });
  const cursorFolder = path.join(dir, '.config', 'Cursor', 'User', 'globalStorage');
  mkdirSync(cursorFolder, { recursive: true });
  execFileSync('mkfifo', [path.join(cursorFolder, 'state.vscdb')]);
  const cherryFolder = path.join(dir, '.config', 'CherryStudio', 'Data');
  mkdirSync(cherryFolder, { recursive: true });
  symlinkSync('/etc/passwd', path.join(cherryFolder, 'cherrystudio.sqlite'));
  const started = performance.now();
  const found = await discoverConfigs({ home: dir, env: {} });
  assert.ok(performance.now() - started < 5_000, 'the pipe did not hang the scan');
  const notRead = (client: string) => found.filter((f) => f.client === client).map((f) => f.notRead ?? '');
  assert.deepEqual(notRead('Cursor'), [
    'The database is not a regular file (a pipe, device or folder); it was not read. Check Cursor Settings → Models yourself.',
  ]);
  assert.deepEqual(notRead('Cherry Studio'), [
    'The database is a link that leads outside its folder; it was not followed. Check Settings → Model Services yourself.',
  ]);
  assert.equal(found.find((f) => f.client === 'Claude Code')?.valueToType, undefined, 'the rest of the scan went on');
  assert.ok(!JSON.stringify(found).includes('root:'), 'nothing of /etc/passwd was read');
  if (!PYTHON) return;
  const withWal = home({});
  writeCursorState(path.join(withWal, '.config'), { openAIBaseUrl: 'https://crazyrouter.com/v1', useOpenAIKey: true }, { encrypted: [1] });
  const wal = path.join(withWal, '.config', 'Cursor', 'User', 'globalStorage', 'state.vscdb-wal');
  rmSync(wal);
  symlinkSync('/etc/passwd', wal);
  assert.match((await discoverConfigs({ home: withWal, env: {} }))[0]?.notRead ?? '', /^Its -wal file is a link that leads outside its folder/);
});

(PYTHON ? test : test.skip)('a damaged database, or one that is not SQLite, "could not be read": said without quoting it, and the scan goes on', async () => {
  const dir = home({ '.config/Cursor/User/globalStorage/state.vscdb': `${TOKEN} is not a database `.repeat(50) });
  const cherry = writeCherryStudioDb(path.join(dir, '.config', 'CherryStudio'), [
    {
      id: 'cr',
      name: 'Crazyrouter',
      endpoints: { 'openai-chat-completions': 'https://crazyrouter.com' },
      keys: [{ key: TOKEN, isEnabled: true }],
      enabled: true,
    },
  ]);
  // Its user_provider table's root (page 2, the first table created) overwritten with noise, as a bad disk would.
  const bytes = readFileSync(cherry);
  for (let i = 4096 + 8; i < 8192; i += 7) bytes[i] = (i * 31) & 0xff;
  writeFileSync(cherry, bytes);
  rmSync(`${cherry}-wal`, { force: true });
  const found = await discoverConfigs({ home: dir, env: {} });
  assert.match(
    found.find((f) => f.client === 'Cursor')?.notRead ?? '',
    /^The database could not be read: the file is not an SQLite database\. Check Cursor Settings/,
  );
  assert.match(
    found.find((f) => f.client === 'Cherry Studio')?.notRead ?? '',
    /^The database could not be read: .+ is damaged\. Check Settings → Model Services yourself\.$/,
  );
  assert.ok(!JSON.stringify(found).includes(TOKEN.slice(3, 15)), 'no byte of the file is quoted');
});

(PYTHON ? test : test.skip)('a 3 GB Cursor database is read for its few pages; one past the read budget, or the time limit, is refused', async () => {
  const sparse = home({});
  const file = writeCursorState(path.join(sparse, '.config'), { openAIBaseUrl: 'https://crazyrouter.com/v1', useOpenAIKey: true }, { encrypted: [1] });
  truncateSync(file, 3 * 1024 ** 3); // a sparse tail: the header's page count still says where the database ends
  assert.equal((await discoverConfigs({ home: sparse, env: {} }))[0]?.checklist[0]?.state, 'verified');

  // The limits (DATABASE_LIMITS: 64 MB, 5 s) made small over 4 MB of ItemTable pages.
  const big = home({});
  const db = path.join(big, 'state.vscdb');
  makeDatabase(
    db,
    [],
    [
      { sql: 'CREATE TABLE ItemTable (key TEXT UNIQUE ON CONFLICT REPLACE, value BLOB)' },
      { sql: "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) INSERT INTO ItemTable SELECT 'item' || i, zeroblob(3000) FROM n" },
    ],
    { dump: false },
  );
  const read = (limits: typeof DATABASE_LIMITS) =>
    readDatabase(db, big, async (d) => (await d.rows('ItemTable', { column: 'key', oneOf: ['item1000'] }))?.length, undefined, limits);
  assert.deepEqual(await read({ maxReadBytes: 1024 * 1024, timeoutMs: 60_000 }), {
    kind: 'refused',
    problem: 'Reading the database would take more than 1 MB; it was not read.',
  });
  assert.deepEqual(await read({ maxReadBytes: 64 * 1024 * 1024, timeoutMs: 0 }), { kind: 'refused', problem: 'The database could not be read within 0 s.' });
  assert.deepEqual(await read(DATABASE_LIMITS), { kind: 'read', value: 1 }, 'within the real limits it is read');
});

(PYTHON ? test : test.skip)('a scan stopped by its caller stops inside a database read', async () => {
  const dir = home({});
  writeCursorState(path.join(dir, '.config'), { openAIBaseUrl: 'https://crazyrouter.com/v1', useOpenAIKey: true }, { encrypted: [1] });
  await assert.rejects(discoverConfigs({ home: dir, env: {}, signal: AbortSignal.abort() }), (e: Error) => e.name === 'AbortError');
});

(PYTHON ? test : test.skip)(
  'the CLI prints what a database holds through visibleText: terminal escapes in a URL or a provider name never reach the terminal',
  () => {
    const dir = home({});
    writeCursorState(
      path.join(dir, '.config'),
      { openAIBaseUrl: 'https://crazyrouter.com/v1\u001b[2J\u001b]8;;https://evil.example\u0007', useOpenAIKey: true },
      { plain: TOKEN },
    );
    writeCherryStudioDb(path.join(dir, '.config', 'CherryStudio'), [
      {
        id: 'x',
        name: 'Crazyrouter\u001b[31m\u009b2J',
        endpoints: { 'openai-chat-completions': 'https://crazyrouter.com' },
        keys: [{ key: TOKEN, isEnabled: true }],
        enabled: true,
      },
    ]);
    const run = spawnSync(process.execPath, ['dist/cli.js', '--discover'], {
      env: { ...process.env, HOME: dir, NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Cursor Override OpenAI Base URL/);
    assert.match(run.stdout, /Cherry Studio Crazyrouter/);
    assert.doesNotMatch(run.stdout, /[\u001b\u0007\u009b]/, 'no control character reaches the terminal');
    assert.ok(!run.stdout.includes(TOKEN.slice(3, 15)), 'and no key');
    assert.match(run.stdout, /Uses the same token as Cherry Studio|Uses the same token as Cursor/, 'the two keys are compared by fingerprint');
  },
);
