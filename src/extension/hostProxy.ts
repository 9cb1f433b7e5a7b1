import * as vscode from 'vscode';
import type { VscodeProxySettings } from '../core/transport/vscodeProxyRoute';

/**
 * The settings VS Code's proxy support reads in this extension host (see vscodeProxyRoute). Read
 * here only to describe the route; VS Code itself routes every request the engine makes.
 */
export function hostProxySettings(): VscodeProxySettings {
  const http = vscode.workspace.getConfiguration('http');
  const noProxy = http.get<unknown>('noProxy', []);
  return {
    proxySupport: String(http.get<unknown>('proxySupport', 'override')),
    fetchAdditionalSupport: http.get<unknown>('fetchAdditionalSupport', true) !== false,
    proxy: typeof http.get<unknown>('proxy') === 'string' ? http.get<string>('proxy') : undefined,
    noProxy: Array.isArray(noProxy) ? noProxy.filter((e): e is string => typeof e === 'string') : [],
    remote: vscode.env.remoteName !== undefined,
    useLocalProxyConfiguration: http.get<unknown>('useLocalProxyConfiguration', vscode.env.remoteName === undefined) !== false,
  };
}
