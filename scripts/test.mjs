// npm test: builds, then runs the static checks (types, lint, dead code, format) beside the unit and
// integration suites (mocha, files in parallel), and prints how long each part took. The static
// checks' output is held back until they end, so it does not interleave with the test report.
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);
const started = performance.now();

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const built = seconds(started);

/** Runs commands one after another, holding their output; resolves with the first failure's code. */
function lane(commands) {
  const laneStarted = performance.now();
  let output = '';
  const run = async () => {
    for (const [command, args] of commands) {
      const code = await new Promise((resolve) => {
        const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
        child.stdout.on('data', (d) => (output += d));
        child.stderr.on('data', (d) => (output += d));
        child.on('close', (c) => resolve(c ?? 1));
      });
      if (code !== 0) return { code, output: `${output}\n${[command, ...args].join(' ')} failed (exit ${code})`, took: seconds(laneStarted) };
    }
    return { code: 0, output, took: seconds(laneStarted) };
  };
  return run();
}

const bin = (name) => `node_modules/.bin/${name}`;
const staticChecks = lane([
  [bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  [bin('tsc'), ['-p', 'tsconfig.webview.json', '--noEmit']],
  [bin('tsc'), ['-p', 'tsconfig.webview-test.json', '--noEmit']],
  [bin('oxlint'), ['--deny-warnings']],
  [bin('knip'), ['--no-progress']],
  [bin('knip'), ['--no-progress', '--production']],
  [bin('oxfmt'), ['--check']],
]);

// Most files wait on sockets and child processes, so one more job than cores keeps both busy.
const jobs = String(Math.max(2, availableParallelism() + 1));
const testsStarted = performance.now();
const tests = await new Promise((resolve) => {
  const reporter = process.env.CI ? ['--reporter', 'spec'] : [];
  // A larger young generation: the suites allocate fast (thousands of HTTP exchanges) and spend
  // a sixth of their time in scavenges with V8's default.
  const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-semi-space-size=32`.trim() };
  spawn(process.execPath, ['node_modules/mocha/bin/mocha.js', '--jobs', jobs, ...reporter, ...process.argv.slice(2)], { stdio: 'inherit', env }).on(
    'close',
    (c) => resolve(c ?? 1),
  );
});
const testsTook = seconds(testsStarted);
const checks = await staticChecks;
if (checks.output.trim()) console.log(`\n${checks.output.trim()}`);
console.log(
  `\nbuild ${built} s · types, lint, dead code, format ${checks.took} s (${checks.code === 0 ? 'ok' : 'FAILED'}) · tests ${testsTook} s on ${jobs} jobs (${tests === 0 ? 'ok' : 'FAILED'}) · npm test ${seconds(started)} s`,
);
process.exit(tests || checks.code);
