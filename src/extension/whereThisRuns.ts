import { hostname } from 'node:os';
import * as vscode from 'vscode';
import { describeMachine } from '../core/machine';

/**
 * Where the extension runs: this computer, or the remote VS Code put it on. The manifest's
 * `extensionKind` is ["workspace", "ui"]: with a remote (SSH, WSL, containers) the doctor runs
 * there, next to the terminals where Claude Code, Codex and the Cline CLI run, and checks from
 * that network; without one it runs on this computer.
 */
export const whereThisRuns = () => describeMachine(hostname(), vscode.env.remoteName);

/** Browser embedders that keep the user data in the browser (vscode.d.ts env.appHost). */
const USER_DATA_IN_BROWSER = ['github.dev', 'codespaces', 'vscode.dev'];

/**
 * Whether VS Code's user data (settings, chatLanguageModels.json) is on the machine this extension
 * host runs on: a local window, or a server that serves the workbench to a browser and keeps the
 * user data beside its extension host (code-server's --user-data-dir, VS Code Server's web mode:
 * uiKind Web, appHost "server-distro" or "web"). A desktop window connected to a remote (SSH, WSL,
 * containers, tunnels) keeps it on the local computer; github.dev and Codespaces in a browser keep
 * it in the browser.
 */
export const userDataIsHere = () => !vscode.env.remoteName || (vscode.env.uiKind === vscode.UIKind.Web && !USER_DATA_IN_BROWSER.includes(vscode.env.appHost));
