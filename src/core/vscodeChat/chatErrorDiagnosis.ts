import * as l10n from '@vscode/l10n';
import { stripRequestId } from '../classify/errorEnvelope';
import { matchMessage } from '../wordings/matchWording';
import { renderFix, rowFor } from '../symptoms/symptomTable';
import type { SymptomId } from '../symptoms/symptomIds';

/**
 * What an error from VS Code's own chat says about the Crazyrouter setup. Copilot's Custom
 * Endpoint provider passes on only the gateway's message: `jsonData?.message || "token expired or
 * invalid: 401"` with `jsonData = parsed.error ?? parsed`, thrown as a plain Error (microsoft/
 * vscode-copilot-chat@31acd00 src/extension/prompt/node/chatMLFetcher.ts `_handleError`;
 * src/extension/conversation/vscode-node/languageModelAccess.ts `throw new Error(result.reason)`).
 * No status and no route reach the caller, so the message alone is matched against the corpus, and
 * a message that could mean two things is said to be inconclusive. The gateway's request id comes
 * only inside the message, as new-api appends it (` (request id: …)`, common.MessageWithRequestId).
 */
export interface ChatErrorDiagnosis {
  symptom?: SymptomId;
  /** The symptom table's row for VS Code chat, when one explains it. */
  rowId?: string;
  cause: string;
  fix: string;
  /** The corpus wording recognised, for the log. */
  wording?: string;
  /** The gateway's request id, when its message carried one. */
  requestId?: string;
}

/** Copilot's own text when the gateway's body had no message (chatMLFetcher.ts, see above). */
const COPILOT_FALLBACK = /^token expired or invalid: (\d{3})$/i;
const CLIENT = 'vscode-chat';

/**
 * new-api since Aug 2026 answers "Invalid token" on the relay for a missing, unknown, disabled,
 * expired or used-up token alike (middleware/auth.go TokenAuth; the sandbox's new-api@2026-08 voice),
 * and VS Code's chat shows nothing else: the doctor's own checks read the token's status and tell
 * them apart: a vague 401 says so in its cause and fix.
 */
function fromSymptom(symptom: SymptomId, wording?: string): ChatErrorDiagnosis {
  const row = rowFor(symptom, CLIENT);
  if (!row) return inconclusive();
  const vague = symptom === 'auth.invalid';
  return {
    symptom,
    rowId: row.id,
    cause: vague
      ? l10n.t('{cause} (a gateway that says only "Invalid token" says it for an expired, disabled or used-up token too)', { cause: row.cause })
      : row.cause,
    fix: vague
      ? l10n.t('{fix}. If the key is right, run the checks with it: they tell an expired, disabled or used-up token apart.', { fix: renderFix(row, CLIENT) })
      : renderFix(row, CLIENT),
    wording,
  };
}

function inconclusive(): ChatErrorDiagnosis {
  return {
    cause: l10n.t('VS Code’s chat passes on only the gateway’s message, and this one does not say which step failed.'),
    fix: l10n.t('Run the checks with the same token: they call each step on its own and name the one that fails.'),
  };
}

export function diagnoseChatError(text: string): ChatErrorDiagnosis {
  const { message, requestId } = stripRequestId(text);
  const withId = (d: ChatErrorDiagnosis): ChatErrorDiagnosis => (requestId ? { ...d, requestId } : d);
  const fallback = COPILOT_FALLBACK.exec(message);
  // The gateway answered with that status and no message of its own; a 401 is the key VS Code sent.
  if (fallback) return withId(fallback[1] === '401' ? fromSymptom('auth.invalid') : inconclusive());
  const matches = matchMessage(message);
  const symptoms = [...new Set(matches.map((m) => m.symptom))];
  return withId(symptoms.length === 1 ? fromSymptom(symptoms[0]!, matches[0]!.id) : inconclusive());
}
