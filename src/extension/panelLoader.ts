import * as path from 'node:path';
import * as vscode from 'vscode';

export type PanelModule = typeof import('./panel/panelEntry');

let panel: PanelModule | undefined;

/** Loads dist/panel.js on first use (computed path: esbuild leaves it out of dist/extension.js). */
export function loadPanel(): PanelModule {
  if (!panel) {
    panel = require(path.join(__dirname, 'panel.js')) as PanelModule;
    // Its own copy of the core strings: in VS Code's display language (the bundle VS Code loaded from l10n/).
    panel.useBundle(vscode.l10n.bundle);
  }
  return panel;
}

export function loadedPanel(): PanelModule | undefined {
  return panel;
}
