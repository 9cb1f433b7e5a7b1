import * as path from 'node:path';
import * as vscode from 'vscode';

export type Engine = typeof import('./engineEntry');

let engine: Engine | undefined;

/**
 * Loads dist/engine.js on first use. The path is computed so esbuild leaves the require alone
 * and the engine (with the openai SDK) stays out of dist/extension.js and out of activation.
 */
export function loadEngine(): Engine {
  if (!engine) {
    engine = require(path.join(__dirname, 'engine.js')) as Engine;
    // Findings, fixes and checklists in VS Code's display language; what a gateway says stays as sent.
    engine.useBundle(vscode.l10n.bundle);
  }
  return engine;
}

export function isEngineLoaded(): boolean {
  return engine !== undefined;
}
