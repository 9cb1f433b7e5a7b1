import { readdirSync } from 'node:fs';
import * as path from 'node:path';

/** Text files, read whole and parsed. */
export type TextConfigKind = 'codex-toml' | 'claude-json' | 'continue-yaml' | 'cline-state' | 'cline-providers' | 'vscode-chat-json';
/** SQLite databases, of which only the rows needed are read. */
export type DatabaseKind = 'cursor-state' | 'cherry-studio-db';
/** Stores the doctor knows of but does not read: it says so. */
export type UnreadKind = 'cherry-studio-leveldb';
export type ConfigKind = TextConfigKind | DatabaseKind | UnreadKind;

export interface ConfigLocation {
  kind: ConfigKind;
  path: string;
  /** The config's own folder: a link that leads outside it is not followed. */
  folder: string;
  /** A second file read together with this one (Cline keeps the key in secrets.json). */
  companion?: string;
  /** Reported only when none of these exists (Cherry Studio 1.x's store beside a 2.x database). */
  unlessExists?: string[];
}

/**
 * Electron's appData on this platform, where VS Code, Cursor and Cherry Studio keep their user
 * data (`app.getPath('appData')`: %APPDATA%, ~/Library/Application Support, $XDG_CONFIG_HOME or ~/.config).
 */
function appDataFolder(home: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (platform === 'win32') return env.APPDATA || path.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || path.join(home, '.config');
}

/**
 * VS Code's user folders (stable and Insiders) on this platform: `userRoamingDataHome`
 * (clients-logs-pricing.md §1.2). Each profile has its own chatLanguageModels.json under profiles/<id>/.
 */
function vscodeChatFiles(home: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform, currentProfiles: readonly string[]): ConfigLocation[] {
  const appData = appDataFolder(home, env, platform);
  const known = ['Code', 'Code - Insiders'].flatMap((product) => {
    const user = path.join(appData, product, 'User');
    let profiles: string[] = [];
    try {
      profiles = readdirSync(path.join(user, 'profiles'), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => path.join(user, 'profiles', d.name));
    } catch {
      profiles = [];
    }
    return [user, ...profiles];
  });
  // The window's own profile first (it may live elsewhere: a portable VS Code, code-server's user-data-dir, --user-data-dir).
  const folders = [...new Set([...currentProfiles.map((f) => path.resolve(f)), ...known])];
  return folders.map((folder) => ({ kind: 'vscode-chat-json' as const, path: path.join(folder, 'chatLanguageModels.json'), folder }));
}

/**
 * Cursor's settings database: `<userData>/User/globalStorage/state.vscdb`, userData being
 * `<appData>/Cursor` (Sakana-yuyu/cursor-byok@3a7269cf internal/cursor/state_db.go; research-storage.md §2).
 */
function cursorState(home: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): ConfigLocation {
  const folder = path.join(appDataFolder(home, env, platform), 'Cursor', 'User', 'globalStorage');
  return { kind: 'cursor-state', path: path.join(folder, 'state.vscdb'), folder };
}

/**
 * Cherry Studio's userData folders: `<appData>/CherryStudio` (Electron's default for its package
 * name), the folders `~/.cherrystudio/boot-config.json` names (`extraFolders`, read by the caller),
 * and CHERRYSTUDIO_USER_DATA_DIR, which a third-party reader honours (research-storage.md §1.2; not
 * Cherry Studio's own). In each: the 2.x database in `Data/` (rc.1 and stable 2.0.x,
 * CherryHQ/cherry-studio@00e4f012 src/main/core/paths/pathRegistry.ts) or at the root (earlier 2.0
 * builds, kangfenmao/cherry-studio@5dbff79d pathRegistry.ts), and 1.x's LevelDB store, reported only
 * where no 2.x database is beside it.
 */
function cherryStudioFiles(home: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform, extraFolders: readonly string[]): ConfigLocation[] {
  const folders = [env.CHERRYSTUDIO_USER_DATA_DIR, ...extraFolders, path.join(appDataFolder(home, env, platform), 'CherryStudio')].filter(
    (f): f is string => !!f,
  );
  return [...new Set(folders.map((f) => path.resolve(f)))].flatMap((folder) => {
    const databases = [path.join(folder, 'Data', 'cherrystudio.sqlite'), path.join(folder, 'cherrystudio.sqlite')];
    return [
      ...databases.map((db) => ({ kind: 'cherry-studio-db' as const, path: db, folder })),
      { kind: 'cherry-studio-leveldb' as const, path: path.join(folder, 'Local Storage', 'leveldb'), folder, unlessExists: databases },
    ];
  });
}

/** Where each client keeps its configuration (client-url-rules.md §C–§F), with their env overrides. */
export function configLocations(
  home: string,
  env: NodeJS.ProcessEnv,
  workspaceFolders: readonly string[] = [],
  platform: NodeJS.Platform = process.platform,
  /** The profile folder of the VS Code window the doctor runs in, when it knows it. */
  currentChatProfiles: readonly string[] = [],
  /** Cherry Studio data folders named in its boot-config.json. */
  cherryStudioFolders: readonly string[] = [],
): ConfigLocation[] {
  const codexHome = env.CODEX_HOME || path.join(home, '.codex');
  // Cline: CLINE_DATA_DIR > $CLINE_DIR/data > ~/.cline/data (cline/cline apps/vscode/src/sdk/legacy-state-reader.ts).
  const clineDir = env.CLINE_DIR || path.join(home, '.cline');
  const continueDir = env.CONTINUE_GLOBAL_DIR || path.join(home, '.continue');
  const clineData = env.CLINE_DATA_DIR || path.join(clineDir, 'data');
  const providers = env.CLINE_PROVIDER_SETTINGS_PATH || path.join(clineData, 'settings', 'providers.json');
  return [
    { kind: 'codex-toml', path: path.join(codexHome, 'config.toml'), folder: codexHome },
    { kind: 'claude-json', path: path.join(home, '.claude', 'settings.json'), folder: path.join(home, '.claude') },
    ...workspaceFolders.flatMap((folder) =>
      ['settings.json', 'settings.local.json'].map((name) => ({
        kind: 'claude-json' as const,
        path: path.join(folder, '.claude', name),
        folder: path.join(folder, '.claude'),
      })),
    ),
    { kind: 'continue-yaml', path: path.join(continueDir, 'config.yaml'), folder: continueDir },
    { kind: 'cline-state', path: path.join(clineData, 'globalState.json'), companion: path.join(clineData, 'secrets.json'), folder: clineData },
    { kind: 'cline-providers', path: providers, folder: path.dirname(providers) },
    ...vscodeChatFiles(home, env, platform, currentChatProfiles),
    cursorState(home, env, platform),
    ...cherryStudioFiles(home, env, platform, cherryStudioFolders),
  ];
}
