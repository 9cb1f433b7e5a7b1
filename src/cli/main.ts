import { hostname } from 'node:os';
import { describeMachine } from '../core/machine';
import { GATEWAY_OPENAI_BASE } from '../core/clients/clients';
import { verify } from '../core/engine/verify';
import { parseProfile } from '../core/profile';
import { renderMarkdown } from '../core/report/markdown';
import type { Report } from '../core/report/report';
import { redact } from '../core/redact';
import { Secret } from '../core/secret';
import { DOCTOR_VERSION } from '../core/version';
import { homedir } from 'node:os';
import { discoverConfigs } from '../core/discovery/discoverConfigs';
import { SCENARIOS } from '../sandbox/scenarios';
import { startSandbox, type Sandbox } from '../sandbox/sandboxServer';
import { parseCliArgs, USAGE, UsageError, type CliArgs } from './args';
import { promptHidden } from './hiddenPrompt';
import { LiveProgress } from './liveProgress';
import { renderTail } from './printReport';
import { styleFor } from './style';
import { visibleText } from '../core/visibleText';
import { proxyProblem } from '../core/transport/envProxy';
import { describeRoute, type NetworkRoute } from '../core/transport/networkRoute';
import { envNetwork, type EnvNetwork } from './envNetwork';

export const EXIT = { ok: 0, failed: 1, usage: 2, cancelled: 130 } as const;

export interface CliIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  env: NodeJS.ProcessEnv;
  /** Aborts the run (Ctrl-C). */
  signal?: AbortSignal;
}

/** Runs the doctor once and returns the process exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`crazyrouter-doctor: ${error.message}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (args.help) return (void io.stdout.write(`${USAGE}\n`), EXIT.ok);
  if (args.version) return (void io.stdout.write(`${DOCTOR_VERSION}\n`), EXIT.ok);
  if (args.listScenarios) {
    for (const s of SCENARIOS) io.stdout.write(`${s.id.padEnd(20)} ${s.title}\n`);
    return EXIT.ok;
  }
  if (args.discover) return printDiscovery(io, args.json);
  if (args.scenario && !SCENARIOS.some((s) => s.id === args.scenario)) {
    io.stderr.write(`crazyrouter-doctor: unknown scenario "${args.scenario}" (see --list-scenarios)\n`);
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
            ? await promptHidden('Crazyrouter token (sk-..., not shown): ', io.stdin, io.stderr, io.signal)
            : { kind: 'end' as const };
      if (answer.kind === 'cancelled') return EXIT.cancelled;
      if (answer.kind === 'end') {
        io.stderr.write('crazyrouter-doctor: no token. Set CRAZYROUTER_API_KEY or run in a terminal to be asked for it.\n');
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
    try {
      report = await runWithProgress(parsed.profile, args, io, sandbox, network);
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

/** Everything a config file holds is shown through visibleText: no control character reaches the terminal. */
const v = (text: string | undefined) => visibleText(text ?? '');

/** `--discover`: the clients' configuration files on this machine, judged; nothing is written. */
async function printDiscovery(io: CliIo, json: boolean): Promise<number> {
  let found;
  try {
    found = await discoverConfigs({ home: io.env.HOME || homedir(), env: io.env, workspaceFolders: [process.cwd()], signal: io.signal });
  } catch (error) {
    if (io.signal?.aborted) return EXIT.cancelled;
    throw error;
  }
  if (json) {
    io.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
    return EXIT.ok;
  }
  const style = styleFor(io.stdout);
  if (found.length === 0) io.stdout.write('No Codex, Claude Code, Continue or Cline configuration found.\n');
  for (const f of found) {
    const tone = f.problems.length > 0 ? 'warn' : 'pass';
    io.stdout.write(`${style.status(tone, tone === 'pass' ? '✔' : '⚠')} ${style.bold(v(f.client))} ${v(f.entry)}  ${style.dim(v(f.file))}\n`);
    if (f.baseUrl) io.stdout.write(`    configured: ${v(f.baseUrl)}\n    will call:  ${v(f.predictedUrl ?? '(nothing)')}\n`);
    if (f.tokenSource) io.stdout.write(`    token:      from ${v(f.tokenSource)} (fingerprint ${v(f.tokenFingerprint ?? 'unknown')})\n`);
    for (const p of f.problems) io.stdout.write(`    ${style.status('warn', '!')} ${v(p)}\n`);
    if (f.valueToType || f.problems.length > 0) io.stdout.write(`    corrected (copy by hand):\n${visibleText(f.snippet, true).replace(/^/gm, '      ')}\n`);
  }
  return EXIT.ok;
}

async function runWithProgress(
  profile: Parameters<typeof verify>[0],
  args: CliArgs,
  io: CliIo,
  sandbox: Sandbox | undefined,
  network: EnvNetwork,
): Promise<Report> {
  const machine = args.json || args.markdown;
  const runsOn = describeMachine(hostname());
  const style = styleFor(io.stdout);
  const where = sandbox
    ? `sandbox gateway ${sandbox.state.gateway}, scenario "${sandbox.scenario.id}": ${sandbox.scenario.title}`
    : profile.baseUrl === GATEWAY_OPENAI_BASE
      ? 'Crazyrouter'
      : 'custom gateway';
  const progress = machine ? undefined : new LiveProgress(io.stdout, style);
  if (!machine) {
    io.stdout.write(
      `${style.bold(`Crazyrouter Doctor ${DOCTOR_VERSION}`)}: ${profile.client} → ${visibleText(profile.baseUrl)} (${visibleText(where)}), from ${visibleText(runsOn)}\n${style.dim(visibleText(describeRoute(network.routeOf(new URL(profile.baseUrl)))))}\n\n`,
    );
  }
  const report = await verify(profile, {
    runsOn,
    signal: io.signal,
    concurrency: args.concurrency,
    routeOf: network.routeOf,
    fetchOptions: network.fetch ? { baseFetch: network.fetch } : undefined,
    onEvent: (e) => {
      if (e.type === 'internal-error') io.stderr.write(`crazyrouter-doctor: internal error in check ${e.id}:\n${visibleText(e.stack, true)}\n`);
      else progress?.handle(e);
    },
  });
  progress?.stop();
  if (args.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (args.markdown) io.stdout.write(renderMarkdown(report));
  else io.stdout.write(`${renderTail(report, style)}\n`);
  return report;
}

if (require.main === module) {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  // A closed pipe (`crazyrouter-doctor | head`) is a normal way to stop reading.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? EXIT.ok : EXIT.usage));
  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, signal: controller.signal }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`crazyrouter-doctor: internal error: ${redact(error instanceof Error ? error.message : 'unknown')}\n`);
      process.exit(EXIT.usage);
    },
  );
}
