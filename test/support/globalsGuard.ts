// A mocha worker runs many files in one process, sharing its globals: a file that leaves one behind
// (a `window` for webview code) changes what the next file sees. A file fails when, after its own
// teardown, a global exists that did not before it loaded (the count starts when the worker loads
// this module, before any test file), but for libraries' own, named `__...` by convention and the
// same for every file after the first to load them: tslib's helpers (tslib/tslib.js puts
// `__awaiter`, `__extends`, ... on the global object) and zod's registry (zod/v4/core:
// `__zod_globalConfig`, `__zod_globalRegistry`). Mocha's own (its tdd interface puts `suite`,
// `test`, ... there for each file) are asked of mocha.
import Mocha, { type Context, type RootHookObject } from 'mocha';

let globalsBefore = new Set(Object.getOwnPropertyNames(globalThis));
const LIBRARY_GLOBAL = /^__/;
const MOCHA_GLOBALS = new Set(mochaInterfaceGlobals());

function mochaInterfaceGlobals(): string[] {
  const suite = new Mocha.Suite('', new Mocha.Context());
  Mocha.interfaces.tdd(suite);
  const globals = {};
  suite.emit('pre-require', globals, '', { options: {} });
  return Object.keys(globals);
}

function check(): void {
  const now = Object.getOwnPropertyNames(globalThis);
  const left = now.filter((name) => !globalsBefore.has(name) && !LIBRARY_GLOBAL.test(name) && !MOCHA_GLOBALS.has(name));
  globalsBefore = new Set(now); // the next file is judged on what it leaves, not on this one's
  if (left.length === 0) return;
  // A parallel worker runs each file as a root suite of its own; a serial run has one root suite
  // for all its files, so the check runs once, at the end, and cannot say which file it was.
  const who = process.env.MOCHA_WORKER_ID === undefined ? 'a file of this (serial) run' : 'this file';
  throw new Error(`${who} left globals behind for the files after it: ${left.join(', ')}`);
}

/**
 * The check, added to the root suite when it starts: after the file's own root-level
 * `suiteTeardown`s (a root hook's `afterAll` would run before them, mocha adding it before it loads
 * the file), so a file that removes its globals there passes.
 */
export const globalsGuard: RootHookObject = {
  beforeAll(this: Context) {
    this.test?.parent?.afterAll('no globals left behind', check);
  },
};
