// scripts/noticesCheck.mjs (run by npm run check:release) against the notices and metafile the build
// wrote: it passes them, and fails a copy from which one package's licence text, a whole section, or
// the codicon font's CC-BY-4.0 notice was taken out.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { suiteSetup, suiteTeardown, test } from 'mocha';

const NOTICES = 'dist/ThirdPartyNotices.txt';
let dir: string;
let notices: string;
suiteSetup(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'crazyrouter-notices-'));
  notices = readFileSync(NOTICES, 'utf8');
});
suiteTeardown(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the check on `text` as the notices file; its exit code and what it printed. */
function check(text: string, name: string): { status: number | null; output: string } {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  const run = spawnSync(process.execPath, ['scripts/noticesCheck.mjs', file], { encoding: 'utf8', timeout: 20_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const licenceOf = (pkg: string, file = 'LICENSE') => readFileSync(path.join('node_modules', pkg, file), 'utf8').trim();

test('the notices the build wrote hold every shipped package, the codicon font included', () => {
  const { status, output } = check(notices, 'complete.txt');
  assert.equal(status, 0, output);
  for (const pkg of ['openai', 'zod', 'smol-toml', 'yaml', '@vscode-elements/elements'])
    assert.match(notices, new RegExp(`^  ${pkg.replace('/', '\\/')} \\S+ \\(`, 'm'), pkg);
});

test('a package whose licence text is missing, or whose section is gone, fails the check by name', () => {
  const zod = licenceOf('zod');
  assert.ok(notices.includes(zod));
  const withoutText = check(notices.replace(zod, '(text lost)'), 'no-zod-text.txt');
  assert.equal(withoutText.status, 1);
  assert.match(withoutText.output, /zod \S+: the text of its LICENSE is missing/);

  const version = (JSON.parse(readFileSync('node_modules/yaml/package.json', 'utf8')) as { version: string }).version;
  const withoutSection = check(notices.replace(`\nyaml ${version}`, `\nyaml-renamed ${version}`), 'no-yaml-section.txt');
  assert.equal(withoutSection.status, 1);
  assert.match(withoutSection.output, /yaml \S+ ships, but has no section in the notices/);
});

test('the codicon font’s CC-BY-4.0 notice must be there: its licence text and its name in the list', () => {
  const ccBy = licenceOf('@vscode/codicons');
  assert.match(ccBy, /Attribution 4\.0 International/);
  const withoutText = check(notices.replace(ccBy, ''), 'no-cc-by.txt');
  assert.equal(withoutText.status, 1);
  assert.match(withoutText.output, /@vscode\/codicons \S+: the text of its LICENSE is missing/);
  const unnamed = check(notices.replace(/(@vscode\/codicons \S+) \(CC-BY-4\.0\)/, '$1 (MIT)'), 'cc-by-unnamed.txt');
  assert.equal(unnamed.status, 1);
  assert.match(unnamed.output, /@vscode\/codicons \S+: its licence \(CC-BY-4\.0\) is not named in the list/);
});
