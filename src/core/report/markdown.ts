import * as l10n from '@vscode/l10n';
import type { CheckResult, CheckStatus } from '../checks/checkTypes';
import { loggedLine } from '../protocol/loggedLine';
import { costMarkdown, usageMarkdown } from './markdownSpend';
import { mdCode, mdText } from './markdownText';
import type { ChecklistState } from './checklistState';
import { groupFindings, type Report } from './report';

/** A check's result with its mark, in the reader's language (also the URL doctor's). */
export const statusMark = (status: CheckStatus): string =>
  ({
    pass: l10n.t('✅ pass'),
    warn: l10n.t('⚠️ warn'),
    fail: l10n.t('❌ fail'),
    skipped: l10n.t('⏭️ skipped'),
  })[status];

const checklistMark = (state: ChecklistState): string =>
  ({ verified: '[x]', warned: '[ ] ⚠️', failed: '[ ] ❌', 'not-run': '[ ]', manual: l10n.t('[ ] (manual)') })[state];

const verdictLabel = (verdict: Report['verdict']): string =>
  ({ pass: l10n.t('PASS'), warn: l10n.t('WARN'), fail: l10n.t('FAIL'), cancelled: l10n.t('CANCELLED') })[verdict];

const checkedLine = (report: Report): string => {
  const at = { startedAt: mdText(report.startedAt), ms: report.durationMs, version: mdText(report.tool.version) };
  return report.target.mode === 'health'
    ? l10n.t('- Checked: {startedAt} in {ms} ms (health run, crazyrouter-doctor {version})', at)
    : l10n.t('- Checked: {startedAt} in {ms} ms (full run, crazyrouter-doctor {version})', at);
};

/**
 * The report as Markdown for an issue, a chat or a support ticket, built from the redacted report
 * only. What came from outside (summaries quoting the gateway, model ids, URLs, titles) is always a
 * code span (`mdCode`); our own words are escaped (`mdText`). No raw HTML is written.
 */
export function renderMarkdown(report: Report): string {
  const { target, counts } = report;
  const lines = [
    l10n.t('# Crazyrouter Doctor report: {verdict}', { verdict: verdictLabel(report.verdict) }),
    '',
    l10n.t('- Client: {client}', { client: mdText(target.clientName) }),
    l10n.t('- Base URL: {url}', { url: mdCode(target.baseUrl) }),
    l10n.t('- Models: {models}', { models: target.models.map(mdCode).join(', ') }),
    checkedLine(report),
    ...(target.runsOn ? [l10n.t('- Checked from: {machine}', { machine: mdText(target.runsOn) })] : []),
    ...(target.network ? [l10n.t('- Network: {route}', { route: mdCode(target.network) })] : []),
    l10n.t('- Results: {pass} passed, {warn} warnings, {fail} failed, {skipped} skipped', counts),
    '',
    l10n.t('## Checks'),
    '',
    l10n.t('| Check | Result | Time | Summary |'),
    '|---|---|---|---|',
    ...report.results.map((r) => `| ${mdCode(r.title)} | ${statusMark(r.status)} | ${r.durationMs} ms | ${mdCode(r.summary)} |`),
  ];
  if (report.cost) lines.push('', ...costMarkdown(report.cost));
  if (report.usage) lines.push('', ...usageMarkdown(report.usage));
  if (report.findings.length > 0) {
    lines.push('', l10n.t('## What to fix'), '');
    for (const group of groupFindings(report.findings)) {
      const [f] = group.findings as [(typeof group.findings)[number]];
      lines.push(`### ${group.status === 'fail' ? '❌' : '⚠️'} ${mdText(f.rowSymptom ?? f.symptom)}`, '');
      const titles = group.findings.map((g) => report.results.find((r) => r.id === g.checkId)?.title ?? g.checkId);
      lines.push(l10n.t('- Seen in: {checks}', { checks: titles.map(mdCode).join(', ') }));
      if (f.rowSymptom)
        lines.push(l10n.t('- Likely cause: {cause}', { cause: mdText(f.cause ?? '') }), l10n.t('- **Fix: {fix}**', { fix: mdText(f.fix ?? '') }));
      lines.push('');
    }
  }
  lines.push(l10n.t('## Checklist'), '');
  for (const entry of report.checklist)
    lines.push(`- ${checklistMark(entry.state)} ${mdText(entry.item.text)}${entry.reason ? ` — ${mdText(entry.reason)}` : ''}`);
  lines.push('', l10n.t('## Evidence'), '');
  for (const r of report.results) lines.push(...evidenceLines(r));
  return `${lines.join('\n').trimEnd()}\n`;
}

function evidenceLines(result: CheckResult): string[] {
  if (result.evidence.length === 0 && result.details.length === 0) return [];
  const lines = [`### ${mdCode(result.title)}`, ''];
  for (const d of result.details) lines.push(`- ${mdCode(d)}`);
  for (const e of result.evidence) {
    const parts = [
      `${e.method} ${e.url}`,
      e.status !== undefined ? `→ ${e.status}` : l10n.t('→ no response'),
      e.contentType,
      e.requestId && l10n.t('request id {id}', { id: e.requestId }),
      e.totalMs !== undefined && `${e.totalMs} ms`,
      e.note,
      e.via,
    ].filter(Boolean);
    lines.push(`- ${mdCode(parts.join(' · '))}`);
    if (e.logged) lines.push(`  - ${mdText(loggedLine(e.logged))}`);
    if (e.bodyExcerpt) lines.push(l10n.t('  - body: {body}', { body: mdCode(e.bodyExcerpt) }));
  }
  lines.push('');
  return lines;
}
