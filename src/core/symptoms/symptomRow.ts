import type { ClientId } from '../clients/clients';
import type { SymptomId } from './symptomIds';

export interface SymptomRow {
  /** Stable row id, e.g. `cursor.404`. */
  id: string;
  /** The guide a row comes from, or the gateway research for rows the reference adds. */
  source: 'cherry-studio-guide' | 'cursor-guide' | 'gateway-reference';
  /** Clients the row applies to; `all` for gateway rows. */
  clients: readonly ClientId[] | 'all';
  symptom: string;
  cause: string;
  /**
   * The fix. `{urlValue}`, `{urlField}`, `{keyField}`, `{client}` and `{testAction}` are filled in
   * for the chosen client by `renderFix`.
   */
  fix: string;
  /** Check conclusions this row explains; empty for rows only a person can recognise. */
  matches: readonly SymptomId[];
}
