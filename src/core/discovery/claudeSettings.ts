import type { DiscoveredConfig, ParsedFile } from './discoveredConfig';
import { fingerprint } from './fingerprint';

/** `~/.claude/settings.json` and a project's `.claude/settings*.json`: the `env` block. */
export function readClaudeSettings(file: ParsedFile): DiscoveredConfig[] {
  const doc = JSON.parse(file.text) as { env?: Record<string, unknown> };
  const env = doc.env ?? {};
  const str = (key: string) => (typeof env[key] === 'string' ? (env[key] as string) : undefined);
  const baseUrl = str('ANTHROPIC_BASE_URL');
  const authToken = str('ANTHROPIC_AUTH_TOKEN');
  const apiKey = str('ANTHROPIC_API_KEY');
  if (!baseUrl && !authToken && !apiKey) return [];
  const problems: string[] = [];
  if (authToken && apiKey) problems.push('Both ANTHROPIC_AUTH_TOKEN and ANTHROPIC_API_KEY are set; set only one.');
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
