import * as path from 'node:path';

export type Engine = typeof import('./engineEntry');

let engine: Engine | undefined;

/**
 * Loads dist/engine.js on first use. The path is computed so esbuild leaves the require alone
 * and the engine (with the openai SDK) stays out of dist/extension.js and out of activation.
 */
export function loadEngine(): Engine {
  engine ??= require(path.join(__dirname, 'engine.js')) as Engine;
  return engine;
}

export function isEngineLoaded(): boolean {
  return engine !== undefined;
}
