// Runs every compiled test file under out/test with node's built-in test runner.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.test.js') ? [path] : [];
  });
}

const files = filesUnder('out/test').sort();
if (files.length === 0) {
  console.error('no compiled tests under out/test: run the build first');
  process.exit(1);
}
const reporter = process.env.CI ? ['--test-reporter=spec'] : [];
const result = spawnSync(process.execPath, ['--test', ...reporter, ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
