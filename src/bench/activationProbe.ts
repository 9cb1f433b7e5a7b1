import * as path from 'node:path';
import { installVscodeStub, stubContext } from './vscodeStub';

export interface ActivationSample {
  requireMs: number;
  activateMs: number;
  engineLoaded: boolean;
  openaiLoaded: boolean;
  calls: string[];
}

/** In a fresh process: require dist/extension.js, activate it, and see what got loaded. */
export function probeActivation(distDir: string): ActivationSample {
  const calls: string[] = [];
  installVscodeStub(calls);
  const t0 = performance.now();
  const extension = require(path.join(distDir, 'extension.js')) as { activate(ctx: unknown): unknown };
  const t1 = performance.now();
  extension.activate(stubContext());
  const t2 = performance.now();
  const loaded = Object.keys(require.cache);
  return {
    requireMs: t1 - t0,
    activateMs: t2 - t1,
    engineLoaded: loaded.some((f) => f.endsWith(`${path.sep}engine.js`) || f.endsWith(`${path.sep}panel.js`)),
    openaiLoaded: loaded.some((f) => f.includes(`${path.sep}openai${path.sep}`)),
    calls,
  };
}
