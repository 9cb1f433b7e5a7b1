// Discovery of what Cursor and Cherry Studio 2.x keep in SQLite, each way a setup goes wrong, from
// databases real SQLite wrote (Python's sqlite3): Cursor's override and OpenAI API Key switch, its
// key in plain text or encrypted, the file held open by a running Cursor; Cherry Studio's providers,
// endpoints, switches and keys, in every folder and schema 2.x has used; 1.x's store named, unread.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { suite, suiteTeardown, test } from 'mocha';
import { discoverConfigs, type ConfigFinding } from '../../src/core/discovery/discoverConfigs';
import { scanChecklist } from '../../src/core/discovery/scanChecklist';
import { CURSOR_APPLICATION_USER, writeCherryStudioDb, writeCursorState } from '../support/fixtureHome';
import { byText } from '../support/byText';
import { liveWriter, makeDatabase, PYTHON } from '../support/sqlitePython';

const KEY = 'sk-DatabaseDatabaseDatabase0123456789';
const homes: string[] = [];
suiteTeardown(() => homes.forEach((h) => rmSync(h, { recursive: true, force: true })));
const newHome = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crazyrouter-db-home-'));
  homes.push(dir);
  return dir;
};
const only = (found: ConfigFinding[], client: string) => found.filter((f) => f.client === client);

