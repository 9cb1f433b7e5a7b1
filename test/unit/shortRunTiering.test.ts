import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'mocha';
import { tuneWasmTieringForShortRun, V8_DEFAULT_TIERING_BUDGET } from '../../src/cli/shortRunTiering';

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

test('the command sets it before it loads the bundle, whose code cache is checked under the same flags', () => {
  const launcher = readFileSync(path.resolve(__dirname, '../../../src/cli/launch.ts'), 'utf8');
  const tuned = launcher.indexOf('\ntuneWasmTieringForShortRun();');
  const loaded = launcher.indexOf('\nload().main();');
  assert.ok(tuned > 0 && loaded > tuned, 'launch.ts tunes, then loads');
});
