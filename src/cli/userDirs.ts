import { homedir } from 'node:os';
import * as path from 'node:path';

/**
 * Where the CLI keeps its files, each in a `crazyrouter-doctor` folder of the user's own:
 * - state (the critical rate limit's ledger): `$XDG_STATE_HOME`, else ~/.local/state on Linux,
 *   ~/Library/Application Support on macOS, %LOCALAPPDATA% on Windows;
 * - cache (V8's compiled code of the CLI, see launch.ts): `$XDG_CACHE_HOME`, else ~/.cache on
 *   Linux, ~/Library/Caches on macOS, %LOCALAPPDATA%\crazyrouter-doctor\Cache on Windows.
 */
export function stateDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home = env.HOME || homedir()): string {
  return userDir(env.XDG_STATE_HOME, env, platform, home, { linux: ['.local', 'state'], darwin: ['Library', 'Application Support'] });
}

export function cacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home = env.HOME || homedir()): string {
  const dir = userDir(env.XDG_CACHE_HOME, env, platform, home, { linux: ['.cache'], darwin: ['Library', 'Caches'] });
  return platform === 'win32' && !env.XDG_CACHE_HOME ? path.join(dir, 'Cache') : dir;
}

function userDir(
  xdg: string | undefined,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  home: string,
  under: { linux: string[]; darwin: string[] },
): string {
  const base =
    xdg ||
    (platform === 'win32' ? env.LOCALAPPDATA || path.join(home, 'AppData', 'Local') : path.join(home, ...(platform === 'darwin' ? under.darwin : under.linux)));
  return path.join(base, 'crazyrouter-doctor');
}
