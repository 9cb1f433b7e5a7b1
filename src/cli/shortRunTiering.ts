// The command is a short process: most of its runs last a second or two. Node's fetch parses HTTP
// with llhttp compiled to WebAssembly (undici), and V8's default tiering budget has the parser's
// hot functions recompiled by its optimising compiler within the first few requests of a run,
// which a run of a second never earns back. A budget a hundred times V8's default (1,800,000 on
// Node 20's V8 11.3) keeps a run on the baseline compiler (Liftoff) unless it parses a great deal
// (the --mcp server, long-lived, still tiers up). Measured on the 2-core machine, a sandbox run:
// 0.44 → 0.34 CPU-s and 104 → 84 MB peak memory (9 runs each way; `--liftoff-only` the same).
// Set from here because the command starts as `node dist/cli.js`, before any fetch compiles the
// parser. Only on Node 20, where it was measured: V8 prints "unrecognized flag" for a flag it no
// longer has, and a later V8 with other defaults needs measuring again.
import { setFlagsFromString } from 'node:v8';

const TIERING_BUDGET = 180_000_000;

export function tuneWasmTieringForShortRun(nodeVersion = process.versions.node): boolean {
  if (!nodeVersion.startsWith('20.')) return false;
  setFlagsFromString(`--wasm-tiering-budget=${TIERING_BUDGET}`);
  return true;
}
