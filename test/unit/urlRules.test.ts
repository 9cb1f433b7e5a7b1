import assert from 'node:assert/strict';
import { test } from 'mocha';
import { protocolFor, sdkJoin, typedRoot, URL_RULES, valueToType, type Endpoint, type UrlRuleId } from '../../src/core/clients/urlRules';

const R = 'https://crazyrouter.com';

/**
 * Every example of client-url-rules.md and its §I corrections: rule, what was typed, endpoint, the
 * URL that really goes on the wire (never a `#…` fragment), and the model where the client picks its
 * API by model id. Each group names the client source it mirrors; `npm run test:clients` checks the
 * same predictions against the real CLIs.
 */
const EXAMPLES: [UrlRuleId, string, Endpoint, string, string?][] = [
  // Cherry Studio ≥ 1.7: packages/shared/api/index.ts formatApiHost, then routeToEndpoint (§A1)
  ['cherry-studio@1.7', R, 'chat', `${R}/v1/chat/completions`],
  ['cherry-studio@1.7', `${R}/`, 'chat', `${R}/v1/chat/completions`],
  ['cherry-studio@1.7', `${R}/v1`, 'chat', `${R}/v1/chat/completions`],
  ['cherry-studio@1.7', `${R}/v1`, 'models', `${R}/v1/models`],
  ['cherry-studio@1.7', `${R}/v1/chat/completions`, 'chat', `${R}/v1/chat/completions/chat/completions`],
  ['cherry-studio@1.7', `${R}#`, 'chat', `${R}/chat/completions`],
  ['cherry-studio@1.7', `${R}/v1#`, 'chat', `${R}/v1/chat/completions`],
  // §I: the `#` is stripped before the endpoint is split off (issue #12123; PR #12163 closed unmerged).
  ['cherry-studio@1.7', `${R}/v1/chat/completions#`, 'chat', `${R}/v1/chat/completions/chat/completions`],
  ['cherry-studio@1.7', 'https://api.volces.com/api/v3', 'chat', 'https://api.volces.com/api/v3/chat/completions'],
  ['cherry-studio@1.7', 'https://x.example/v2beta', 'chat', 'https://x.example/v2beta/chat/completions'],
  ['cherry-studio@1.7', 'https://x.example/vendor', 'chat', 'https://x.example/vendor/v1/chat/completions'],
  ['cherry-studio@1.7', 'http://localhost:5173/', 'chat', 'http://localhost:5173/v1/chat/completions'],
  // Cherry Studio 2.x: src/shared/utils/api/format.ts hasApiVersion (case-insensitive, on the pathname)
  ['cherry-studio@2', R, 'chat', `${R}/v1/chat/completions`],
  ['cherry-studio@2', `${R}/V1`, 'chat', `${R}/V1/chat/completions`],
  ['cherry-studio@2', `${R}/v1/chat/completions#`, 'chat', `${R}/v1/chat/completions/chat/completions`],
  ['cherry-studio@2', `${R}#`, 'models', `${R}/models`],
  // … with an `openai-responses` endpoint (kangfenmao/cherry-studio@5dbff79d src/main/ai/provider/config.ts formatBaseURL)
  ['cherry-studio@2-responses', R, 'responses', `${R}/v1/responses`],
  ['cherry-studio@2-responses', `${R}/v1/`, 'responses', `${R}/v1/responses`],
  ['cherry-studio@2-responses', `${R}/api#`, 'responses', `${R}/api/responses`],
  // Cherry Studio ≤ 1.6: src/renderer/src/utils/api.ts formatApiHost, ProviderSetting.tsx hostPreview (§A1)
  ['cherry-studio@1.6', R, 'chat', `${R}/v1/chat/completions`],
  ['cherry-studio@1.6', `${R}/`, 'chat', `${R}/chat/completions`],
  ['cherry-studio@1.6', `${R}/v1`, 'chat', `${R}/v1/v1/chat/completions`],
  ['cherry-studio@1.6', `${R}/v1/`, 'chat', `${R}/v1/chat/completions`],
  ['cherry-studio@1.6', `${R}/v1/`, 'models', `${R}/v1/models`],
  ['cherry-studio@1.6', `${R}/v1/chat/completions#`, 'chat', `${R}/v1/chat/completions`],
  // Cursor: the openai SDK's concatenation (§B, §G)
  ['cursor', `${R}/v1`, 'chat', `${R}/v1/chat/completions`],
  ['cursor', R, 'chat', `${R}/chat/completions`],
  ['cursor', `${R}/v1/chat/completions`, 'chat', `${R}/v1/chat/completions/chat/completions`],
  // Cline ≥ 4.1 / CLI 3.x: sdk/packages/llms/src/providers/vendors/openai-compatible.ts (AI SDK) and
  // apps/vscode/src/core/controller/models/refreshOpenAiModels.ts (trailing slashes stripped, §I)
  ['cline', `${R}/v1`, 'chat', `${R}/v1/chat/completions`],
  ['cline', `${R}/v1/`, 'chat', `${R}/v1/chat/completions`],
  ['cline', `${R}/v1`, 'models', `${R}/v1/models`],
  ['cline', `${R}/v1/`, 'models', `${R}/v1/models`],
  ['cline', R, 'chat', `${R}/chat/completions`],
  ['cline', `${R}/v1/chat/completions`, 'chat', `${R}/v1/chat/completions/chat/completions`],
  ['cline', `${R}/v1#`, 'chat', `${R}/v1`],
  // Cline ≤ 4.0 (before 2c64c4ce): the models URL kept the slash
  ['cline@4.0', `${R}/v1/`, 'models', `${R}/v1//models`],
  // Roo Code v3.52.1: src/api/providers/openai.ts getOpenAiModels `${baseUrl.trim()}/models` (§C, §I)
  ['roo-code', `${R}/v1`, 'chat', `${R}/v1/chat/completions`],
  ['roo-code', ` ${R}/v1 `, 'models', `${R}/v1/models`],
  ['roo-code', `${R}/v1/`, 'models', `${R}/v1//models`],
  // Continue, VS Code extension: core/llm/index.ts canUseOpenAIResponses + OpenAI.ts isOSeriesOrGpt5PlusModel (§D, §I)
  ['continue', `${R}/v1`, 'chat', `${R}/v1/chat/completions`, 'claude-sonnet-4-6'],
  ['continue', `${R}/v1/`, 'chat', `${R}/v1/chat/completions`, 'claude-sonnet-4-6'],
  ['continue', `${R}/v1`, 'models', `${R}/v1/models`],
  ['continue', R, 'chat', `${R}/chat/completions`, 'gpt-4o'],
  ['continue', `${R}/v1`, 'responses', `${R}/v1/responses`, 'gpt-5.4'],
  ['continue', `${R}/v1`, 'responses', `${R}/v1/responses`, 'o3'],
  ['continue', `${R}/v1`, 'responses', `${R}/v1/responses`, 'openai/gpt-5'],
  ['continue', `${R}/v1#`, 'chat', `${R}/v1`, 'claude-sonnet-4-6'],
  ['continue', `${R}/v1#`, 'responses', `${R}/responses`, 'gpt-5.4'],
  // Continue CLI (cn 1.5.47): packages/openai-adapters/src/apis/openaiResponses.ts isResponsesModel (anchored), openai SDK join
  ['continue-cli', R, 'responses', `${R}/responses`, 'gpt-5.4'],
  ['continue-cli', R, 'chat', `${R}/chat/completions`, 'claude-sonnet-4-6'],
  ['continue-cli', `${R}/v1/`, 'responses', `${R}/v1/responses`, 'gpt-5.4'],
  ['continue-cli', `${R}/v1/chat/completions`, 'responses', `${R}/v1/chat/completions/responses`, 'gpt-5.4'],
  ['continue-cli', `${R}/v1/responses`, 'chat', `${R}/v1/responses/chat/completions`, 'claude-sonnet-4-6'],
  ['continue-cli', `${R}/v1`, 'chat', `${R}/v1/chat/completions`, 'openai/gpt-5'],
  ['continue-cli', `${R}/v1#`, 'responses', `${R}/v1`, 'gpt-5.4'],
  // Codex 0.169.0: codex-rs/codex-api/src/provider.rs url_for_path (§E)
  ['codex', `${R}/v1`, 'responses', `${R}/v1/responses`],
  ['codex', `${R}/v1/`, 'responses', `${R}/v1/responses`],
  ['codex', R, 'responses', `${R}/responses`],
  ['codex', `${R}/v1/responses`, 'responses', `${R}/v1/responses/responses`],
  ['codex', `${R}/v1#`, 'responses', `${R}/v1`],
  // Claude Code 2.1.330 (closed source, run): the Anthropic SDK's join (§F)
  ['claude-code', R, 'messages', `${R}/v1/messages?beta=true`],
  ['claude-code', `${R}/`, 'messages', `${R}/v1/messages?beta=true`],
  ['claude-code', `${R}/v1`, 'messages', `${R}/v1/v1/messages?beta=true`],
  ['claude-code', `${R}/v1/messages`, 'messages', `${R}/v1/messages/v1/messages?beta=true`],
  ['claude-code', `${R}/v1#`, 'messages', `${R}/v1`],
  // VS Code (Copilot Chat), Custom Endpoint: microsoft/vscode @00812842
  // extensions/copilot/src/extension/byok/vscode-node/customEndpointProvider.ts resolveCustomEndpointUrl (clients-logs-pricing.md §1.5)
  ['vscode-chat', R, 'chat', `${R}/v1/chat/completions`],
  ['vscode-chat', `${R}/`, 'chat', `${R}/v1/chat/completions`],
  ['vscode-chat', `${R}/v1`, 'chat', `${R}/v1/chat/completions`],
  ['vscode-chat', `${R}/v1/`, 'chat', `${R}/v1/chat/completions`],
  ['vscode-chat', `${R}/v1/chat/completions`, 'chat', `${R}/v1/chat/completions`],
  ['vscode-chat', `${R}/api`, 'chat', `${R}/api/v1/chat/completions`],
  ['vscode-chat', `${R}/v1#`, 'chat', `${R}/v1`],
  ['vscode-chat', `${R}#`, 'chat', R],
  ['vscode-chat@responses', `${R}/v1`, 'responses', `${R}/v1/responses`],
  ['vscode-chat@responses', `${R}/v1/chat/completions`, 'responses', `${R}/v1/chat/completions`],
  ['vscode-chat@messages', R, 'messages', `${R}/v1/messages`],
];

