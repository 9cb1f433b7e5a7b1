import { parse } from 'yaml';
import type { DiscoveredConfig, ParsedFile } from './discoveredConfig';
import { fingerprint } from './fingerprint';

interface ContinueModel {
  name?: string;
  provider?: string;
  apiBase?: string;
  apiKey?: string;
}

/** `~/.continue/config.yaml`: OpenAI-provider models and their `apiBase`. */
export function readContinueConfig(file: ParsedFile): DiscoveredConfig[] {
  const doc = (parse(file.text) ?? {}) as { models?: ContinueModel[] };
  return (doc.models ?? [])
    .filter((m) => m.provider === 'openai' && m.apiBase)
    .map((m) => {
      const literalKey = m.apiKey && !m.apiKey.includes('${{') ? m.apiKey : undefined;
      return {
        client: 'Continue',
        rule: 'continue' as const,
        file: file.path,
        entry: `models: ${m.name ?? '(unnamed)'}`,
        baseUrl: m.apiBase,
        tokenFingerprint: literalKey ? fingerprint(literalKey) : undefined,
        tokenSource: literalKey ? 'apiKey' : m.apiKey ? 'a secret reference' : undefined,
        problems: [],
      };
    });
}
