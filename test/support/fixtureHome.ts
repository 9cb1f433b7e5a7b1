import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { makeDatabase, PYTHON } from './sqlitePython';

export const SHARED_TOKEN = 'sk-SharedSharedShared0123456789abcdef';
export const CODEX_TOKEN = 'sk-CodexCodexCodex0123456789abcdefgh';
export const CLINE_TOKEN = 'sk-ClineClineCline0123456789abcdefgh';

export const CURSOR_APPLICATION_USER = 'src.vs.platform.reactivestorage.browser.reactiveStorageServiceImpl.persistentStorage.applicationUser';

/**
 * Cursor's state.vscdb in `<appData>/Cursor` (appData: a HOME's `.config` on Linux, or
 * $XDG_CONFIG_HOME) as Cursor leaves it while running (WAL mode, the last change still in the -wal
 * file), with `settings` as its applicationUser entry and the key stored as given.
 */
export function writeCursorState(appData: string, settings: unknown, key: { plain?: string; encrypted?: number[] }): string {
  const folder = path.join(appData, 'Cursor', 'User', 'globalStorage');
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'state.vscdb');
  const scratch = mkdtempSync(path.join(tmpdir(), 'crazyrouter-cursor-'));
  makeDatabase(
    path.join(scratch, 'state.vscdb'),
    ['journal_mode=WAL', 'wal_autocheckpoint=0'],
    [
      { sql: 'CREATE TABLE ItemTable (key TEXT UNIQUE ON CONFLICT REPLACE, value BLOB)' },
      { sql: 'CREATE TABLE cursorDiskKV (key TEXT UNIQUE ON CONFLICT REPLACE, value BLOB)' },
      { sql: 'PRAGMA wal_checkpoint(TRUNCATE)' },
      { sql: 'INSERT INTO ItemTable VALUES (?, ?)', many: Array.from({ length: 40 }, (_, i) => [`workbench.view.item${i}`, `{"visible":${i % 2 === 0}}`]) },
      { sql: 'INSERT INTO cursorDiskKV VALUES (?, ?)', many: Array.from({ length: 20 }, (_, i) => [`bubbleId:${i}`, 'x'.repeat(5_000)]) },
      ...(key.plain !== undefined ? [{ sql: 'INSERT INTO ItemTable VALUES (?, ?)', params: ['cursorAuth/openAIKey', key.plain] }] : []),
      ...(key.encrypted
        ? [{ sql: 'INSERT INTO ItemTable VALUES (?, ?)', params: ['secret://cursorAuth/openAIKey', JSON.stringify({ type: 'Buffer', data: key.encrypted })] }]
        : []),
      { sql: 'INSERT INTO ItemTable VALUES (?, ?)', params: [CURSOR_APPLICATION_USER, JSON.stringify(settings)] },
    ],
    { keepWal: file, dump: false },
  );
  rmSync(scratch, { recursive: true, force: true });
  return file;
}

/** A Cherry Studio 2.x user_provider row: the columns drizzle writes (kangfenmao/cherry-studio@5dbff79d migrations/sqlite-drizzle). */
export interface CherryProvider {
  id: string;
  name: string;
  preset?: string;
  endpoints?: Record<string, string>;
  defaultEndpoint?: string;
  keys?: { key: string; isEnabled: boolean }[];
  enabled: boolean;
}

/** Cherry Studio 2.x's database in `<userData>/<relative>`, with the table as the release migration creates it. */
export function writeCherryStudioDb(userData: string, providers: CherryProvider[], relative = path.join('Data', 'cherrystudio.sqlite')): string {
  const file = path.join(userData, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  makeDatabase(
    file,
    ['journal_mode=WAL'],
    [
      {
        sql: "CREATE TABLE `user_provider` (\n\t`provider_id` text PRIMARY KEY NOT NULL,\n\t`preset_provider_id` text,\n\t`name` text NOT NULL,\n\t`endpoint_configs` text,\n\t`default_chat_endpoint` text,\n\t`api_keys` text DEFAULT '[]',\n\t`auth_config` text,\n\t`api_features` text,\n\t`provider_settings` text,\n\t`is_enabled` integer DEFAULT false NOT NULL,\n\t`order_key` text NOT NULL,\n\t`created_at` integer NOT NULL,\n\t`updated_at` integer NOT NULL\n)",
      },
      {
        sql: 'INSERT INTO user_provider (provider_id, preset_provider_id, name, endpoint_configs, default_chat_endpoint, api_keys, is_enabled, order_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        many: providers.map((p, i) => [
          p.id,
          p.preset ?? null,
          p.name,
          JSON.stringify(Object.fromEntries(Object.entries(p.endpoints ?? {}).map(([type, baseUrl]) => [type, { baseUrl }]))),
          p.defaultEndpoint ?? null,
          JSON.stringify((p.keys ?? []).map((k, n) => ({ id: `key-${n}`, ...k }))),
          p.enabled ? 1 : 0,
          `a${i}`,
          1_760_000_000_000,
          1_760_000_000_000,
        ]),
      },
    ],
    { dump: false },
  );
  return file;
}

/**
 * A HOME with each client's configuration as people really get it wrong: Codex with a dead
 * `wire_api = "chat"` provider, Claude Code with `/v1` and both token variables, Continue without
 * `/v1` and sharing Claude Code's token, Cline right, a broken Cline providers file, VS Code's chat
 * with the key pasted into chatLanguageModels.json (and a second profile set up right), and, made
 * by real SQLite: Cursor's override without `/v1`, a Cherry Studio 2.x Crazyrouter provider switched
 * off and sharing Claude Code's token, and a Cherry Studio 1.x folder (named in boot-config.json).
 */
