import * as l10n from '@vscode/l10n';
import { BASELINE_MODEL } from '../clients/clients';
import { typedRoot } from '../clients/urlRules';
import type { DiscoveredConfig } from './discoveredConfig';

/**
 * The corrected configuration for a client, to copy by hand; nothing is written to its files.
 * Token values are never included: each snippet names where the token goes.
 */
export function correctedSnippet(config: DiscoveredConfig, valueToType: string): string {
  const root = typedRoot(valueToType) || 'https://crazyrouter.com';
  switch (config.rule) {
    case 'codex':
      return [
        'model_provider = "crazyrouter"',
        '',
        '[model_providers.crazyrouter]',
        'name = "Crazyrouter"',
        `base_url = "${root}/v1"`,
        'env_key = "CRAZYROUTER_API_KEY"',
        'wire_api = "responses"',
      ].join('\n');
    case 'claude-code':
      return JSON.stringify({ env: { ANTHROPIC_BASE_URL: root, ANTHROPIC_AUTH_TOKEN: l10n.t('<your dedicated Claude Code token>') } }, null, 2);
    case 'continue':
      return [
        'models:',
        `  - name: Crazyrouter ${BASELINE_MODEL}`,
        '    provider: openai',
        `    model: ${BASELINE_MODEL}`,
        `    apiBase: ${root}/v1`,
        '    apiKey: ${{ secrets.CRAZYROUTER_API_KEY }}',
      ].join('\n');
    case 'vscode-chat':
    case 'vscode-chat@responses':
    case 'vscode-chat@messages':
      // The key is entered in Chat: Manage Language Models; VS Code writes the ${input:…} reference itself.
      return JSON.stringify(
        [
          {
            name: 'Crazyrouter',
            vendor: 'customendpoint',
            models: [
              {
                id: config.model ?? BASELINE_MODEL,
                name: `Crazyrouter ${config.model ?? BASELINE_MODEL}`,
                url: `${root}/v1`,
                toolCalling: true,
                vision: false,
                maxOutputTokens: 16_000,
              },
            ],
          },
        ],
        null,
        2,
      );
    case 'cursor':
      // Settings typed in Cursor's own UI: the doctor never writes state.vscdb.
      return [
        l10n.t('Cursor Settings → Models:'),
        `  ${l10n.t('OpenAI API Key: <your dedicated Cursor token>, switch on')}`,
        `  Override OpenAI Base URL: ${root}/v1`,
        `  ${l10n.t('then Verify')}`,
      ].join('\n');
    case 'cherry-studio@2':
    case 'cherry-studio@2-responses':
      return [
        l10n.t('Settings → Model Services → Crazyrouter (type OpenAI), switch on:'),
        `  ${l10n.t('API URL: {url}', { url: root })}`,
        `  ${l10n.t('API Key: <your dedicated Cherry Studio token>')}`,
        `  ${l10n.t('then Check')}`,
      ].join('\n');
    default:
      return `Base URL: ${root}/v1`;
  }
}
