import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { suiteTeardown, test } from 'mocha';
import { discoverConfigs } from '../../src/core/discovery/discoverConfigs';
import { scanChecklist } from '../../src/core/discovery/scanChecklist';
import { CLINE_TOKEN, CODEX_TOKEN, makeFixtureHome, SHARED_TOKEN } from '../support/fixtureHome';
import { byText } from '../support/byText';
import { PYTHON } from '../support/sqlitePython';

const home = makeFixtureHome();
suiteTeardown(() => rmSync(home, { recursive: true, force: true }));
const env = { CRAZYROUTER_API_KEY: CODEX_TOKEN };
/** The fixture's Cursor and Cherry Studio 2.x databases are made by real SQLite (python3; CI always has it). */
const databases = <T>(...items: T[]): T[] => (PYTHON ? items : []);

test('every client configuration in HOME is found and judged by the URL rules', async () => {
  const found = await discoverConfigs({ home, env });
  const by = (client: string, entry?: string) => found.find((f) => f.client === client && (entry === undefined || f.entry?.includes(entry)));
  assert.deepEqual(found.map((f) => f.client).toSorted(byText), [
    ...databases('Cherry Studio'),
    'Cherry Studio',
    'Claude Code',
    'Cline',
    'Cline',
    'Codex',
    'Codex',
    'Continue',
    ...databases('Cursor'),
    'VS Code (Copilot Chat)',
    'VS Code (Copilot Chat)',
    'VS Code (Copilot Chat)',
  ]);

  const codex = by('Codex', 'crazyrouter')!;
  assert.equal(codex.entry, 'model_providers.crazyrouter (active)');
  assert.equal(codex.predictedUrl, 'https://crazyrouter.com/v1/responses');
  assert.equal(codex.valueToType, undefined, 'right as it is');
  assert.equal(codex.tokenSource, 'env CRAZYROUTER_API_KEY');

  const oldCodex = by('Codex', 'old')!;
  assert.ok(oldCodex.problems.some((p) => /wire_api = "chat" is no longer supported/.test(p)));
  assert.equal(oldCodex.valueToType, 'https://crazyrouter.com/v1');

  const claude = by('Claude Code')!;
  assert.equal(claude.predictedUrl, 'https://crazyrouter.com/v1/v1/messages?beta=true');
  assert.equal(claude.valueToType, 'https://crazyrouter.com');
  assert.ok(claude.problems.some((p) => /Both ANTHROPIC_AUTH_TOKEN and ANTHROPIC_API_KEY/.test(p)));
  assert.deepEqual(claude.sharesTokenWith, ['Continue', 'VS Code (Copilot Chat)', ...databases('Cherry Studio')]);

  const cont = by('Continue')!;
  // model: gpt-5.4 → Continue calls the Responses API (client-url-rules.md §I).
  assert.equal(cont.predictedUrl, 'https://crazyrouter.com/responses');
  assert.equal(cont.valueToType, 'https://crazyrouter.com/v1');
  assert.deepEqual(cont.sharesTokenWith, ['Claude Code', 'VS Code (Copilot Chat)', ...databases('Cherry Studio')]);
  assert.match(cont.snippet, /apiBase: https:\/\/crazyrouter\.com\/v1/);

  const cline = by('Cline', 'openAiBaseUrl')!;
  assert.equal(cline.valueToType, undefined);
  assert.deepEqual(cline.sharesTokenWith, []);
  const broken = found.find((f) => f.client === 'Cline' && f.problems.some((p) => /not valid JSON/.test(p)));
  assert.ok(broken, 'a broken file is reported, not thrown');

  assert.match(codex.snippet, /wire_api = "responses"/);
  assert.match(claude.snippet, /"ANTHROPIC_BASE_URL": "https:\/\/crazyrouter\.com"/);
  const everything = JSON.stringify(found);
  for (const token of [SHARED_TOKEN, CODEX_TOKEN, CLINE_TOKEN]) assert.ok(!everything.includes(token), 'no token in any finding');
  assert.ok(found.every((f) => f.tokenFingerprint === undefined || /^[0-9a-f]{12}$/.test(f.tokenFingerprint)));
});