(PYTHON ? suite : suite.skip)('discovery of Cursor and Cherry Studio 2.x databases (skipped where python3 is missing)', () => {
  test('Cursor: the item is verified only when the override is right for the gateway and the OpenAI API Key switch is on', async () => {
    const cases: {
      name: string;
      settings: unknown;
      key: { plain?: string; encrypted?: number[] };
      baseUrl?: string;
      state: string;
      problems: RegExp[];
      tokenSource?: string;
    }[] = [
      {
        name: 'right, with a plain key',
        settings: { openAIBaseUrl: 'https://crazyrouter.com/v1', useOpenAIKey: true },
        key: { plain: KEY },
        state: 'verified',
        problems: [],
        tokenSource: 'state.vscdb cursorAuth/openAIKey, as plain text',
      },
      {
        name: 'right URL, switch off',
        settings: { openAIBaseUrl: 'https://crazyrouter.com/v1', useOpenAIKey: false },
        key: { encrypted: [1, 2, 3] },
        state: 'warned',
        problems: [/The OpenAI API Key switch is off: Cursor ignores the key and the base URL override/],
      },
      {
        name: 'no override, switch on, key cleared',
        settings: { useOpenAIKey: true },
        key: { encrypted: [] },
        state: 'failed',
        problems: [/not set: Cursor sends your key and your chats to OpenAI/, /No OpenAI API key is stored/],
      },
      {
        name: 'the override in aiSettings (older builds)',
        settings: { aiSettings: { openAIBaseUrl: 'https://crazyrouter.com/v1' }, useOpenAIKey: true },
        key: { encrypted: [9] },
        state: 'verified',
        problems: [],
      },
      {
        name: 'another gateway than the one checked',
        settings: { openAIBaseUrl: 'https://other-gateway.example/v1', useOpenAIKey: true },
        key: { encrypted: [9] },
        state: 'failed',
        problems: [],
      },
      {
        name: 'a LAN address',
        settings: { openAIBaseUrl: 'http://192.168.1.20:3000/v1', useOpenAIKey: true },
        key: { encrypted: [9] },
        baseUrl: 'http://192.168.1.20:3000/v1',
        state: 'verified',
        problems: [/Cursor calls 192\.168\.1\.20:3000 from its own servers/],
      },
    ];
    for (const c of cases) {
      const home = newHome();
      writeCursorState(path.join(home, '.config'), c.settings, c.key);
      const found = await discoverConfigs({ home, env: {}, baseUrl: c.baseUrl });
      const [cursor] = only(found, 'Cursor');
      assert.ok(cursor, c.name);
      assert.equal(cursor.checklist[0]?.state, c.state, `${c.name}: ${cursor.checklist[0]?.reason}`);
      assert.equal(cursor.problems.length, c.problems.length, `${c.name}: ${cursor.problems.join(' | ')}`);
      for (const problem of c.problems)
        assert.ok(
          cursor.problems.some((p) => problem.test(p)),
          `${c.name}: ${problem}`,
        );
      if (c.tokenSource) assert.equal(cursor.tokenSource, c.tokenSource);
      assert.ok(!JSON.stringify(found).includes(KEY.slice(3)), `${c.name}: the key itself is never shown`);
    }
  });

  test('Cursor open in another process: the override it committed to the -wal file is read, and nothing is written beside the database', async () => {
    const home = newHome();
    const folder = path.join(home, '.config', 'Cursor', 'User', 'globalStorage');
    mkdirSync(folder, { recursive: true });
    const user = (url: string) => JSON.stringify({ openAIBaseUrl: url, useOpenAIKey: true });
    const cursor = await liveWriter(
      path.join(folder, 'state.vscdb'),
      ['journal_mode=WAL', 'wal_autocheckpoint=0'],
      [
        { sql: 'CREATE TABLE ItemTable (key TEXT UNIQUE ON CONFLICT REPLACE, value BLOB)' },
        { sql: 'INSERT INTO ItemTable VALUES (?, ?)', params: [CURSOR_APPLICATION_USER, user('https://crazyrouter.com')] },
        { sql: 'INSERT INTO ItemTable VALUES (?, ?)', params: ['secret://cursorAuth/openAIKey', JSON.stringify({ type: 'Buffer', data: [1] })] },
        { sql: 'INSERT INTO ItemTable VALUES (?, ?)', params: [CURSOR_APPLICATION_USER, user('https://crazyrouter.com/v1')] },
      ],
      [{ sql: 'INSERT INTO ItemTable VALUES (?, ?)', params: [CURSOR_APPLICATION_USER, user('https://not-yet-saved.example/v1')] }],
    );
    try {
      const before = readdirSync(folder).toSorted();
      const [found] = only(await discoverConfigs({ home, env: {} }), 'Cursor');
      assert.equal(found?.baseUrl, 'https://crazyrouter.com/v1', 'the newest committed value, not the one still being written');
      assert.equal(found?.checklist[0]?.state, 'verified');
      assert.deepEqual(readdirSync(folder).toSorted(), before, 'no lock, -shm or journal file was created');
    } finally {
      await cursor.finish();
    }
  });

  test('Cherry Studio 2.x: the providers that point at the gateway, each judged by its endpoint, switch and keys; every 2.x folder and schema', async () => {
    const home = newHome();
    const userData = path.join(home, '.config', 'CherryStudio');
    writeCherryStudioDb(userData, [
      {
        id: 'openai',
        preset: 'openai',
        name: 'OpenAI',
        endpoints: { 'openai-responses': 'https://api.openai.com' },
        defaultEndpoint: 'openai-responses',
        enabled: true,
      },
      {
        id: 'cr-chat',
        name: 'Crazyrouter',
        endpoints: { 'openai-chat-completions': 'https://crazyrouter.com' },
        keys: [
          { key: KEY, isEnabled: true },
          { key: 'sk-second-second-second-0123456789', isEnabled: true },
        ],
        enabled: true,
      },
      {
        id: 'cr-full',
        name: 'CR full endpoint',
        endpoints: { 'openai-chat-completions': 'https://crazyrouter.com/v1/chat/completions#' },
        keys: [{ key: KEY, isEnabled: false }],
        enabled: true,
      },
      {
        id: 'cr-responses',
        name: 'CR responses',
        endpoints: { 'openai-responses': 'https://crazyrouter.com/v1', 'anthropic-messages': 'https://crazyrouter.com' },
        defaultEndpoint: 'openai-responses',
        keys: [{ key: KEY, isEnabled: true }],
        enabled: true,
      },
      {
        id: 'cr-claude',
        name: 'Crazyrouter Claude',
        endpoints: { 'anthropic-messages': 'https://crazyrouter.com' },
        defaultEndpoint: 'anthropic-messages',
        keys: [{ key: KEY, isEnabled: true }],
        enabled: true,
      },
    ]);
    // An early 2.0 build elsewhere (CHERRYSTUDIO_USER_DATA_DIR): the database at the root, base_urls instead of endpoint_configs.
    const early = path.join(home, 'early');
    mkdirSync(early);
    makeDatabase(
      path.join(early, 'cherrystudio.sqlite'),
      [],
      [
        {
          sql: 'CREATE TABLE user_provider (id text PRIMARY KEY, provider_id text NOT NULL UNIQUE, name text NOT NULL, base_urls text, api_keys text, is_enabled integer DEFAULT true NOT NULL)',
        },
        {
          sql: 'INSERT INTO user_provider VALUES (?, ?, ?, ?, ?, ?)',
          params: ['u1', 'crazy', 'Crazyrouter', JSON.stringify({ 'openai-chat-completions': 'https://crazyrouter.com/v1' }), '[]', 0],
        },
      ],
    );
    const found = only(await discoverConfigs({ home, env: { CHERRYSTUDIO_USER_DATA_DIR: early } }), 'Cherry Studio');
    const by = (entry: string) => found.find((f) => f.entry === entry)!;
    assert.deepEqual(found.map((f) => f.entry ?? '').toSorted(byText), [
      'CR full endpoint (cr-full)',
      'CR responses (cr-responses)',
      'Crazyrouter (cr-chat)',
      'Crazyrouter (crazy)',
      'Crazyrouter Claude (cr-claude)',
    ]);
    const chat = by('Crazyrouter (cr-chat)');
    assert.deepEqual([chat.predictedUrl, chat.valueToType, chat.problems], ['https://crazyrouter.com/v1/chat/completions', undefined, []]);
    assert.match(chat.tokenSource!, /2 enabled keys, used in turn/);
    const full = by('CR full endpoint (cr-full)');
    assert.equal(full.predictedUrl, 'https://crazyrouter.com/v1/chat/completions/chat/completions', 'the # does not keep 2.x from adding the endpoint');
    assert.equal(full.valueToType, 'https://crazyrouter.com');
    assert.ok(full.problems.some((p) => /No enabled API key/.test(p)));
    const responses = by('CR responses (cr-responses)');
    assert.equal(responses.rule, 'cherry-studio@2-responses');
    assert.equal(responses.predictedUrl, 'https://crazyrouter.com/v1/responses');
    assert.match(
      by('Crazyrouter Claude (cr-claude)').notRead!,
      /through its anthropic-messages endpoint \(https:\/\/crazyrouter\.com\), whose URL the doctor does not predict/,
    );
    const earlyBuild = by('Crazyrouter (crazy)');
    assert.equal(earlyBuild.file, path.join(early, 'cherrystudio.sqlite'));
    assert.equal(earlyBuild.predictedUrl, 'https://crazyrouter.com/v1/chat/completions');
    assert.ok(earlyBuild.problems.some((p) => /switched off/.test(p)));
    assert.deepEqual(scanChecklist(found)['cherry.api-url']?.state, 'warned', 'right in some providers, wrong in another');
    assert.deepEqual(scanChecklist(found)['cherry.provider-enabled']?.state, 'warned', 'on in some, off in the early build');
    assert.ok(!JSON.stringify(found).includes(KEY.slice(3)), 'no key in any finding');
  });

  test('Cherry Studio 2.x with no provider for the gateway: said, and the API URL item fails; 1.x beside a 2.x database is not mentioned', async () => {
    const home = newHome();
    const userData = path.join(home, '.config', 'CherryStudio');
    writeCherryStudioDb(
      userData,
      [{ id: 'deepseek', preset: 'deepseek', name: 'DeepSeek', endpoints: { 'openai-chat-completions': 'https://api.deepseek.com' }, enabled: true }],
      'cherrystudio.sqlite',
    );
    mkdirSync(path.join(userData, 'Local Storage', 'leveldb'), { recursive: true });
    writeFileSync(path.join(userData, 'Local Storage', 'leveldb', 'CURRENT'), 'MANIFEST-000001\n');
    const found = only(await discoverConfigs({ home, env: {} }), 'Cherry Studio');
    assert.equal(found.length, 1, 'the 1.x store beside a 2.x database is the migration’s leftover');
    assert.match(
      found[0]!.problems[0]!,
      /None of its 1 providers points at crazyrouter\.com or is named Crazyrouter: add one in Settings → Model Services \(type OpenAI, API URL https:\/\/crazyrouter\.com\)/,
    );
    assert.equal(scanChecklist(found)['cherry.api-url']?.state, 'failed');
    assert.equal(scanChecklist(found)['cherry.provider-enabled'], undefined, 'no provider, no switch to judge');
  });
});
