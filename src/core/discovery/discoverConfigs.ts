import { readFile } from 'node:fs/promises';
import { primaryCall, URL_RULES, valueToType, type UrlRuleId } from '../clients/urlRules';
import { readClaudeSettings } from './claudeSettings';
import { readClineGlobalState, readClineProviders } from './clineConfig';
import { readCodexConfig } from './codexConfig';
import { configLocations, type ConfigKind } from './configLocations';
import { readContinueConfig } from './continueConfig';
import type { DiscoveredConfig, ParsedFile } from './discoveredConfig';
import { correctedSnippet } from './snippets';

export interface DiscoveryOptions {
  home: string;
  env: NodeJS.ProcessEnv;
  workspaceFolders?: readonly string[];
}

/** A found configuration with the URL doctor's verdict on it. */
export interface ConfigFinding extends DiscoveredConfig {
  /** The URL the client will call for its configured value. */
  predictedUrl?: string;
  /** Exactly what to put there instead; undefined when the value is right. */
  valueToType?: string;
  snippet: string;
  /** Other tools found with the same token (the guides want a dedicated token per tool). */
  sharesTokenWith: string[];
}

/** Each kind of file: whose it is, and how to read it. */
const KINDS: Record<ConfigKind, { client: string; rule: UrlRuleId; read: (file: ParsedFile, companion: ParsedFile | undefined, env: NodeJS.ProcessEnv) => DiscoveredConfig[] }> = {
  'codex-toml': { client: 'Codex', rule: 'codex', read: (f, _c, env) => readCodexConfig(f, env) },
  'claude-json': { client: 'Claude Code', rule: 'claude-code', read: (f) => readClaudeSettings(f) },
  'continue-yaml': { client: 'Continue', rule: 'continue', read: (f) => readContinueConfig(f) },
  'cline-state': { client: 'Cline', rule: 'cline', read: (f, c) => readClineGlobalState(f, c) },
  'cline-providers': { client: 'Cline', rule: 'cline', read: (f) => readClineProviders(f) },
};

async function load(path: string | undefined): Promise<ParsedFile | undefined> {
  if (!path) return undefined;
  try {
    return { path, text: await readFile(path, 'utf8') };
  } catch {
    return undefined;
  }
}

/**
 * Finds and parses the clients' configuration files. Read-only: nothing is ever written. A file
 * that does not parse is reported as a finding with the parser's complaint.
 */
export async function discoverConfigs(options: DiscoveryOptions): Promise<ConfigFinding[]> {
  const found: DiscoveredConfig[] = [];
  for (const location of configLocations(options.home, options.env, options.workspaceFolders)) {
    const file = await load(location.path);
    if (!file) continue;
    const { client, rule, read } = KINDS[location.kind];
    try {
      found.push(...read(file, await load(location.companion), options.env));
    } catch (error) {
      found.push({ client, rule, file: file.path, problems: [`The file could not be parsed: ${(error as Error).message.split('\n')[0]}`] });
    }
  }
  return found.map((config) => judge(config, found));
}

function judge(config: DiscoveredConfig, all: readonly DiscoveredConfig[]): ConfigFinding {
  const rule = URL_RULES[config.rule];
  const sharesTokenWith = config.tokenFingerprint
    ? [...new Set(all.filter((o) => o !== config && o.client !== config.client && o.tokenFingerprint === config.tokenFingerprint).map((o) => o.client))]
    : [];
  const problems = [...config.problems];
  if (sharesTokenWith.length > 0) problems.push(`Uses the same token as ${sharesTokenWith.join(', ')}; the guides require a dedicated token per tool.`);
  if (!config.baseUrl) return { ...config, problems, sharesTokenWith, snippet: correctedSnippet(config, 'https://crazyrouter.com') };
  const predictedUrl = primaryCall(rule.predict(config.baseUrl))?.url;
  const right = valueToType(rule, config.baseUrl);
  const ok = predictedUrl !== undefined && predictedUrl === primaryCall(rule.predict(right))?.url;
  if (!ok) problems.unshift(`${rule.client} will call ${predictedUrl ?? '(nothing)'}: set it to ${right}.`);
  return { ...config, predictedUrl, valueToType: ok ? undefined : right, problems, sharesTokenWith, snippet: correctedSnippet(config, right) };
}
