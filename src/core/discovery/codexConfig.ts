import * as l10n from '@vscode/l10n';
import type { DiscoveredConfig, ParsedFile } from './discoveredConfig';
import { asRecord, recordAt, textAt, type Problems } from './fields';
import { fingerprint } from './fingerprint';

/**
 * `~/.codex/config.toml`: every `[model_providers.<id>]` (openai/codex codex-rs/core/src/model_provider_info.rs).
 * `wire_api` defaults to "responses" in current Codex (Codex 0.169.0, run: research/clients.md §B);
 * "chat" is no longer supported.
 */
export function readCodexConfig(doc: unknown, file: ParsedFile, env: NodeJS.ProcessEnv): DiscoveredConfig[] {
  const fileProblems: Problems = [];
  const root = asRecord(doc);
  const active = textAt(root, 'model_provider', '', fileProblems);
  const providers = recordAt(root, 'model_providers', '', fileProblems) ?? {};
  const found = Object.entries(providers).map(([id, raw]): DiscoveredConfig => {
    const problems: Problems = [];
    const where = `model_providers.${id}.`;
    const provider = asRecord(raw);
    if (!provider) problems.push(l10n.t('{field} is not a table; it was ignored.', { field: `model_providers.${id}` }));
    const wireApi = textAt(provider, 'wire_api', where, problems);
    if (wireApi === 'chat') problems.push(l10n.t('wire_api = "chat" is no longer supported by current Codex: use wire_api = "responses".'));
    const envKey = textAt(provider, 'env_key', where, problems);
    const bearer = textAt(provider, 'experimental_bearer_token', where, problems);
    const token = bearer ?? (envKey ? env[envKey] : undefined);
    if (envKey && !env[envKey]) problems.push(l10n.t('env_key names {variable}, which is not set in this environment.', { variable: envKey }));
    return {
      client: 'Codex',
      rule: 'codex',
      file: file.path,
      entry: active === id ? l10n.t('{entry} (active)', { entry: `model_providers.${id}` }) : `model_providers.${id}`,
      baseUrl: textAt(provider, 'base_url', where, problems),
      tokenFingerprint: token ? fingerprint(token) : undefined,
      tokenSource: bearer ? 'experimental_bearer_token' : envKey ? `env ${envKey}` : undefined,
      problems: [...fileProblems, ...problems],
    };
  });
  return found.length > 0 || fileProblems.length === 0 ? found : [{ client: 'Codex', rule: 'codex', file: file.path, problems: fileProblems }];
}
