import { parseArgs } from 'node:util';
import * as l10n from '@vscode/l10n';
import { CLIENT_IDS, DEFAULT_CLIENT, RECOMMENDED_MODELS, type ClientId } from '../core/clients/clients';
import { URL_RULE_IDS, type UrlRuleId } from '../core/clients/urlRules';
import { DEFAULT_CONCURRENCY } from '../core/engine/verify';
import { parseUiLanguage, UI_LANGUAGES, type UiLanguage } from '../core/l10n/uiLanguage';
import { baseUrlProblem } from '../core/urls';
import { GATEWAY_SNAPSHOTS, WORDING_LANGS, type GatewaySnapshotId, type WordingLang } from '../core/wordings/snapshots';

export interface CliArgs {
  baseUrl?: string;
  client: ClientId;
  models: string[];
  json: boolean;
  markdown: boolean;
  scenario?: string;
  /** Sandbox: the gateway version and the token owner's language it answers as. */
  gateway?: GatewaySnapshotId;
  gatewayLang?: WordingLang;
  latencyMs: number;
  timeoutMs?: number;
  concurrency?: number;
  health: boolean;
  typedUrl?: string;
  urlRule?: UrlRuleId;
  listScenarios: boolean;
  discover: boolean;
  /** Serve the doctor to agents over MCP (stdio) instead of running once. */
  mcp: boolean;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

/** The help text, in the language chosen (call it after useBundle). */
export const usage = (): string =>
  l10n.t(
    `Usage: crazyrouter-doctor [options]

Checks that a Crazyrouter token and base URL work for an AI client, and says what to fix.
With no --base-url it starts the built-in sandbox gateway and checks against it (no account needed).

Options:
  --base-url URL        OpenAI base URL to check, e.g. https://crazyrouter.com/v1
  --client ID           {clients} (default: {defaultClient})
  --model M             a model to probe; repeat for more (default: {models})
  --typed-url VALUE     what you typed in your client's URL field: shows the URL the client will
                        really call, probes it, and says what to type instead ({sandbox} = the sandbox)
  --url-rule ID         {urlRules}
                        (default: the client's; e.g. cherry-studio@1.6 for Cherry Studio 1.6 and older)
  --health              only the free checks (no completions; what the status bar runs)
  --json                print the report as JSON
  --markdown            print the report as Markdown
  --timeout MS          per-request timeout (default 20000)
  --concurrency N       checks at once (default {concurrency}; 1 runs them one after another)
  --scenario ID         sandbox scenario (see --list-scenarios)
  --gateway VERSION     sandbox: answer as {gateways}
  --gateway-lang LANG   sandbox: the token owner's language, {gatewayLangs}
  --latency MS          sandbox: delay added to every response
  --list-scenarios      list the sandbox scenarios
  --discover            read (never write) the settings of Codex, Claude Code, Continue, Cline,
                        VS Code's chat, Cursor and Cherry Studio 2.x on this machine: what each
                        will call, what to change, shared tokens, the checklist items they prove
                        (judged against --base-url, default https://crazyrouter.com/v1)
  --mcp                 serve the doctor to agents (Claude Code, Codex, Cursor, Cline) as an MCP
                        server on stdin/stdout; with --base-url (default https://crazyrouter.com/v1),
                        --timeout, --concurrency and --lang only. The token comes from
                        CRAZYROUTER_API_KEY.
  --lang LANG           the language of the output: {langs} (default: from LC_ALL, LC_MESSAGES or
                        LANG; Traditional Chinese locales get English, as there is no Traditional
                        Chinese translation yet). JSON keys and gateway messages are never translated.
  -h, --help            show this help
  -v, --version         show the version

The token is read from CRAZYROUTER_API_KEY, or asked for without echo. It is never printed.
A full run also reads the token's log (/api/log/token) and the public status and prices; none
spends tokens. The log and token status routes share the gateway's critical rate limit (20 per
20 minutes, with the dashboard login): runs keep to a budget kept in
$XDG_STATE_HOME/crazyrouter-doctor (origins and times only).
Exit codes: 0 no check failed, 1 a check failed, 2 bad input, 130 cancelled.`,
    {
      clients: CLIENT_IDS.join(' | '),
      defaultClient: DEFAULT_CLIENT,
      models: RECOMMENDED_MODELS.join(', '),
      urlRules: URL_RULE_IDS.join(' | '),
      concurrency: String(DEFAULT_CONCURRENCY),
      gateways: Object.keys(GATEWAY_SNAPSHOTS).join(' | '),
      gatewayLangs: WORDING_LANGS.join(' | '),
      langs: UI_LANGUAGES.join(' | '),
    },
  );

/**
 * The `--lang` value, read before the rest of the arguments so that their errors and the help are
 * already in that language. Undefined when absent or not a language (parseCliArgs then refuses it).
 */
export function langFlag(argv: readonly string[]): UiLanguage | undefined {
  let value: string | undefined;
  for (const [i, arg] of argv.entries()) {
    if (arg === '--') break;
    if (arg === '--lang') value = argv[i + 1];
    else if (arg.startsWith('--lang=')) value = arg.slice('--lang='.length);
  }
  return value === undefined ? undefined : parseUiLanguage(value);
}

const positiveInt = (name: string, value: string | undefined, min: number): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(l10n.t('--{name} must be a whole number ≥ {min}', { name, min: String(min) }));
  return n;
};

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'base-url': { type: 'string' },
        client: { type: 'string', default: DEFAULT_CLIENT },
        model: { type: 'string', multiple: true },
        json: { type: 'boolean', default: false },
        markdown: { type: 'boolean', default: false },
        scenario: { type: 'string' },
        gateway: { type: 'string' },
        'gateway-lang': { type: 'string' },
        latency: { type: 'string' },
        timeout: { type: 'string' },
        concurrency: { type: 'string' },
        health: { type: 'boolean', default: false },
        'typed-url': { type: 'string' },
        'url-rule': { type: 'string' },
        'list-scenarios': { type: 'boolean', default: false },
        discover: { type: 'boolean', default: false },
        mcp: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
        lang: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  if (!(CLIENT_IDS as readonly string[]).includes(v.client ?? ''))
    throw new UsageError(l10n.t('--client must be one of {clients}', { clients: CLIENT_IDS.join(', ') }));
  if (v['base-url'] && (v.scenario || v.latency || v.gateway || v['gateway-lang']))
    throw new UsageError(l10n.t('--scenario, --gateway, --gateway-lang and --latency apply to the sandbox; leave out --base-url to use it'));
  if (v.gateway !== undefined && !(v.gateway in GATEWAY_SNAPSHOTS))
    throw new UsageError(l10n.t('--gateway must be one of {gateways}', { gateways: Object.keys(GATEWAY_SNAPSHOTS).join(', ') }));
  if (v['gateway-lang'] !== undefined && !(WORDING_LANGS as readonly string[]).includes(v['gateway-lang']))
    throw new UsageError(l10n.t('--gateway-lang must be one of {langs}', { langs: WORDING_LANGS.join(', ') }));
  if (v.json && v.markdown) throw new UsageError(l10n.t('choose one of --json and --markdown'));
  if (v['base-url'] !== undefined) {
    const problem = baseUrlProblem(v['base-url']);
    if (problem) throw new UsageError(l10n.t('--base-url {problem}', { problem }));
  }
  const runOnly = [
    'client',
    'model',
    'json',
    'markdown',
    'scenario',
    'gateway',
    'gateway-lang',
    'latency',
    'health',
    'typed-url',
    'url-rule',
    'list-scenarios',
    'discover',
  ] as const;
  if (v.mcp && runOnly.some((name) => argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`))))
    throw new UsageError(l10n.t('--mcp takes only --base-url, --timeout, --concurrency and --lang; the client, models and typed URL are the tools’ arguments'));
  if (v['url-rule'] && !(URL_RULE_IDS as readonly string[]).includes(v['url-rule']))
    throw new UsageError(l10n.t('--url-rule must be one of {rules}', { rules: URL_RULE_IDS.join(', ') }));
  if (v.lang !== undefined && !parseUiLanguage(v.lang))
    throw new UsageError(l10n.t('--lang must be one of {langs} (Traditional Chinese is not available yet)', { langs: UI_LANGUAGES.join(', ') }));
  return {
    baseUrl: v['base-url'],
    client: v.client as ClientId,
    models: v.model ?? [],
    json: v.json ?? false,
    markdown: v.markdown ?? false,
    scenario: v.scenario,
    gateway: v.gateway as GatewaySnapshotId | undefined,
    gatewayLang: v['gateway-lang'] as WordingLang | undefined,
    latencyMs: positiveInt('latency', v.latency, 0) ?? 0,
    timeoutMs: positiveInt('timeout', v.timeout, 500),
    concurrency: positiveInt('concurrency', v.concurrency, 1),
    health: v.health ?? false,
    typedUrl: v['typed-url'],
    urlRule: v['url-rule'] as UrlRuleId | undefined,
    listScenarios: v['list-scenarios'] ?? false,
    discover: v.discover ?? false,
    mcp: v.mcp ?? false,
    help: v.help ?? false,
    version: v.version ?? false,
  };
}
