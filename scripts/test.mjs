// npm test: builds, then runs the unit and integration suites (mocha, files in parallel), and prints
// how long each part took. The static checks (types, lint, dead code, format) are `npm run check`,
// which CI runs before this: on 2 cores every CPU-second they took here was a half-second of wall.
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);
const started = performance.now();

// The tests talk only to 127.0.0.1; the tests that need a certificate set NODE_EXTRA_CA_CERTS
// themselves. A machine-wide bundle there (this machine's points at ~140 system roots) costs
// every Node process the suite starts (~200) about 50 ms of parsing at start-up, the build's too.
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit', env });
if (build.status !== 0) process.exit(build.status ?? 1);
const built = seconds(started);

// Most files wait on sockets, timeouts and child processes, so more jobs than cores keep the cores
// busy; but each worker warms the engine's code up again, and more of them only add CPU. On 2 cores,
// measured in alternating pairs (mocha alone): 5 jobs 2.5–3 s faster than 4 (44.3 vs 46.9 s, 49.5
// vs 52.7 s) for the same CPU; 6 jobs 2–5 s slower than 5 and ~8% more CPU. TEST_JOBS overrides.
const jobs = process.env.TEST_JOBS ?? String(Math.max(2, availableParallelism() * 2 + 1));
const testsStarted = performance.now();
// Mocha's output passes through as it comes and is also read: a run counts as passed only with
// exit 0, mocha's own "N passing" summary (a parallel run whose worker died can exit 0 without
// one), and no rejection reported outside any test (test/support/mochaHooks.ts).
const OUTSIDE_ANY_TEST = 'UNHANDLED REJECTION OUTSIDE ANY TEST'; // as test/support/mochaHooks.ts writes it
const tests = await new Promise((resolve) => {
  const reporter = process.env.CI ? ['--reporter', 'spec'] : [];
  // A larger young generation for mocha and its workers (fork passes them this process's node
  // arguments): the suites allocate fast (thousands of HTTP exchanges) and spend a sixth of their
  // time in scavenges with V8's default. Not in NODE_OPTIONS: every CLI and gateway process the
  // tests start would inherit it, and for them it costs (CLI run 0.36 → 0.41 CPU-s, 20 runs each)
  // and makes V8 refuse the CLI's code cache, which was written without it.
  const child = spawn(process.execPath, ['--max-semi-space-size=32', 'node_modules/mocha/bin/mocha.js', '--jobs', jobs, ...reporter], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  let tail = '';
  let outside = false;
  const pass = (stream, into) =>
    stream.on('data', (d) => {
      into.write(d);
      tail = (tail + d).slice(-4_000);
      if (String(d).includes(OUTSIDE_ANY_TEST) || tail.includes(OUTSIDE_ANY_TEST)) outside = true;
    });
  pass(child.stdout, process.stdout);
  pass(child.stderr, process.stderr);
  child.on('close', (code) => {
    // oxlint-disable-next-line no-control-regex
    const plain = tail.replace(/\u001b\[[0-9;]*m/g, '');
    const summary = /^\s*\d+ passing \(/m.test(plain);
    if (code === 0 && !summary) console.error('\nmocha exited 0 without its summary: a worker died; counted as a failure');
    if (outside) console.error('\nan unhandled promise rejection happened outside any test; counted as a failure');
    resolve(code !== 0 ? (code ?? 1) : !summary || outside ? 1 : 0);
  });
});
const testsTook = seconds(testsStarted);
console.log(
  `\nbuild ${built} s · tests ${testsTook} s on ${jobs} jobs (${tests === 0 ? 'ok' : 'FAILED'}) · npm test ${seconds(started)} s · static checks: npm run check`,
);
process.exit(tests);
