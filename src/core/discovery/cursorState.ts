import * as l10n from '@vscode/l10n';
import type { SqliteDatabase, SqlValue } from '../sqlite/sqliteReader';
import { isPrivateHost } from '../urls';
import type { DiscoveredConfig } from './discoveredConfig';
import { asRecord, recordAt, textAt, type Problems } from './fields';
import { fingerprint } from './fingerprint';

/**
 * Cursor keeps its settings in VS Code's storage database, `User/globalStorage/state.vscdb`, table
 * `ItemTable(key TEXT UNIQUE ON CONFLICT REPLACE, value BLOB)` (microsoft/vscode
 * src/vs/base/parts/storage/node/storage.ts). Its keys, as tools that set Cursor up write them
 * (research-storage.md §2.1: the search index's Cursor scripts; the RelayDock importer, index file
 * 62861198081, which also waits for Cursor 3 to move a plain key to the secret one):
 */
const KEYS = {
  /** JSON: `openAIBaseUrl` (older builds: `aiSettings.openAIBaseUrl`) and `useOpenAIKey`, Cursor's OpenAI API Key switch. */
  settings: 'src.vs.platform.reactivestorage.browser.reactiveStorageServiceImpl.persistentStorage.applicationUser',
  /** The key as plain text (older Cursor). */
  plainKey: 'cursorAuth/openAIKey',
  /** The key encrypted with Electron's safeStorage, as `{"type":"Buffer","data":[…]}`; a cleared key has no data. Never decrypted. */
  secretKey: 'secret://cursorAuth/openAIKey',
};

const text = (value: SqlValue | undefined): string | undefined =>
  typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('utf8') : undefined;

function parse(json: string | undefined): unknown {
  try {
    return json === undefined ? undefined : JSON.parse(json);
  } catch {
    return null;
  }
}

/** Whether a key is stored, and how: never the key itself; a plain one only as a fingerprint. */
function storedKey(plain: string | undefined, secret: string | undefined): Pick<DiscoveredConfig, 'tokenFingerprint' | 'tokenSource'> {
  if (plain?.trim())
    return { tokenFingerprint: fingerprint(plain), tokenSource: l10n.t('{where}, as plain text', { where: 'state.vscdb cursorAuth/openAIKey' }) };
  const data = asRecord(parse(secret))?.data;
  if (Array.isArray(data) && data.length > 0) return { tokenSource: l10n.t('Cursor’s encrypted secret storage') };
  return {};
}

/** What Cursor will do with its OpenAI settings: one finding, with what keeps it from reaching the gateway. */
export async function readCursorState(db: SqliteDatabase, file: string): Promise<DiscoveredConfig[]> {
  const rows = await db.rows('ItemTable', { column: 'key', oneOf: Object.values(KEYS) });
  const finding: DiscoveredConfig = { client: 'Cursor', rule: 'cursor', file, entry: 'Override OpenAI Base URL', problems: [] };
  if (!rows)
    return [
      {
        ...finding,
        entry: undefined,
        notRead: l10n.t('The file has no ItemTable: it is not a storage database Cursor writes. Check Cursor Settings → Models yourself.'),
      },
    ];
  const value = (key: string) => text(rows.find((r) => r.key === key)?.value);
  const problems: Problems = [];
  const settings = parse(value(KEYS.settings));
  if (settings === null) problems.push(l10n.t('Cursor’s settings entry (applicationUser) is not valid JSON; it was ignored.'));
  const root = asRecord(settings);
  const baseUrl = textAt(root, 'openAIBaseUrl', '', problems) ?? textAt(recordAt(root, 'aiSettings', '', problems), 'openAIBaseUrl', 'aiSettings.', problems);
  const switchedOn = root?.useOpenAIKey === true;
  const key = storedKey(value(KEYS.plainKey), value(KEYS.secretKey));
  if (!baseUrl?.trim())
    problems.push(
      switchedOn
        ? l10n.t('Override OpenAI Base URL is not set: Cursor sends your key and your chats to OpenAI (api.openai.com), not to the gateway.')
        : l10n.t('Override OpenAI Base URL is not set: Cursor is not set up for a gateway.'),
    );
  if (!switchedOn) problems.push(l10n.t('The OpenAI API Key switch is off: Cursor ignores the key and the base URL override (Cursor Settings → Models).'));
  if (!key.tokenSource) problems.push(l10n.t('No OpenAI API key is stored: paste your dedicated Cursor token into Cursor Settings → Models → OpenAI API Key.'));
  // Cursor calls the gateway from its own servers (CLIENTS.cursor.requestsFrom).
  if (baseUrl && URL.canParse(baseUrl) && isPrivateHost(new URL(baseUrl).hostname))
    problems.push(
      l10n.t('Cursor calls {host} from its own servers, which cannot reach an address on your machine or network.', { host: new URL(baseUrl).host }),
    );
  return [{ ...finding, baseUrl: baseUrl?.trim() ? baseUrl : undefined, enabled: switchedOn, ...key, problems }];
}
