import { lstat } from 'node:fs/promises';
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { GATEWAY_OPENAI_BASE } from '../clients/clients';
import { primaryCall, URL_RULES, valueToType, type UrlRuleId } from '../clients/urlRules';
import type { SqliteDatabase } from '../sqlite/sqliteReader';
import { readCherryStudioDb } from './cherryStudioDb';
import { readClaudeSettings } from './claudeSettings';
import { readClineGlobalState, readClineProviders } from './clineConfig';
import { readCodexConfig } from './codexConfig';
import { configLocations, type ConfigLocation, type DatabaseKind, type TextConfigKind, type UnreadKind } from './configLocations';
import { readContinueConfig } from './continueConfig';
import { readCursorState } from './cursorState';
import { readDatabase } from './databaseFile';
import { findingTicks } from './scanChecklist';
import type { DiscoveredConfig, ParsedFile } from './discoveredConfig';
import { asRecord } from './fields';
import { parseProblem, readConfigFile } from './safeRead';
import { correctedSnippet } from './snippets';
import { readVsCodeChatModels } from './vscodeChatModels';
import { willCall } from './willCall';

export interface DiscoveryOptions {
  home: string;
  env: NodeJS.ProcessEnv;
  workspaceFolders?: readonly string[];
  /** The VS Code profile folder of the window the doctor runs in (its chatLanguageModels.json is read first). */
  chatProfiles?: readonly string[];
  /** The gateway being checked (default https://crazyrouter.com/v1): Cherry Studio's providers that point at it are the ones reported. */
  baseUrl?: string;
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
  /** The checklist items this finding proves or disproves (Cursor's base URL, a Cherry Studio 2.x provider's URL and switch). */
  checklist: ReturnType<typeof findingTicks>;
}

/** Each kind of text file: whose it is, its format, and how to read what it holds. */
const TEXT_KINDS: Record<
  TextConfigKind,
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

/** Each kind of database: whose it is, how to read the rows that matter, and what to check by hand when it cannot be read. */
const DATABASE_KINDS: Record<
  DatabaseKind,
  { client: string; rule: UrlRuleId; checkYourself: () => string; read: (db: SqliteDatabase, file: string, gateway: string) => Promise<DiscoveredConfig[]> }
> = {
  'cursor-state': {
    client: 'Cursor',
    rule: 'cursor',
    checkYourself: () => l10n.t('Check Cursor Settings → Models yourself.'),
    read: (db, f) => readCursorState(db, f),
  },
  'cherry-studio-db': {
    client: 'Cherry Studio',
    rule: 'cherry-studio@2',
    checkYourself: () => l10n.t('Check Settings → Model Services yourself.'),
    read: (db, f, gateway) => readCherryStudioDb(db, f, gateway),
  },
};

/**
 * Stores the doctor does not read, and why. Cherry Studio 1.x keeps its providers in Chromium's
 * localStorage, a LevelDB store: every LevelDB package on npm (classic-level, leveldown) is a
 * native binding that takes the store's LOCK, and no maintained reader in plain JavaScript exists.
 */
