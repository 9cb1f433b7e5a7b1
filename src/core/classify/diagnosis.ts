import type { SymptomId } from '../symptoms/symptomIds';

/** A classifier's verdict: what went wrong, said in one plain sentence. */
export interface Diagnosis {
  symptom: SymptomId;
  summary: string;
}
