import type { UrlRuleId } from '../clients/urlRules';

/** One client configuration found on this machine. Holds no token: only a fingerprint of it. */
export interface DiscoveredConfig {
  client: string;
  rule: UrlRuleId;
  file: string;
  /** Which entry in the file (a provider id, a model name). */
  entry?: string;
  baseUrl?: string;
  /** The model the entry uses, where the client picks its API by model (Continue). */
  model?: string;
  /** sha256 of the token, first 12 hex characters: enough to compare, useless to an attacker. */
  tokenFingerprint?: string;
  /** Where the token comes from, e.g. `env CRAZYROUTER_API_KEY` or `settings.json env.ANTHROPIC_AUTH_TOKEN`. */
  tokenSource?: string;
  problems: string[];
}

export interface ParsedFile {
  path: string;
  text: string;
}
