import type { ProbeMatch } from '../gatewayLog/matchProbes';
import type { LogEntry } from '../gatewayLog/logEntry';
import { callsOf } from './usageCalls';

/** The token's calls in its log, without this run's own requests (they say nothing about how the token is used). */
export function recentCalls(entries: readonly LogEntry[], matches: readonly ProbeMatch[] | undefined): { calls: LogEntry[]; ownRun: number } {
  const own = new Set((matches ?? []).flatMap((m) => (m.entry ? [m.entry] : [])));
  const calls = callsOf(entries);
  return { calls: calls.filter((e) => !own.has(e)), ownRun: calls.filter((e) => own.has(e)).length };
}
