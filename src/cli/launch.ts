// dist/cli.js, the crazyrouter-doctor command: runs dist/cli-main.js (the doctor, 1.5 MB in
// development, 0.7 MB minified; the packages only some runs need are chunks it requires when first
// used, scripts/cliChunks.mjs) from V8's code cache, so the bundle is not compiled afresh at every
// start. Measured on the 2-core machine: ~57 ms less CPU a start (--version 0.19 → 0.13 s, a
// sandbox run 0.45 → 0.39 s). Node ≥ 22.1 keeps the cache itself (module.enableCompileCache);
// Node 20 gets the same by hand: a vm.Script given the cached data, and the data written at exit
// when there was none or V8 refused it. The cache sits in the user's cache folder (userDirs.ts),
// one file per bundle content and Node version; NODE_DISABLE_COMPILE_CACHE=1 (Node's own switch)
// turns it off. Whatever goes wrong with the cache only means compiling, as without one.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as path from 'node:path';
import { Script } from 'node:vm';
import type { CliIo } from './cliIo';
import { restoreDefaultTiering, tuneWasmTieringForShortRun } from './shortRunTiering';
import { cacheDir } from './userDirs';

interface CliMain {
  main(hooks: Pick<CliIo, 'beforeFirstRequest'>): void;
}

const MAIN = path.join(__dirname, 'cli-main.js');
const PREFIX = 'cli-main-';

function load(): CliMain {
  const require = createRequire(MAIN);
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return require(MAIN) as CliMain;
  const dir = path.join(cacheDir(process.env), 'v8');
  const enableCompileCache = (Module as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache;
  if (enableCompileCache) {
    try {
      enableCompileCache(dir);
    } catch {
      // no cache, then
    }
    return require(MAIN) as CliMain;
  }
  return loadCached(dir, require);
}

/** Node 20: what module.enableCompileCache does, for this one file. */
function loadCached(dir: string, require: NodeJS.Require): CliMain {
  const bytes = readFileSync(MAIN);
  // V8 checks a cache against the source's length, its own version and flags, not the content:
  // the file's name carries a hash of the content (2 ms for 4 MB).
  const file = path.join(dir, `${PREFIX}${createHash('sha1').update(bytes).digest('hex')}-${process.version}-${process.arch}.bin`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(file);
  } catch {
    cachedData = undefined;
  }
  // The build keeps the bundle ASCII; read as Latin-1 it is a one-byte string: decoded 5x faster,
  // half the memory, compiled faster (figures in scripts/asciiBundle.mjs). One with other characters
  // (a dependency's regular expression or String.raw text) is read as UTF-8, as Node would.
  // As Node's own loader does, the #! line is read as a comment (here it would sit inside the wrapper).
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8').replace(/^#!/, '//');
  const script = new Script(Module.wrap(source), { filename: MAIN, cachedData });
  // Written at exit, so the functions this run compiled are in it too.
  if (!cachedData || script.cachedDataRejected) process.once('exit', () => keep(script, dir, file));
  const module = new Module(MAIN);
  module.filename = MAIN;
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, require, module, MAIN, __dirname);
  module.loaded = true;
  return module.exports as CliMain;
}

/** Writes the cache (whole or not at all) and drops the ones of other builds. */
function keep(script: Script, dir: string, file: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const partial = `${file}.${process.pid}`;
    // Under V8's own flags, as the next run reads it before it tunes anything.
    restoreDefaultTiering();
    writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
    renameSync(partial, file);
    for (const name of readdirSync(dir)) {
      if (name.startsWith(PREFIX) && name !== path.basename(file)) rmSync(path.join(dir, name), { force: true });
    }
  } catch {
    // A read-only or full disk: the next start compiles again.
  }
}

// The budget is raised just before the run's first request, after the bundle and Node's fetch are
// loaded from their caches, and put back before the bundle's cache is written (shortRunTiering.ts).
load().main({ beforeFirstRequest: () => void tuneWasmTieringForShortRun() });
