import type { CheckEvent } from '../core/engine/events';
import type { UrlRuleId } from '../core/clients/urlRules';
import type { Report } from '../core/report/report';
import { loadEngine } from './engineLoader';
import type { DoctorLog } from './log';
import type { TokenStore } from './tokenStore';

export interface RunRequest {
  baseUrl: string;
  client: Report['target']['client'];
  models: string[];
  timeoutMs: number;
  mode: 'full' | 'health';
  /** Run against the embedded sandbox gateway instead (no account, no token, no network). */
  demo: boolean;
  /** What the user typed in the client's URL field, and which of the client's rules applies. */
  typedUrl?: string;
  urlRule?: UrlRuleId;
}

export type RunOutcome = { ok: true; report: Report } | { ok: false; reason: string };

/** Runs the engine for the panel and the status bar. Loads the engine on first use. */
export class DoctorRunner {
  constructor(
    private readonly tokens: TokenStore,
    private readonly log: DoctorLog,
  ) {}

  async run(request: RunRequest, signal: AbortSignal, onEvent?: (event: CheckEvent) => void): Promise<RunOutcome> {
    const engine = loadEngine();
    const sandbox = request.demo ? await engine.startSandbox({ scenario: 'healthy' }) : undefined;
    try {
      const stored = sandbox ? undefined : await this.tokens.get();
      if (!sandbox && !stored) return { ok: false, reason: 'No token is stored yet. Paste your Crazyrouter token and save it first.' };
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
      if (!parsed.ok) return { ok: false, reason: `Cannot run: ${parsed.errors.join('; ')}` };
      const where = sandbox ? `the sandbox gateway at ${sandbox.baseUrl}` : parsed.profile.baseUrl;
      this.log.info(`${request.mode === 'health' ? 'Health check' : 'Verification'} of ${where} for ${request.client} (${parsed.profile.models.join(', ')})`);
      const report = await engine.verify(parsed.profile, {
        signal,
        onEvent: (event) => {
          if (event.type === 'finished') this.logResult(event.result);
          if (event.type === 'internal-error') this.log.error(`Internal error in check ${event.id}: ${event.stack}`);
          onEvent?.(event);
        },
      });
      this.log.info(`Result: ${report.verdict} (${report.counts.pass} passed, ${report.counts.warn} warnings, ${report.counts.fail} failed, ${report.counts.skipped} skipped) in ${report.durationMs} ms`);
      return { ok: true, report };
    } finally {
      await sandbox?.close();
    }
  }

  private logResult(result: Report['results'][number]): void {
    const line = `[${result.id}] ${result.status} in ${result.durationMs} ms: ${result.summary}`;
    if (result.status === 'fail') this.log.warn(line);
    else this.log.info(line);
    for (const e of result.evidence) {
      this.log.debug(`[${result.id}] ${e.method} ${e.url} → ${e.status ?? 'no response'} ${e.contentType ?? ''} ${e.requestId ? `request id ${e.requestId}` : ''} ${e.totalMs ?? '?'} ms`);
    }
  }
}
