import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { primaryCall, URL_RULES, valueToType, type UrlRuleId } from '../clients/urlRules';
import { readClaudeSettings } from './claudeSettings';
import { readClineGlobalState, readClineProviders } from './clineConfig';
import { readCodexConfig } from './codexConfig';
import { configLocations, type ConfigKind } from './configLocations';
import { readContinueConfig } from './continueConfig';
import type { DiscoveredConfig, ParsedFile } from './discoveredConfig';
import { parseProblem, readConfigFile } from './safeRead';
import { correctedSnippet } from './snippets';
import { readVsCodeChatModels } from './vscodeChatModels';

export interface DiscoveryOptions {
  home: string;
  env: NodeJS.ProcessEnv;
  workspaceFolders?: readonly string[];
  /** The VS Code profile folder of the window the doctor runs in (its chatLanguageModels.json is read first). */
  chatProfiles?: readonly string[];
  /** Stops the scan (Ctrl-C, a closed panel). */
  signal?: AbortSignal;
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

/** Each kind of file: whose it is, its format, and how to read what it holds. */
const KINDS: Record<
  ConfigKind,
  {
    client: string;
    rule: UrlRuleId;
    format: 'JSON' | 'JSONC' | 'TOML' | 'YAML';
    read: (doc: unknown, file: ParsedFile, companion: unknown, env: NodeJS.ProcessEnv) => DiscoveredConfig[];
  }
> = {
  'codex-toml': { client: 'Codex', rule: 'codex', format: 'TOML', read: (d, f, _c, env) => readCodexConfig(d, f, env) },
  'claude-json': { client: 'Claude Code', rule: 'claude-code', format: 'JSON', read: (d, f) => readClaudeSettings(d, f) },
  'continue-yaml': { client: 'Continue', rule: 'continue', format: 'YAML', read: (d, f) => readContinueConfig(d, f) },
  'cline-state': { client: 'Cline', rule: 'cline', format: 'JSON', read: (d, f, c) => readClineGlobalState(d, f, c) },
  'cline-providers': { client: 'Cline', rule: 'cline', format: 'JSON', read: (d, f) => readClineProviders(d, f) },
  'vscode-chat-json': { client: 'VS Code (Copilot Chat)', rule: 'vscode-chat', format: 'JSONC', read: (d, f) => readVsCodeChatModels(d, f) },
};

const PARSERS = {
  JSON: (text: string): unknown => JSON.parse(text),
  /** VS Code's own JSON files allow comments and trailing commas. */
  JSONC: (text: string): unknown => {
    const errors: ParseError[] = [];
    const doc: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
    if (errors.length > 0) throw new SyntaxError(`Unexpected token in JSON at position ${errors[0]!.offset}`);
    return doc;
  },
  TOML: (text: string): unknown => parseToml(text),
  YAML: (text: string): unknown => parseYaml(text),
};

/**
 * Finds and parses the clients' configuration files. Read-only: nothing is ever written. Each file
 * is read the careful way (`readConfigFile`); one that cannot be read, does not parse or holds odd
 * values is reported as a finding, and the scan goes on.
 */
export async function discoverConfigs(options: DiscoveryOptions): Promise<ConfigFinding[]> {
  const found: DiscoveredConfig[] = [];
  for (const location of configLocations(options.home, options.env, options.workspaceFolders, process.platform, options.chatProfiles)) {
    const { client, rule, format, read } = KINDS[location.kind];
    const outcome = await readConfigFile(location.path, location.folder, options.signal);
    if (outcome.kind === 'absent') continue;
    if (outcome.kind === 'refused') {
      found.push({ client, rule, file: location.path, problems: [`The file ${outcome.problem}`] });
      continue;
    }
    let doc: unknown;
    try {
      doc = PARSERS[format](outcome.file.text);
    } catch (error) {
      found.push({ client, rule, file: location.path, problems: [parseProblem(error, format)] });
      continue;
    }
    const companion = location.companion ? await readConfigFile(location.companion, location.folder, options.signal) : undefined;
    let companionDoc: unknown;
    try {
      companionDoc = companion?.kind === 'read' ? JSON.parse(companion.file.text) : undefined;
    } catch {
      companionDoc = undefined;
    }
    found.push(...read(doc, outcome.file, companionDoc, options.env));
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
  const predictedUrl = primaryCall(rule.predict(config.baseUrl, config.model))?.url;
  const right = valueToType(rule, config.baseUrl);
  const ok = predictedUrl !== undefined && predictedUrl === primaryCall(rule.predict(right, config.model))?.url;
  if (!ok) problems.unshift(`${rule.client} will call ${predictedUrl ?? '(nothing)'}: set it to ${right}.`);
  // One config.yaml, two programs: the CLI (cn) picks its API by its own, narrower, model test.
  const cliUrl = config.rule === 'continue' ? primaryCall(URL_RULES['continue-cli'].predict(config.baseUrl, config.model))?.url : undefined;
  if (cliUrl && cliUrl !== predictedUrl) problems.push(`The Continue CLI (cn) calls ${cliUrl} for this model instead.`);
  return { ...config, predictedUrl, valueToType: ok ? undefined : right, problems, sharesTokenWith, snippet: correctedSnippet(config, right) };
}
