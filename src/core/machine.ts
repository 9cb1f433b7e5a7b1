import * as l10n from '@vscode/l10n';

/**
 * Where the extension host runs, from `vscode.env.remoteName`. VS Code derives it from the remote
 * authority (microsoft/vscode src/vs/platform/remote/common/remoteHosts.ts `getRemoteName`): the
 * part before `+` for the Remote extensions (`ssh-remote+box` → `ssh-remote`), and the whole
 * authority when it has no `+` ("e.g. localhost:8000"): a VS Code server opened in a browser
 * (code-server, `code serve-web`), whose user data lives on that same server.
 */
type MachineKind = 'local' | 'browser-server' | 'remote';

const remoteKind = (remoteName: string): string | undefined =>
  ({
    'ssh-remote': l10n.t('SSH remote'),
    wsl: 'WSL',
    'dev-container': l10n.t('dev container'),
    codespaces: 'Codespace',
    'attached-container': l10n.t('container'),
  })[remoteName];

/** A remote name that is an authority (`host:port`, `[::1]:8080`) rather than a Remote extension's id. */
const AUTHORITY = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+):\d+$/i;

function machineKind(remoteName?: string): MachineKind {
  if (!remoteName) return 'local';
  return AUTHORITY.test(remoteName) ? 'browser-server' : 'remote';
}

/**
 * Where the checks and the scan ran, in words: this computer, the server a browser-hosted VS Code
 * runs on, or the remote VS Code runs the extension on (ssh-remote, wsl, dev-container, codespaces,
 * …). The same config files and the same network are only those of that machine.
 */
export function describeMachine(hostname: string, remoteName?: string): string {
  const kind = machineKind(remoteName);
  if (kind === 'local') return l10n.t('this computer ({hostname})', { hostname });
  if (kind === 'browser-server') return l10n.t('the VS Code server {hostname} (opened in a browser)', { hostname });
  return l10n.t('{remote} {hostname}', { remote: remoteKind(remoteName ?? '') ?? remoteName ?? '', hostname });
}
