// `node dist/sandbox.js`: the sandbox gateway in a process of its own, so tests and benchmarks can
// put a real process boundary (and a real proxy) between the doctor and the gateway. Prints one JSON
// line with where it listens, then one JSON line per request it served; stops on SIGTERM, SIGINT or
// (with --exit-with-stdin) when its standard input closes. With --exit-with-stdin, a line `sync` on
// standard input is answered with `{"synced":true}` once every request so far has been answered and
// its line printed: a parent reads what was served without racing the gateway's own output.
// `--host` serves many gateways in the one process instead, started and stopped by commands.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { GATEWAY_SNAPSHOTS, WORDING_LANGS, type GatewaySnapshotId, type WordingLang } from '../core/wordings/snapshots';
import { startSandbox, type Sandbox } from './sandboxServer';
import type { RequestRecord } from './sandboxState';

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

/** The options of one gateway, as `node dist/sandbox.js` takes them (and --host's `start` command). */
const GATEWAY_OPTIONS = {
  scenario: { type: 'string', default: 'healthy' },
  port: { type: 'string', default: '0' },
  latency: { type: 'string', default: '0' },
  'chunk-interval': { type: 'string' },
  key: { type: 'string' },
  /** Answer as another gateway version (new-api@2026-08, new-api@2026-02, new-api@2025-04, one-api@2025-02). */
  gateway: { type: 'string' },
  /** The token owner's language (en, zh-CN, zh-TW); otherwise each request's Accept-Language. */
  'gateway-lang': { type: 'string' },
} as const;

type GatewayValues = ReturnType<typeof parseArgs<{ options: typeof GATEWAY_OPTIONS }>>['values'];

function startGateway(values: GatewayValues, onRequest: (record: RequestRecord) => void): Promise<Sandbox> {
  return startSandbox({
    scenario: values.scenario,
    port: Number(values.port),
    latencyMs: Number(values.latency),
    chunkIntervalMs: values['chunk-interval'] === undefined ? undefined : Number(values['chunk-interval']),
    key: values.key,
    gateway: gatewayOption(values.gateway),
    lang: langOption(values['gateway-lang']),
    onRequest,
  });
}

const print = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);
const where = (sandbox: Sandbox) => ({ origin: sandbox.origin, baseUrl: sandbox.baseUrl, key: sandbox.key, scenario: sandbox.scenario.id });

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      ...GATEWAY_OPTIONS,
      /** Stop when standard input closes: a parent that dies takes its gateway with it. */
      'exit-with-stdin': { type: 'boolean', default: false },
      /** Serve many gateways, each started and stopped by a command on standard input (see host()). */
      host: { type: 'boolean', default: false },
    },
  });
  if (values.host) return host();
  const sandbox = await startGateway(values, (request) => print({ request }));
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  if (values['exit-with-stdin']) {
    process.stdin.once('end', stop);
    createInterface({ input: process.stdin }).on('line', (line) => {
      if (line.trim() === 'sync') void whenIdle(sandbox).then(() => print({ synced: true }));
    });
  }
  // Last: a parent may signal as soon as it reads this line.
  print(where(sandbox));
}

/**
 * --host: gateways in one process, for a test file that starts dozens of them (a Node start is
 * ~45 ms of CPU). Each command is a JSON line on standard input, each answer one on standard
 * output, with the gateway's id: `{"start": id, "args": [...]}` → where it listens (or `error`);
 * every request it answers → `{"id", "request"}`; `{"sync": id}` → `{"id", "synced": true}` once
 * nothing is in flight; `{"stop": id}` → `{"id", "stopped": true}`. Ends when standard input does.
 */
function host(): void {
  const gateways = new Map<number, Sandbox>();
  const commands = createInterface({ input: process.stdin });
  commands.on('line', (line) => {
    let command: { start?: number; args?: string[]; sync?: number; stop?: number };
    try {
      command = JSON.parse(line) as typeof command;
    } catch {
      process.stderr.write(`sandbox: not a command: ${line.slice(0, 200)}\n`);
      return;
    }
    if (command.start !== undefined) {
      const id = command.start;
      // In a promise, so a bad option fails this start only, never the host and its other gateways.
      Promise.resolve()
        .then(() => startGateway(parseArgs({ args: command.args ?? [], options: GATEWAY_OPTIONS }).values, (request) => print({ id, request })))
        .then(
          (sandbox) => (gateways.set(id, sandbox), print({ id, ...where(sandbox) })),
          (error: unknown) => print({ id, error: error instanceof Error ? error.message : String(error) }),
        );
    } else if (command.sync !== undefined) {
      const id = command.sync;
      const sandbox = gateways.get(id);
      void (sandbox ? whenIdle(sandbox) : Promise.resolve()).then(() => print({ id, synced: true }));
    } else if (command.stop !== undefined) {
      const id = command.stop;
      const sandbox = gateways.get(id);
      gateways.delete(id);
      void (sandbox?.close() ?? Promise.resolve()).then(() => print({ id, stopped: true }));
    }
  });
  commands.once('close', () => void Promise.all([...gateways.values()].map((g) => g.close())).then(() => process.exit(0)));
}

/** Resolves once no request is in flight (each one's line is printed as it closes). */
async function whenIdle(sandbox: Sandbox): Promise<void> {
  while (sandbox.inFlight() > 0) await new Promise((resolve) => setTimeout(resolve, 5));
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
