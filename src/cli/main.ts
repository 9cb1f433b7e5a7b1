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
import { CHECKLISTS } from '../core/clients/checklists';
import { discoverConfigs } from '../core/discovery/discoverConfigs';
import type { ScanTick } from '../core/discovery/scanChecklist';
import { SCENARIOS } from '../sandbox/scenarios';
import { startSandbox, type Sandbox } from '../sandbox/sandboxServer';
import { parseCliArgs, USAGE, UsageError, type CliArgs } from './args';
import { promptHidden } from './hiddenPrompt';
import { LiveProgress } from './liveProgress';
import { ledgerFile } from './ledgerFile';
import { stateDir } from './stateDir';
import { CriticalGate } from '../core/critical/criticalGate';
import { renderTail } from './printReport';
import { STATUS_ICON, styleFor } from './style';
import { visibleJson, visibleText } from '../core/visibleText';

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
  if (args.discover) return printDiscovery(io, args.json, args.baseUrl ?? GATEWAY_OPENAI_BASE);
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
    const report = await runWithProgress(parsed.profile, args, io, sandbox);
    if (report.verdict === 'cancelled') return EXIT.cancelled;
    return report.verdict === 'fail' ? EXIT.failed : EXIT.ok;
  } finally {
    await sandbox?.close();
  }
}

/** Everything a config file holds is shown through visibleText: no control character reaches the terminal. */
const v = (text: string | undefined) => visibleText(text ?? '');

/** How a checklist item a scan proves is marked in the terminal. */
const TICK: Record<ScanTick['state'], { tone: 'pass' | 'warn' | 'fail'; mark: string }> = {
  verified: { tone: 'pass', mark: STATUS_ICON.pass },
  warned: { tone: 'warn', mark: STATUS_ICON.warn },
  failed: { tone: 'fail', mark: STATUS_ICON.fail },
};

/**
 * `--discover`: the clients' configuration files and databases on this machine, judged against
 * the gateway being checked (`--base-url`, default Crazyrouter); nothing is written.
 */
async function printDiscovery(io: CliIo, json: boolean, gateway: string): Promise<number> {
  let found;
  try {
    found = await discoverConfigs({ home: io.env.HOME || homedir(), env: io.env, workspaceFolders: [process.cwd()], baseUrl: gateway, signal: io.signal });
  } catch (error) {
    if (io.signal?.aborted) return EXIT.cancelled;
    throw error;
  }
  if (json) {
    io.stdout.write(`${visibleJson(found)}\n`);
    return EXIT.ok;
  }
  const style = styleFor(io.stdout);
  const items = new Map(Object.values(CHECKLISTS).flatMap((list) => list.map((item) => [item.id, item.text] as const)));
  if (found.length === 0) io.stdout.write('No client configuration found.\n');
  for (const f of found) {
    const tone = f.problems.length > 0 ? 'warn' : f.notRead ? 'skipped' : 'pass';
    io.stdout.write(
      `${style.status(tone, tone === 'pass' ? '✔' : tone === 'warn' ? '⚠' : 'ℹ')} ${style.bold(v(f.client))} ${v(f.entry)}  ${style.dim(v(f.file))}\n`,
    );
    if (f.baseUrl) io.stdout.write(`    configured: ${v(f.baseUrl)}\n    will call:  ${v(f.predictedUrl ?? '(nothing)')}\n`);
    if (f.tokenSource) io.stdout.write(`    token:      from ${v(f.tokenSource)}${f.tokenFingerprint ? ` (fingerprint ${v(f.tokenFingerprint)})` : ''}\n`);
    if (f.notRead) io.stdout.write(`    ${style.status('skipped', 'ℹ')} not read: ${v(f.notRead)}\n`);
    for (const p of f.problems) io.stdout.write(`    ${style.status('warn', '!')} ${v(p)}\n`);
    for (const tick of f.checklist)
      io.stdout.write(`    checklist ${style.status(TICK[tick.state].tone, TICK[tick.state].mark)} “${v(items.get(tick.item))}” — ${v(tick.reason)}\n`);
    if (f.valueToType || f.problems.length > 0) io.stdout.write(`    corrected (copy by hand):\n${visibleText(f.snippet, true).replace(/^/gm, '      ')}\n`);
  }
  return EXIT.ok;
}

async function runWithProgress(profile: Parameters<typeof verify>[0], args: CliArgs, io: CliIo, sandbox: Sandbox | undefined): Promise<Report> {
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
      `${style.bold(`Crazyrouter Doctor ${DOCTOR_VERSION}`)}: ${profile.client} → ${visibleText(profile.baseUrl)} (${visibleText(where)}), from ${visibleText(runsOn)}\n\n`,
    );
  }
  const report = await verify(profile, {
    // The built-in sandbox is a gateway of its own, gone after the run: its budget is the run's alone.
    critical: sandbox ? undefined : new CriticalGate(ledgerFile(stateDir(io.env))),
    runsOn,
    signal: io.signal,
    concurrency: args.concurrency,
    onEvent: (e) => {
      if (e.type === 'internal-error') io.stderr.write(`crazyrouter-doctor: internal error in check ${e.id}:\n${visibleText(e.stack, true)}\n`);
      else progress?.handle(e);
    },
  });
  progress?.stop();
  if (args.json) io.stdout.write(`${visibleJson(report)}\n`);
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
