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
  /** Whether the client uses this entry: Cursor's OpenAI API Key switch, a Cherry Studio provider's switch. */
  enabled?: boolean;
  /** Why the doctor did not read what the client stores here, and what to check by hand instead. */
  notRead?: string;
  problems: string[];
}

export interface ParsedFile {
  path: string;
  text: string;
}
