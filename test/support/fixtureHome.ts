import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const SHARED_TOKEN = 'sk-SharedSharedShared0123456789abcdef';
export const CODEX_TOKEN = 'sk-CodexCodexCodex0123456789abcdefgh';
export const CLINE_TOKEN = 'sk-ClineClineCline0123456789abcdefgh';

/**
 * A HOME with each client's configuration as people really get it wrong: Codex with a dead
 * `wire_api = "chat"` provider, Claude Code with `/v1` and both token variables, Continue without
 * `/v1` and sharing Claude Code's token, Cline right, a broken Cline providers file, and VS Code's
 * chat with the key pasted into chatLanguageModels.json (and a second profile set up right).
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
  return home;
}
