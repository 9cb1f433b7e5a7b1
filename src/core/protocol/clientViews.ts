import { CHECKLISTS } from '../clients/checklists';
import { CLIENT_IDS, CLIENTS } from '../clients/clients';
import { renderFix, rowsForClient } from '../symptoms/symptomTable';
import type { ClientView } from './panelProtocol';

/** What the panel shows per client: its symptom table with rendered fixes, and its checklist. */
export function clientViews(): ClientView[] {
  return CLIENT_IDS.map((id) => ({
    id,
    name: CLIENTS[id].name,
    urlField: CLIENTS[id].urlField,
    urlValue: CLIENTS[id].urlValue,
    rows: rowsForClient(id).map((row) => ({ id: row.id, source: row.source, symptom: row.symptom, cause: row.cause, fix: renderFix(row, id) })),
    checklist: CHECKLISTS[id].map((item) => ({
      id: item.id,
      text: item.text,
      check: item.proof.kind === 'check' ? item.proof.check : undefined,
      hint: item.proof.kind === 'manual' ? item.proof.hint : undefined,
    })),
  }));
}