export function makeFixtureHome(): string {
  const home = mkdtempSync(path.join(tmpdir(), 'crazyrouter-home-'));
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(home, rel)), { recursive: true });
    writeFileSync(path.join(home, rel), text);
  };
  write(
    '.codex/config.toml',
    [
      'model_provider = "crazyrouter"',
      '',
      '[model_providers.crazyrouter]',
      'name = "Crazyrouter"',
      'base_url = "https://crazyrouter.com/v1"',
      'env_key = "CRAZYROUTER_API_KEY"',
      'wire_api = "responses"',
      '',
      '[model_providers.old]',
      'base_url = "https://crazyrouter.com"',
      'wire_api = "chat"',
      '',
    ].join('\n'),
  );
  write(
    '.claude/settings.json',
    JSON.stringify({ env: { ANTHROPIC_BASE_URL: 'https://crazyrouter.com/v1', ANTHROPIC_AUTH_TOKEN: SHARED_TOKEN, ANTHROPIC_API_KEY: SHARED_TOKEN } }, null, 2),
  );
  write(
    '.continue/config.yaml',
    [
      'models:',
      '  - name: gpt',
      '    provider: openai',
      '    model: gpt-5.4',
      '    apiBase: https://crazyrouter.com',
      `    apiKey: ${SHARED_TOKEN}`,
      '  - name: local',
      '    provider: ollama',
      '    model: llama',
      '',
    ].join('\n'),
  );
  write('.cline/data/globalState.json', JSON.stringify({ openAiBaseUrl: 'https://crazyrouter.com/v1', actModeApiProvider: 'openai' }));
  write('.cline/data/secrets.json', JSON.stringify({ openAiApiKey: CLINE_TOKEN }));
  write('.cline/data/settings/providers.json', '{ "providers": [ { "provider": "openai", ');
  // VS Code's own chat (Linux, default profile): the key pasted into the file, one model with a
  // url/apiType mismatch, no toolCalling and a huge maxOutputTokens. JSONC, as VS Code writes it.
  write(
    '.config/Code/User/chatLanguageModels.json',
    [
      '// Chat: Manage Language Models wrote this; then it was edited by hand.',
      '[',
      `  { "name": "Crazyrouter", "vendor": "customendpoint", "apiKey": "${SHARED_TOKEN}",`,
      '    "models": [',
      '      { "id": "gpt-5.4", "name": "GPT-5.4", "url": "https://crazyrouter.com/v1", "toolCalling": true, "vision": false, "maxOutputTokens": 16000 },',
      '      { "id": "claude-sonnet-4-6", "name": "Claude", "url": "https://crazyrouter.com/v1/chat/completions", "apiType": "responses", "vision": false, "maxOutputTokens": 64000 },',
      '    ],',
      '  },',
      '  { "name": "Local", "vendor": "ollama" },',
      ']',
    ].join('\n'),
  );
  // Another profile, set up right: the key is a secret reference.
  write(
    '.config/Code/User/profiles/-53ed5ff1/chatLanguageModels.json',
    JSON.stringify([
      {
        name: 'Crazyrouter',
        vendor: 'customendpoint',
        apiKey: '${input:chat.lm.secret.4f2a9c}',
        models: [{ id: 'gpt-5.4', name: 'GPT-5.4', url: 'https://crazyrouter.com', toolCalling: true, vision: false, maxOutputTokens: 16000 }],
      },
    ]),
  );
  if (PYTHON) writeFixtureDatabases(path.join(home, '.config'));
  // Cherry Studio 1.x, installed portable elsewhere: its LevelDB store, which the doctor names but does not read.
  write('CherryPortable/data/Local Storage/leveldb/000003.log', 'leveldb');
  write(
    '.cherrystudio/boot-config.json',
    JSON.stringify({ 'app.user_data_path': { '/opt/CherryStudio/cherry-studio': path.join(home, 'CherryPortable', 'data') } }),
  );
  return home;
}

/**
 * The fixture's Cursor and Cherry Studio 2.x databases in `appData` (a HOME's `.config`, or the
 * $XDG_CONFIG_HOME a code-server is given): Cursor's override without `/v1`, its key encrypted; a
 * Crazyrouter provider switched off and sharing Claude Code's token, beside seeded presets.
 */
export function writeFixtureDatabases(appData: string): void {
  writeCursorState(
    appData,
    { openAIBaseUrl: 'https://crazyrouter.com', useOpenAIKey: true, aiSettings: { userAddedModels: ['gpt-5.4'] } },
    { encrypted: [118, 49, 48, 7, 7, 7] },
  );
  writeCherryStudioDb(path.join(appData, 'CherryStudio'), [
    {
      id: 'openai',
      preset: 'openai',
      name: 'OpenAI',
      endpoints: { 'openai-responses': 'https://api.openai.com' },
      defaultEndpoint: 'openai-responses',
      enabled: false,
    },
    { id: 'deepseek', preset: 'deepseek', name: 'DeepSeek', endpoints: { 'openai-chat-completions': 'https://api.deepseek.com' }, enabled: true },
    {
      id: 'b1c2d3e4-crazy',
      name: 'Crazyrouter',
      endpoints: { 'openai-chat-completions': 'https://crazyrouter.com' },
      defaultEndpoint: 'openai-chat-completions',
      keys: [{ key: SHARED_TOKEN, isEnabled: true }],
      enabled: false,
    },
  ]);
}
