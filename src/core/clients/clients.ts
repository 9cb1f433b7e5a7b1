export const CLIENT_IDS = ['cherry-studio', 'cursor', 'claude-code', 'codex', 'cline', 'vscode-chat'] as const;
export type ClientId = (typeof CLIENT_IDS)[number];

export const GATEWAY_ROOT = 'https://crazyrouter.com';
export const GATEWAY_OPENAI_BASE = `${GATEWAY_ROOT}/v1`;

export interface ClientInfo {
  id: ClientId;
  name: string;
  /** Where the user types the URL in that client. */
  urlField: string;
  /** Exactly what to type there for Crazyrouter. */
  urlValue: string;
  /** Where the user pastes the token. */
  keyField: string;
  /** The client's own "test the connection" action, when it has one. */
  testAction?: string;
  /** Cursor calls the gateway from its own servers, not from this machine. */
  requestsFrom: 'this-machine' | 'vendor-servers';
  /** The client's own connection test, reproduced as a check (Cherry Studio's Check: client-url-rules.md §A3). */
  ownTest?: 'cherry-check';
  /** Where the value rules come from (../shared/reference). */
  source: string;
}

export const CLIENTS: Record<ClientId, ClientInfo> = {
  'cherry-studio': {
    id: 'cherry-studio',
    name: 'Cherry Studio',
    urlField: 'Settings → Model Services → Crazyrouter (type OpenAI) → API URL',
    urlValue: GATEWAY_ROOT,
    keyField: 'API Key',
    testAction: 'Check',
    requestsFrom: 'this-machine',
    ownTest: 'cherry-check',
    source: 'seed-cherry-studio-guide.txt; client-url-rules.md §A',
  },
  cursor: {
    id: 'cursor',
    name: 'Cursor',
    urlField: 'Cursor Settings → Models → Override OpenAI Base URL',
    urlValue: GATEWAY_OPENAI_BASE,
    keyField: 'OpenAI API Key',
    testAction: 'Verify',
    requestsFrom: 'vendor-servers',
    source: 'seed-cursor-guide.txt; client-url-rules.md §B',
  },
  'claude-code': {
    id: 'claude-code',
    name: 'Claude Code',
    urlField: 'ANTHROPIC_BASE_URL (in ~/.claude/settings.json "env" or the shell)',
    urlValue: GATEWAY_ROOT,
    keyField: 'ANTHROPIC_AUTH_TOKEN (or ANTHROPIC_API_KEY, not both)',
    requestsFrom: 'this-machine',
    source: 'client-url-rules.md §F',
  },
  codex: {
    id: 'codex',
    name: 'Codex',
    urlField: '~/.codex/config.toml → [model_providers.crazyrouter] base_url',
    urlValue: GATEWAY_OPENAI_BASE,
    keyField: 'the variable named by env_key (e.g. CRAZYROUTER_API_KEY)',
    requestsFrom: 'this-machine',
    source: 'client-url-rules.md §E',
  },
  cline: {
    id: 'cline',
    name: 'Cline',
    urlField: 'API Provider "OpenAI Compatible" → Base URL',
    urlValue: GATEWAY_OPENAI_BASE,
    keyField: 'API Key',
    requestsFrom: 'this-machine',
    source: 'client-url-rules.md §C',
  },
  'vscode-chat': {
    id: 'vscode-chat',
    name: 'VS Code (Copilot Chat)',
    urlField: 'chatLanguageModels.json → the "customendpoint" group → models[].url',
    urlValue: GATEWAY_OPENAI_BASE,
    keyField: 'the API key VS Code asks for in Chat: Manage Language Models (the file then holds ${input:chat.lm.secret.…}, never the key)',
    requestsFrom: 'this-machine',
    source: 'clients-logs-pricing.md §1; microsoft/vscode extensions/copilot/src/extension/byok/vscode-node/customEndpointProvider.ts',
  },
};

/** The client the doctor sets up when nobody chose one. */
export const DEFAULT_CLIENT: ClientId = 'cursor';

/** The models both guides recommend validating, baseline first. */
export const RECOMMENDED_MODELS = ['gpt-5.4', 'claude-sonnet-4-6', 'gemini-3-pro-preview'] as const;
/** Both guides: "Start with gpt-5.4", the baseline verified in production. */
export const BASELINE_MODEL = RECOMMENDED_MODELS[0];
/** The guides' Claude model, for Claude Code's protocol check when no Claude model is chosen. */
export const CLAUDE_MODEL = RECOMMENDED_MODELS[1];
