import * as vscode from 'vscode';
import type { RunSource } from '../../core/protocol/panelProtocol';
import type { Report } from '../../core/report/report';
import type { DoctorRunner } from '../doctorRunner';
import type { DoctorLog } from '../log';
import { readSettings } from '../settings';
import type { TokenStore } from '../tokenStore';
import { FIRST_CHECK_DELAY_MS, nextCheckDelay } from './healthSchedule';
import { snapshotOf, type HealthLevel, type HealthSnapshot } from './healthState';

export interface LastResult {
  report: Report;
  source: RunSource['kind'];
  at: Date;
}
type KeptResult = Omit<LastResult, 'at'> & { at: string };
const LAST_RESULT_KEY = 'crazyrouter.lastResult';

const ICON: Record<HealthLevel, string> = {
  'no-token': '$(key)',
  checking: '$(sync~spin)',
  healthy: '$(pass)',
  warning: '$(warning)',
  failing: '$(error)',
};
/** The level in words, read when shown (in VS Code's display language). */
const word = (level: HealthLevel): string =>
  ({
    'no-token': () => vscode.l10n.t('no token'),
    checking: () => vscode.l10n.t('checking'),
    healthy: () => vscode.l10n.t('healthy'),
    warning: () => vscode.l10n.t('needs attention'),
    failing: () => vscode.l10n.t('failing'),
  })[level]();

/**
 * The status-bar token health indicator. It appears once a token is stored, checks it now and then
 * without spending tokens (model list and quota only), backs off while offline, and never pops up
 * a notification. A click opens Verify Setup.
 */
export class HealthIndicator implements vscode.Disposable {
  private item?: vscode.StatusBarItem;
  private timer?: NodeJS.Timeout;
  private running?: AbortController;
  /** The newest requested check; an older one that gets superseded waits for it. */
  private pending?: Promise<void>;
  private offlineStreak = 0;
  /** When the run behind the shown state started. */
  private newestStart = 0;
  snapshot: HealthSnapshot = { level: 'no-token', headline: vscode.l10n.t('No token stored.'), offline: false };
  private readonly lastChanged = new vscode.EventEmitter<LastResult>();
  /** Fires when a newer report than `last` arrived (the open panel shows it if it has none of its own). */
  readonly onDidChangeLast = this.lastChanged.event;

  constructor(
    private readonly tokens: TokenStore,
    private readonly runner: DoctorRunner,
    private readonly log: DoctorLog,
    private readonly memory: vscode.Memento,
  ) {}

  /**
   * The newest finished report (a health check's or a panel run's), kept across reloads for the
   * panel. A report holds no token (every gateway string went through the redactor); one that
   * somehow holds the stored token is not kept.
   */
  get last(): LastResult | undefined {
    const kept = this.memory.get<KeptResult>(LAST_RESULT_KEY);
    // Written by an older or newer version, or damaged: not shown rather than half shown.
    if (kept?.report?.schema !== 'crazyrouter-doctor/report@1' || !Array.isArray(kept.report.results) || !Array.isArray(kept.report.findings)) return undefined;
    return { report: kept.report, source: kept.source, at: new Date(kept.at) };
  }

  /** A result belongs to the token that earned it: a new or forgotten token starts with none. */
  private async forgetLast(): Promise<void> {
    await this.memory.update(LAST_RESULT_KEY, undefined);
  }

  private async keep(last: LastResult): Promise<void> {
    const secret = await this.tokens.get();
    if (secret && JSON.stringify(last.report).includes(secret.reveal())) {
      this.log.error('A report held the token; it was not kept.');
      return;
    }
    await this.memory.update(LAST_RESULT_KEY, { report: last.report, source: last.source, at: last.at.toISOString() } satisfies KeptResult);
    this.lastChanged.fire(last);
  }

  /** Called at activation: reads whether a token exists, and only then shows anything. */
  async start(): Promise<void> {
    if (!(await this.tokens.has())) return;
    this.show({ level: 'checking', headline: vscode.l10n.t('Waiting for the first check.'), offline: false });
    this.schedule(FIRST_CHECK_DELAY_MS);
  }

  /** The token was saved or removed. */
  async tokenChanged(): Promise<void> {
    await this.forgetLast();
    if (await this.tokens.has()) return this.checkNow();
    this.cancel();
    if (this.item) this.show({ level: 'no-token', headline: vscode.l10n.t('No token stored: click to set one up.'), offline: false });
  }

  /** Settings changed: the next check follows the new interval. */
  reschedule(): void {
    if (this.item && this.snapshot.level !== 'no-token' && !this.running)
      this.schedule(nextCheckDelay(readSettings().healthIntervalMinutes, this.offlineStreak));
  }

  /** Checks now. Resolves when the newest check has settled, so callers always see a final state. */
  checkNow(): Promise<void> {
    const self: { done?: Promise<void> } = {};
    self.done = (async () => {
      await this.check();
      if (this.pending !== self.done) await this.pending;
    })();
    this.pending = self.done;
    return self.done;
  }

