import type { LogEntry } from '../gatewayLog/logEntry';
import { isError } from './usageCalls';

export interface ErrorRate {
  calls: number;
  errors: number;
  share: number;
}

/** The share of calls the gateway logged as errors (it records them only when error logging is on). */
export function errorRate(calls: readonly LogEntry[]): ErrorRate {
  const errors = calls.filter(isError).length;
  return { calls: calls.length, errors, share: calls.length === 0 ? 0 : errors / calls.length };
}
