// `npm run test:vscode:electron`: the same mocha suite in desktop VS Code through
// @vscode/test-electron, for machines that can download VS Code (not this one).
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO } from './codeServer';

runTests({
  extensionDevelopmentPath: REPO,
  extensionTestsPath: path.join(REPO, 'out/test/vscode/suite/index.js'),
  launchArgs: ['--disable-extensions', '--disable-gpu', '--skip-welcome', '--skip-release-notes', '--disable-workspace-trust'],
}).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
