import type { SymptomId } from '../symptoms/symptomIds';
import type { GatewaySnapshotId, WordingLang } from './snapshots';

/**
 * How a gateway wraps an error message in the body it sends (the Go code that writes it is named
 * in each wording's `source`):
 * - `openai`: `{"error":{"message","type","param","code"}}` (new-api relay and TokenAuth since 2025-08)
 * - `openai-no-code`: `{"error":{"message","type"}}` (new-api before 2025-08, one-api)
 * - `claude`: `{"type":"error","error":{"type","message"}}` (new-api on /v1/messages)
 * - `success-false`: `{"success":false,"message"}` (new-api's /api routes: token status, log)
 * - `flat`: `{"message","type","code"}` at the top level (an upstream body passed through as is)
 * - `text`: a plain-text body
 * - `empty`: no body at all (rate limiters)
 */
export type EnvelopeKind = 'openai' | 'openai-no-code' | 'claude' | 'success-false' | 'flat' | 'text' | 'empty';

/** Which route family answers with the wording. */
export type WordingRoute = 'relay' | 'token-status' | 'token-log' | 'billing' | 'any';

/**
 * One error message a real gateway sends, exactly as its source code has it. Go format verbs are
 * replaced by named placeholders (`{model}`, `{group}`, `{ip}`, `{quota}`, …), nothing else changes.
 */
export interface GatewayWording {
  /** Stable id, e.g. `new-api/en/token-invalid`. */
  id: string;
  gateway: 'new-api' | 'one-api';
  /** The source snapshots that send it (same text, status and envelope). */
  versions: readonly GatewaySnapshotId[];
  lang: WordingLang;
  /** What it means for the user: the conclusion the doctor must reach. */
  symptom: SymptomId;
  status: number;
  envelope: EnvelopeKind;
  /** `error.type` as sent, when the envelope has one. */
  type?: string;
  /** `error.code` as sent (`''` when the gateway sends an empty code). */
  code?: string;
  text: string;
  /** The gateway appends ` (request id: <id>)` to the message. */
  requestIdSuffix: boolean;
  route: WordingRoute;
  /** i18n key, when the text comes from a locale file. */
  key?: string;
  /** `owner/repo@commit path` (and the function or key) it was read from. */
  source: string;
}
