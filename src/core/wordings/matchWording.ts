import type { GatewayError } from '../classify/errorEnvelope';
import type { SymptomId } from '../symptoms/symptomIds';
import { WORDINGS } from './corpus';
import { UPSTREAM_WORDINGS } from './upstreamWordings';
import type { WordingRoute } from './wording';

/** A gateway or upstream message recognised in the corpus. */
export interface WordingMatch {
  id: string;
  symptom: SymptomId;
  source: string;
}

interface Compiled {
  id: string;
  status: number;
  code?: string;
  route: WordingRoute | 'upstream';
  symptom: SymptomId;
  source: string;
  pattern: RegExp;
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A wording's text as a pattern: literal text, each `{placeholder}` any run of characters. */
export function wordingPattern(text: string): RegExp {
  const parts = normalise(text).split(/\{[a-zA-Z]+\}/);
  return new RegExp(`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*?')}$`, 'i');
}

let compiled: Compiled[] | undefined;
function table(): Compiled[] {
  compiled ??= [
    ...WORDINGS.map((w) => ({
      id: w.id,
      status: w.status,
      code: w.code || undefined,
      route: w.route,
      symptom: w.symptom,
      source: w.source,
      pattern: wordingPattern(w.text),
    })),
    ...UPSTREAM_WORDINGS.map((w) => ({
      id: w.id,
      status: w.status,
      code: w.code,
      route: 'upstream' as const,
      symptom: w.symptom,
      source: w.source,
      pattern: wordingPattern(w.text),
    })),
  ];
  return compiled;
}

/**
 * The corpus wording a gateway answer carries: same status, the message matching the wording's
 * text, and the code (when both have one) equal. A wording of the route the request went to wins
 * over one of another route; gateway wordings win over upstream ones.
 */
export function matchWording(status: number, error: GatewayError, route: WordingRoute): WordingMatch | undefined {
  const message = normalise(error.message);
  const candidates = table().filter(
    (w) => w.status === status && w.pattern.test(message) && (w.code === undefined || error.code === undefined || w.code === error.code),
  );
  const rank = (w: Compiled) => (w.route === route ? 0 : w.route === 'any' ? 1 : w.route === 'upstream' ? 3 : 2);
  const best = candidates.toSorted((a, b) => rank(a) - rank(b))[0];
  return best && { id: best.id, symptom: best.symptom, source: best.source };
}

/**
 * The corpus wordings a bare message could be, when neither the status nor the route is known
 * (VS Code's chat passes on only the gateway's `error.message`). The caller decides what several
 * matches with different symptoms mean: they are ambiguous, not a diagnosis.
 */
export function matchMessage(text: string): WordingMatch[] {
  const message = normalise(text);
  return table()
    .filter((w) => w.pattern.test(message))
    .map((w) => ({ id: w.id, symptom: w.symptom, source: w.source }));
}
