// dist/cli.js starts the doctor (dist/cli-main.js) from V8's code cache (src/cli/launch.ts): the
// cache is written once, read after, named by the bundle's content, kept private, replaced when
// V8 refuses it, and never in the way: a broken or unwritable cache, or none at all, only means
// compiling, and the run is the same.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import { runCli } from '../support/cliProcess';

/** Node ≥ 22.1 keeps the cache itself (module.enableCompileCache), in a layout of its own. */
const NODE_KEEPS_IT = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

const run = (args: string[], env: Record<string, string | undefined>) =>
  runCli(args, { ...process.env, NO_COLOR: '1', NODE_DISABLE_COMPILE_CACHE: undefined, ...env });

const cacheFiles = (home: string) => {
  const dir = path.join(home, 'crazyrouter-doctor', 'v8');
  try {
    return readdirSync(dir).map((name) => path.join(dir, name));
  } catch {
    return [];
  }
};

suite('the command starts from V8’s code cache', () => {
  let root: string;
  suiteSetup(() => {
    root = mkdtempSync(path.join(tmpdir(), 'crazyrouter-cli-launch-'));
  });
  suiteTeardown(() => rmSync(root, { recursive: true, force: true }));
  const home = (name: string) => path.join(root, name);

  test('the first start writes it, private to the user; later starts read it as it is; the runs are the same', async function () {
    if (NODE_KEEPS_IT) this.skip(); // Node's own cache: its tests are Node's
    const cache = home('fresh');
    const first = await run(['--version'], { XDG_CACHE_HOME: cache });
    assert.equal(first.code, 0, first.stderr);
    const [file, ...others] = cacheFiles(cache);
    assert.ok(file && others.length === 0, 'one file');
    assert.match(path.basename(file), new RegExp(`^cli-main-[0-9a-f]{40}-${process.version.replaceAll('.', '\\.')}-${process.arch}\\.bin$`));
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(statSync(path.dirname(file)).mode & 0o777, 0o700);
    const written = statSync(file);
    for (const args of [['--version'], ['--scenario', 'missing-v1']]) {
      const again = await run(args, { XDG_CACHE_HOME: cache });
      assert.equal(again.stderr, '');
      const now: { ino: number; mtimeMs: number } = statSync(file);
      assert.deepEqual([now.ino, now.mtimeMs], [written.ino, written.mtimeMs], 'V8 took the cache: nothing was written again');
    }
    assert.equal((await run(['--version'], { XDG_CACHE_HOME: cache })).stdout, first.stdout);
    const failing = await run(['--scenario', 'missing-v1'], { XDG_CACHE_HOME: cache });
    const uncached = await run(['--scenario', 'missing-v1'], { XDG_CACHE_HOME: home('none'), NODE_DISABLE_COMPILE_CACHE: '1' });
    assert.equal(failing.code, 1);
    assert.equal(failing.code, uncached.code);
    const steady = (s: string) =>
      s
        .replace(/ +\d+ ms/g, ' # ms')
        .replace(/127\.0\.0\.1:\d+/g, 'HOST')
        .replace(/request id: [\w,]+/g, '');
    assert.equal(steady(failing.stdout), steady(uncached.stdout));
    assert.deepEqual(cacheFiles(home('none')), [], 'NODE_DISABLE_COMPILE_CACHE=1 writes none');
  });

  test('a cache written at the end of a full run (which raised V8’s wasm budget) is taken by the next runs', async function () {
    if (NODE_KEEPS_IT) this.skip();
    const cache = home('after-a-run');
    const first = await run(['--scenario', 'missing-v1', '--json'], { XDG_CACHE_HOME: cache });
    assert.equal(first.code, 1, first.stderr);
    const [file] = cacheFiles(cache);
    assert.ok(file, 'written');
    const written = statSync(file);
    for (const args of [['--version'], ['--scenario', 'missing-v1', '--json']]) {
      assert.equal((await run(args, { XDG_CACHE_HOME: cache })).stderr, '');
      const now: { ino: number; mtimeMs: number } = statSync(file);
      assert.deepEqual([now.ino, now.mtimeMs], [written.ino, written.mtimeMs], `V8 took the cache (${args.join(' ')}): nothing was written again`);
    }
  });

  test('a cache V8 refuses (garbage, or another build’s under the same name) is replaced, and the run goes on', async function () {
    if (NODE_KEEPS_IT) this.skip();
    const cache = home('broken');
    await run(['--version'], { XDG_CACHE_HOME: cache });
    const [file] = cacheFiles(cache);
    writeFileSync(file!, Buffer.alloc(64 * 1024, 0x5a));
    const r = await run(['--version'], { XDG_CACHE_HOME: cache });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.ok(statSync(file!).size > 64 * 1024, 'written afresh');
  });

  test('caches of other builds are removed; a cache folder that cannot be written leaves the run as it was', async function () {
    if (NODE_KEEPS_IT) this.skip();
    const cache = home('old');
    const dir = path.join(cache, 'crazyrouter-doctor', 'v8');
    mkdirSync(dir, { recursive: true });
    const old = path.join(dir, `cli-main-${'0'.repeat(40)}-${process.version}-${process.arch}.bin`);
    writeFileSync(old, 'an older build');
    writeFileSync(path.join(dir, 'not-ours.txt'), 'kept');
    await run(['--version'], { XDG_CACHE_HOME: cache });
    assert.deepEqual(
      cacheFiles(cache)
        .map((f) => path.basename(f))
        .filter((n) => !n.startsWith('cli-main-') || n === path.basename(old)),
      ['not-ours.txt'],
    );
    const blocked = home('a-file');
    writeFileSync(blocked, 'XDG_CACHE_HOME is a file, not a folder');
    const r = await run(['--scenario', 'missing-v1'], { XDG_CACHE_HOME: blocked });
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /What to fix/);
  });
});
