/**
 * Where the checks and the scan ran, in words: this computer, or the remote VS Code runs the
 * extension on (vscode.env.remoteName: ssh-remote, wsl, dev-container, codespaces, …). The same
 * config files and the same network are only those of that machine.
 */
export function describeMachine(hostname: string, remoteName?: string): string {
  const REMOTES: Record<string, string> = {
    'ssh-remote': 'SSH remote',
    wsl: 'WSL',
    'dev-container': 'dev container',
    codespaces: 'Codespace',
    'attached-container': 'container',
  };
  if (!remoteName) return `this computer (${hostname})`;
  return `${REMOTES[remoteName] ?? remoteName} ${hostname}`;
}