// VS Code's own chat: chatLanguageModels.json of each profile (clients-logs-pricing.md §1.2–§1.6).
test('VS Code chat: each Custom Endpoint model is judged, in every profile', async () => {
  const found = (await discoverConfigs({ home, env: {} })).filter((f) => f.client === 'VS Code (Copilot Chat)');
  const [gpt, claude, profileGpt] = [
    found.find((f) => f.file.endsWith('User/chatLanguageModels.json') && f.model === 'gpt-5.4')!,
    found.find((f) => f.model === 'claude-sonnet-4-6')!,
    found.find((f) => f.file.includes('/profiles/-53ed5ff1/'))!,
  ];
  assert.equal(gpt.entry, 'Crazyrouter · gpt-5.4');
  assert.equal(gpt.predictedUrl, 'https://crazyrouter.com/v1/chat/completions');
  assert.equal(gpt.valueToType, undefined, 'the url is right');
  assert.equal(gpt.tokenSource, 'group "Crazyrouter" apiKey, as plain text');
  assert.ok(
    gpt.problems.some((p) => /sends an empty key \(401\)/.test(p)),
    'a key pasted into the file is named',
  );
  assert.ok(!JSON.stringify(found).includes(SHARED_TOKEN), 'and never shown');
  assert.deepEqual(gpt.sharesTokenWith, ['Claude Code', 'Continue', ...databases('Cherry Studio')]);

  assert.equal(claude.rule, 'vscode-chat@responses');
  assert.equal(claude.predictedUrl, 'https://crazyrouter.com/v1/chat/completions', 'an explicit API path is used as it is');
  assert.equal(claude.valueToType, 'https://crazyrouter.com/v1');
  for (const problem of [
    /names the chat-completions API but apiType is "responses"/,
    /"toolCalling" is not set: this model is not offered in agent mode/,
    /maxOutputTokens 64000/,
  ])
    assert.ok(
      claude.problems.some((p) => problem.test(p)),
      `${problem}`,
    );

  assert.equal(profileGpt.predictedUrl, 'https://crazyrouter.com/v1/chat/completions');
  assert.equal(profileGpt.tokenSource, 'VS Code’s secret storage (chat.lm.secret)');
  assert.deepEqual(profileGpt.problems, [], 'a profile set up right has nothing to fix');
  assert.match(claude.snippet, /"vendor": "customendpoint"/);
  assert.doesNotMatch(claude.snippet, /apiKey/, 'the snippet never carries a key');
});

test('nothing found in an empty HOME, and env overrides are honoured', async () => {
  assert.deepEqual(await discoverConfigs({ home: '/nonexistent-home', env: {} }), []);
  const found = await discoverConfigs({ home: '/nonexistent-home', env: { CODEX_HOME: `${home}/.codex` } });
  assert.equal(found.filter((f) => f.client === 'Codex').length, 2);
});

// Cursor's state.vscdb and Cherry Studio 2.x's cherrystudio.sqlite, made by real SQLite (research-storage.md §1–§2).
(PYTHON ? test : test.skip)(
  'Cursor and Cherry Studio 2.x: what their databases hold is judged, ticks their checklist items, and never shows a key',
  async () => {
    const found = await discoverConfigs({ home, env: {} });
    const cursor = found.find((f) => f.client === 'Cursor')!;
    assert.equal(cursor.file, `${home}/.config/Cursor/User/globalStorage/state.vscdb`);
    assert.equal(cursor.baseUrl, 'https://crazyrouter.com', 'read from the -wal file, where Cursor left it');
    assert.equal(cursor.predictedUrl, 'https://crazyrouter.com/chat/completions');
    assert.equal(cursor.valueToType, 'https://crazyrouter.com/v1');
    assert.equal(cursor.tokenSource, 'Cursor’s encrypted secret storage');
    assert.equal(cursor.tokenFingerprint, undefined, 'an encrypted key is only said to be there');
    assert.deepEqual(cursor.checklist, [
      { item: 'cursor.base-url', state: 'failed', reason: 'Cursor will call https://crazyrouter.com/chat/completions: set it to https://crazyrouter.com/v1.' },
    ]);
    assert.match(cursor.snippet, /Override OpenAI Base URL: https:\/\/crazyrouter\.com\/v1/);

    const cherry = found.filter((f) => f.client === 'Cherry Studio' && f.file.endsWith('cherrystudio.sqlite'));
    assert.deepEqual(
      cherry.map((f) => f.entry),
      ['Crazyrouter (b1c2d3e4-crazy)'],
      'of the seeded providers, only the one that points at the gateway',
    );
    const [provider] = cherry;
    assert.equal(provider!.predictedUrl, 'https://crazyrouter.com/v1/chat/completions');
    assert.equal(provider!.valueToType, undefined, 'the API URL is right');
    assert.equal(provider!.enabled, false);
    assert.ok(provider!.problems.some((p) => /The provider is switched off/.test(p)));
    assert.deepEqual(provider!.sharesTokenWith, ['Claude Code', 'Continue', 'VS Code (Copilot Chat)'], 'its plain-text key, compared by fingerprint');
    assert.deepEqual(scanChecklist(found), {
      'cursor.base-url': { state: 'failed', reason: 'Cursor will call https://crazyrouter.com/chat/completions: set it to https://crazyrouter.com/v1.' },
      'cherry.api-url': {
        state: 'warned',
        reason: 'https://crazyrouter.com is right, but the provider’s switch is off, so Cherry Studio 2.x does not use it.',
      },
      'cherry.provider-enabled': { state: 'failed', reason: 'The provider’s switch is off.' },
    });

    const v1 = found.find((f) => f.file.endsWith('leveldb'))!;
    assert.equal(v1.file, `${home}/CherryPortable/data/Local Storage/leveldb`, 'the folder boot-config.json names');
    assert.match(v1.notRead!, /Cherry Studio 1\.x keeps its settings in a LevelDB store, which the doctor does not read/);
    assert.ok(!JSON.stringify(found).includes(SHARED_TOKEN.slice(3)), 'no key in any finding');
  },
);
