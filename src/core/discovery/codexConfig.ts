import { parse } from 'smol-toml';
import type { DiscoveredConfig, ParsedFile } from './discoveredConfig';
import { fingerprint } from './fingerprint';

interface CodexProvider {
  name?: string;
  base_url?: string;
  wire_api?: string;
  env_key?: string;
  experimental_bearer_token?: string;
}

/** `~/.codex/config.toml`: every `[model_providers.<id>]` (codex-rs model_provider_info.rs). */
export function readCodexConfig(file: ParsedFile, env: NodeJS.ProcessEnv): DiscoveredConfig[] {
  const doc = parse(file.text) as { model_provider?: string; model_providers?: Record<string, CodexProvider> };
  return Object.entries(doc.model_providers ?? {}).map(([id, provider]) => {
    const problems: string[] = [];
    if (provider.wire_api === 'chat') problems.push('wire_api = "chat" is no longer supported by current Codex: use wire_api = "responses".');
    else if (provider.wire_api !== 'responses') problems.push('wire_api is not set: set wire_api = "responses" (current Codex speaks only the Responses API).');
    const token = provider.experimental_bearer_token ?? (provider.env_key ? env[provider.env_key] : undefined);
    if (provider.env_key && !env[provider.env_key]) problems.push(`env_key names ${provider.env_key}, which is not set in this environment.`);
    return {
      client: 'Codex',
      rule: 'codex',
      file: file.path,
      entry: `model_providers.${id}${doc.model_provider === id ? ' (active)' : ''}`,
      baseUrl: provider.base_url,
      tokenFingerprint: token ? fingerprint(token) : undefined,
      tokenSource: provider.experimental_bearer_token ? 'experimental_bearer_token' : provider.env_key ? `env ${provider.env_key}` : undefined,
      problems,
    };
  });
}
