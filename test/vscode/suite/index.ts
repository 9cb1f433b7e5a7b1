// The entry VS Code calls as `extensionTestsPath`: runs every *.vscode.test.js next to this folder
// with mocha inside the real extension host. Results also go to CRAZYROUTER_TEST_RESULTS (a JSON
// file) when set, because under code-server the host process does not exit on its own.
import { writeFileSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { byText } from '../../support/byText';

interface TestRecord {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 30_000, color: false, reporter: 'spec' });
  const dir = path.resolve(__dirname, '..');
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.vscode.test.js'))
    .toSorted(byText))
    mocha.addFile(path.join(dir, file));
  const records: TestRecord[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (t) => records.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    runner.on('fail', (t, err: Error) => records.push({ title: t.fullTitle(), state: 'failed', error: `${err.message}\n${err.stack ?? ''}` }));
    runner.on('pending', (t) => records.push({ title: t.fullTitle(), state: 'pending' }));
  });
  const out = process.env.CRAZYROUTER_TEST_RESULTS;
  if (out) writeFileSync(out, JSON.stringify({ failures, tests: records }, null, 2));
  if (failures > 0) throw new Error(`${failures} test(s) failed`);
}
