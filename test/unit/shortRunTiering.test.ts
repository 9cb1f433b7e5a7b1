import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'mocha';
import { tuneWasmTieringForShortRun } from '../../src/cli/shortRunTiering';

const COMPILED = path.resolve(__dirname, '../../src/cli/shortRunTiering.js');

test('the tiering budget is set only on Node 20, where it was measured', () => {
  for (const version of ['22.12.0', '24.1.0', '21.7.3']) assert.equal(tuneWasmTieringForShortRun(version), false, version);
});

test('on this Node, V8 takes the flag without a word (a V8 that dropped it would print "unrecognized flag" in every run)', function () {
  if (!process.versions.node.startsWith('20.')) this.skip();
  // In a process of its own: the flag is process-wide, and this worker runs other tests.
  const run = spawnSync(process.execPath, ['-e', `process.stdout.write(String(require(${JSON.stringify(COMPILED)}).tuneWasmTieringForShortRun()))`], {
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, 'true');
  assert.equal(run.stderr, '');
});
