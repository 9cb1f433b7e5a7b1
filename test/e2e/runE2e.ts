// `npm run test:e2e`: the mocha suite inside code-server's extension host, then the Playwright
// journey with the packaged .vsix. Prints a closing line the CI log can be read by.
import { runJourney } from './journey';
import { runVscodeSuite } from './runVscodeSuite';

async function main(): Promise<number> {
  let passed = 0;
  let failed = 0;
  const suite = await runVscodeSuite();
  for (const t of suite.tests) {
    console.log(`${t.state === 'passed' ? '✔' : '✖'} vscode › ${t.title}${t.error ? `\n    ${t.error.split('\n').slice(0, 8).join('\n    ')}` : ''}`);
    if (t.state === 'passed') passed++;
    else if (t.state === 'failed') failed++;
  }
  try {
    const timings = await runJourney();
    passed++;
    console.log(
      '✔ journey › palette → Verify Setup → token → Cursor → healthy, wrong token, model not allowed, missing /v1; configs found in HOME; URL doctor for Claude Code; light theme; reload; no token on disk',
    );
    console.log(
      `  command → checklist painted: ${timings.commandToChecklistMs} ms; Run → all results: ${timings.runToResultsMs} ms; activation (Running Extensions): ${timings.activation}`,
    );
  } catch (error) {
    failed++;
    console.log(`✖ journey › ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  console.log(`\ne2e: ${passed} passed, ${failed} failed`);
  return failed > 0 || passed === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
