// The command line's language, out of process: `--lang`, then LC_ALL, LC_MESSAGES and LANG, with
// the Chinese bundle loaded before anything is printed. Only the CLI's own words are asserted (its
// headings, labels and verdict); what the checks say comes from src/core and is translated there.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { displayWidth } from '../../src/cli/terminalText';
import { CLI, runCli } from '../support/cliProcess';
import { DIST } from '../support/sandboxProcess';
import { concurrentTests } from '../support/inTurns';

const zh = JSON.parse(readFileSync(path.resolve(__dirname, '../../../l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const CJK = /[\u4e00-\u9fff]/;
/** Every locale variable cleared (the test hooks pin LC_MESSAGES to C), then the test's own. */
const NO_LOCALE = { LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined };

const cli = (args: string[], env: Record<string, string | undefined> = {}, cliJs = CLI) =>
  runCli(args, { ...process.env, CRAZYROUTER_API_KEY: undefined, NO_COLOR: '1', ...NO_LOCALE, ...env }, cliJs);

/** The report is the CLI's Chinese: headings, the labels of a finding aligned in one column, the checklist and the verdict. */
function assertChinese(stdout: string, verdict: 'FAIL' | 'PASS'): void {
  const lines = stdout.trimEnd().split('\n');
  assert.ok(lines.includes(zh['What to fix']!), stdout);
  assert.ok(lines.includes(zh['Checklist ({client})']!.replace('{client}', 'Cursor')), stdout);
  assert.ok(lines.at(-1)!.startsWith(`${zh[verdict]!}：`), `the verdict line: ${lines.at(-1)}`);
  assert.match(lines.at(-1)!, CJK);
  const english = lines.filter(
    (l) => l === 'What to fix' || l.startsWith('Checklist (') || /^ {6}(seen in|cause|fix|request id):/.test(l) || l.startsWith(`${verdict}: `),
  );
  assert.deepEqual(english, [], 'none of the CLI’s own words left in English');
  // Where the text after each label starts, in terminal columns: one column for all three.
  const starts = ['seen in:', 'cause:', 'fix:'].map((key) => {
    const line = lines.find((l) => l.startsWith(`      ${zh[key]!}`));
    assert.ok(line, `a "${zh[key]}" line:\n${stdout}`);
    return displayWidth(line.match(/^ {6}\S+ +/)![0]);
  });
  assert.equal(new Set(starts).size, 1, `labels aligned: ${starts.join(', ')}`);
}

// Each test runs the CLI on its own; they run 3 at a time (a run mostly waits: the log's write grace).
const test = concurrentTests(3);

test('--lang zh-cn prints the report in Simplified Chinese', async () => {
  const r = await cli(['--lang', 'zh-cn', '--scenario', 'missing-v1']);
  assert.equal(r.code, 1, r.stderr);
  assertChinese(r.stdout, 'FAIL');
});

test('LANG=zh_CN.UTF-8 prints the report in Simplified Chinese, and --lang=en keeps it English', async () => {
  const r = await cli(['--scenario', 'missing-v1'], { LANG: 'zh_CN.UTF-8' });
  assert.equal(r.code, 1, r.stderr);
  assertChinese(r.stdout, 'FAIL');
  const english = await cli(['--lang=en', '--scenario', 'missing-v1'], { LANG: 'zh_CN.UTF-8' });
  assert.match(english.stdout, /\nWhat to fix\n/);
  assert.match(english.stdout, /\nFAIL: \d+ passed/);
});

test('LC_ALL=C keeps a LANG=zh_CN.UTF-8 shell in English', async () => {
  const r = await cli([], { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /\nChecklist \(Cursor\)\n/);
  assert.match(r.stdout, /\nPASS: 17 passed, 0 warning\(s\), 0 failed, 0 skipped in \d+ ms\n$/);
  assert.doesNotMatch(r.stdout, CJK);
});

test('--lang fr is refused with the languages there are; the usage errors and help follow --lang', async () => {
  const r = await cli(['--lang', 'fr']);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^crazyrouter-doctor: --lang must be one of en, zh-cn \(Traditional Chinese is not available yet\)\n\nUsage: /);
  // Read before the other arguments: their errors and the help are already Chinese.
  const wrongClient = await cli(['--client', 'nope', '--lang', 'zh-cn']);
  assert.equal(wrongClient.code, 2);
  assert.ok(wrongClient.stderr.startsWith(`crazyrouter-doctor: ${zh['--client must be one of {clients}']!.replace('{clients}', '')}`), wrongClient.stderr);
  const help = await cli(['--help'], { LANG: 'zh_CN.UTF-8' });
  assert.equal(help.code, 0);
  assert.ok(help.stdout.startsWith('用法：crazyrouter-doctor'), help.stdout);
  assert.match(help.stdout, /--lang LANG/);
});

test('the Chinese strings are read from beside dist/cli.js; without them the run is English, said on standard error', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crazyrouter-cli-alone-'));
  try {
    for (const file of ['cli.js', 'cli-main.js']) copyFileSync(path.join(DIST, file), path.join(dir, file));
    const r = await cli(['--lang', 'zh-cn'], {}, path.join(dir, 'cli.js'));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\nPASS: 17 passed/);
    assert.match(
      r.stderr,
      /^crazyrouter-doctor: the Simplified Chinese strings \(.*bundle\.l10n\.zh-cn\.json\) could not be read; the output is in English\.\n$/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
