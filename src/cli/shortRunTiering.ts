// The command is a short process: most of its runs last a second or two. Node's fetch parses HTTP
// with llhttp compiled to WebAssembly (undici), and V8's default tiering budget has the parser's
// hot functions recompiled by its optimising compiler within the first few requests of a run,
// which a run of a second never earns back. A budget a hundred times V8's default (1,800,000 in
// V8 11.3, Node 20's) keeps a run on the baseline compiler (Liftoff) unless it parses a great
// deal (a long-lived --mcp server can still tier up). Measured on the 2-core machine, a sandbox
// run: 0.44 → 0.34 CPU-s and 104 → 84 MB peak memory (9 runs each way; `--liftoff-only` the same).
//
// When: a flag changed at run time changes V8's flag hash, and a code cache is only read under the
// hash it was written with. So the budget is raised only just before the run's first request
// (main.ts calls the hook; --version, --help and the like never raise it), after the bundle was
// read from its cache and after Node's fetch was loaded from Node's built-in cache; and it is put
// back before the bundle's cache is written at exit (launch.ts), so that cache is read again next
// run. llhttp's budget is taken when V8 creates its compiled module, in a task after the one that
// loads undici, so the raised budget applies to it. Measured against raising it before the bundle
// loads (which had Node's modules loaded after it compiled afresh): --version 0.109 → 0.096 CPU-s,
// a sandbox run 0.269 → 0.231 CPU-s (3 alternating rounds of 8 runs each); with no raise at all, a
// sandbox run takes 0.33 CPU-s.
//
// Only on V8 11.3, where it was measured: V8 prints "unrecognized flag" for a flag it no longer
// has, and a later V8 with other defaults needs measuring again.
import { setFlagsFromString } from 'node:v8';

/** V8 11.3's default `--wasm-tiering-budget` (test/integration/shortRunTiering.test.ts reads it from V8). */
export const V8_DEFAULT_TIERING_BUDGET = 1_800_000;
const TIERING_BUDGET = 100 * V8_DEFAULT_TIERING_BUDGET;

let raised = false;

/** Raises the budget (once); true when it did. Call it just before the run's first request. */
export function tuneWasmTieringForShortRun(v8Version = process.versions.v8): boolean {
  if (raised || !v8Version.startsWith('11.3.')) return false;
  // Loads Node's fetch (undici) now, under V8's own flags: Headers is a lazy global that loads it.
  void globalThis.Headers;
  // And dns, which Node loads at a run's first connection: loaded after the flag, it would be
  // compiled afresh (the sandbox has started before this, loading cluster, child_process and dgram
  // under V8's own flags). Measured: 13 of Node's modules were loaded after the flag in a sandbox
  // run when it was raised before the sandbox started and before dns (no proxy; a run through a
  // proxy still loads console after it, from undici's npm package).
  void require('node:dns');
  setFlagsFromString(`--wasm-tiering-budget=${TIERING_BUDGET}`);
  raised = true;
  return true;
}

/** Puts V8's default back, so a code cache written now is read under the default hash. */
export function restoreDefaultTiering(): void {
  if (!raised) return;
  setFlagsFromString(`--wasm-tiering-budget=${V8_DEFAULT_TIERING_BUDGET}`);
  raised = false;
}
