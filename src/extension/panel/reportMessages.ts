import { rowViews } from '../../core/protocol/clientViews';
import type { ClientId } from '../../core/clients/clients';
import type { HostMessage, RunSource } from '../../core/protocol/panelProtocol';
import type { Report } from '../../core/report/report';

/** The message that ends a run in the panel: verdict, counts, checklist states and the rows as this run renders them. */
export function runFinishedMessage(report: Report, runId: number): HostMessage {
  return {
    type: 'runFinished',
    runId,
    verdict: report.verdict,
    durationMs: report.durationMs,
    counts: report.counts,
    checklist: Object.fromEntries(report.checklist.map((c) => [c.item.id, c.state])),
    checklistReasons: Object.fromEntries(report.checklist.flatMap((c) => (c.reason ? [[c.item.id, c.reason]] : []))),
    cost: report.cost,
    usage: report.usage,
    rows: rowViews(report.target.client, report.baseline),
    runsOn: report.target.runsOn,
    network: report.target.network,
  };
}

/**
 * The results the gateway's log annotated after they were shown (each request's evidence now says
 * what the log recorded), to show again before the run ends.
 */
export function loggedResultMessages(report: Report, runId: number): HostMessage[] {
  const findings = new Map(report.findings.map((f) => [f.checkId, f]));
  return report.results
    .filter((r) => r.evidence.some((e) => e.logged))
    .map((result) => ({ type: 'checkFinished', runId, result, finding: findings.get(result.id) }));
}

/** The end of a run that broke off (the reason is in the log): the panel stops waiting, as for a cancel. */
export function abandonedRunMessage(runId: number, client: ClientId): HostMessage {
  return {
    type: 'runFinished',
    runId,
    verdict: 'cancelled',
    durationMs: 0,
    counts: { pass: 0, warn: 0, fail: 0, skipped: 0 },
    checklist: {},
    rows: rowViews(client),
  };
}

/**
 * A finished report as the messages a live run would have sent, so the panel shows a result it did
 * not run itself (the status bar's last check) exactly as it shows its own. A report holds no token.
 */
export function replayMessages(report: Report, runId: number, source: RunSource): HostMessage[] {
  const findings = new Map(report.findings.map((f) => [f.checkId, f]));
  return [
    {
      type: 'runStarted',
      runId,
      demo: false,
      source,
      checks: report.results.map(({ id, title, kind, model }) => ({ id, title, kind, model })),
    },
    ...report.results.map((result): HostMessage => ({ type: 'checkFinished', runId, result, finding: findings.get(result.id) })),
    runFinishedMessage(report, runId),
  ];
}
