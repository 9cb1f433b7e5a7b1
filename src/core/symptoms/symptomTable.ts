import { fillTemplate } from '../fillTemplate';
import { BASELINE_MODEL, CLIENTS, type ClientId } from '../clients/clients';
import * as l10n from '@vscode/l10n';
import { CHERRY_STUDIO_ROWS, CURSOR_ROWS } from './guideRows';
import { GATEWAY_ROWS } from './gatewayRows';
import type { SymptomId } from './symptomIds';
import type { SymptomRow } from './symptomRow';

export const ALL_ROWS: readonly SymptomRow[] = [...CHERRY_STUDIO_ROWS, ...CURSOR_ROWS, ...GATEWAY_ROWS];

const appliesTo = (row: SymptomRow, client: ClientId) => row.clients === 'all' || row.clients.includes(client);

/** A row in the reader's language (the guides' rows translated faithfully; English without a bundle). */
const localRow = (row: SymptomRow): SymptomRow => ({ ...row, symptom: l10n.t(row.symptom), cause: l10n.t(row.cause), fix: l10n.t(row.fix) });

/** The table shown for a client: its guide's rows first, in the guide's order, then the gateway rows. */
export function rowsForClient(client: ClientId): SymptomRow[] {
  return ALL_ROWS.filter((row) => appliesTo(row, client)).map(localRow);
}

/** The row that explains a conclusion for a client: the client's own guide row wins over a gateway row. */
export function rowFor(symptom: SymptomId, client: ClientId): SymptomRow | undefined {
  const row = ALL_ROWS.find((r) => appliesTo(r, client) && r.matches.includes(symptom));
  return row && localRow(row);
}

/**
 * The fix text with the client's own field names and exact values filled in. `baseline` is the
 * model to recommend: a model that passed every check in the run, or `null` when none did (a fix
 * never recommends a model that failed in the same run); the guide's baseline when nothing ran.
 */
export function renderFix(row: SymptomRow, client: ClientId, baseline: string | null = BASELINE_MODEL): string {
  const info = CLIENTS[client];
  const values: Record<string, string> = {
    urlValue: info.urlValue,
    urlField: l10n.t(info.urlField),
    keyField: l10n.t(info.keyField),
    client: info.name,
    testAction: l10n.t(info.testAction ?? 'a test request'),
    baseline: baseline ?? l10n.t('a model that answers (none of the chosen models passed every check in this run)'),
  };
  return fillTemplate(row.fix, values);
}
