// `npm run test:vscode`: runs the mocha suite (test/vscode) inside the extension host of a real
// VS Code. Here that is code-server 4.100.3 (VS Code 1.100.3) opened in Debian's Chromium; where
// desktop VS Code can be downloaded, `npm run test:vscode:electron` runs the same suite.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { launchBrowser, openPage } from './browser';
import { REPO, startCodeServer } from './codeServer';
import { packageFixture } from './fixtureVsix';

export interface SuiteResults {
  failures: number;
  tests: { title: string; state: string; durationMs?: number; error?: string }[];
}

const STAND_IN_ID = 'crazyrouter-tests.customendpoint-stand-in';

export async function runVscodeSuite(): Promise<SuiteResults> {
  const suite = path.join(REPO, 'out/test/vscode/suite/index.js');
  if (!existsSync(suite)) throw new Error('build first: out/test/vscode/suite/index.js is missing');
  const resultsFile = path.join(REPO, 'out/test/vscode-results.json');
  // VS Code chat's Custom Endpoint models, as Copilot Chat offers them (it cannot be installed here).
  // Installed as a .vsix: code-server takes one development extension, ours.
  const standIn = await packageFixture('test/vscode/fixtures/customendpoint-stand-in');
  const server = await startCodeServer({
    env: { CRAZYROUTER_TEST_RESULTS: resultsFile },
    vsix: standIn,
    enableProposedApi: [STAND_IN_ID],
  });
  const browser = await launchBrowser();
  try {
    const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(REPO)],
      ['extensionTestsPath', remote(suite)],
    ];
    const url = `${server.url}/?folder=${encodeURIComponent(server.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await openPage(browser, url);
    const started = Date.now();
    while (!existsSync(resultsFile)) {
      if (Date.now() - started > 240_000) throw new Error(`the suite did not report within 240 s\n${server.log().slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    return JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteResults;
  } finally {
    await browser.close();
    await server.stop();
  }
}
