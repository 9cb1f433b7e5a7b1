import type { SymptomId } from '../symptoms/symptomIds';

/** A classifier's verdict: what went wrong, said in one plain sentence. */
export interface Diagnosis {
  symptom: SymptomId;
  summary: string;
  /** The corpus wording the gateway's message matched (`new-api/zh-CN/token-expired`). */
  wording?: string;
}

/**
 * Where an answer came from, so the same words are read right: a 401 from upstream after the
 * gateway accepted the token is about the gateway's channel key, not the user's token.
 */
export interface AnswerContext {
  route: 'relay' | 'token-status' | 'token-log' | 'billing';
  /** The gateway already accepted this token in this run (the check ran behind authentication). */
  tokenAccepted?: boolean;
  /** The request carried no token (an anonymous probe). */
  anonymous?: boolean;
}
