import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { freePort } from '../support/freePort';

export const REPO = path.resolve(__dirname, '../../..');
export const CODE_SERVER_BIN = path.join(REPO, '.vscode-test/code-server/node_modules/.bin/code-server');

export interface CodeServer {
  url: string;
  port: number;
  root: string;
  userDataDir: string;
  extensionsDir: string;
  workspace: string;
  settingsFile: string;
  log(): string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  theme?: string;
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
  /** .vsix files to install with --install-extension before starting. */
  vsix?: string | string[];
  /** The HOME the extension host sees (client config fixtures); a fresh empty one by default. */
  home?: string;
  /** The opened folder's .vscode/settings.json, as a cloned repository could bring it. */
  workspaceSettings?: Record<string, unknown>;
  /** Extensions allowed to use proposed API (test fixtures only). */
  enableProposedApi?: string[];
  /** VS Code's display language (`--locale`); a language pack for it must be among `vsix`. */
  locale?: string;
}

export const BASE_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'crazyrouter.healthCheck.intervalMinutes': 0,
  // A dead loopback port: a check that runs before a test sets its sandbox stays on this machine.
  'crazyrouter.baseUrl': 'http://127.0.0.1:9/v1',
};

export function requireCodeServer(): void {
  if (!existsSync(CODE_SERVER_BIN)) throw new Error('code-server is not installed: run `bash scripts/install-code-server.sh` (npm run test:e2e does)');
}

function run(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${path.basename(bin)} ${args.join(' ')} exited ${code}: ${out}`))));
  });
}

/** Starts code-server on a free loopback port with its own user-data, extensions and config folders. */
export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  requireCodeServer();
  const root = mkdtempSync(path.join(tmpdir(), 'crazyrouter-e2e-'));
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  const workspace = path.join(root, 'workspace');
  for (const dir of [path.join(userDataDir, 'User'), extensionsDir, workspace]) mkdirSync(dir, { recursive: true });
  if (options.workspaceSettings) {
    mkdirSync(path.join(workspace, '.vscode'));
    writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify(options.workspaceSettings, null, 2));
  }
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  writeFileSync(
    settingsFile,
    JSON.stringify({ ...BASE_SETTINGS, 'workbench.colorTheme': options.theme ?? 'Default Dark Modern', ...options.settings }, null, 2),
  );
  const config = path.join(root, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  // The extension gallery points at a dead loopback port: nothing in these tests may reach outside.
  const gallery = JSON.stringify({
    serviceUrl: 'http://127.0.0.1:9/gallery',
    itemUrl: 'http://127.0.0.1:9/item',
    resourceUrlTemplate: 'http://127.0.0.1:9/{publisher}/{name}/{version}/{path}',
  });
  const env = {
    ...process.env,
    ...options.env,
    EXTENSIONS_GALLERY: gallery,
    HOME: options.home ?? root,
    XDG_CONFIG_HOME: path.join(root, 'xdg'),
    XDG_DATA_HOME: path.join(root, 'xdg-data'),
  };
  const common = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--config', config];
  for (const vsix of [options.vsix ?? []].flat()) await run(CODE_SERVER_BIN, [...common, '--install-extension', vsix, '--force'], env);

  const port = await freePort();
  const child: ChildProcess = spawn(
    CODE_SERVER_BIN,
    [
      ...common,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      ...(options.enableProposedApi ?? []).flatMap((id) => ['--enable-proposed-api', id]),
      ...(options.locale ? ['--locale', options.locale] : []),
      workspace,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start: ${log}`)), 60_000);
    const onData = () => {
      if (/HTTP server listening/.test(log)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`code-server exited ${code}: ${log}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    root,
    userDataDir,
    extensionsDir,
    workspace,
    settingsFile,
    log: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => {
          if (!process.env.KEEP_E2E_DIRS) rmSync(root, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}
