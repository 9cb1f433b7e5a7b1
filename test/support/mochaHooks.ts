// Root hooks for the unit and integration suites (loaded with --require by .mocharc.json). Mocha
// re-emits a promise rejection nobody handled on `process` and, with nobody listening there, it
// would pass silently (node:test failed the test instead) or, between two files of a parallel
// worker, kill the worker. So a listener stays for the process's whole life (a parallel worker drops
// every listener after each file; this one is put straight back), and the rejection fails:
// - the test during which it happened, as that test's own failure (its function is wrapped; a
//   failing hook would skip the rest of the suite);
// - otherwise the next test, naming the test after which it happened (a file's teardown);
// - otherwise, when no test follows in this process, the run: scripts/test.mjs looks for the line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Context, RootHookObject } from 'mocha';
import { globalsGuard } from './globalsGuard';

// The CLI keeps the critical rate limit's ledger in $XDG_STATE_HOME, and V8's code cache of itself
// in $XDG_CACHE_HOME: every CLI the tests run (in process or as a child) keeps them in a directory
// of this process's own, never in the user's. The code cache (content-addressed, written whole or
// not at all) is the run's: mocha's main process makes it and its workers, forked with its
// environment, use it, so the CLI is compiled afresh once a run rather than once a worker (16 of a
// run's CLI processes were, each ~0.1 CPU-s more).
const stateHome = mkdtempSync(path.join(tmpdir(), 'crazyrouter-doctor-test-state-'));
process.env.XDG_STATE_HOME = stateHome;
process.env.CRAZYROUTER_TEST_CACHE_HOME ??= path.join(stateHome, 'cache');
process.env.XDG_CACHE_HOME = process.env.CRAZYROUTER_TEST_CACHE_HOME;
process.on('exit', () => rmSync(stateHome, { recursive: true, force: true }));

// The CLI speaks the language LC_ALL, LC_MESSAGES or LANG name, and the tests read its English:
// on a machine set to Chinese, every CLI they run is told English. LC_ALL would override
// LC_MESSAGES, so it moves to LANG, where it still sets the other categories.
if (process.env.LC_ALL) process.env.LANG = process.env.LC_ALL;
delete process.env.LC_ALL;
process.env.LC_MESSAGES = 'C';

/** The line scripts/test.mjs fails the run on. */
export const OUTSIDE_ANY_TEST = 'UNHANDLED REJECTION OUTSIDE ANY TEST';

interface Seen {
  reason: unknown;
  when: string;
}

const seen: Seen[] = [];
let current: string | undefined;
let previous: string | undefined;

const record = (reason: unknown) => seen.push({ reason, when: current ? `during "${current}"` : `after "${previous ?? 'the start'}" ended` });
const describe = (s: Seen) => `${s.when}: ${s.reason instanceof Error ? (s.reason.stack ?? s.reason.message) : String(s.reason)}`;

function listen(): void {
  if (!process.listeners('unhandledRejection').includes(record)) process.on('unhandledRejection', record);
}
process.on('removeListener', (event, listener) => {
  if (event === 'unhandledRejection' && listener === record) listen();
});
process.on('exit', () => {
  if (seen.length > 0) process.stderr.write(`\n${OUTSIDE_ANY_TEST}\n${seen.map(describe).join('\n')}\n`);
});
listen();

/** Throws what was seen so far, if anything. */
function reportSeen(): void {
  if (seen.length === 0) return;
  throw new Error(`unhandled promise rejection ${seen.splice(0).map(describe).join('\n')}`);
}

export const mochaHooks: RootHookObject = {
  ...globalsGuard,
  beforeEach(this: Context) {
    const test = this.currentTest;
    if (!test?.fn || test.fn.length > 0) return;
    const body = test.fn;
    const title = test.fullTitle();
    test.fn = async function (this: Context) {
      reportSeen();
      current = title;
      try {
        await (body as (this: Context) => unknown).call(this);
        // Node reports a rejection nobody handled once the current task is done: let it.
        await new Promise((resolve) => setImmediate(resolve));
      } finally {
        previous = title;
        current = undefined;
      }
      reportSeen();
    };
  },
};
