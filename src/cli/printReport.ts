import * as l10n from '@vscode/l10n';
import type { CheckResult } from '../core/checks/checkTypes';
import { groupFindings, type Report } from '../core/report/report';
import { visibleText } from '../core/visibleText';
import { renderCost, renderUsage } from './printSpend';
import { STATUS_ICON, type Style } from './style';
import { alignLabels, displayWidth, fitWidth, hanging, padWidth, wrapWidth } from './terminalText';

/** The title column of the check lines, on a terminal at least WIDE columns wide (and in a pipe). */
const TITLE_WIDTH = 34;
const TIME_WIDTH = 8;
const WIDE = 72;

/**
 * Lines that fit a terminal: `width` columns (undefined: a pipe or a file, lines are not cut). The
 * last column stays free, so no terminal wraps a line by itself. Words from outside (summaries,
 * titles, URLs) go through visibleText first.
 */
const usable = (width: number | undefined) => (width === undefined ? undefined : width - 1);

/** A labelled line (`      cause:   …`): continuation lines align under the text when there is room for it. */
function labelled(indent: number, label: string, styledLabel: string, text: string, width: number | undefined, style?: (s: string) => string): string[] {
  const lead = indent + displayWidth(label);
  const under = width !== undefined && width - lead >= 24 ? lead : indent + 2;
  const lines = hanging(' '.repeat(lead), text, width, under);
  return lines.map((l, i) => {
    const body = style ? style(l.trimStart()) : l.trimStart();
    return i === 0 ? `${' '.repeat(indent)}${styledLabel}${body}` : `${' '.repeat(under)}${body}`;
  });
}

/** The verdict's word, at the start of the last line (called when printed: the bundle is chosen by then). */
const VERDICT_WORD: Record<Report['verdict'], () => string> = {
  pass: () => l10n.t('PASS'),
  warn: () => l10n.t('WARN'),
  fail: () => l10n.t('FAIL'),
  cancelled: () => l10n.t('CANCELLED'),
};

const timeOf = (result: CheckResult) => (result.status === 'skipped' ? '' : `${result.durationMs} ms`);

/** A finished check as it stays on screen: its line, and its summary wrapped under it when the terminal is narrow. */
export function checkLines(result: CheckResult, style: Style, width?: number): string[] {
  const w = usable(width);
  const icon = style.status(result.status, STATUS_ICON[result.status]);
  const title = visibleText(result.title);
  const summary = visibleText(result.summary);
  const time = timeOf(result);
  if (w === undefined || w >= WIDE) {
    const titled = w === undefined ? padWidth(title, TITLE_WIDTH) : padWidth(fitWidth(title, TITLE_WIDTH), TITLE_WIDTH);
    const lead = `  ${icon} ${titled} ${style.dim(time.padStart(TIME_WIDTH))}  `;
    const leadWidth = 2 + 2 + TITLE_WIDTH + 1 + TIME_WIDTH + 2;
    if (w === undefined) return [`${lead}${summary}`];
    const [head = '', ...rest] = wrapWidth(summary, w - 6, w - leadWidth);
    return [`${lead}${head}`, ...rest.map((l) => `      ${l}`)];
  }
  // Narrow: the title (wrapped, never cut) with its time, then the summary under it.
  const head = hanging(`  ${icon} `, title, w, 4);
  const last = head.length - 1;
  if (time && displayWidth(head[last]!) + 2 + displayWidth(time) <= w) head[last] = `${head[last]}  ${style.dim(time)}`;
  else if (time) head.push(`    ${style.dim(time)}`);
  return [...head, ...wrapWidth(summary, w - 4).map((l) => `    ${l}`)];
}

/** A check while the run goes on: exactly one line, cut to the width, so redrawing it in place stays exact. */
export function liveLine(icon: string, title: string, summary: string, time: string, style: Style, width: number, titleStyle = (s: string) => s): string {
  const w = usable(width)!;
  const plainTitle = visibleText(title);
  const text = visibleText(summary);
  if (w >= WIDE) {
    const lead = `  ${icon} ${titleStyle(padWidth(fitWidth(plainTitle, TITLE_WIDTH), TITLE_WIDTH))} ${style.dim(time.padStart(TIME_WIDTH))}  `;
    return `${lead}${fitWidth(text, w - (2 + 2 + TITLE_WIDTH + 1 + TIME_WIDTH + 2))}`;
  }
  const timeText = time ? `  ${time}` : '';
  const titled = fitWidth(plainTitle, w - 4 - displayWidth(timeText));
  const room = w - 4 - displayWidth(titled) - displayWidth(timeText) - 2;
  return `  ${icon} ${titleStyle(titled)}${style.dim(timeText)}${room >= 8 && text ? `  ${fitWidth(text, room)}` : ''}`;
}

