// `node dist/sandbox.js`: the sandbox gateway in a process of its own, so tests and benchmarks can
// put a real process boundary (and a real proxy) between the doctor and the gateway. Prints one JSON
// line with where it listens, then one JSON line per request it served; stops on SIGTERM, SIGINT or
// (with --exit-with-stdin) when its standard input closes.
import { parseArgs } from 'node:util';
import { startSandbox } from './sandboxServer';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'healthy' },
      port: { type: 'string', default: '0' },
      latency: { type: 'string', default: '0' },
      'chunk-interval': { type: 'string' },
      key: { type: 'string' },
      /** Stop when standard input closes: a parent that dies takes its gateway with it. */
      'exit-with-stdin': { type: 'boolean', default: false },
    },
  });
  const sandbox = await startSandbox({
    scenario: values.scenario,
    port: Number(values.port),
    latencyMs: Number(values.latency),
    chunkIntervalMs: values['chunk-interval'] === undefined ? undefined : Number(values['chunk-interval']),
    key: values.key,
    onRequest: (record) => process.stdout.write(`${JSON.stringify({ request: record })}\n`),
  });
  process.stdout.write(`${JSON.stringify({ origin: sandbox.origin, baseUrl: sandbox.baseUrl, key: sandbox.key, scenario: sandbox.scenario.id })}\n`);
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  if (values['exit-with-stdin']) {
    process.stdin.once('end', stop);
    process.stdin.resume();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
