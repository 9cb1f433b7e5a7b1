import { LOG_TYPE, type LogEntry } from './logEntry';
import type { Probe } from './runProbes';

/**
 * How far from a request its log entry may be, on the gateway's clock. new-api writes the entry when
 * the response has ended (created_at in whole seconds), so it comes a little after the request; the
 * clock difference is known to ±1 s from the Date header, or not at all.
 */
export const MATCH_WINDOW = {
  beforeMs: 2_000,
  afterMs: 10_000,
  /** Added on both sides when the gateway sent no Date header: its clock may be off by this much. */
  unknownSkewMs: 120_000,
} as const;

export interface ProbeMatch {
  probe: Probe;
  entry?: LogEntry;
  /** By the request id the response carried (certain), or by model, time and tokens (weaker). */
  by?: 'request-id' | 'time';
}

/**
 * Finds each request of the run in the token's log. Where the gateway logs request ids (new-api
 * ≥ Feb 2026, QuantumNous/new-api PR #2825), a request is found by its id or not at all; otherwise
 * by the same model, logged within the window, preferring the same prompt tokens, then the nearest
 * in time. An entry answers for one request only.
 */
export function matchProbes(probes: readonly Probe[], entries: readonly LogEntry[], skewMs: number | undefined): ProbeMatch[] {
  const taken = new Set<LogEntry>();
  const byId = new Map(entries.filter((e) => e.requestId).map((e) => [e.requestId!, e]));
  const logsIds = byId.size > 0;
  const consumed = entries.filter((e) => e.type === LOG_TYPE.consume);
  const slack = skewMs === undefined ? MATCH_WINDOW.unknownSkewMs : 1_000;
  const skew = skewMs ?? 0;
  return probes.map((probe): ProbeMatch => {
    const exact = probe.requestId ? byId.get(probe.requestId) : undefined;
    if (exact && !taken.has(exact)) {
      taken.add(exact);
      return { probe, entry: exact, by: 'request-id' };
    }
    if (logsIds && probe.requestId) return { probe };
    const from = probe.startMs + skew - MATCH_WINDOW.beforeMs - slack;
    const to = probe.endMs + skew + MATCH_WINDOW.afterMs + slack;
    const candidates = consumed.filter((e) => !taken.has(e) && e.model === probe.model && e.at >= from && e.at <= to);
    const distance = (e: LogEntry) => Math.abs(e.at - (probe.endMs + skew));
    const best = candidates.toSorted(
      (a, b) => Number(b.promptTokens === probe.promptTokens) - Number(a.promptTokens === probe.promptTokens) || distance(a) - distance(b),
    )[0];
    if (!best) return { probe };
    taken.add(best);
    return { probe, entry: best, by: 'time' };
  });
}
