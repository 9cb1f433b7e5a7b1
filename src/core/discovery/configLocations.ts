import * as path from 'node:path';

export type ConfigKind = 'codex-toml' | 'claude-json' | 'continue-yaml' | 'cline-state' | 'cline-providers';

export interface ConfigLocation {
  kind: ConfigKind;
  path: string;
  /** A second file read together with this one (Cline keeps the key in secrets.json). */
  companion?: string;
}

/** Where each client keeps its configuration (client-url-rules.md §C–§F), with their env overrides. */
export function configLocations(home: string, env: NodeJS.ProcessEnv, workspaceFolders: readonly string[] = []): ConfigLocation[] {
  const codexHome = env.CODEX_HOME || path.join(home, '.codex');
  const clineDir = env.CLINE_DIR || path.join(home, '.cline');
  const continueDir = env.CONTINUE_GLOBAL_DIR || path.join(home, '.continue');
  return [
    { kind: 'codex-toml', path: path.join(codexHome, 'config.toml') },
    { kind: 'claude-json', path: path.join(home, '.claude', 'settings.json') },
    ...workspaceFolders.flatMap((folder) => ['settings.json', 'settings.local.json'].map((name) => ({ kind: 'claude-json' as const, path: path.join(folder, '.claude', name) }))),
    { kind: 'continue-yaml', path: path.join(continueDir, 'config.yaml') },
    { kind: 'cline-state', path: path.join(clineDir, 'data', 'globalState.json'), companion: path.join(clineDir, 'data', 'secrets.json') },
    { kind: 'cline-providers', path: env.CLINE_PROVIDER_SETTINGS_PATH || path.join(clineDir, 'data', 'settings', 'providers.json') },
  ];
}
