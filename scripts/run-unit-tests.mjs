// Runs the compiled unit and integration tests with node's built-in test runner. (The VS Code
// suite in out/test/vscode needs an extension host: npm run test:vscode.)
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.test.js') ? [path] : [];
  });
}

const files = ['out/test/unit', 'out/test/webview', 'out/test/integration'].flatMap(filesUnder).toSorted((a, b) => a.localeCompare(b));
if (files.length === 0) {
  console.error('no compiled tests under out/test/unit or out/test/integration: run the build first');
  process.exit(1);
}
const reporter = process.env.CI ? ['--test-reporter=spec'] : [];
const result = spawnSync(process.execPath, ['--test', ...reporter, ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
