import type { CheckResult, CheckStatus } from '../checks/checkTypes';
import { loggedLine } from '../protocol/loggedLine';
import { costMarkdown, usageMarkdown } from './markdownSpend';
import { mdCode, mdText } from './markdownText';
import type { ChecklistState } from './checklistState';
import { groupFindings, type Report } from './report';

const STATUS_MARK: Record<CheckStatus, string> = { pass: '✅ pass', warn: '⚠️ warn', fail: '❌ fail', skipped: '⏭️ skipped' };
const CHECKLIST_MARK: Record<ChecklistState, string> = { verified: '[x]', warned: '[ ] ⚠️', failed: '[ ] ❌', 'not-run': '[ ]', manual: '[ ] (manual)' };

/**
 * The report as Markdown for an issue, a chat or a support ticket, built from the redacted report
 * only. What came from outside (summaries quoting the gateway, model ids, URLs, titles) is always a
 * code span (`mdCode`); our own words are escaped (`mdText`). No raw HTML is written.
 */
export function renderMarkdown(report: Report): string {
  const { target, counts } = report;
  const lines = [
    `# Crazyrouter Doctor report: ${report.verdict.toUpperCase()}`,
    '',
    `- Client: ${mdText(target.clientName)}`,
    `- Base URL: ${mdCode(target.baseUrl)}`,
    `- Models: ${target.models.map(mdCode).join(', ')}`,
    `- Checked: ${mdText(report.startedAt)} in ${report.durationMs} ms (${target.mode} run, crazyrouter-doctor ${mdText(report.tool.version)})`,
    ...(target.runsOn ? [`- Checked from: ${mdText(target.runsOn)}`] : []),
    ...(target.network ? [`- Network: ${mdCode(target.network)}`] : []),
    `- Results: ${counts.pass} passed, ${counts.warn} warnings, ${counts.fail} failed, ${counts.skipped} skipped`,
    '',
    '## Checks',
    '',
    '| Check | Result | Time | Summary |',
    '|---|---|---|---|',
    ...report.results.map((r) => `| ${mdCode(r.title)} | ${STATUS_MARK[r.status]} | ${r.durationMs} ms | ${mdCode(r.summary)} |`),
  ];
  if (report.cost) lines.push('', ...costMarkdown(report.cost));
  if (report.usage) lines.push('', ...usageMarkdown(report.usage));
  if (report.findings.length > 0) {
    lines.push('', '## What to fix', '');
    for (const group of groupFindings(report.findings)) {
      const [f] = group.findings as [(typeof group.findings)[number]];
      lines.push(`### ${group.status === 'fail' ? '❌' : '⚠️'} ${mdText(f.rowSymptom ?? f.symptom)}`, '');
      const titles = group.findings.map((g) => report.results.find((r) => r.id === g.checkId)?.title ?? g.checkId);
      lines.push(`- Seen in: ${titles.map(mdCode).join(', ')}`);
      if (f.rowSymptom) lines.push(`- Likely cause: ${mdText(f.cause ?? '')}`, `- **Fix: ${mdText(f.fix ?? '')}**`);
      lines.push('');
    }
  }
  lines.push('## Checklist', '');
  for (const entry of report.checklist)
    lines.push(`- ${CHECKLIST_MARK[entry.state]} ${mdText(entry.item.text)}${entry.reason ? ` — ${mdText(entry.reason)}` : ''}`);
  lines.push('', '## Evidence', '');
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
      e.status !== undefined ? `→ ${e.status}` : '→ no response',
      e.contentType,
      e.requestId && `request id ${e.requestId}`,
      e.totalMs !== undefined && `${e.totalMs} ms`,
      e.note,
      e.via,
    ].filter(Boolean);
    lines.push(`- ${mdCode(parts.join(' · '))}`);
    if (e.logged) lines.push(`  - ${mdText(loggedLine(e.logged))}`);
    if (e.bodyExcerpt) lines.push(`  - body: ${mdCode(e.bodyExcerpt)}`);
  }
  lines.push('');
  return lines;
}
