import * as path from 'node:path';

export type PanelModule = typeof import('./panel/panelEntry');

let panel: PanelModule | undefined;

/** Loads dist/panel.js on first use (computed path: esbuild leaves it out of dist/extension.js). */
export function loadPanel(): PanelModule {
  panel ??= require(path.join(__dirname, 'panel.js')) as PanelModule;
  return panel;
}

export function loadedPanel(): PanelModule | undefined {
  return panel;
}
