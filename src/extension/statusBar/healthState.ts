import * as vscode from 'vscode';
import type { Report } from '../../core/report/report';

export type HealthLevel = 'no-token' | 'checking' | 'healthy' | 'warning' | 'failing';

export interface HealthSnapshot {
  level: HealthLevel;
  /** One line: what the level means right now. */
  headline: string;
  checkedAt?: Date;
  latencyMs?: number;
  models?: number;
  quota?: string;
  /** The gateway could not be reached (network failure): the schedule backs off. */
  offline: boolean;
}

const NETWORK = /^network\./;

/** What a (health or full) report means for the status bar. */
export function snapshotOf(report: Report, checkedAt = new Date()): HealthSnapshot {
  const byId = new Map(report.results.map((r) => [r.id, r]));
  const firstFail = report.results.find((r) => r.status === 'fail');
  const firstWarn = report.results.find((r) => r.status === 'warn');
  const offline = report.results.some((r) => r.status === 'fail' && r.symptom !== undefined && NETWORK.test(r.symptom));
  const quota = byId.get('quota')?.metrics;
  const latency = byId.get('reachability')?.metrics.latencyMs;
  const models = byId.get('auth')?.metrics.models;
  let quotaText: string | undefined;
  if (quota?.unlimited === true) quotaText = vscode.l10n.t('no cap');
  else if (typeof quota?.hardLimitUsd === 'number' && typeof quota.usedUsd === 'number')
    quotaText = vscode.l10n.t('${left} of ${limit} left', { left: (quota.hardLimitUsd - quota.usedUsd).toFixed(2), limit: quota.hardLimitUsd.toFixed(2) });
  else if (typeof quota?.remainingShare === 'number') quotaText = vscode.l10n.t('{percent}% left', { percent: Math.round(quota.remainingShare * 100) });
  const level = firstFail ? 'failing' : firstWarn ? 'warning' : 'healthy';
  const headline = firstFail ? firstFail.summary : firstWarn ? firstWarn.summary : vscode.l10n.t('Token accepted, gateway reachable.');
  return {
    level,
    headline,
    checkedAt,
    latencyMs: typeof latency === 'number' ? latency : undefined,
    models: typeof models === 'number' ? models : undefined,
    quota: quotaText,
    offline,
  };
}
