import type { DiscoveredConfig, ParsedFile } from './discoveredConfig';
import { fingerprint } from './fingerprint';

/** Cline ≥ 3.66: `~/.cline/data/globalState.json` (+ `secrets.json`) with `openAiBaseUrl`. */
export function readClineGlobalState(file: ParsedFile, secrets: ParsedFile | undefined): DiscoveredConfig[] {
  const state = JSON.parse(file.text) as { openAiBaseUrl?: unknown; actModeApiProvider?: unknown; apiProvider?: unknown };
  if (typeof state.openAiBaseUrl !== 'string') return [];
  const key = secrets ? (JSON.parse(secrets.text) as { openAiApiKey?: unknown }).openAiApiKey : undefined;
  return [
    {
      client: 'Cline',
      rule: 'cline',
      file: file.path,
      entry: 'openAiBaseUrl',
      baseUrl: state.openAiBaseUrl,
      tokenFingerprint: typeof key === 'string' && key ? fingerprint(key) : undefined,
      tokenSource: typeof key === 'string' && key ? 'secrets.json openAiApiKey' : undefined,
      problems: [],
    },
  ];
}

/** Cline 4.x: `~/.cline/data/settings/providers.json`, entries `{provider, apiKey, model, baseUrl}`. */
export function readClineProviders(file: ParsedFile): DiscoveredConfig[] {
  const doc = JSON.parse(file.text) as unknown;
  const entries = Array.isArray(doc) ? doc : Array.isArray((doc as { providers?: unknown }).providers) ? (doc as { providers: unknown[] }).providers : Object.values((doc as object) ?? {});
  return entries
    .filter((e): e is { provider?: string; apiKey?: string; baseUrl?: string; model?: string } => typeof e === 'object' && e !== null && typeof (e as { baseUrl?: unknown }).baseUrl === 'string')
    .map((e) => ({
      client: 'Cline',
      rule: 'cline' as const,
      file: file.path,
      entry: `${e.provider ?? 'provider'}${e.model ? ` (${e.model})` : ''}`,
      baseUrl: e.baseUrl,
      tokenFingerprint: e.apiKey ? fingerprint(e.apiKey) : undefined,
      tokenSource: e.apiKey ? 'providers.json apiKey' : undefined,
      problems: [],
    }));
}