for (const [rule, typed, endpoint, called, model] of EXAMPLES) {
  test(`${rule}: "${typed}"${model ? ` (${model})` : ''} → ${endpoint} ${called}`, () => {
    assert.equal(URL_RULES[rule].predict(typed, model)[endpoint], called);
  });
}

test('a predicted URL is what goes on the wire: no rule ever shows a fragment', () => {
  for (const rule of Object.values(URL_RULES))
    for (const typed of [`${R}#`, `${R}/v1#`, `${R}/v1/chat/completions#`, `${R}/v1/#x`])
      for (const model of ['gpt-5.4', 'claude-sonnet-4-6'])
        for (const url of Object.values(rule.predict(typed, model))) assert.doesNotMatch(url, /#/, `${rule.id} ${typed} ${model}`);
});

test('Continue: the API follows the model, differently in the extension and the CLI', () => {
  assert.equal(protocolFor(URL_RULES.continue, 'gpt-5.4'), 'openai-responses');
  assert.equal(protocolFor(URL_RULES.continue, 'claude-sonnet-4-6'), 'openai-chat');
  assert.equal(protocolFor(URL_RULES.continue, 'azure-gpt-5'), 'openai-responses', 'the extension’s gpt-[5-9] is unanchored');
  assert.equal(protocolFor(URL_RULES['continue-cli'], 'azure-gpt-5'), 'openai-chat', 'the CLI’s is anchored');
  assert.equal(protocolFor(URL_RULES['continue-cli'], 'O3-mini'), 'openai-responses', 'and case-insensitive');
  assert.equal(protocolFor(URL_RULES.cursor, 'gpt-5.4'), 'openai-chat', 'a client without the switch keeps its protocol');
});

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
  ['continue-cli', `${R}/v1/chat/completions`, `${R}/v1`],
  ['cline', `${R}/v1#`, `${R}/v1`],
  ['vscode-chat', `${R}/v1/v1`, `${R}/v1`],
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
