import { fillTemplate } from '../fillTemplate';
import { BASELINE_MODEL, CLIENTS, type ClientId } from '../clients/clients';
import { CHERRY_STUDIO_ROWS, CURSOR_ROWS } from './guideRows';
import { GATEWAY_ROWS } from './gatewayRows';
import type { SymptomId } from './symptomIds';
import type { SymptomRow } from './symptomRow';

export const ALL_ROWS: readonly SymptomRow[] = [...CHERRY_STUDIO_ROWS, ...CURSOR_ROWS, ...GATEWAY_ROWS];

const appliesTo = (row: SymptomRow, client: ClientId) => row.clients === 'all' || row.clients.includes(client);

/** The table shown for a client: its guide's rows first, in the guide's order, then the gateway rows. */
export function rowsForClient(client: ClientId): SymptomRow[] {
  return ALL_ROWS.filter((row) => appliesTo(row, client));
}

/** The row that explains a conclusion for a client: the client's own guide row wins over a gateway row. */
export function rowFor(symptom: SymptomId, client: ClientId): SymptomRow | undefined {
  return rowsForClient(client).find((row) => row.matches.includes(symptom));
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
    urlField: info.urlField,
    keyField: info.keyField,
    client: info.name,
    testAction: info.testAction ?? 'a test request',
    baseline: baseline ?? 'a model that answers (none of the chosen models passed every check in this run)',
  };
  return fillTemplate(row.fix, values);
}
