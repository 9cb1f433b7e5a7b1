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
