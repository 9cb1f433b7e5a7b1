import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { REPO } from './codeServer';

/**
 * A test-only extension folder (test/vscode/fixtures, test/e2e/fixtures) packaged as a .vsix with
 * the project's vsce, for code-server's --install-extension.
 */
export async function packageFixture(folder: string): Promise<string> {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'crazyrouter-fixture-')), `${path.basename(folder)}.vsix`);
  const vsce = path.join(REPO, 'node_modules/@vscode/vsce/vsce');
  await promisify(execFile)(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', out], {
    cwd: path.join(REPO, folder),
  });
  return out;
}
