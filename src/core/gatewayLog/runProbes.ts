import type { CheckKind, CheckResult } from '../checks/checkTypes';

/** A request of this run that reached the model: what the gateway should have logged and billed. */
export interface Probe {
  checkId: string;
  /** Which of the check's evidence entries it is. */
  evidenceIndex: number;
  title: string;
  model: string;
  requestId?: string;
  /** When it started and ended, ms since the epoch (this machine's clock). */
  startMs: number;
  endMs: number;
  /** The prompt tokens the response reported, when the check read them. */
  promptTokens?: number;
}

/** The checks whose requests go to the model and are billed. */
const PROBE_KINDS: readonly CheckKind[] = ['chat', 'streaming', 'tools', 'protocol'];
/** The relay endpoints new-api bills (chat completions, Responses, Anthropic Messages). */
const RELAY_PATH = /\/(chat\/completions|responses|messages)$/;

/** The successful relay requests of the run so far, from the checks' evidence. */
export function probesOf(results: readonly CheckResult[]): Probe[] {
  const probes: Probe[] = [];
  for (const result of results) {
    if (!PROBE_KINDS.includes(result.kind) || !result.model) continue;
    const relayed = result.evidence.flatMap((e, evidenceIndex) => {
      const ok = e.method === 'POST' && e.status !== undefined && e.status >= 200 && e.status < 300 && URL.canParse(e.url);
      const startMs = e.at ? Date.parse(e.at) : Number.NaN;
      return ok && RELAY_PATH.test(new URL(e.url).pathname) && Number.isFinite(startMs) ? [{ e, evidenceIndex, startMs }] : [];
    });
    const prompt = result.metrics.promptTokens;
    for (const { e, evidenceIndex, startMs } of relayed) {
      probes.push({
        checkId: result.id,
        evidenceIndex,
        title: result.title,
        model: result.model,
        requestId: e.requestId,
        startMs,
        endMs: startMs + (e.totalMs ?? e.headersMs ?? 0),
        promptTokens: relayed.length === 1 && typeof prompt === 'number' ? prompt : undefined,
      });
    }
  }
  return probes;
}
