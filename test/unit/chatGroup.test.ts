import assert from 'node:assert/strict';
import { test } from 'mocha';
import { parse } from 'jsonc-parser';
import { crazyrouterGroup, withChatGroup } from '../../src/core/vscodeChat/chatGroup';
import { URL_RULES } from '../../src/core/clients/urlRules';

const group = crazyrouterGroup(['gpt-5.4', 'claude-sonnet-4-6'], 'https://crazyrouter.com/v1/chat/completions');

test('the group: the token’s models, for agent mode, at the url VS Code resolves to /v1/chat/completions, with no key', () => {
  assert.deepEqual(
    group.models.map((m) => m.id),
    ['gpt-5.4', 'claude-sonnet-4-6'],
  );
  for (const m of group.models) {
    assert.equal(m.toolCalling, true);
    assert.equal(URL_RULES['vscode-chat'].predict(m.url).chat, 'https://crazyrouter.com/v1/chat/completions');
  }
  assert.equal('apiKey' in group, false);
});

test('added to a file with comments and other groups: everything else stays as it was', () => {
  const before = ['// my models', '[', '    { "name": "Local", "vendor": "ollama" }, // keep me', ']', ''].join('\n');
  const { text, replaced } = withChatGroup(before, group);
  assert.equal(replaced, false);
  assert.ok(text.startsWith('// my models\n[\n    { "name": "Local", "vendor": "ollama" }, // keep me'), text);
  const doc = parse(text) as { name: string }[];
  assert.deepEqual(
    doc.map((g) => g.name),
    ['Local', 'Crazyrouter'],
  );
  assert.match(text, /\n {4}\{\n {8}"name": "Crazyrouter"/, 'in the file’s own indentation');
});

test('an earlier Crazyrouter group is replaced, keeping its key reference; a pasted key is dropped', () => {
  const secret = '${input:chat.lm.secret.4f2a9c}';
  const old = JSON.stringify([{ name: 'Crazyrouter', vendor: 'customendpoint', apiKey: secret, models: [] }], null, 2);
  const kept = parse(withChatGroup(old, group).text) as { apiKey?: string; models: unknown[] }[];
  assert.equal(kept.length, 1);
  assert.equal(kept[0]!.apiKey, secret);
  assert.equal(kept[0]!.models.length, 2);
  const pasted = JSON.stringify([{ name: 'Crazyrouter', vendor: 'customendpoint', apiKey: 'sk-PastedPastedPasted0000', models: [] }]);
  const result = withChatGroup(pasted, group);
  assert.equal(result.replaced, true);
  assert.doesNotMatch(result.text, /sk-Pasted/, 'the key pasted into the file does not survive');
});

test('an empty or missing file becomes a list with the group; a broken one is refused', () => {
  assert.deepEqual((parse(withChatGroup('', group).text) as unknown[]).length, 1);
  assert.throws(() => withChatGroup('{ "not": "a list" }', group), /not a list of model groups/);
  assert.throws(() => withChatGroup('[ { "name": ', group), /not a list of model groups/);
});
