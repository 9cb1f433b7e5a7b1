import { homedir } from 'node:os';
import * as path from 'node:path';

/**
 * Where the CLI keeps its state (the critical rate limit's ledger): `$XDG_STATE_HOME/crazyrouter-doctor`,
 * else the platform's place for it (~/.local/state on Linux, ~/Library/Application Support on macOS,
 * %LOCALAPPDATA% on Windows).
 */
export function stateDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home = env.HOME || homedir()): string {
  const base =
    env.XDG_STATE_HOME ||
    (platform === 'win32'
      ? env.LOCALAPPDATA || path.join(home, 'AppData', 'Local')
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : path.join(home, '.local', 'state'));
  return path.join(base, 'crazyrouter-doctor');
}