const UNREAD_KINDS: Record<UnreadKind, { client: string; rule: UrlRuleId; why: () => string }> = {
  'cherry-studio-leveldb': {
    client: 'Cherry Studio',
    rule: 'cherry-studio@1.7',
    why: () =>
      l10n.t(
        'Cherry Studio 1.x keeps its settings in a LevelDB store, which the doctor does not read. Check Settings → Model Services yourself (or update to Cherry Studio 2.x, whose settings it reads).',
      ),
  },
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
 * is read the careful way (`readConfigFile`, `readDatabase`); one that cannot be read, does not
 * parse or holds odd values is reported as a finding, and the scan goes on.
 */
export async function discoverConfigs(options: DiscoveryOptions): Promise<ConfigFinding[]> {
  const found: DiscoveredConfig[] = [];
  const gateway = options.baseUrl ?? GATEWAY_OPENAI_BASE;
  const cherryFolders = await cherryStudioBootFolders(options.home, options.signal);
  for (const location of configLocations(options.home, options.env, options.workspaceFolders, process.platform, options.chatProfiles, cherryFolders)) {
    const { kind } = location;
    if (kind in DATABASE_KINDS) found.push(...(await readDatabaseLocation(location, DATABASE_KINDS[kind as DatabaseKind], gateway, options.signal)));
    else if (kind in UNREAD_KINDS) found.push(...(await unreadStore(location, UNREAD_KINDS[kind as UnreadKind])));
    else found.push(...(await readTextLocation(location, TEXT_KINDS[kind as TextConfigKind], options)));
  }
  return found.map((config) => {
    const judged = judge(config, found);
    return { ...judged, checklist: findingTicks(judged, gateway) };
  });
}

async function readTextLocation(location: ConfigLocation, kind: (typeof TEXT_KINDS)[TextConfigKind], options: DiscoveryOptions): Promise<DiscoveredConfig[]> {
  const { client, rule, format, read } = kind;
  const outcome = await readConfigFile(location.path, location.folder, options.signal);
  if (outcome.kind === 'absent') return [];
  if (outcome.kind === 'refused') return [{ client, rule, file: location.path, problems: [outcome.problem] }];
  let doc: unknown;
  try {
    doc = PARSERS[format](outcome.file.text);
  } catch (error) {
    return [{ client, rule, file: location.path, problems: [parseProblem(error, format)] }];
  }
  const companion = location.companion ? await readConfigFile(location.companion, location.folder, options.signal) : undefined;
  let companionDoc: unknown;
  try {
    companionDoc = companion?.kind === 'read' ? JSON.parse(companion.file.text) : undefined;
  } catch {
    companionDoc = undefined;
  }
  return read(doc, outcome.file, companionDoc, options.env);
}

async function readDatabaseLocation(
  location: ConfigLocation,
  kind: (typeof DATABASE_KINDS)[DatabaseKind],
  gateway: string,
  signal: AbortSignal | undefined,
): Promise<DiscoveredConfig[]> {
  const outcome = await readDatabase(location.path, location.folder, (db) => kind.read(db, location.path, gateway), signal);
  if (outcome.kind === 'absent') return [];
  if (outcome.kind === 'read') return outcome.value;
  return [
    {
      client: kind.client,
      rule: kind.rule,
      file: location.path,
      notRead: l10n.t('{problem} {checkYourself}', { problem: outcome.problem, checkYourself: kind.checkYourself() }),
      problems: [],
    },
  ];
}

const exists = async (file: string) => (await lstat(file).catch(() => undefined)) !== undefined;

/** A store the doctor knows of but does not read: said once, where it exists and nothing it reads is beside it. */
async function unreadStore(location: ConfigLocation, kind: (typeof UNREAD_KINDS)[UnreadKind]): Promise<DiscoveredConfig[]> {
  if (!(await exists(location.path))) return [];
  for (const other of location.unlessExists ?? []) if (await exists(other)) return [];
  return [{ client: kind.client, rule: kind.rule, file: location.path, notRead: kind.why(), problems: [] }];
}

/**
 * The data folders Cherry Studio 2.x's `~/.cherrystudio/boot-config.json` names: a flat map whose
 * `app.user_data_path` is executable path → folder (kangfenmao/cherry-studio@5dbff79d
 * src/shared/data/bootConfig/bootConfigSchemas.ts, src/main/core/preboot/userDataLocation.ts). Every
 * folder counts: the doctor cannot tell which installation is the one in use.
 */
async function cherryStudioBootFolders(home: string, signal?: AbortSignal): Promise<string[]> {
  const folder = path.join(home, '.cherrystudio');
  const outcome = await readConfigFile(path.join(folder, 'boot-config.json'), folder, signal);
  if (outcome.kind !== 'read') return [];
  try {
    const paths = asRecord(asRecord(JSON.parse(outcome.file.text))?.['app.user_data_path']) ?? {};
    return Object.values(paths).filter((p): p is string => typeof p === 'string' && path.isAbsolute(p));
  } catch {
    return [];
  }
}

function judge(config: DiscoveredConfig, all: readonly DiscoveredConfig[]): Omit<ConfigFinding, 'checklist'> {
  const rule = URL_RULES[config.rule];
  const sharesTokenWith = config.tokenFingerprint
    ? [...new Set(all.filter((o) => o !== config && o.client !== config.client && o.tokenFingerprint === config.tokenFingerprint).map((o) => o.client))]
    : [];
  const problems = [...config.problems];
  if (sharesTokenWith.length > 0)
    problems.push(l10n.t('Uses the same token as {tools}; the guides require a dedicated token per tool.', { tools: sharesTokenWith.join(', ') }));
  if (!config.baseUrl) return { ...config, problems, sharesTokenWith, snippet: correctedSnippet(config, 'https://crazyrouter.com') };
  const predictedUrl = primaryCall(rule.predict(config.baseUrl, config.model))?.url;
  const right = valueToType(rule, config.baseUrl);
  const ok = predictedUrl !== undefined && predictedUrl === primaryCall(rule.predict(right, config.model))?.url;
  if (!ok) problems.unshift(willCall(rule.client, predictedUrl, right));
  // One config.yaml, two programs: the CLI (cn) picks its API by its own, narrower, model test.
  const cliUrl = config.rule === 'continue' ? primaryCall(URL_RULES['continue-cli'].predict(config.baseUrl, config.model))?.url : undefined;
  if (cliUrl && cliUrl !== predictedUrl) problems.push(l10n.t('The Continue CLI (cn) calls {url} for this model instead.', { url: cliUrl }));
  return { ...config, predictedUrl, valueToType: ok ? undefined : right, problems, sharesTokenWith, snippet: correctedSnippet(config, right) };
}
