import * as l10n from '@vscode/l10n';
import { lookup as dnsLookup } from 'node:dns/promises';
import { CancelledError, isCancellation } from '../classify/classifyFailure';
import type { CheckDefinition, CheckOutcome, CheckResult, Lookup } from '../checks/checkTypes';
import { planChecks } from '../checks/plan';
import { RunFacts } from '../checks/runFacts';
import type { Profile } from '../profile';
import { redact, redactDeep } from '../redact';
import { buildReport, type Report } from '../report/report';
import { createGatewayClient, type GatewayClient } from '../transport/gatewayClient';
import type { RecordingFetchOptions } from '../transport/recordingFetch';
import { describeRoute, type NetworkRoute } from '../transport/networkRoute';
import type { CheckEvent } from './events';
import { toEvidence } from './evidence';
import { withLoggedEntries } from './loggedEvidence';
import { CriticalGate, memoryLedgerStore } from '../critical/criticalGate';
import { CRITICAL_BUDGET } from '../critical/criticalLimits';
import { fingerprint } from '../discovery/fingerprint';
import { displayOf } from '../money/quotaDisplay';
import { usageReport } from '../usage/usageReport';
import { runGraph, type GraphNode } from './runGraph';

export interface VerifyOptions {
  signal?: AbortSignal;
  /** How many checks may run at once; 1 runs them one after another. */
  concurrency?: number;
  onEvent?: (event: CheckEvent) => void;
  fetchOptions?: Partial<RecordingFetchOptions>;
  /** Override the planned checks (tests and benchmarks). */
  checks?: CheckDefinition[];
  /** Override name resolution (tests: a DNS failure without any real DNS traffic). */
  lookup?: Lookup;
  /**
   * Origins an earlier run confirmed as the gateway's API: their token-carrying checks start at once.
   * For any other origin they wait for the tokenless base-URL probe, and are not sent if it fails.
   */
  confirmedOrigins?: ReadonlySet<string>;
  /** Called when this run's tokenless probe confirmed the base URL's origin as the gateway's API. */
  onOriginConfirmed?: (origin: string) => void;
  /** The machine the checks run on, in words (`describeMachine`); the report says it. */
  runsOn?: string;
  /**
   * The budget for the gateway's critical rate limit, shared by every run of this host (the panel,
   * the status bar, the CLI's runs through its state file). Without it, a budget for this run alone.
   */
  critical?: CriticalGate;
  /** How long the log check waits after the last request before reading the log (default LOG_WRITE_GRACE_MS). */
  logGraceMs?: number;
  /**
   * Which way a request to a URL goes: direct or through which proxy. The CLI routes by it; in
   * VS Code it describes what the host's proxy support does. Recorded with every request, and the
   * base URL's route is said in the report.
   */
  routeOf?: (url: URL) => NetworkRoute;
}

const systemLookup: Lookup = (hostname) => dnsLookup(hostname, { all: true });

export const DEFAULT_CONCURRENCY = 8;

/** Runs every planned check for a profile and returns the redacted report. Never throws for gateway trouble. */
export async function verify(profile: Profile, options: VerifyOptions = {}): Promise<Report> {
  const started = Date.now();
  const signal = options.signal ?? new AbortController().signal;
  const checks = options.checks ?? planChecks(profile, { logGraceMs: options.logGraceMs });
  const gate = options.critical ?? new CriticalGate(memoryLedgerStore());
  const allowance = profile.mode === 'health' ? CRITICAL_BUDGET.perHealthCheck : CRITICAL_BUDGET.perFullRun;
  const facts = new RunFacts(profile.baseUrl, gate.session(new URL(profile.baseUrl).origin, fingerprint(profile.secret.reveal()), allowance), gate.clock);
  const finished: CheckResult[] = [];
  const planned = new Set(checks.map((c) => c.id));
  if (!checks.some((c) => c.kind === 'log')) facts.settleLog();
  const secrets = [profile.secret, profile.pasted];
  options.onEvent?.({ type: 'planned', checks: checks.map(({ id, title, kind, model }) => ({ id, title, kind, model })) });

  const origin = new URL(profile.baseUrl).origin;
  // Tests that hand in their own checks without the base-URL probe choose where the token goes themselves.
  const mustConfirm = checks.some((c) => c.id === 'base-url') && !options.confirmedOrigins?.has(origin);
  const nodes: GraphNode[] = checks.map((check) => ({
    id: check.id,
    priority: check.priority,
    needs: check.sendsToken && mustConfirm ? [...new Set([...check.needs, 'base-url'])] : check.needs,
    gatedBy: check.gatedBy,
    after: check.after?.filter((id) => planned.has(id)),
    blocked: (reason) => skippedResult(check, reason),
    crashed: (error) => internalErrorResult(check, error, secrets, options.onEvent),
    run: (checkSignal) =>
      check.sendsToken && mustConfirm && !facts.apiConfirmed
        ? Promise.resolve(
            skippedResult(
              check,
              l10n.t("Not sent: {url} did not answer a tokenless probe as the gateway's API does, so the token was not sent there.", { url: profile.baseUrl }),
            ),
          )
        : runCheck(check, { profile, facts, lookup: options.lookup ?? systemLookup, finished, routeOf: options.routeOf }, checkSignal, secrets, options),
  }));
  const results = await runGraph(nodes, {
    concurrency: Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY),
    signal,
    onStart: (id) => options.onEvent?.({ type: 'started', id }),
    onFinish: (result) => {
      finished.push(result);
      if (result.kind === 'log') facts.settleLog();
      options.onEvent?.({ type: 'finished', result });
    },
  });
  const annotated = withLoggedEntries(results, facts);
  if (facts.apiConfirmed && !signal.aborted) options.onOriginConfirmed?.(origin);
  // The whole report is redacted once more: the model ids a gateway lists are its words too.
  return redactDeep(
    buildReport(profile, annotated, {
      startedAt: new Date(started),
      durationMs: Date.now() - started,
      cancelled: signal.aborted,
      visibleModels: facts.modelIds,
      runsOn: options.runsOn,
      cost: facts.cost,
      usage: facts.log && usageReport(facts.log.entries, facts.logMatches, facts.display ?? displayOf(undefined)),
      network: options.routeOf && describeRoute(options.routeOf(new URL(profile.baseUrl))),
    }),
    ...secrets,
  );
}

