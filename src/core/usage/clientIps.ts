import type { LogEntry } from '../gatewayLog/logEntry';

export interface ClientIps {
  /** Whether the gateway recorded client IPs at all (new-api does only when the user turned it on). */
  recorded: boolean;
  /** Each address with its number of calls, the busiest first. */
  ips: { ip: string; calls: number }[];
}

/** Which client IP addresses the token's calls came from. */
export function clientIps(calls: readonly LogEntry[]): ClientIps {
  const counts = new Map<string, number>();
  for (const e of calls) if (e.ip) counts.set(e.ip, (counts.get(e.ip) ?? 0) + 1);
  const ips = [...counts].map(([ip, n]) => ({ ip, calls: n })).toSorted((a, b) => b.calls - a.calls || (a.ip < b.ip ? -1 : 1));
  return { recorded: ips.length > 0, ips };
}
