import * as l10n from '@vscode/l10n';
import { URL_RULES, sameGateway, valueToType, type UrlRuleId } from '../clients/urlRules';
import type { Row, SqliteDatabase, SqlValue } from '../sqlite/sqliteReader';
import type { DiscoveredConfig } from './discoveredConfig';
import { asRecord, type Problems } from './fields';
import { fingerprint } from './fingerprint';

/**
 * Cherry Studio 2.x keeps its providers in the SQLite table `user_provider` (kangfenmao/cherry-studio
 * @5dbff79d src/main/data/db/schemas/userProvider.ts; migrations/sqlite-drizzle): `provider_id`,
 * `preset_provider_id`, `name`, `endpoint_configs` (JSON: endpoint type → { baseUrl, … }; early
 * 2.0 builds: `base_urls`, endpoint type → URL), `default_chat_endpoint`, `api_keys` (JSON
 * `[{ id, key, label?, isEnabled }]`, the keys in plain text) and `is_enabled` (0/1).
 * Every preset provider is seeded into the table (presetProviderSeeder.ts), so only providers that
 * point at the gateway being checked, or are named after Crazyrouter, are reported.
 */
const CLIENT = 'Cherry Studio';

/** The endpoint whose URL a chat uses when the provider names none (src/main/ai/utils/provider.ts getBaseUrl). */
const FALLBACK_ORDER = ['openai-chat-completions', 'anthropic-messages', 'openai-responses', 'google-generate-content', 'ollama-chat'];
/** The endpoints whose URL the doctor predicts, each with its rule (src/main/ai/provider/config.ts formatBaseURL). */
const OPENAI_ENDPOINTS: Record<string, UrlRuleId> = { 'openai-chat-completions': 'cherry-studio@2', 'openai-responses': 'cherry-studio@2-responses' };
/** Provider types whose URL Cherry Studio uses without adding a version (formatBaseURL `noVersionProviders`; new-api adds it later, in buildNewApiConfig). */
const NO_VERSION = new Set(['copilot', 'github', 'cherryai', 'perplexity', 'azure-openai']);

const text = (value: SqlValue | undefined) => (typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('utf8') : undefined);

function json(value: SqlValue | undefined, column: string, problems: Problems): unknown {
  const raw = text(value);
  if (raw === undefined || raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    problems.push(l10n.t('{column} is not valid JSON; it was ignored.', { column }));
    return undefined;
  }
}

/** Endpoint type → base URL, from `endpoint_configs` or the early `base_urls`. */
function endpointUrls(row: Row, problems: Problems): Record<string, string> {
  const urls: Record<string, string> = {};
  const configs = asRecord(json(row.endpoint_configs, 'endpoint_configs', problems)) ?? {};
  for (const [type, config] of Object.entries(configs)) {
    const url = asRecord(config)?.baseUrl;
    if (typeof url === 'string' && url.trim()) urls[type] = url;
  }
  for (const [type, url] of Object.entries(asRecord(json(row.base_urls, 'base_urls', problems)) ?? {}))
    if (typeof url === 'string' && url.trim() && !urls[type]) urls[type] = url;
  return urls;
}

/** The endpoint a chat uses, as getBaseUrl picks it: the default chat endpoint, then the fallback order, then any. */
function chatEndpoint(urls: Record<string, string>, preferred: string | undefined): [string, string] | undefined {
  const type = [preferred, ...FALLBACK_ORDER].find((t) => t !== undefined && urls[t]) ?? Object.keys(urls)[0];
  return type === undefined ? undefined : [type, urls[type]!];
}

function keys(row: Row, problems: Problems): Pick<DiscoveredConfig, 'tokenFingerprint' | 'tokenSource'> {
  const entries = json(row.api_keys, 'api_keys', problems);
  const enabled = (Array.isArray(entries) ? entries : [])
    .map((e) => asRecord(e))
    .filter((e) => e?.isEnabled !== false && typeof e?.key === 'string' && e.key.trim() !== '')
    .map((e) => e!.key as string);
  if (enabled.length === 0) return {};
  return {
    tokenFingerprint: fingerprint(enabled[0]!),
    tokenSource:
      enabled.length > 1
        ? l10n.t('{where}, as plain text ({count} enabled keys, used in turn)', { where: 'cherrystudio.sqlite api_keys', count: enabled.length })
        : l10n.t('{where}, as plain text', { where: 'cherrystudio.sqlite api_keys' }),
  };
}

function readProvider(row: Row, file: string): DiscoveredConfig {
  const problems: Problems = [];
  const id = text(row.provider_id) ?? '';
  const name = text(row.name) ?? id;
  const urls = endpointUrls(row, problems);
  const endpoint = chatEndpoint(urls, text(row.default_chat_endpoint));
  const rule = (endpoint && OPENAI_ENDPOINTS[endpoint[0]]) ?? 'cherry-studio@2';
  // is_enabled is 0/1 (drizzle's boolean mode); a row without it says nothing.
  const enabled = typeof row.is_enabled === 'number' ? row.is_enabled !== 0 : undefined;
  const key = keys(row, problems);
  let baseUrl: string | undefined;
  let notRead: string | undefined;
  if (!endpoint) problems.push(l10n.t('No API URL is set.'));
  else if (!OPENAI_ENDPOINTS[endpoint[0]] || NO_VERSION.has(id) || NO_VERSION.has(text(row.preset_provider_id) ?? ''))
    notRead = l10n.t('Cherry Studio calls this provider through its {endpoint} endpoint ({url}), whose URL the doctor does not predict: check it yourself.', {
      endpoint: endpoint[0],
      url: endpoint[1],
    });
  else baseUrl = endpoint[1];
  if (enabled === false)
    problems.push(
      l10n.t('The provider is switched off: Cherry Studio does not offer its models (Settings → Model Services → {name}: turn the switch on).', { name }),
    );
  if (!key.tokenSource) problems.push(l10n.t('No enabled API key: paste your dedicated Cherry Studio token into its API Key field.'));
  return { client: CLIENT, rule, file, entry: `${name} (${id})`, baseUrl, enabled, ...key, notRead, problems };
}

/** The providers that point at the gateway being checked (or are named after Crazyrouter), each judged; or why there is none. */
export async function readCherryStudioDb(db: SqliteDatabase, file: string, gateway: string): Promise<DiscoveredConfig[]> {
  const rows = await db.rows('user_provider');
  if (!rows)
    return [
      {
        client: CLIENT,
        rule: 'cherry-studio@2',
        file,
        notRead: l10n.t(
          'The file has no user_provider table: it is not a Cherry Studio 2.x database the doctor knows. Check Settings → Model Services yourself.',
        ),
        problems: [],
      },
    ];
  const mine = rows.filter((row) => {
    const names = [row.provider_id, row.preset_provider_id, row.name].map((v) => text(v) ?? '');
    return names.some((n) => /crazyrouter/i.test(n)) || Object.values(endpointUrls(row, [])).some((url) => sameGateway(url, gateway));
  });
  if (mine.length > 0) return mine.map((row) => readProvider(row, file));
  const host = URL.canParse(gateway) ? new URL(gateway).host : gateway;
  return [
    {
      client: CLIENT,
      rule: 'cherry-studio@2',
      file,
      entry: l10n.t('providers'),
      problems: [
        l10n.t('None of its {count} providers points at {host} or is named Crazyrouter: add one in Settings → Model Services (type OpenAI, API URL {url}).', {
          count: rows.length,
          host,
          url: valueToType(URL_RULES['cherry-studio@2'], gateway),
        }),
      ],
    },
  ];
}
