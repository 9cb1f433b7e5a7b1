import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'mocha';
import { tuneWasmTieringForShortRun, V8_DEFAULT_TIERING_BUDGET } from '../../src/cli/shortRunTiering';
import { runCli } from '../support/cliProcess';

const COMPILED = path.resolve(__dirname, '../../src/cli/shortRunTiering.js');
const MEASURED_ON = process.versions.v8.startsWith('11.3.');

test('the tiering budget is set only on the V8 it was measured on (11.3, Node 20)', () => {
  for (const version of ['12.4.254.21-node.33', '11.8.172.17-node.16', '13.6.233.10']) assert.equal(tuneWasmTieringForShortRun(version), false, version);
});

test('on this V8, the flag exists with the default the budget is a hundred times of, and V8 takes it without a word', function () {
  if (!MEASURED_ON) this.skip();
  const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
  assert.match(options, new RegExp(`--wasm-tiering-budget \\(.*\\n\\s+type: int\\s+default: --wasm-tiering-budget=${V8_DEFAULT_TIERING_BUDGET}\\b`));
  // In a process of its own: the flag is process-wide, and this worker runs other tests.
  const run = spawnSync(process.execPath, ['-e', `process.stdout.write(String(require(${JSON.stringify(COMPILED)}).tuneWasmTieringForShortRun()))`], {
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, 'true');
  assert.equal(run.stderr, '', 'a V8 without the flag prints "unrecognized flag" in every run');
});

test('the command raises it once, just before its first request and after Node’s modules are loaded; never for --version', async function () {
  if (!MEASURED_ON) this.skip();
  // A preload in the command's own process records each V8 flag it sets, and whether Node's fetch
  // (undici) was loaded by then; launch.ts reads setFlagsFromString off node:v8 at each call.
  const dir = mkdtempSync(path.join(tmpdir(), 'crazyrouter-tiering-'));
  try {
    const log = path.join(dir, 'flags.log');
    const spy = path.join(dir, 'spy.js');
    writeFileSync(
      spy,
      `const v8 = require('node:v8'); const fs = require('node:fs'); const set = v8.setFlagsFromString; let before;
       const note = (line) => fs.appendFileSync(${JSON.stringify(log)}, line + '\\n');
       v8.setFlagsFromString = (flags) => { before ??= process.moduleLoadList.length; note(flags + ' ' + process.moduleLoadList.includes('NativeModule internal/deps/undici/undici')); set(flags); };
       process.on('exit', () => { if (before !== undefined) note('compiled after: [' + process.moduleLoadList.slice(before).filter((m) => m.startsWith('NativeModule ')).join(', ') + ']'); });`,
    );
    const flagsOf = async (args: string[], env: NodeJS.ProcessEnv = { CRAZYROUTER_API_KEY: 'sk-tiering-test-0000000000' }) => {
      rmSync(log, { force: true });
      const r = await runCli(args, {
        ...process.env,
        NO_COLOR: '1',
        CRAZYROUTER_API_KEY: undefined,
        NODE_OPTIONS: `--require ${spy}`,
        XDG_CACHE_HOME: path.join(dir, 'cache'),
        ...env,
      });
      assert.equal(r.stderr.replace(/^crazyrouter-doctor: no token\..*\n$/, ''), '');
      return existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
    };
    assert.deepEqual(await flagsOf(['--version']), []);
    assert.deepEqual(await flagsOf(['--list-scenarios']), []);
    // A run that stops at its input (no token here) sends nothing, and raises nothing.
    assert.deepEqual(await flagsOf(['--base-url', 'http://127.0.0.1:9/v1'], {}), []);
    const raised = `--wasm-tiering-budget=${100 * V8_DEFAULT_TIERING_BUDGET} true`;
    const restored = `--wasm-tiering-budget=${V8_DEFAULT_TIERING_BUDGET} true`;
    // None of Node's own modules is loaded after the raise (they would be compiled, not read from
    // Node's code cache): neither for a run against a gateway nor for one that starts the sandbox.
    const none = 'compiled after: []';
    // The cache of this build is there now (the runs above wrote it): only the raise.
    assert.deepEqual(await flagsOf(['--health', '--json']), [raised, none]);
    assert.deepEqual(await flagsOf(['--base-url', 'http://127.0.0.1:9/v1', '--json', '--timeout', '2000']), [raised, none]);
    // No cache: it is written at exit (after the preload's own exit handler), under V8's default again.
    rmSync(path.join(dir, 'cache'), { recursive: true, force: true });
    assert.deepEqual(await flagsOf(['--json']), [raised, none, restored]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