  private async check(): Promise<void> {
    // When the check was asked for: a panel run asked for after it is newer, even if the engine starts it first.
    const requestedAt = Date.now();
    if (!(await this.tokens.has())) return this.tokenChanged();
    this.cancel();
    const abort = new AbortController();
    this.running = abort;
    this.show({ ...this.snapshot, level: 'checking', headline: vscode.l10n.t('Checking the token (model list and quota; no tokens spent)…') });
    const settings = readSettings();
    try {
      const outcome = await this.runner.run(
        {
          baseUrl: settings.baseUrl,
          client: settings.client,
          models: settings.models,
          timeoutMs: settings.timeoutMs,
          mode: 'health',
          demo: false,
          interactive: false,
        },
        abort.signal,
      );
      if (abort.signal.aborted) return;
      // A token bound to another origin is never sent by the status bar: it says so and waits for the user.
      if (!outcome.ok) this.show({ level: outcome.withheld ? 'warning' : 'failing', headline: outcome.reason, checkedAt: new Date(), offline: false });
      else await this.applyReport(outcome.report, 'status-bar', requestedAt);
    } catch (error) {
      this.log.error(`Health check failed: ${error instanceof Error ? error.message : String(error)}`);
      this.show({
        level: 'failing',
        headline: vscode.l10n.t('The health check could not run; see Output → Crazyrouter.'),
        checkedAt: new Date(),
        offline: false,
      });
    } finally {
      if (this.running === abort) this.running = undefined;
    }
    this.schedule(nextCheckDelay(settings.healthIntervalMinutes, this.offlineStreak));
  }

  /**
   * Shows what a report says about the token (from a health check or a full panel run), unless a
   * newer run already spoke: a run that started earlier but ended later is older news. `started`:
   * when the run was asked for (default: when the engine started it). Resolves once the report is
   * kept as the last result, or refused.
   */
  applyReport(report: Report, source: LastResult['source'], started = Date.parse(report.startedAt)): Promise<void> {
    if (report.verdict === 'cancelled') return Promise.resolve();
    if (started < this.newestStart) return Promise.resolve();
    this.newestStart = started;
    const kept = this.keep({ report, source, at: new Date() });
    const snapshot = snapshotOf(report);
    this.offlineStreak = snapshot.offline ? this.offlineStreak + 1 : 0;
    this.show(snapshot);
    return kept;
  }

  private show(snapshot: HealthSnapshot): void {
    this.snapshot = snapshot;
    if (!this.item) {
      this.item = vscode.window.createStatusBarItem('crazyrouter.health', vscode.StatusBarAlignment.Right, 100);
      this.item.name = vscode.l10n.t('Crazyrouter Token Health');
      this.item.command = { title: vscode.l10n.t('Open Verify Setup'), command: 'crazyrouter.verifySetup', arguments: [{ from: 'status-bar' }] };
    }
    const { level } = snapshot;
    this.item.text = `${ICON[level]} Crazyrouter`;
    this.item.backgroundColor =
      level === 'failing'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : level === 'warning'
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
    this.item.tooltip = tooltipFor(snapshot);
    this.item.accessibilityInformation = {
      label: vscode.l10n.t('Crazyrouter token health: {level}. {headline} Click to open Verify Setup.', { level: word(level), headline: snapshot.headline }),
      role: 'button',
    };
    this.item.show();
  }

  private schedule(delay: number | undefined): void {
    clearTimeout(this.timer);
    this.timer = delay === undefined ? undefined : setTimeout(() => void this.checkNow(), delay);
  }

  private cancel(): void {
    clearTimeout(this.timer);
    this.running?.abort();
    this.running = undefined;
  }

  /** For tests: the item as the user sees it. */
  get view(): Pick<vscode.StatusBarItem, 'text' | 'tooltip' | 'backgroundColor' | 'accessibilityInformation' | 'name' | 'command'> | undefined {
    return this.item;
  }

  dispose(): void {
    this.cancel();
    this.lastChanged.dispose();
    this.item?.dispose();
  }
}

function tooltipFor(s: HealthSnapshot): vscode.MarkdownString {
  const lines = [`**${vscode.l10n.t('Crazyrouter token health: {level}', { level: word(s.level) })}**`, '', escape(s.headline), ''];
  if (s.checkedAt) lines.push(vscode.l10n.t('Last check: {time} (model list and quota; no tokens spent)', { time: s.checkedAt.toLocaleTimeString() }), '');
  const facts = [
    s.latencyMs !== undefined && vscode.l10n.t('Latency: {ms} ms', { ms: s.latencyMs }),
    s.models !== undefined && vscode.l10n.t('Models: {count}', { count: s.models }),
    s.quota && vscode.l10n.t('Quota: {quota}', { quota: s.quota }),
  ].filter(Boolean);
  if (facts.length > 0) lines.push(facts.join(' · '), '');
  if (s.offline) lines.push(vscode.l10n.t('The gateway could not be reached; checks are spaced out until it answers again.'), '');
  lines.push(vscode.l10n.t('Click to open Verify Setup.'));
  const md = new vscode.MarkdownString(lines.join('\n'));
  md.isTrusted = false;
  return md;
}

const escape = (text: string) => text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
