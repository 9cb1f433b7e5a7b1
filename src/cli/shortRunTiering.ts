// The command is a short process: most of its runs last a second or two. Node's fetch parses HTTP
// with llhttp compiled to WebAssembly (undici), and V8's default tiering budget has the parser's
// hot functions recompiled by its optimising compiler within the first few requests of a run,
// which a run of a second never earns back. A budget a hundred times V8's default (1,800,000 in
// V8 11.3, Node 20's) keeps a run on the baseline compiler (Liftoff) unless it parses a great
// deal (a long-lived --mcp server can still tier up). Measured on the 2-core machine, a sandbox
// run: 0.44 → 0.34 CPU-s and 104 → 84 MB peak memory (9 runs each way; `--liftoff-only` the same).
// The cost is counted in: a flag changed at run time changes V8's flag hash, so the Node modules
// loaded after it (undici, http, web streams) are compiled instead of read from Node's built-in
// code cache (~25 ms of a run). It is set before the bundle is loaded (launch.ts), as the
// bundle's own code cache is checked against the same hash when it is read and when it is written.
// Only on V8 11.3, where it was measured: V8 prints "unrecognized flag" for a flag it no longer
// has, and a later V8 with other defaults needs measuring again.
import { setFlagsFromString } from 'node:v8';

/** V8 11.3's default `--wasm-tiering-budget` (test/unit/shortRunTiering.test.ts reads it from V8). */
export const V8_DEFAULT_TIERING_BUDGET = 1_800_000;
const TIERING_BUDGET = 100 * V8_DEFAULT_TIERING_BUDGET;

export function tuneWasmTieringForShortRun(v8Version = process.versions.v8): boolean {
  if (!v8Version.startsWith('11.3.')) return false;
  setFlagsFromString(`--wasm-tiering-budget=${TIERING_BUDGET}`);
  return true;
}