/** A finished check's live line (its icon in colour, its summary cut). */
export function finishedLiveLine(result: CheckResult, style: Style, width: number): string {
  return liveLine(style.status(result.status, STATUS_ICON[result.status]), result.title, result.summary, timeOf(result), style, width);
}

/** The terminal report after the check lines: cost and usage, what to fix (with the matching symptom row), checklist, verdict. */
export function renderTail(report: Report, style: Style, width?: number): string {
  const w = usable(width);
  const lines: string[] = [...(report.cost ? renderCost(report.cost, style, w) : []), ...(report.usage ? renderUsage(report.usage, style, w) : [])];
  if (report.findings.length > 0) {
    lines.push('', style.bold(l10n.t('What to fix')));
    // The labels share one column, measured in the terminal's columns (a Chinese label is twice as wide as its characters).
    const [seenIn, cause, fix] = alignLabels([l10n.t('seen in:'), l10n.t('cause:'), l10n.t('fix:')]);
    const requestId = `${l10n.t('request id:')} `;
    for (const group of groupFindings(report.findings)) {
      const [f] = group.findings as [(typeof group.findings)[number]];
      const checks = group.findings.map((g) => report.results.find((r) => r.id === g.checkId));
      lines.push(
        ...hanging(`  ${style.status(group.status, STATUS_ICON[group.status])} `, visibleText(f.rowSymptom ?? f.symptom), w === undefined ? undefined : w, 4),
      );
      lines.push(...labelled(6, seenIn, seenIn, checks.map((c) => visibleText(c?.title ?? '?')).join(', '), w));
      if (f.cause) lines.push(...labelled(6, cause, cause, visibleText(f.cause), w));
      if (f.fix) lines.push(...labelled(6, fix, `${style.bold(fix.trimEnd())}${fix.slice(fix.trimEnd().length)}`, visibleText(f.fix), w));
      const requestIds = checks.map((c) => c?.evidence.at(-1)?.requestId).filter((id): id is string => Boolean(id));
      if (requestIds.length > 0) lines.push(...labelled(6, requestId, style.dim(requestId), requestIds.map((id) => visibleText(id)).join(', '), w, style.dim));
    }
  }
  lines.push('');
  lines.push(
    ...hanging('', l10n.t('Checklist ({client})', { client: visibleText(report.target.clientName) }), w, 2).map((l, i) => (i === 0 ? style.bold(l) : l)),
  );
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
    const text = state === 'manual' ? l10n.t('{item} (check by hand)', { item: visibleText(item.text) }) : visibleText(item.text);
    lines.push(...hanging(`  ${mark} `, text, w, 6));
    if (reason) lines.push(...hanging('      ', visibleText(reason), w, 6).map(style.dim));
  }
  const { pass, warn, fail, skipped } = report.counts;
  const verdict = VERDICT_WORD[report.verdict]();
  const tone = report.verdict === 'cancelled' ? 'skipped' : report.verdict;
  const line = l10n.t('{verdict}: {passed} passed, {warnings} warning(s), {failed} failed, {skipped} skipped in {ms} ms', {
    verdict,
    passed: String(pass),
    warnings: String(warn),
    failed: String(fail),
    skipped: String(skipped),
    ms: String(report.durationMs),
  });
  // Wrapped as plain text, then the verdict word coloured (a style is never measured or cut).
  const verdictLines = hanging('', line, w, 2).map((l, i) =>
    i === 0 && l.startsWith(verdict) ? `${style.bold(style.status(tone, verdict))}${l.slice(verdict.length)}` : l,
  );
  lines.push('', ...verdictLines);
  return lines.join('\n');
}

/** Lines of our own text (the header), wrapped to the terminal with a hanging indent. */
export function wrapped(text: string, width: number | undefined, indent = 2): string[] {
  return hanging('', text, usable(width), indent);
}
