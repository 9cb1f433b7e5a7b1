// The README's reliability table counts what the tests prove; this holds each number to the code:
// the corpus, the tests mocha would run (its dry run over the built suites), the real-client pairs,
// the VS Code host tests and the themes the journey audits. CONTRIBUTING.md repeats some of them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { suiteSetup, test } from 'mocha';
import { WORDINGS } from '../../src/core/wordings/corpus';
import { UPSTREAM_WORDINGS } from '../../src/core/wordings/upstreamWordings';
import { DRIVERS } from '../clients/clientDrivers';

/** The suites whose tests the table counts, as the build writes them. */
const SUITES = [
  'integration/wordingCorpus',
  'integration/errorEnvelopes',
  'integration/allowlistEvidence',
  'integration/sandboxVoices',
  'integration/faultMatrix',
  'integration/cliOutOfProcess',
  'integration/fuzz',
  'integration/tokenGate',
  'integration/hostileText',
  'unit/visibleText',
  'unit/fitMessage',
  'integration/cliInput',
  'integration/discoveryHostile',
  'unit/tokenLint',
  'integration/canary',
  'unit/secret',
  'integration/internalError',
];

interface DryTest {
  title: string;
  fullTitle: string;
  file: string;
}
let tests: DryTest[] = [];

suiteSetup(() => {
  // Mocha's dry run lists every test a file defines (loops included) without running any.
  const run = spawnSync(
    process.execPath,
    ['node_modules/mocha/bin/mocha.js', '--no-config', '--ui', 'tdd', '--dry-run', '--reporter', 'json', ...SUITES.map((s) => `out/test/${s}.test.js`)],
    { encoding: 'utf8', timeout: 60_000, env: { ...process.env, FUZZ_CASES: undefined, FUZZ_CASE: undefined } },
  );
  assert.equal(run.status, 0, run.stderr);
  tests = (JSON.parse(run.stdout) as { tests: DryTest[] }).tests;
});

const testsIn = (...names: string[]) => names.reduce((n, name) => n + tests.filter((t) => path.basename(t.file) === `${name}.test.js`).length, 0);
const testsOfSuite = (suite: string) => tests.filter((t) => t.fullTitle.startsWith(`${suite} `)).length;
/** Tests written one by one in the VS Code host suite (it needs the host, so it is counted in its source). */
const hostTests = (file?: string) =>
  readdirSync('test/vscode')
    .filter((f) => f.endsWith('.vscode.test.ts') && (file === undefined || f === file))
    .reduce((n, f) => n + (readFileSync(path.join('test/vscode', f), 'utf8').match(/^\s*test\(/gm) ?? []).length, 0);
const thousands = (n: number) => n.toLocaleString('en-US');

/** Each row's count, by the first file its Where cell names. */
const EXPECTED: Record<string, () => string> = {
  'wordingCorpus.test.ts': () => String(WORDINGS.length + UPSTREAM_WORDINGS.length),
  'errorEnvelopes.test.ts': () => String(testsIn('errorEnvelopes', 'allowlistEvidence')),
  'sandboxVoices.test.ts': () => {
    const pairs = tests.filter((t) => t.fullTitle.startsWith('the same conclusion in every gateway version and language '));
    const situations = new Set(pairs.map((t) => /: (\d+) situations$/.exec(t.title)?.[1]));
    assert.equal(situations.size, 1, [...situations].join(', '));
    return `${pairs.length} × ${[...situations][0]}`;
  },
  'faultMatrix.test.ts': () => String(testsOfSuite('fault matrix: each fault ends in its symptom row, with a fix, within its timeout')),
  'cliOutOfProcess.test.ts': () => String(testsOfSuite('the CLI against an out-of-process gateway, one case per kind of failure')),
  'fuzz.test.ts': () => {
    const inNpmTest = tests.map((t) => /^fuzz: (\d+) random gateways/.exec(t.title)?.[1]).find(Boolean);
    const inCi = /FUZZ_CASES \?\? '(\d+)'/.exec(readFileSync('scripts/fuzz.mjs', 'utf8'))?.[1];
    return `${thousands(Number(inNpmTest))} in \`npm test\`, ${thousands(Number(inCi))} in CI`;
  },
  'tokenGate.test.ts': () => String(testsIn('tokenGate') + hostTests('tokenDestination.vscode.test.ts')),
  'hostileText.test.ts': () => String(testsIn('hostileText', 'visibleText', 'fitMessage')),
  'cliInput.test.ts': () => String(testsIn('cliInput', 'discoveryHostile', 'tokenLint')),
  'canary.test.ts': () => String(testsIn('canary', 'secret', 'internalError')),
  'clientDrivers.ts': () => String(DRIVERS.reduce((n, d) => n + d.typed.length * d.models.length, 0)),
  'test/vscode': () => String(hostTests()),
  'journey.ts': () => {
    const journey = readFileSync('test/e2e/journey.ts', 'utf8');
    const themes = new Set([...journey.matchAll(/await resultsFirst\('([a-z-]+)'\)/g)].map((m) => m[1]));
    const widths = new Set([...journey.matchAll(/`results-first-\$\{theme\}-(\d+)`/g)].map((m) => m[1]));
    return `${themes.size} themes × ${widths.size} widths`;
  },
};

/** The rows of the README's reliability table: [what, count, first file named in where]. */
function readmeRows(): [string, string, string][] {
  const lines = readFileSync('README.md', 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith('| What is proved | Count | Where |'));
  assert.ok(start >= 0, 'README.md has the reliability table');
  const rows: [string, string, string][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split(' | ').map((c) => c.replace(/^\| |\s\|$/g, '').trim());
    assert.equal(cells.length, 3, line);
    const where = /`([^`]+)`/.exec(cells[2]!)?.[1];
    assert.ok(where, `a file in ${cells[2]}`);
    rows.push([cells[0]!, cells[1]!, where]);
  }
  return rows;
}

test("every count in the README's reliability table is the code's", () => {
  const rows = readmeRows();
  assert.deepEqual(rows.map(([, , where]) => where).toSorted(), Object.keys(EXPECTED).toSorted(), 'one row per counted thing');
  const drift = rows.flatMap(([what, count, where]) => {
    const real = EXPECTED[where]!();
    return count === real ? [] : [`"${what.slice(0, 50)}…": README says ${count}, the code ${real}`];
  });
  assert.deepEqual(drift, []);
});

test('the counts CONTRIBUTING.md repeats are the same', () => {
  const contributing = readFileSync('CONTRIBUTING.md', 'utf8').replace(/\s+/g, ' ');
  const claims: [RegExp, string][] = [
    [/\(`wordingCorpus`, (\d+) wordings\)/, EXPECTED['wordingCorpus.test.ts']!()],
    [
      /\(`sandboxVoices`, (\d+)\)/,
      String(Number(EXPECTED['sandboxVoices.test.ts']!().split(' × ')[0]) * Number(EXPECTED['sandboxVoices.test.ts']!().split(' × ')[1])),
    ],
    [/(\d+) faulty gateway and network behaviours/, EXPECTED['faultMatrix.test.ts']!()],
    [/\(`cli`, `cliOutOfProcess`, (\d+) kinds of failure\)/, EXPECTED['cliOutOfProcess.test.ts']!()],
    [/`test\/vscode` \((\d+) tests in the host\)/, EXPECTED['test/vscode']!()],
  ];
  for (const [claim, real] of claims) assert.equal(claim.exec(contributing)?.[1], real, String(claim));
});
