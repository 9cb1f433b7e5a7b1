import type { CheckResult } from '../checks/checkTypes';
import { fillTemplate } from '../fillTemplate';
import { mdCode, mdText } from './markdownText';
import type { Report } from './report';

/** The sentences of the URL doctor's answer, whole, with `{placeholders}`. */
const SAY = {
  title: '# What {client} will call',
  typed: '- Typed: {typed}',
  result: '- Result: {status}',
  calls: '- It will call: {url}',
  valueToType: '- Type exactly: {value}',
  fix: '## What to fix',
  cause: '- Likely cause: {cause}',
  fixLine: '- **Fix: {fix}**',
  evidence: '## Evidence',
  noProbe: 'The URL doctor sends no token: what it probes cannot see or spend anything of yours.',
} as const;

const STATUS: Record<CheckResult['status'], string> = { pass: '✅ pass', warn: '⚠️ warn', fail: '❌ fail', skipped: '⏭️ skipped' };

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
    fillTemplate(SAY.title, { client: mdText(report.target.clientName) }),
    '',
    fillTemplate(SAY.typed, { typed: mdCode(typed) || '""' }),
    fillTemplate(SAY.result, { status: STATUS[result.status] }),
    ...(metric('predictedUrl') ? [fillTemplate(SAY.calls, { url: mdCode(metric('predictedUrl')!) })] : []),
    ...(metric('valueToType') ? [fillTemplate(SAY.valueToType, { value: mdCode(metric('valueToType')!) })] : []),
    '',
    mdCode(result.summary),
  ];
  if (finding?.fix)
    lines.push('', SAY.fix, '', fillTemplate(SAY.cause, { cause: mdText(finding.cause ?? '') }), fillTemplate(SAY.fixLine, { fix: mdText(finding.fix) }));
  lines.push('', SAY.evidence, '', mdText(SAY.noProbe), '');
  for (const d of result.details) lines.push(`- ${mdCode(d)}`);
  for (const e of result.evidence)
    lines.push(
      `- ${mdCode([`${e.method} ${e.url}`, e.status !== undefined ? `→ ${e.status}` : '→ no response', e.contentType, e.note, e.via].filter(Boolean).join(' · '))}`,
    );
  return `${lines.join('\n').trimEnd()}\n`;
}
