import type { CheckResult, CheckStatus } from '../checks/checkTypes';
import { groupFindings, type ChecklistState, type Report } from './report';

const STATUS_MARK: Record<CheckStatus, string> = { pass: '✅ pass', warn: '⚠️ warn', fail: '❌ fail', skipped: '⏭️ skipped' };
const CHECKLIST_MARK: Record<ChecklistState, string> = { verified: '[x]', warned: '[ ] ⚠️', failed: '[ ] ❌', 'not-run': '[ ]', manual: '[ ] (manual)' };

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The report as Markdown for an issue, a chat or a support ticket. Built from the redacted report only. */
export function renderMarkdown(report: Report): string {
  const { target, counts } = report;
  const lines = [
    `# Crazyrouter Doctor report: ${report.verdict.toUpperCase()}`,
    '',
    `- Client: ${target.clientName}`,
    `- Base URL: \`${target.baseUrl}\``,
    `- Models: ${target.models.map((m) => `\`${m}\``).join(', ')}`,
    `- Checked: ${report.startedAt} in ${report.durationMs} ms (${target.mode} run, crazyrouter-doctor ${report.tool.version})`,
    `- Results: ${counts.pass} passed, ${counts.warn} warnings, ${counts.fail} failed, ${counts.skipped} skipped`,
    '',
    '## Checks',
    '',
    '| Check | Result | Time | Summary |',
    '|---|---|---|---|',
    ...report.results.map((r) => `| ${cell(r.title)} | ${STATUS_MARK[r.status]} | ${r.durationMs} ms | ${cell(r.summary)} |`),
  ];
  if (report.findings.length > 0) {
    lines.push('', '## What to fix', '');
    for (const group of groupFindings(report.findings)) {
      const [f] = group.findings as [(typeof group.findings)[number]];
      lines.push(`### ${group.status === 'fail' ? '❌' : '⚠️'} ${f.rowSymptom ?? f.symptom}`, '');
      const titles = group.findings.map((g) => report.results.find((r) => r.id === g.checkId)?.title ?? g.checkId);
      lines.push(`- Seen in: ${titles.join(', ')}`);
      if (f.rowSymptom) lines.push(`- Likely cause: ${f.cause}`, `- **Fix: ${f.fix}**`);
      lines.push('');
    }
  }
  lines.push('## Checklist', '');
  for (const entry of report.checklist) lines.push(`- ${CHECKLIST_MARK[entry.state]} ${entry.item.text}`);
  lines.push('', '## Evidence', '');
  for (const r of report.results) lines.push(...evidenceLines(r));
  return `${lines.join('\n').trimEnd()}\n`;
}

function evidenceLines(result: CheckResult): string[] {
  if (result.evidence.length === 0 && result.details.length === 0) return [];
  const lines = [`<details><summary>${result.title}</summary>`, ''];
  for (const d of result.details) lines.push(`- ${d}`);
  for (const e of result.evidence) {
    const parts = [`${e.method} ${e.url}`, e.status !== undefined ? `→ ${e.status}` : '→ no response', e.contentType, e.requestId && `request id ${e.requestId}`, e.totalMs !== undefined && `${e.totalMs} ms`, e.note].filter(Boolean);
    lines.push(`- \`${parts.join(' · ')}\``);
    if (e.bodyExcerpt) lines.push(`  - body: \`${e.bodyExcerpt.replace(/`/g, "'")}\``);
  }
  lines.push('', '</details>', '');
  return lines;
}
