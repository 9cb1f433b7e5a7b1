import * as vscode from 'vscode';
import type { UrlRuleId } from '../core/clients/urlRules';
import type { CheckEvent } from '../core/engine/events';
import type { CriticalGate, LedgerStore } from '../core/critical/criticalGate';
import type { Report } from '../core/report/report';
import { loadEngine } from './engineLoader';
import type { DoctorLog } from './log';
import type { OriginMemory } from './originMemory';
import type { TokenStore } from './tokenStore';
import { httpOrigin } from '../core/urls';
import { whereThisRuns } from './whereThisRuns';
import { hostProxySettings } from './hostProxy';

export interface RunRequest {
  baseUrl: string;
  client: Report['target']['client'];
  models: string[];
  timeoutMs: number;
  mode: 'full' | 'health';
  /** Run against the embedded sandbox gateway instead (no account, no token, no network). */
  demo: boolean;
  /**
   * A person asked for this run (the panel): the doctor may ask them, in a modal, before sending the
   * token to an origin it was not saved for. The status bar's runs are not interactive: they never ask
   * and never send it elsewhere.
   */
  interactive: boolean;
  /** What the user typed in the client's URL field, and which of the client's rules applies. */
  typedUrl?: string;
  urlRule?: UrlRuleId;
}

export type RunOutcome =
  | { ok: true; report: Report }
  /** `withheld`: the token is bound to another origin and was not sent (nothing was). */
  | { ok: false; reason: string; withheld?: { origin: string; bound: string } };

/** Asks, in a modal that names both origins, whether the token may go to `origin`. */
export type AskToSend = (origin: string, bound: string) => Promise<boolean>;

export const askInModal: AskToSend = async (origin, bound) => {
  const send = vscode.l10n.t('Send it to {origin}', { origin });
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Send your Crazyrouter token to {origin}?', { origin }),
    {
      modal: true,
      detail: vscode.l10n.t(
        'The token was saved for {bound}. The base URL now points at {origin}. Send the token there only if you run or trust that gateway; you will not be asked again for it.',
        { bound, origin },
      ),
    },
    send,
  );
  return answer === send;
};

const noToken = () => vscode.l10n.t('No token is stored yet. Paste your Crazyrouter token and save it first.');

/** Runs the engine for the panel and the status bar. Loads the engine on first use. */
export class DoctorRunner {
  /** How a run asks before sending the token elsewhere (tests replace it). */
  ask: AskToSend = askInModal;
  /**
   * The budget for the gateway's critical rate limit that every panel run and status-bar check
   * shares (at most 2 per run, 1 per check, 15 in 20 minutes, answers reused for 5 minutes).
   */
  private gate?: CriticalGate;

  constructor(
    private readonly tokens: TokenStore,
    private readonly origins: OriginMemory,
    private readonly log: DoctorLog,
    private readonly ledger: LedgerStore,
  ) {}

  /** Whether the stored token may go to `baseUrl`'s origin; asks the user when the run is theirs. */
  private async mayCarryToken(baseUrl: string, interactive: boolean): Promise<RunOutcome | undefined> {
    const target = httpOrigin(baseUrl);
    const bound = await this.tokens.origin();
    if (!target || !bound || target === bound || this.origins.isApproved(target)) return undefined;
    if (interactive && (await this.ask(target, bound))) {
      await this.origins.approve(target);
      this.log.info(`The token may now also go to ${target} (you allowed it).`);
      return undefined;
    }
    const reason = interactive
      ? vscode.l10n.t('Not sent: your token is bound to {bound}, and you did not allow sending it to {target}. Nothing was sent.', { bound, target })
      : vscode.l10n.t('Not checked: the base URL points at {target}, but your token was saved for {bound}. Open Verify Setup to decide.', { bound, target });
    return { ok: false, reason, withheld: { origin: target, bound } };
  }

  async run(request: RunRequest, signal: AbortSignal, onEvent?: (event: CheckEvent) => void): Promise<RunOutcome> {
    if (!request.demo) {
      if (!(await this.tokens.has())) return { ok: false, reason: noToken() };
      const withheld = await this.mayCarryToken(request.baseUrl, request.interactive);
      if (withheld) return withheld;
    }
    const engine = loadEngine();
    const sandbox = request.demo ? await engine.startSandbox({ scenario: 'healthy' }) : undefined;
    try {
      const stored = sandbox ? undefined : await this.tokens.get();
      if (!sandbox && !stored) return { ok: false, reason: noToken() };
      this.log.setSecret(stored);
      const token = engine.Secret.of(sandbox ? sandbox.key : stored!.reveal());
      const parsed = engine.parseProfile(
        {
          baseUrl: sandbox ? sandbox.baseUrl : request.baseUrl,
          client: request.client,
          models: request.models,
          timeoutMs: request.timeoutMs,
          mode: request.mode,
          typedUrl: request.typedUrl,
          urlRule: request.urlRule,
        },
        token,
      );
      if (!parsed.ok) return { ok: false, reason: vscode.l10n.t('Cannot run: {problems}', { problems: parsed.errors.join('; ') }) };
      const where = sandbox ? `the sandbox gateway at ${sandbox.baseUrl}` : parsed.profile.baseUrl;
      this.log.info(`${request.mode === 'health' ? 'Health check' : 'Verification'} of ${where} for ${request.client} (${parsed.profile.models.join(', ')})`);
      // A demo run's sandbox is a gateway of its own: its budget is its own too.
      this.gate ??= new engine.CriticalGate(this.ledger);
      const proxySettings = hostProxySettings();
      const report = await engine.verify(parsed.profile, {
        critical: sandbox ? undefined : this.gate,
        runsOn: sandbox ? vscode.l10n.t('{machine}, against the built-in sandbox gateway', { machine: whereThisRuns() }) : whereThisRuns(),
        signal,
        // VS Code routes every request (it patches fetch); this describes the route it takes.
        routeOf: (url) => engine.vscodeProxyRoute(url, proxySettings, process.env),
        confirmedOrigins: sandbox ? undefined : this.origins.confirmed(),
        onOriginConfirmed: (origin) => void (sandbox ? undefined : this.origins.confirm(origin)),
        onEvent: (event) => {
          if (event.type === 'finished') this.logResult(event.result);
          if (event.type === 'internal-error') this.log.error(`Internal error in check ${event.id}: ${event.stack}`);
          onEvent?.(event);
        },
      });
      this.log.info(
        `Result: ${report.verdict} (${report.counts.pass} passed, ${report.counts.warn} warnings, ${report.counts.fail} failed, ${report.counts.skipped} skipped) in ${report.durationMs} ms`,
      );
      return { ok: true, report };
    } finally {
      await sandbox?.close();
    }
  }

  /** What the budget's ledger holds now (origins and times only); for tests. */
  async criticalLedger(): Promise<unknown> {
    return this.ledger.load();
  }

  private logResult(result: Report['results'][number]): void {
    const line = `[${result.id}] ${result.status} in ${result.durationMs} ms: ${result.summary}`;
    if (result.status === 'fail') this.log.warn(line);
    else this.log.info(line);
    for (const e of result.evidence) {
      this.log.debug(
        `[${result.id}] ${e.method} ${e.url} → ${e.status ?? 'no response'} ${e.contentType ?? ''} ${e.requestId ? `request id ${e.requestId}` : ''} ${e.totalMs ?? '?'} ms`,
      );
    }
  }
}
