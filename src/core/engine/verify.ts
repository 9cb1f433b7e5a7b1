import { lookup as dnsLookup } from 'node:dns/promises';
import { CancelledError, classifyFailure, isCancellation } from '../classify/classifyFailure';
import type { CheckDefinition, CheckResult, Lookup } from '../checks/checkTypes';
import { planChecks } from '../checks/plan';
import { RunFacts } from '../checks/runFacts';
import type { Profile } from '../profile';
import { redact, redactDeep } from '../redact';
import { buildReport, type Report } from '../report/report';
import { createGatewayClient, type GatewayClient } from '../transport/gatewayClient';
import type { RecordingFetchOptions } from '../transport/recordingFetch';
import type { CheckEvent } from './events';
import { toEvidence } from './evidence';
import { runGraph, type GraphNode } from './runGraph';

export interface VerifyOptions {
  signal?: AbortSignal;
  /** How many checks may run at once; 1 runs them one after another. */
  concurrency?: number;
  onEvent?(event: CheckEvent): void;
  fetchOptions?: Partial<RecordingFetchOptions>;
  /** Override the planned checks (tests and benchmarks). */
  checks?: CheckDefinition[];
  /** Override name resolution (tests: a DNS failure without any real DNS traffic). */
  lookup?: Lookup;
}

const systemLookup: Lookup = (hostname) => dnsLookup(hostname, { all: true });

export const DEFAULT_CONCURRENCY = 8;

/** Runs every planned check for a profile and returns the redacted report. Never throws for gateway trouble. */
export async function verify(profile: Profile, options: VerifyOptions = {}): Promise<Report> {
  const started = Date.now();
  const signal = options.signal ?? new AbortController().signal;
  const checks = options.checks ?? planChecks(profile);
  const facts = new RunFacts(profile.baseUrl);
  const secrets = [profile.secret, profile.pasted];
  options.onEvent?.({ type: 'planned', checks: checks.map(({ id, title, kind, model }) => ({ id, title, kind, model })) });

  const nodes: GraphNode[] = checks.map((check) => ({
    id: check.id,
    priority: check.priority,
    needs: check.needs,
    gatedBy: check.gatedBy,
    blocked: (reason) => skippedResult(check, reason),
    run: (checkSignal) => runCheck(check, { profile, facts, lookup: options.lookup ?? systemLookup }, checkSignal, secrets, options.fetchOptions),
  }));
  const results = await runGraph(nodes, {
    concurrency: Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY),
    signal,
    onStart: (id) => options.onEvent?.({ type: 'started', id }),
    onFinish: (result) => options.onEvent?.({ type: 'finished', result }),
  });
  return buildReport(profile, results, { startedAt: new Date(started), durationMs: Date.now() - started, cancelled: signal.aborted, visibleModels: facts.modelIds });
}

async function runCheck(
  check: CheckDefinition,
  { profile, facts, lookup }: { profile: Profile; facts: RunFacts; lookup: Lookup },
  signal: AbortSignal,
  secrets: Profile['secret'][],
  fetchOptions: Partial<RecordingFetchOptions> | undefined,
): Promise<CheckResult> {
  const clients: GatewayClient[] = [];
  const client = () => {
    const created = createGatewayClient({ baseURL: profile.baseUrl, secret: profile.secret, timeoutMs: profile.timeoutMs, signal, fetchOptions });
    clients.push(created);
    return created;
  };
  const started = performance.now();
  let outcome;
  try {
    if (signal.aborted) throw new CancelledError();
    outcome = await check.run({ profile, signal, facts, lookup, client });
  } catch (error) {
    if (isCancellation(error, signal)) throw error;
    const diagnosis = classifyFailure(error, clients.at(-1)?.log.last(), profile.timeoutMs);
    outcome = { status: 'fail' as const, symptom: diagnosis.symptom, summary: diagnosis.summary };
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
    evidence: clients.flatMap((c) => c.log.entries.map((exchange) => toEvidence(exchange, secrets))),
  };
  return redactDeep(result, ...secrets);
}

function skippedResult(check: CheckDefinition, reason: string): CheckResult {
  return { id: check.id, kind: check.kind, title: check.title, model: check.model, status: 'skipped', durationMs: 0, summary: redact(reason), details: [], metrics: {}, evidence: [] };
}
