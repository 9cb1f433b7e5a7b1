import * as l10n from '@vscode/l10n';
import type { DiscoveredConfig, ParsedFile } from './discoveredConfig';
import { asRecord, recordAt, textAt, type Problems } from './fields';
import { fingerprint } from './fingerprint';

/** `~/.claude/settings.json` and a project's `.claude/settings*.json`: the `env` block (client-url-rules.md §F). */
export function readClaudeSettings(doc: unknown, file: ParsedFile): DiscoveredConfig[] {
  const problems: Problems = [];
  const env = recordAt(asRecord(doc), 'env', '', problems);
  const baseUrl = textAt(env, 'ANTHROPIC_BASE_URL', 'env.', problems);
  const authToken = textAt(env, 'ANTHROPIC_AUTH_TOKEN', 'env.', problems);
  const apiKey = textAt(env, 'ANTHROPIC_API_KEY', 'env.', problems);
  if (!baseUrl && !authToken && !apiKey && problems.length === 0) return [];
  // Claude Code 2.1.330 sends both headers when both are set (research/clients.md §B).
  if (authToken && apiKey) problems.push(l10n.t('Both ANTHROPIC_AUTH_TOKEN and ANTHROPIC_API_KEY are set; set only one.'));
  const token = authToken ?? apiKey;
  return [
    {
      client: 'Claude Code',
      rule: 'claude-code',
      file: file.path,
      entry: 'env',
      baseUrl,
      tokenFingerprint: token ? fingerprint(token) : undefined,
      tokenSource: authToken ? 'env.ANTHROPIC_AUTH_TOKEN' : apiKey ? 'env.ANTHROPIC_API_KEY' : undefined,
      problems,
    },
  ];
}
