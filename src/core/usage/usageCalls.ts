import { LOG_TYPE, type LogEntry } from '../gatewayLog/logEntry';

/** The entries that are calls to a model: billed (consume) or failed (error); top-ups and the like are not. */
export function callsOf(entries: readonly LogEntry[]): LogEntry[] {
  return entries.filter((e) => (e.type === LOG_TYPE.consume || e.type === LOG_TYPE.error) && e.model !== '');
}

export const isError = (e: LogEntry) => e.type === LOG_TYPE.error;
