import type { DiscoveredConfig, ParsedFile } from './discoveredConfig';
import { asRecord, recordAt, textAt, type Problems } from './fields';
import { fingerprint } from './fingerprint';

/** Cline ≥ 3.66: `~/.cline/data/globalState.json` (+ `secrets.json`) with `openAiBaseUrl` (client-url-rules.md §C). */
export function readClineGlobalState(doc: unknown, file: ParsedFile, secrets: unknown): DiscoveredConfig[] {
  const problems: Problems = [];
  const baseUrl = textAt(asRecord(doc), 'openAiBaseUrl', '', problems);
  if (!baseUrl && problems.length === 0) return [];
  const key = textAt(asRecord(secrets), 'openAiApiKey', 'secrets.json ', problems);
  return [
    {
      client: 'Cline',
      rule: 'cline',
      file: file.path,
      entry: 'openAiBaseUrl',
      baseUrl,
      tokenFingerprint: key ? fingerprint(key) : undefined,
      tokenSource: key ? 'secrets.json openAiApiKey' : undefined,
      problems,
    },
  ];
}

/**
 * The Cline CLI (v4 SDK): `~/.cline/data/settings/providers.json`, as the real `cline auth` writes it:
 * `{ "version": 1, "providers": { "openai-compatible": { "settings": { provider, apiKey, model, baseUrl } } } }`
 * (cline/cline sdk/packages/core/src/types/provider-settings.ts; research/clients.md §A.2, run with cline 3.0.65).
 */
export function readClineProviders(doc: unknown, file: ParsedFile): DiscoveredConfig[] {
  const fileProblems: Problems = [];
  const providers = recordAt(asRecord(doc), 'providers', '', fileProblems) ?? {};
  const found = Object.entries(providers).flatMap(([id, raw]): DiscoveredConfig[] => {
    const problems: Problems = [];
    const settings = recordAt(asRecord(raw), 'settings', `providers.${id}.`, problems);
    const where = `providers.${id}.settings.`;
    const baseUrl = textAt(settings, 'baseUrl', where, problems);
    if (!baseUrl && problems.length === 0) return [];
    const apiKey = textAt(settings, 'apiKey', where, problems);
    const model = textAt(settings, 'model', where, problems);
    return [
      {
        client: 'Cline',
        rule: 'cline',
        file: file.path,
        entry: `${id}${model ? ` (${model})` : ''}`,
        model,
        baseUrl,
        tokenFingerprint: apiKey ? fingerprint(apiKey) : undefined,
        tokenSource: apiKey ? 'providers.json apiKey' : undefined,
        problems,
      },
    ];
  });
  return found.length > 0 || fileProblems.length === 0 ? found : [{ client: 'Cline', rule: 'cline', file: file.path, problems: fileProblems }];
}
