import * as l10n from '@vscode/l10n';
import { CHECKLISTS, type ChecklistItem, type ScanProof } from '../clients/checklists';
import { sameGateway, typedRoot, URL_RULES } from '../clients/urlRules';
import type { DiscoveredConfig } from './discoveredConfig';
import { willCall } from './willCall';

/** What the scan says of a checklist item (report.ts's checklist states, less those a scan cannot give). */
export interface ScanTick {
  state: 'verified' | 'warned' | 'failed';
  reason: string;
}

/** A finding as the URL doctor judged it: the fields the checklist needs. */
type Judged = DiscoveredConfig & { predictedUrl?: string; valueToType?: string };

const SCANNED: readonly (ChecklistItem & { scan: ScanProof })[] = Object.values(CHECKLISTS)
  .flat()
  .filter((item): item is ChecklistItem & { scan: ScanProof } => item.scan !== undefined);

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The two switches a scan reads (checklists.ts), in the reader's language; any other as the checklist names it. */
const switchWords = (name: string): string =>
  name === 'the provider’s switch' ? l10n.t('the provider’s switch') : name === 'the OpenAI API Key switch' ? l10n.t('the OpenAI API Key switch') : name;

function tickFor(scan: ScanProof, finding: Judged, gateway: string): ScanTick | undefined {
  const rule = URL_RULES[finding.rule];
  const switchName = switchWords(scan.switchName);
  if (scan.fact === 'enabled') {
    if (finding.enabled === undefined) return undefined;
    const args = { switch: sentence(switchName) };
    const reason = finding.enabled ? l10n.t('{switch} is on.', args) : l10n.t('{switch} is off.', args);
    return { state: finding.enabled ? 'verified' : 'failed', reason };
  }
  if (!finding.baseUrl) return { state: 'failed', reason: finding.problems[0] ?? l10n.t('{field} is not set.', { field: rule.field }) };
  if (!sameGateway(finding.baseUrl, gateway))
    return {
      state: 'failed',
      reason: l10n.t('{field} is {url}, not the gateway being checked ({gateway}).', { field: rule.field, url: finding.baseUrl, gateway: typedRoot(gateway) }),
    };
  if (finding.valueToType) return { state: 'failed', reason: willCall(rule.client, finding.predictedUrl, finding.valueToType) };
  if (finding.enabled === false)
    return {
      state: 'warned',
      reason: l10n.t('{url} is right, but {switch} is off, so {client} does not use it.', { url: finding.baseUrl, switch: switchName, client: rule.client }),
    };
  return {
    state: 'verified',
    reason: l10n.t('{url}: {client} will call {predicted}.', { url: finding.baseUrl, client: rule.client, predicted: finding.predictedUrl ?? '' }),
  };
}

/** The checklist items one finding proves or disproves, by item id. */
export function findingTicks(finding: Judged, gateway: string): { item: string; state: ScanTick['state']; reason: string }[] {
  if (finding.notRead) return [];
  return SCANNED.filter((item) => item.scan.rules.includes(finding.rule)).flatMap((item) => {
    const tick = tickFor(item.scan, finding, gateway);
    return tick ? [{ item: item.id, ...tick }] : [];
  });
}

/**
 * What the scan says of each item, over every finding that speaks to it: verified when all do,
 * failed when none does, a warning otherwise (one Cherry Studio provider right, another wrong).
 */
export function scanChecklist(findings: readonly (DiscoveredConfig & { checklist?: ReturnType<typeof findingTicks> })[]): Record<string, ScanTick> {
  const byItem = new Map<string, { entry?: string; state: ScanTick['state']; reason: string }[]>();
  for (const finding of findings)
    for (const tick of finding.checklist ?? [])
      byItem.set(tick.item, [...(byItem.get(tick.item) ?? []), { entry: finding.entry, state: tick.state, reason: tick.reason }]);
  const result: Record<string, ScanTick> = {};
  for (const [item, ticks] of byItem) {
    const verified = ticks.filter((t) => t.state === 'verified').length;
    const state: ScanTick['state'] = verified === ticks.length ? 'verified' : verified > 0 || ticks.every((t) => t.state !== 'failed') ? 'warned' : 'failed';
    const reasons = ticks.map((t) => (ticks.length > 1 && t.entry ? `${t.entry}: ${t.reason}` : t.reason));
    result[item] = { state, reason: [...new Set(reasons)].join(' ') };
  }
  return result;
}
