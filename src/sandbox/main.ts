// `node dist/sandbox.js`: the sandbox gateway in a process of its own, so tests and benchmarks can
// put a real process boundary (and a real proxy) between the doctor and the gateway. Prints one JSON
// line with where it listens, then one JSON line per request it served; stops on SIGTERM, SIGINT or
// (with --exit-with-stdin) when its standard input closes. With --exit-with-stdin, a line `sync` on
// standard input is answered with `{"synced":true}` once every request so far has been answered and
// its line printed: a parent reads what was served without racing the gateway's own output.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { GATEWAY_SNAPSHOTS, WORDING_LANGS, type GatewaySnapshotId, type WordingLang } from '../core/wordings/snapshots';
import { startSandbox, type Sandbox } from './sandboxServer';

function gatewayOption(value: string | undefined): GatewaySnapshotId | undefined {
  if (value === undefined) return undefined;
  if (!(value in GATEWAY_SNAPSHOTS)) throw new Error(`--gateway must be one of ${Object.keys(GATEWAY_SNAPSHOTS).join(', ')}`);
  return value as GatewaySnapshotId;
}

function langOption(value: string | undefined): WordingLang | undefined {
  if (value === undefined) return undefined;
  if (!(WORDING_LANGS as readonly string[]).includes(value)) throw new Error(`--gateway-lang must be one of ${WORDING_LANGS.join(', ')}`);
  return value as WordingLang;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'healthy' },
      port: { type: 'string', default: '0' },
      latency: { type: 'string', default: '0' },
      'chunk-interval': { type: 'string' },
      key: { type: 'string' },
      /** Answer as another gateway version (new-api@2026-08, new-api@2026-02, new-api@2025-04, one-api@2025-02). */
      gateway: { type: 'string' },
      /** The token owner's language (en, zh-CN, zh-TW); otherwise each request's Accept-Language. */
      'gateway-lang': { type: 'string' },
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
    gateway: gatewayOption(values.gateway),
    lang: langOption(values['gateway-lang']),
    onRequest: (record) => process.stdout.write(`${JSON.stringify({ request: record })}\n`),
  });
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  if (values['exit-with-stdin']) {
    process.stdin.once('end', stop);
    createInterface({ input: process.stdin }).on('line', (line) => {
      if (line.trim() === 'sync') void answerSync(sandbox);
    });
  }
  // Last: a parent may signal as soon as it reads this line.
  process.stdout.write(`${JSON.stringify({ origin: sandbox.origin, baseUrl: sandbox.baseUrl, key: sandbox.key, scenario: sandbox.scenario.id })}\n`);
}

/** Waits until no request is in flight (each one's line is printed as it closes), then says so. */
async function answerSync(sandbox: Sandbox): Promise<void> {
  while (sandbox.inFlight() > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  process.stdout.write(`${JSON.stringify({ synced: true })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
