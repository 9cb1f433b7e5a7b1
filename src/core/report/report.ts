import type { CheckResult, CheckStatus } from '../checks/checkTypes';
import { localizedChecklist, type ChecklistItem } from '../clients/checklists';
import { BASELINE_MODEL, CLIENTS, type ClientId } from '../clients/clients';
import type { Profile } from '../profile';
import { renderFix, rowFor } from '../symptoms/symptomTable';
import type { SymptomId } from '../symptoms/symptomIds';
import type { UsageReport } from '../usage/usageReport';
import { DOCTOR_VERSION } from '../version';
import type { CostReport } from './costReport';

import type { ChecklistState } from './checklistState';
import type { Verdict } from './verdict';

export type { Verdict } from './verdict';

/** A check that did not pass, with the symptom-table row that explains it and the client's fix. */
export interface Finding {
  checkId: string;
  status: Exclude<CheckStatus, 'pass' | 'skipped'>;
  symptom: SymptomId;
  rowId?: string;
  rowSymptom?: string;
  rowSource?: string;
  cause?: string;
  fix?: string;
}

/** Findings that share a symptom row, so each fix is shown once with every check it explains. */
export interface FindingGroup {
  key: string;
  status: Finding['status'];
  findings: Finding[];
}

export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const key = f.rowId ?? f.symptom;
    const group = groups.get(key);
    if (!group) groups.set(key, { key, status: f.status, findings: [f] });
    else {
      group.findings.push(f);
      if (f.status === 'fail') group.status = 'fail';
    }
  }
  return [...groups.values()].toSorted((a, b) => (a.status === b.status ? 0 : a.status === 'fail' ? -1 : 1));
}

export interface ChecklistEntry {
  item: ChecklistItem;
  state: ChecklistState;
  /** An item a check would prove, left to the user: what the check could not decide, and what to look at. */
  reason?: string;
}

export interface Report {
  schema: 'crazyrouter-doctor/report@1';
  tool: { name: 'crazyrouter-doctor'; version: string };
  startedAt: string;
  durationMs: number;
  verdict: Verdict;
  target: {
    baseUrl: string;
    client: ClientId;
    clientName: string;
    models: string[];
    mode: Profile['mode'];
    runsOn?: string;
    /** Which way the requests to the base URL went, in one sentence (direct, or through which proxy). */
    network?: string;
  };
  counts: Record<CheckStatus, number>;
  results: CheckResult[];
  /** The model fixes recommend: one that passed every check of this run, or null when none did. */
  baseline: string | null;
  findings: Finding[];
  checklist: ChecklistEntry[];
  /** Model ids the token can see (from the model list), when authentication got that far. */
  visibleModels: string[];
  /** What the run cost and what the chosen models cost (a full run that got that far). */
  cost?: CostReport;
  /** Where the token's recent money went, from its log (a full run that read it). */
  usage?: UsageReport;
}

export function buildReport(
  profile: Profile,
  results: CheckResult[],
  meta: {
    startedAt: Date;
    durationMs: number;
    cancelled: boolean;
    visibleModels?: string[];
    runsOn?: string;
    cost?: CostReport;
    usage?: UsageReport;
    network?: string;
  },
): Report {
  const counts: Record<CheckStatus, number> = { pass: 0, warn: 0, fail: 0, skipped: 0 };
  for (const r of results) counts[r.status]++;
  const verdict: Verdict = meta.cancelled ? 'cancelled' : counts.fail > 0 ? 'fail' : counts.warn > 0 ? 'warn' : 'pass';
  const baseline = workingModel(results, profile.models);
  return {
    schema: 'crazyrouter-doctor/report@1',
    tool: { name: 'crazyrouter-doctor', version: DOCTOR_VERSION },
    startedAt: meta.startedAt.toISOString(),
    durationMs: meta.durationMs,
    verdict,
    target: {
      baseUrl: profile.baseUrl,
      client: profile.client,
      clientName: CLIENTS[profile.client].name,
      models: profile.models,
      mode: profile.mode,
      runsOn: meta.runsOn,
      network: meta.network,
    },
    counts,
    results,
    baseline,
    findings: findingsFor(results, profile.client, baseline),
    checklist: checklistFor(results, profile.client),
    visibleModels: meta.visibleModels ?? [],
    cost: meta.cost,
    usage: meta.usage,
  };
}

/**
 * The model a fix may recommend: one whose every check in this run passed (the guides' baseline
 * first when it did), `null` when none did. Before any model was probed (a health run), the guide's.
 */
export function workingModel(results: readonly CheckResult[], chosen: readonly string[]): string | null {
  const probed = new Set(results.filter((r) => r.model !== undefined && r.status !== 'skipped').map((r) => r.model!));
  if (probed.size === 0) return BASELINE_MODEL;
  const good = (model: string) => probed.has(model) && results.every((r) => r.model !== model || r.status === 'pass');
  const candidates = [BASELINE_MODEL, ...chosen];
  return candidates.find(good) ?? null;
}

export function findingsFor(results: readonly CheckResult[], client: ClientId, baseline: string | null = BASELINE_MODEL): Finding[] {
  const findings: Finding[] = [];
  for (const r of results) {
    if ((r.status !== 'fail' && r.status !== 'warn') || !r.symptom) continue;
    const row = rowFor(r.symptom, client);
    findings.push({
      checkId: r.id,
      status: r.status,
      symptom: r.symptom,
      rowId: row?.id,
      rowSymptom: row?.symptom,
      rowSource: row?.source,
      cause: row?.cause,
      fix: row && renderFix(row, client, baseline),
    });
  }
  return findings;
}

/**
 * An item is verified only when every check behind it that ran passed: a warning or a failure leaves
 * it unticked. One whose check could not decide (it says what to look at instead) is the user's.
 */
export function checklistFor(results: readonly CheckResult[], client: ClientId): ChecklistEntry[] {
  return localizedChecklist(client).map((item) => {
    if (item.proof.kind === 'manual') return { item, state: 'manual' };
    const kinds = item.proof.checks;
    const undecided = results.find((r) => kinds.includes(r.kind) && r.manual);
    if (undecided) return { item, state: 'manual', reason: undecided.manual };
    const relevant = results.filter((r) => kinds.includes(r.kind) && r.status !== 'skipped');
    const state: ChecklistState =
      relevant.length === 0
        ? 'not-run'
        : relevant.some((r) => r.status === 'fail')
          ? 'failed'
          : relevant.some((r) => r.status === 'warn')
            ? 'warned'
            : 'verified';
    return { item, state };
  });
}
