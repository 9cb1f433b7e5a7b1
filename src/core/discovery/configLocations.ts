import { readdirSync } from 'node:fs';
import * as path from 'node:path';

export type ConfigKind = 'codex-toml' | 'claude-json' | 'continue-yaml' | 'cline-state' | 'cline-providers' | 'vscode-chat-json';

export interface ConfigLocation {
  kind: ConfigKind;
  path: string;
  /** The config's own folder: a link that leads outside it is not followed. */
  folder: string;
  /** A second file read together with this one (Cline keeps the key in secrets.json). */
  companion?: string;
}

/**
 * VS Code's user folders (stable and Insiders) on this platform: `userRoamingDataHome`
 * (clients-logs-pricing.md §1.2). Each profile has its own chatLanguageModels.json under profiles/<id>/.
 */
function vscodeChatFiles(home: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform, currentProfiles: readonly string[]): ConfigLocation[] {
  const appData =
    platform === 'win32'
      ? env.APPDATA || path.join(home, 'AppData', 'Roaming')
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : env.XDG_CONFIG_HOME || path.join(home, '.config');
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

/** Where each client keeps its configuration (client-url-rules.md §C–§F), with their env overrides. */
export function configLocations(
  home: string,
  env: NodeJS.ProcessEnv,
  workspaceFolders: readonly string[] = [],
  platform: NodeJS.Platform = process.platform,
  /** The profile folder of the VS Code window the doctor runs in, when it knows it. */
  currentChatProfiles: readonly string[] = [],
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
  ];
}
