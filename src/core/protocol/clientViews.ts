import { checkKindLabel } from '../checks/checkKinds';
import { localizedChecklist } from '../clients/checklists';
import { CLIENT_IDS, CLIENTS, type ClientId } from '../clients/clients';
import { renderFix, rowsForClient } from '../symptoms/symptomTable';
import * as l10n from '@vscode/l10n';
import type { ClientView } from './panelProtocol';

/** A client's symptom rows with its fixes rendered (for a run: `baseline` is the model that run may recommend). */
export function rowViews(id: ClientId, baseline?: string | null): ClientView['rows'] {
  return rowsForClient(id).map((row) => ({ id: row.id, source: row.source, symptom: row.symptom, cause: row.cause, fix: renderFix(row, id, baseline) }));
}

/** What the panel shows per client: its symptom table with rendered fixes, and its checklist. */
export function clientViews(): ClientView[] {
  return CLIENT_IDS.map((id) => ({
    id,
    name: CLIENTS[id].name,
    urlField: l10n.t(CLIENTS[id].urlField),
    urlValue: CLIENTS[id].urlValue,
    rows: rowViews(id),
    checklist: localizedChecklist(id).map((item) => ({
      id: item.id,
      text: item.text,
      auto: item.proof.kind === 'check',
      checkedBy: item.proof.kind === 'check' ? item.proof.checks.map(checkKindLabel).join(', ') : undefined,
      scannedBy: item.scan ? `Scan this machine (${item.scan.reads})` : undefined,
      hint: item.proof.kind === 'manual' ? item.proof.hint : undefined,
    })),
  }));
}
