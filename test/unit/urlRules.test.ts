import assert from 'node:assert/strict';
import { test } from 'mocha';
import { sdkJoin, typedRoot, URL_RULES, valueToType, type Endpoint, type UrlRuleId } from '../../src/core/clients/urlRules';

const R = 'https://crazyrouter.com';

/** Every example of client-url-rules.md: rule, what was typed, endpoint, the URL really called. */
const EXAMPLES: [UrlRuleId, string, Endpoint, string][] = [
  // Cherry Studio ≥ 1.7 (§A1)
  ['cherry-studio@1.7', R, 'chat', `${R}/v1/chat/completions`],
  ['cherry-studio@1.7', `${R}/`, 'chat', `${R}/v1/chat/completions`],
  ['cherry-studio@1.7', `${R}/v1`, 'chat', `${R}/v1/chat/completions`],
  ['cherry-studio@1.7', `${R}/v1`, 'models', `${R}/v1/models`],
  ['cherry-studio@1.7', `${R}/v1/chat/completions`, 'chat', `${R}/v1/chat/completions/chat/completions`],
  ['cherry-studio@1.7', `${R}#`, 'chat', `${R}/chat/completions`],
  ['cherry-studio@1.7', `${R}/v1/chat/completions#`, 'chat', `${R}/v1/chat/completions`],
  ['cherry-studio@1.7', 'https://api.volces.com/api/v3', 'chat', 'https://api.volces.com/api/v3/chat/completions'],
  ['cherry-studio@1.7', 'https://x.example/v2beta', 'chat', 'https://x.example/v2beta/chat/completions'],
  ['cherry-studio@1.7', 'https://x.example/vendor', 'chat', 'https://x.example/vendor/v1/chat/completions'],
  ['cherry-studio@1.7', 'http://localhost:5173/', 'chat', 'http://localhost:5173/v1/chat/completions'],
  // Cherry Studio ≤ 1.6 (§A1)
  ['cherry-studio@1.6', R, 'chat', `${R}/v1/chat/completions`],
  ['cherry-studio@1.6', `${R}/`, 'chat', `${R}/chat/completions`],
  ['cherry-studio@1.6', `${R}/v1`, 'chat', `${R}/v1/v1/chat/completions`],
  ['cherry-studio@1.6', `${R}/v1/`, 'chat', `${R}/v1/chat/completions`],
  ['cherry-studio@1.6', `${R}/v1/`, 'models', `${R}/v1/models`],
  ['cherry-studio@1.6', `${R}/v1/chat/completions#`, 'chat', `${R}/v1/chat/completions`],
  // Cursor (§B)
  ['cursor', `${R}/v1`, 'chat', `${R}/v1/chat/completions`],
  ['cursor', R, 'chat', `${R}/chat/completions`],
  ['cursor', `${R}/v1/chat/completions`, 'chat', `${R}/v1/chat/completions/chat/completions`],
  // Cline and Roo Code (§C)
  ['cline', `${R}/v1`, 'chat', `${R}/v1/chat/completions`],
  ['cline', `${R}/v1`, 'models', `${R}/v1/models`],
  ['cline', `${R}/v1/`, 'models', `${R}/v1//models`],
  ['cline', R, 'chat', `${R}/chat/completions`],
  ['cline', `${R}/v1/chat/completions`, 'chat', `${R}/v1/chat/completions/chat/completions`],
  ['roo-code', `${R}/v1`, 'chat', `${R}/v1/chat/completions`],
  ['roo-code', ` ${R}/v1 `, 'models', `${R}/v1/models`],
  // Continue (§D)
  ['continue', `${R}/v1`, 'chat', `${R}/v1/chat/completions`],
  ['continue', `${R}/v1/`, 'chat', `${R}/v1/chat/completions`],
  ['continue', `${R}/v1`, 'models', `${R}/v1/models`],
  ['continue', R, 'chat', `${R}/chat/completions`],
  // Codex (§E)
  ['codex', `${R}/v1`, 'responses', `${R}/v1/responses`],
  ['codex', `${R}/v1/`, 'responses', `${R}/v1/responses`],
  ['codex', R, 'responses', `${R}/responses`],
  // Claude Code (§F)
  ['claude-code', R, 'messages', `${R}/v1/messages?beta=true`],
  ['claude-code', `${R}/`, 'messages', `${R}/v1/messages?beta=true`],
  ['claude-code', `${R}/v1`, 'messages', `${R}/v1/v1/messages?beta=true`],
];

for (const [rule, typed, endpoint, called] of EXAMPLES) {
  test(`${rule}: "${typed}" → ${endpoint} ${called}`, () => {
    assert.equal(URL_RULES[rule].predict(typed)[endpoint], called);
  });
}

test('openai-node joins by concatenation and collapses one slash', () => {
  assert.equal(sdkJoin(`${R}/v1`, '/chat/completions'), `${R}/v1/chat/completions`);
  assert.equal(sdkJoin(`${R}/v1/`, '/models'), `${R}/v1/models`);
  assert.equal(sdkJoin(`${R}//`, '/models'), `${R}//models`);
});

test('nothing typed predicts nothing', () => {
  for (const rule of Object.values(URL_RULES)) assert.deepEqual(rule.predict('  '), {});
});

const CORRECTIONS: [UrlRuleId, string, string][] = [
  ['cursor', R, `${R}/v1`],
  ['cursor', `${R}/v1/chat/completions`, `${R}/v1`],
  ['cursor', `${R}/v1/v1`, `${R}/v1`],
  ['cline', `${R}/`, `${R}/v1`],
  ['codex', `${R}/v1/responses`, `${R}/v1`],
  ['claude-code', `${R}/v1`, R],
  ['claude-code', `${R}/v1/messages`, R],
  ['cherry-studio@1.7', `${R}/v1/chat/completions#`, R],
  ['cherry-studio@1.6', `${R}/v1`, R],
  ['cursor', 'http://127.0.0.1:8080', 'http://127.0.0.1:8080/v1'],
  ['cursor', 'https://gw.example/proxy/v1/chat/completions', 'https://gw.example/proxy/v1'],
];

for (const [rule, typed, expected] of CORRECTIONS) {
  test(`${rule}: for "${typed}" type "${expected}"`, () => {
    assert.equal(valueToType(URL_RULES[rule], typed), expected);
  });
}

test('the value to type always predicts the right URL', () => {
  for (const rule of Object.values(URL_RULES)) {
    const predicted = rule.predict(valueToType(rule, `${R}/v1/chat/completions`));
    const url = predicted.chat ?? predicted.responses ?? predicted.messages ?? '';
    assert.match(url, /^https:\/\/crazyrouter\.com\/v1\/(chat\/completions|responses|messages(\?beta=true)?)$/, rule.id);
  }
  assert.equal(typedRoot(`${R}/v1/chat/completions#`), R);
});
