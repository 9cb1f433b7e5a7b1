import { GATEWAY_OPENAI_BASE } from '../core/clients/clients';
import { parseProfile } from '../core/profile';
import type { Report } from '../core/report/report';
import { redact } from '../core/redact';
import { Secret } from '../core/secret';
import { proxyProblem } from '../core/transport/envProxy';
import type { NetworkRoute } from '../core/transport/networkRoute';
import { DOCTOR_VERSION } from '../core/version';
import { SCENARIOS } from '../sandbox/scenarios';
import { startSandbox, type Sandbox } from '../sandbox/sandboxServer';
import * as l10n from '@vscode/l10n';
import { langFlag, parseCliArgs, usage, UsageError, type CliArgs } from './args';
import { EXIT, type CliIo } from './cliIo';
import { useCliLanguage } from './cliLanguage';
import { envNetwork, type EnvNetwork } from './envNetwork';
import { promptHidden } from './hiddenPrompt';
import { printDiscovery } from './printDiscovery';
import { runVerification } from './runVerification';

/** Runs the doctor once and returns the process exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  useCliLanguage(io.env, langFlag(argv), io.stderr);
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`crazyrouter-doctor: ${error.message}\n\n${usage()}\n`);
    return EXIT.usage;
  }
  if (args.help) return (void io.stdout.write(`${usage()}\n`), EXIT.ok);
  if (args.version) return (void io.stdout.write(`${DOCTOR_VERSION}\n`), EXIT.ok);
  if (args.listScenarios) {
    for (const s of SCENARIOS) io.stdout.write(`${s.id.padEnd(20)} ${s.title}\n`);
    return EXIT.ok;
  }
  if (args.discover) return printDiscovery(io, args.json, args.baseUrl ?? GATEWAY_OPENAI_BASE);
  if (args.mcp) {
    // Loaded only here: the MCP SDK stays out of every other run's start-up.
    const { runMcpServer } = await import('./mcp/mcpServer');
    io.beforeFirstRequest?.();
    return runMcpServer({ baseUrl: args.baseUrl ?? GATEWAY_OPENAI_BASE, timeoutMs: args.timeoutMs, concurrency: args.concurrency }, io);
  }
  if (args.scenario && !SCENARIOS.some((s) => s.id === args.scenario)) {
    io.stderr.write(`crazyrouter-doctor: ${l10n.t('unknown scenario "{scenario}" (see --list-scenarios)', { scenario: args.scenario })}\n`);
    return EXIT.usage;
  }

  let sandbox: Sandbox | undefined;
  try {
    let token: Secret;
    let baseUrl: string;
    if (args.baseUrl) {
      baseUrl = args.baseUrl;
      const fromEnv = io.env.CRAZYROUTER_API_KEY;
      const answer =
        fromEnv !== undefined
          ? { kind: 'answer' as const, value: fromEnv }
          : io.stdin.isTTY
            ? await promptHidden(`${l10n.t('Crazyrouter token (sk-..., not shown):')} `, io.stdin, io.stderr, io.signal)
            : { kind: 'end' as const };
      if (answer.kind === 'cancelled') return EXIT.cancelled;
      if (answer.kind === 'end') {
        io.stderr.write(`crazyrouter-doctor: ${l10n.t('no token. Set CRAZYROUTER_API_KEY or run in a terminal to be asked for it.')}\n`);
        return EXIT.usage;
      }
      token = Secret.of(answer.value);
    } else {
      sandbox = await startSandbox({ scenario: args.scenario ?? 'healthy', latencyMs: args.latencyMs, gateway: args.gateway, lang: args.gatewayLang });
      baseUrl = sandbox.baseUrl;
      token = Secret.of(sandbox.key);
    }
    const parsed = parseProfile(
      {
        baseUrl,
        client: args.client,
        models: args.models.length > 0 ? args.models : undefined,
        timeoutMs: args.timeoutMs ?? sandbox?.scenario.timeoutMs,
        mode: args.health ? 'health' : 'full',
        typedUrl: sandbox ? args.typedUrl?.replaceAll('{sandbox}', sandbox.origin) : args.typedUrl,
        urlRule: args.urlRule,
      },
      token,
    );
    if (!parsed.ok) {
      io.stderr.write(`crazyrouter-doctor: ${parsed.errors.join('; ')}\n`);
      return EXIT.usage;
    }
    const problem = sandbox ? undefined : proxyProblem([parsed.profile.baseUrl, parsed.profile.typedUrl ?? ''], io.env);
    if (problem) {
      io.stderr.write(`crazyrouter-doctor: ${problem}\n`);
      return EXIT.usage;
    }
    const network: EnvNetwork = sandbox ? sandboxNetwork : envNetwork(io.env);
    let report: Report;
    io.beforeFirstRequest?.();
    try {
      report = await runVerification(parsed.profile, args, io, sandbox, network);
    } finally {
      await network.close();
    }
    if (report.verdict === 'cancelled') return EXIT.cancelled;
    return report.verdict === 'fail' ? EXIT.failed : EXIT.ok;
  } finally {
    await sandbox?.close();
  }
}

/** The sandbox runs on this machine: its requests never go through a proxy. */
const sandboxNetwork: EnvNetwork = {
  routeOf: (url): NetworkRoute => ({ kind: 'direct', because: 'sandbox', host: url.hostname }),
  close: async () => {},
};

/** The command's process: dist/cli.js (launch.ts) loads this bundle and calls it. */
export function main(hooks: Pick<CliIo, 'beforeFirstRequest'> = {}): void {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  // A closed pipe (`crazyrouter-doctor | head`) is a normal way to stop reading.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? EXIT.ok : EXIT.usage));
  runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    signal: controller.signal,
    ...hooks,
  }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`crazyrouter-doctor: internal error: ${redact(error instanceof Error ? error.message : 'unknown')}\n`);
      process.exit(EXIT.usage);
    },
  );
}
