import { hostname } from 'node:os';
import * as l10n from '@vscode/l10n';
import { GATEWAY_OPENAI_BASE } from '../core/clients/clients';
import { verify } from '../core/engine/verify';
import { describeMachine } from '../core/machine';
import type { Profile } from '../core/profile';
import { renderMarkdown } from '../core/report/markdown';
import type { Report } from '../core/report/report';
import { describeRoute } from '../core/transport/networkRoute';
import { DOCTOR_VERSION } from '../core/version';
import { visibleJson, visibleText } from '../core/visibleText';
import { CriticalGate } from '../core/critical/criticalGate';
import type { Sandbox } from '../sandbox/sandboxServer';
import type { CliArgs } from './args';
import type { CliIo } from './cliIo';
import type { EnvNetwork } from './envNetwork';
import { ledgerFile } from './ledgerFile';
import { LiveProgress } from './liveProgress';
import { stateDir } from './userDirs';
import { renderTail, wrapped } from './printReport';
import { terminalFor } from './style';

/** Runs the checks with the live view (or prints the report as JSON or Markdown) and returns the report. */
export async function runVerification(profile: Profile, args: CliArgs, io: CliIo, sandbox: Sandbox | undefined, network: EnvNetwork): Promise<Report> {
  const machine = args.json || args.markdown;
  const runsOn = describeMachine(hostname());
  const terminal = terminalFor(io.stdout, io.env);
  const { style } = terminal;
  const where = sandbox
    ? l10n.t('sandbox gateway {gateway}, scenario "{scenario}": {scenarioTitle}', {
        gateway: sandbox.state.gateway,
        scenario: sandbox.scenario.id,
        scenarioTitle: sandbox.scenario.title,
      })
    : profile.baseUrl === GATEWAY_OPENAI_BASE
      ? 'Crazyrouter'
      : l10n.t('custom gateway');
  const progress = machine ? undefined : new LiveProgress(io.stdout, terminal);
  if (!machine) {
    const title = l10n.t('Crazyrouter Doctor {version}', { version: DOCTOR_VERSION });
    const line = visibleText(
      l10n.t('{title}: {client} → {baseUrl} ({where}), from {machine}', { title, client: profile.client, baseUrl: profile.baseUrl, where, machine: runsOn }),
    );
    const width = terminal.width();
    const header = wrapped(line, width).map((l, i) => (i === 0 && l.startsWith(title) ? `${style.bold(title)}${l.slice(title.length)}` : l));
    const route = wrapped(visibleText(describeRoute(network.routeOf(new URL(profile.baseUrl)))), width).map(style.dim);
    io.stdout.write(`${[...header, ...route].join('\n')}\n\n`);
  }
  const report = await verify(profile, {
    // The built-in sandbox is a gateway of its own, gone after the run: its budget is the run's alone.
    critical: sandbox ? undefined : new CriticalGate(ledgerFile(stateDir(io.env))),
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
  if (args.json) io.stdout.write(`${visibleJson(report)}\n`);
  else if (args.markdown) io.stdout.write(renderMarkdown(report));
  else io.stdout.write(`${renderTail(report, style, terminal.width())}\n`);
  return report;
}
