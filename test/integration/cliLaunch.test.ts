// dist/cli.js starts the doctor (dist/cli-main.js) from V8's code cache (src/cli/launch.ts): the
// cache is written once, read after, named by the bundle's content, kept private, replaced when
// V8 refuses it, and never in the way: a broken or unwritable cache, or none at all, only means
// compiling, and the run is the same.
import assert from 'node:assert/strict';
import { isAscii } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import { runCli } from '../support/cliProcess';
import { DIST } from '../support/sandboxProcess';

const REPO = path.resolve(DIST, '..');

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

suite('the bundle is read as a one-byte string', () => {
  test('the build leaves dist/cli-main.js ASCII (what the launcher reads as Latin-1)', () => {
    const bundle = readFileSync(path.join(DIST, 'cli-main.js'));
    const text = bundle.toString('utf8');
    const at = text.search(/[^\t\n\r\x20-\x7e]/);
    assert.ok(isAscii(bundle), `non-ASCII text (write it with \\u escapes) at: ${text.slice(Math.max(0, at - 60), at + 20)}`);
  });

  test('a bundle with other characters in its code is read as UTF-8', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crazyrouter-cli-utf8-'));
    try {
      copyFileSync(path.join(DIST, 'cli.js'), path.join(dir, 'cli.js'));
      // A raw template keeps its characters as they are: read as Latin-1, they would be mojibake.
      const probe = 'if (process.env.UTF8_PROBE) { process.stdout.write(String.raw`模型 — 👋`); process.exit(0); }\n';
      const [shebang, ...rest] = readFileSync(path.join(DIST, 'cli-main.js'), 'utf8').split('\n');
      writeFileSync(path.join(dir, 'cli-main.js'), [shebang, probe, ...rest].join('\n'));
      for (const cached of ['written', 'read']) {
        const r = await runCli(
          ['--version'],
          { ...process.env, UTF8_PROBE: '1', XDG_CACHE_HOME: path.join(dir, 'cache'), NODE_DISABLE_COMPILE_CACHE: undefined },
          path.join(dir, 'cli.js'),
        );
        assert.equal(r.stdout, '模型 — 👋', `cache ${cached}: ${r.stderr}`);
        assert.equal(cacheFiles(path.join(dir, 'cache')).length, 1, `cache ${cached}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the build turns non-ASCII text in comments into "?", one per UTF-16 unit, and reports what is left in code', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crazyrouter-ascii-'));
    try {
      const file = path.join(dir, 'bundle.js');
      const source = [
        '// zod: a multiple of zero — never',
        '/** openai: 👋 Response? */ const a = 1;',
        'const s = "// not a comment — \\u2014";',
        'const r = /模型/i;',
        'const t = String.raw`—`;',
        // A line separator ends a line even in a comment (semicolon insertion sees it): it stays.
        'function f() { return /* \u2028 */ 42; }',
        '',
      ].join('\n');
      writeFileSync(file, source);
      const script = `import { asciiComments } from ${JSON.stringify(pathToFileURL(path.join(REPO, 'scripts/asciiBundle.mjs')).href)}; process.stdout.write(JSON.stringify(asciiComments(${JSON.stringify(file)})));`;
      const rewrite = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      assert.equal(rewrite.status, 0, rewrite.stderr);
      const out = readFileSync(file, 'utf8').split('\n');
      assert.deepEqual(out.slice(0, 2), ['// zod: a multiple of zero ? never', '/** openai: ?? Response? */ const a = 1;']);
      assert.deepEqual(
        out.map((l) => l.length),
        source.split('\n').map((l) => l.length),
        'every line keeps its length, so the source map still points right',
      );
      assert.deepEqual(out.slice(2), source.split('\n').slice(2), 'strings, regular expressions and raw templates are left');
      assert.deepEqual(
        (JSON.parse(rewrite.stdout) as string[]).map((l) => l.replace(/^.*:(\d+): /, '$1: ')),
        ['3: const s = "// not a comment — \\u2014";', '4: const r = /模型/i;', '5: const t = String.raw`—`;', '6: function f() { return /* \u2028 */ 42; }'],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
