// `npm run test:vscode` entry: the mocha suite in code-server's extension host, results printed.
import { runVscodeSuite } from './runVscodeSuite';

runVscodeSuite().then(
  (results) => {
    for (const t of results.tests)
      console.log(
        `${t.state === 'passed' ? '✔' : t.state === 'failed' ? '✖' : '-'} ${t.title}${t.durationMs !== undefined ? ` (${t.durationMs} ms)` : ''}${t.error ? `\n    ${t.error.split('\n').slice(0, 6).join('\n    ')}` : ''}`,
      );
    const passed = results.tests.filter((t) => t.state === 'passed').length;
    console.log(`\nvscode: ${passed} passed, ${results.failures} failed`);
    process.exit(results.failures > 0 || passed === 0 ? 1 : 0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