async function runCheck(
  check: CheckDefinition,
  {
    profile,
    facts,
    lookup,
    finished,
    routeOf,
  }: { profile: Profile; facts: RunFacts; lookup: Lookup; finished: readonly CheckResult[]; routeOf?: (url: URL) => NetworkRoute },
  signal: AbortSignal,
  secrets: Profile['secret'][],
  options: VerifyOptions,
): Promise<CheckResult> {
  const clients: GatewayClient[] = [];
  const client = () => {
    const created = createGatewayClient({
      baseURL: profile.baseUrl,
      secret: profile.secret,
      timeoutMs: profile.timeoutMs,
      signal,
      fetchOptions: { ...options.fetchOptions, routeOf },
    });
    clients.push(created);
    return created;
  };
  const started = performance.now();
  let outcome: CheckOutcome;
  try {
    if (signal.aborted) throw new CancelledError();
    outcome = await check.run({ profile, signal, facts, lookup, routeOf, client, finished: () => finished });
  } catch (error) {
    if (isCancellation(error, signal)) throw error;
    // Every gateway and network failure is classified inside the check (callGateway); what
    // reaches this point is a fault in the doctor itself.
    return {
      ...internalErrorResult(check, error, secrets, options.onEvent),
      durationMs: Math.round(performance.now() - started),
      evidence: evidenceOf(clients, secrets),
    };
  }
  const result: CheckResult = {
    id: check.id,
    kind: check.kind,
    title: check.title,
    model: check.model,
    status: outcome.status,
    durationMs: Math.round(performance.now() - started),
    summary: outcome.summary,
    symptom: outcome.symptom,
    details: outcome.details ?? [],
    metrics: outcome.metrics ?? {},
    evidence: evidenceOf(clients, secrets),
    manual: outcome.manual,
  };
  return redactDeep(result, ...secrets);
}

const evidenceOf = (clients: readonly GatewayClient[], secrets: Profile['secret'][]) =>
  clients.flatMap((c) => c.log.entries.map((exchange) => toEvidence(exchange, secrets)));

/** A check that threw: reported as a failed check ("internal error"), its redacted stack sent to the log. */
function internalErrorResult(check: CheckDefinition, error: unknown, secrets: Profile['secret'][], onEvent: VerifyOptions['onEvent']): CheckResult {
  const stack = redact(error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error), ...secrets);
  onEvent?.({ type: 'internal-error', id: check.id, stack });
  const message = redact(error instanceof Error ? error.message : String(error), ...secrets).slice(0, 300);
  return {
    id: check.id,
    kind: check.kind,
    title: check.title,
    model: check.model,
    status: 'fail',
    durationMs: 0,
    summary: l10n.t('Internal error in the doctor: {message}. This is a bug in Crazyrouter Doctor, not a problem with your setup.', { message }),
    symptom: 'internal.error',
    details: [l10n.t('The stack trace is in the log (VS Code: Output → Crazyrouter; CLI: standard error).')],
    metrics: {},
    evidence: [],
  };
}

function skippedResult(check: CheckDefinition, reason: string): CheckResult {
  return {
    id: check.id,
    kind: check.kind,
    title: check.title,
    model: check.model,
    status: 'skipped',
    durationMs: 0,
    summary: redact(reason),
    details: [],
    metrics: {},
    evidence: [],
  };
}
