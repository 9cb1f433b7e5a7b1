import type { CheckResult } from '../core/checks/checkTypes';
import { groupFindings, type Report } from '../core/report/report';
import { visibleText } from '../core/visibleText';
import { renderCost, renderUsage } from './printSpend';
import { STATUS_ICON, type Style } from './style';

const TITLE_WIDTH = 34;

export function checkLine(result: CheckResult, style: Style): string {
  const icon = style.status(result.status, STATUS_ICON[result.status]);
  const time = result.status === 'skipped' ? '' : `${result.durationMs} ms`;
  return `  ${icon} ${visibleText(result.title).padEnd(TITLE_WIDTH)} ${style.dim(time.padStart(8))}  ${visibleText(result.summary)}`;
}

/** The terminal report after the check lines: cost and usage, what to fix (with the matching symptom row), checklist, verdict. */
export function renderTail(report: Report, style: Style): string {
  const lines: string[] = [...(report.cost ? renderCost(report.cost, style) : []), ...(report.usage ? renderUsage(report.usage, style) : [])];
  if (report.findings.length > 0) {
    lines.push('', style.bold('What to fix'));
    for (const group of groupFindings(report.findings)) {
      const [f] = group.findings as [(typeof group.findings)[number]];
      const checks = group.findings.map((g) => report.results.find((r) => r.id === g.checkId));
      lines.push(`  ${style.status(group.status, STATUS_ICON[group.status])} ${visibleText(f.rowSymptom ?? f.symptom)}`);
      lines.push(`      seen in: ${checks.map((c) => visibleText(c?.title ?? '?')).join(', ')}`);
      if (f.cause) lines.push(`      cause:   ${visibleText(f.cause)}`);
      if (f.fix) lines.push(`      ${style.bold('fix')}:     ${visibleText(f.fix)}`);
      const requestIds = checks.map((c) => c?.evidence.at(-1)?.requestId).filter((id): id is string => Boolean(id));
      if (requestIds.length > 0) lines.push(style.dim(`      request id: ${requestIds.map((id) => visibleText(id)).join(', ')}`));
    }
  }
  lines.push('', style.bold(`Checklist (${report.target.clientName})`));
  for (const { item, state, reason } of report.checklist) {
    const mark =
      state === 'verified'
        ? style.status('pass', '[✔]')
        : state === 'failed'
          ? style.status('fail', '[✖]')
          : state === 'warned'
            ? style.status('warn', '[!]')
            : state === 'manual'
              ? style.dim('[ ]')
              : style.dim('[–]');
    lines.push(`  ${mark} ${visibleText(item.text)}${state === 'manual' ? style.dim(' (check by hand)') : ''}`);
    if (reason) lines.push(style.dim(`      ${visibleText(reason)}`));
  }
  const { pass, warn, fail, skipped } = report.counts;
  const verdict = report.verdict === 'cancelled' ? 'CANCELLED' : report.verdict.toUpperCase();
  const tone = report.verdict === 'pass' ? 'pass' : report.verdict === 'warn' ? 'warn' : report.verdict === 'fail' ? 'fail' : 'skipped';
  lines.push(
    '',
    `${style.bold(style.status(tone, verdict))}: ${pass} passed, ${warn} warning(s), ${fail} failed, ${skipped} skipped in ${report.durationMs} ms`,
  );
  return lines.join('\n');
}
