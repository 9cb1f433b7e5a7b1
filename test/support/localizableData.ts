import { CHECK_KIND_LABELS } from '../../src/core/checks/checkKinds';
import { CHECKLISTS } from '../../src/core/clients/checklists';
import { CLIENTS } from '../../src/core/clients/clients';
import { URL_RULES } from '../../src/core/clients/urlRules';
import { ALL_ROWS } from '../../src/core/symptoms/symptomTable';

/**
 * The strings the doctor shows that live as data, not as `t(...)` calls in code: the guides' rows
 * and checklists, the clients' field names (and each URL rule's), the check kinds' labels. Each is
 * translated through `t` where it is read (symptomTable.ts, checklists.ts, checkKinds.ts,
 * clientViews.ts, clientUrlCheck.ts), so each
 * must be in every bundle.
 */
export function localizableData(): string[] {
  const strings = [
    ...ALL_ROWS.flatMap((row) => [row.symptom, row.cause, row.fix]),
    ...Object.values(CHECKLISTS).flatMap((items) => items.flatMap((item) => [item.text, ...(item.proof.kind === 'manual' ? [item.proof.hint] : [])])),
    ...Object.values(CLIENTS).flatMap((c) => [c.urlField, c.keyField, ...(c.testAction ? [c.testAction] : [])]),
    ...Object.values(URL_RULES).map((rule) => rule.field),
    ...Object.values(CHECK_KIND_LABELS),
    'a test request',
  ];
  return [...new Set(strings)];
}
