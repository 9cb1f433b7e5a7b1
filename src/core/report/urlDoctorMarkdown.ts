import * as l10n from '@vscode/l10n';
import { statusMark } from './markdown';
import { mdCode, mdText } from './markdownText';
import type { Report } from './report';

/**
 * The URL doctor's answer as Markdown: what the client will really call for what was typed, whether
 * that is the API, and what to type instead. Built from a redacted report of the client-url check
 * alone; what came from outside is a code span, our words are escaped.
 */
export function renderUrlDoctorMarkdown(report: Report, typed: string): string {
  const result = report.results.find((r) => r.kind === 'client-url');
  if (!result) return `${mdText(report.results[0]?.summary ?? '')}\n`;
  const finding = report.findings.find((f) => f.checkId === result.id);
  const metric = (name: string) => (typeof result.metrics[name] === 'string' ? result.metrics[name] : undefined);
  const lines = [
    l10n.t('# What {client} will call', { client: mdText(report.target.clientName) }),
    '',
    l10n.t('- Typed: {typed}', { typed: mdCode(typed) || '""' }),
    l10n.t('- Result: {status}', { status: statusMark(result.status) }),
    ...(metric('predictedUrl') ? [l10n.t('- It will call: {url}', { url: mdCode(metric('predictedUrl')!) })] : []),
    ...(metric('valueToType') ? [l10n.t('- Type exactly: {value}', { value: mdCode(metric('valueToType')!) })] : []),
    '',
    mdCode(result.summary),
  ];
  if (finding?.fix)
    lines.push(
      '',
      l10n.t('## What to fix'),
      '',
      l10n.t('- Likely cause: {cause}', { cause: mdText(finding.cause ?? '') }),
      l10n.t('- **Fix: {fix}**', { fix: mdText(finding.fix) }),
    );
  lines.push('', l10n.t('## Evidence'), '', mdText(l10n.t('The URL doctor sends no token: what it probes cannot see or spend anything of yours.')), '');
  for (const d of result.details) lines.push(`- ${mdCode(d)}`);
  for (const e of result.evidence)
    lines.push(
      `- ${mdCode([`${e.method} ${e.url}`, e.status !== undefined ? `→ ${e.status}` : l10n.t('→ no response'), e.contentType, e.note, e.via].filter(Boolean).join(' · '))}`,
    );
  return `${lines.join('\n').trimEnd()}\n`;
}
