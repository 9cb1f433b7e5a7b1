import * as l10n from '@vscode/l10n';
import { heldReason } from '../critical/heldReason';
import type { CriticalSession } from '../critical/criticalGate';
import type { ProbeMatch } from '../gatewayLog/matchProbes';
import { oldLogForm } from '../gatewayLog/logTiming';
import { readTokenLog, type TokenLogRead } from '../gatewayLog/readTokenLog';
import { readGatewayStatus, type StatusRead } from '../money/gatewayStatus';
import { readPricing, type PricingRead } from '../money/pricing';
import type { QuotaDisplay } from '../money/quotaDisplay';
import type { LogEntry } from '../gatewayLog/logEntry';
import type { CostReport } from '../report/costReport';
import type { GatewayClient } from '../transport/gatewayClient';
import { readTokenUsage, type TokenUsageResult } from './tokenUsage';

/** A read of the token's log, or why the doctor did not send it (the critical rate limit's budget). */
export type TokenLogResult =
  | (TokenLogRead & { reusedAt?: number })
  /** The doctor did not send it: its budget for the critical rate limit. */
  | { ok: false; held: true; reason: string }
  /** The doctor does not call this gateway's log route: it is the old form, with the token in the URL. */
  | { ok: false; oldForm: true; reason: string };

/**
 * Data that one check learns and others use, fetched at most once per run. The two routes behind
 * the gateway's critical rate limit go through the run's share of the budget (`critical`).
 */
export class RunFacts {
  /** Model ids the token sees, set by the auth check. */
  modelIds?: string[];
  /** The base URL answered a tokenless probe as the gateway's API does (set by the base-URL check). */
  apiConfirmed = false;
  /** `X-New-Api-Version` as the gateway sent it (set by the auth check). */
  gatewayVersion?: string;
  /** The run's requests found (or not) in the gateway's log (set by the log check). */
  logMatches?: ProbeMatch[];
  /** What the run cost and what the chosen models cost (set by the cost check). */
  cost?: CostReport;
  /** How the gateway shows quota (set once /api/status was read). */
  display?: QuotaDisplay;
  /** The token's log as read in this run (set when the read succeeded). */
  log?: { entries: LogEntry[]; unreadable: number };
  /** Resolves once the log check is final, whatever became of it (the engine settles it), so others may wait for its matches. */
  readonly logSettled: Promise<void>;
  /** Called by the engine when the log check is final, or at the start when none is planned. */
  settleLog!: () => void;
  private usageRead?: Promise<TokenUsageResult>;
  private logRead?: Promise<TokenLogResult>;
  private statusRead?: Promise<StatusRead>;
  private pricingRead?: Promise<PricingRead>;

  constructor(
    private readonly baseUrl: string,
    readonly critical: CriticalSession,
    private readonly clock: () => number = Date.now,
  ) {
    this.logSettled = new Promise((resolve) => (this.settleLog = resolve));
  }

  /** The run's clock (the critical budget's: tests move it). */
  now(): number {
    return this.clock();
  }

  /** The token's usage record; the first caller's client carries the request as its evidence. */
  async tokenUsage(client: GatewayClient): Promise<TokenUsageResult> {
    const pending = (this.usageRead ??= this.readUsage(client));
    const result = await pending;
    // A read aborted with the check that started it must not answer for the checks still running.
    if (!result.ok && result.aborted && !client.request.signal.aborted) {
      if (this.usageRead === pending) this.usageRead = undefined;
      return this.tokenUsage(client);
    }
    return result;
  }

  private async readUsage(client: GatewayClient): Promise<TokenUsageResult> {
    const outcome = await this.critical.read('token-status', async () => {
      const value = await readTokenUsage(client, this.baseUrl);
      return { value, keep: value.ok, limited: value.ok ? undefined : value.limited };
    });
    if (outcome.kind === 'held') return { ok: false, held: true, reason: l10n.t('not read: {reason}', { reason: heldReason(outcome.held, this.clock()) }) };
    return outcome.reused && outcome.value.ok ? { ...outcome.value, reusedAt: outcome.at } : outcome.value;
  }

  /**
   * The token's log, read once per run, after `freshAfter` (ms since the epoch): an answer kept from
   * before then cannot show this run's requests. Only from a gateway that says it is new-api of
   * February 2026 or later, whose route takes the token in a header (logTiming.ts).
   */
  tokenLog(client: GatewayClient, freshAfter = 0): Promise<TokenLogResult> {
    this.logRead ??= (async (): Promise<TokenLogResult> => {
      if (!(this.gatewayVersion ?? (await this.gatewayStatus(client)).version)) return { ok: false, oldForm: true, reason: oldLogForm() };
      const outcome = await this.critical.read(
        'token-log',
        async () => {
          const value = await readTokenLog(client, this.baseUrl);
          return { value, keep: value.ok, limited: value.ok ? undefined : value.limited };
        },
        freshAfter,
      );
      if (outcome.kind === 'held') return { ok: false, held: true, reason: heldReason(outcome.held, this.clock()) };
      if (outcome.value.ok) this.log = { entries: outcome.value.entries, unreadable: outcome.value.unreadable };
      return outcome.reused && outcome.value.ok ? { ...outcome.value, reusedAt: outcome.at } : outcome.value;
    })();
    return this.logRead;
  }

  /** `/api/status`, public and free: the display unit, and the version header. */
  gatewayStatus(client: GatewayClient): Promise<StatusRead> {
    return (this.statusRead ??= readGatewayStatus(client, this.baseUrl));
  }

  /** `/api/pricing`, public and free. */
  pricing(client: GatewayClient): Promise<PricingRead> {
    return (this.pricingRead ??= readPricing(client, this.baseUrl));
  }
}
