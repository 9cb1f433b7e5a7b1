// How a user configures each real client against a gateway, and how the tier runs one prompt with
// it: the config file each client really reads (so discovery can be checked against it), and the
// switches that keep it on loopback (research/clients.md §B.2–§B.5, each found by running it).
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { UrlRuleId } from '../../src/core/clients/urlRules';
import type { ClientName } from './clientPackages';

export const PROMPT = 'Reply with the single word PONG';

export interface Step {
  args: string[];
  env?: Record<string, string>;
}

export interface ClientDriver {
  name: ClientName;
  /** The doctor's rule for this program, and the client name discovery reports for its file. */
  rule: UrlRuleId;
  discoveredAs: string;
  /** What users type after the gateway origin (with `#` where the client gives it meaning). */
  typed: string[];
  /** The models to run with (Continue picks its API by model). */
  models: string[];
  /** Writes the client's own config in `home`; returns the steps to run (the last one sends the prompt). */
  configure(home: string, baseUrl: string, model: string, key: string): Step[];
}

const write = (file: string, text: string) => (mkdirSync(path.dirname(file), { recursive: true }), writeFileSync(file, text));

export const DRIVERS: ClientDriver[] = [
  {
    name: 'codex',
    rule: 'codex',
    discoveredAs: 'Codex',
    typed: ['', '/v1', '/v1/', '/v1/responses'],
    models: ['gpt-5.4'],
    configure(home, baseUrl, model, key) {
      // ~/.codex/config.toml with a custom provider; [features] and [analytics] keep it off GitHub and chatgpt.com.
      write(
        path.join(home, '.codex', 'config.toml'),
        [
          `model = "${model}"`,
          'model_provider = "crazyrouter"',
          'check_for_update_on_startup = false',
          '[analytics]',
          'enabled = false',
          '[features]',
          'plugins = false',
          'remote_plugin = false',
          'apps = false',
          'in_app_updates = false',
          '[model_providers.crazyrouter]',
          'name = "Crazyrouter"',
          `base_url = "${baseUrl}"`,
          'env_key = "CRAZYROUTER_API_KEY"',
          'wire_api = "responses"',
          '',
        ].join('\n'),
      );
      return [{ args: ['exec', '--skip-git-repo-check', '-s', 'read-only', PROMPT], env: { CRAZYROUTER_API_KEY: key } }];
    },
  },
  {
    name: 'claude-code',
    rule: 'claude-code',
    discoveredAs: 'Claude Code',
    typed: ['', '/', '/v1', '/v1/', '/v1/messages'],
    models: ['claude-sonnet-4-6'],
    configure(home, baseUrl, model, key) {
      // ~/.claude/settings.json "env", as the guide has it; no non-essential traffic (no /api/hello, no telemetry).
      write(
        path.join(home, '.claude', 'settings.json'),
        JSON.stringify({ env: { ANTHROPIC_BASE_URL: baseUrl, ANTHROPIC_AUTH_TOKEN: key, CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' } }, null, 2),
      );
      return [{ args: ['-p', '--model', model, PROMPT], env: { CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' } }];
    },
  },
  {
    name: 'continue',
    rule: 'continue-cli',
    discoveredAs: 'Continue',
    typed: ['', '/v1', '/v1/', '/v1/chat/completions', '/v1#'],
    models: ['gpt-5.4', 'claude-sonnet-4-6'],
    configure(home, baseUrl, model, key) {
      const file = path.join(home, '.continue', 'config.yaml');
      write(
        file,
        [
          'name: crazyrouter',
          'version: 0.0.1',
          'schema: v1',
          'models:',
          '  - name: Crazyrouter',
          '    provider: openai',
          `    model: ${model}`,
          `    apiBase: "${baseUrl}"`,
          `    apiKey: ${key}`,
          '    roles:',
          '      - chat',
          '',
        ].join('\n'),
      );
      return [{ args: ['-p', '--config', file, PROMPT], env: { CONTINUE_CLI_ENABLE_TELEMETRY: '0', CONTINUE_METRICS_ENABLED: '0' } }];
    },
  },
  {
    name: 'cline',
    rule: 'cline',
    discoveredAs: 'Cline',
    typed: ['', '/v1', '/v1/', '/v1/chat/completions'],
    models: ['gpt-5.4'],
    configure(home, baseUrl, model, key) {
      // Telemetry and auto-update off (sdk/packages/core/src/services/global-settings.ts); no hub daemon;
      // IS_TEST: the no-op feature-flag provider (apps/cli/src/utils/feature-flags.ts).
      write(path.join(home, '.cline', 'data', 'settings', 'global-settings.json'), JSON.stringify({ telemetryOptOut: true, autoUpdateEnabled: false }));
      const env = { CLINE_SESSION_BACKEND_MODE: 'local', IS_TEST: 'true' };
      return [
        { args: ['auth', '-p', 'openai-compatible', '-k', key, '-m', model, '-b', baseUrl], env },
        { args: ['--json', '-t', '60', PROMPT], env },
      ];
    },
  },
];
