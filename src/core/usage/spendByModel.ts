import type { LogEntry } from '../gatewayLog/logEntry';
import { isError } from './usageCalls';

export interface ModelSpend {
  model: string;
  calls: number;
  errors: number;
  promptTokens: number;
  completionTokens: number;
  quota: number;
}

/** Calls, tokens and quota per model, the most expensive first. */
export function spendByModel(calls: readonly LogEntry[]): ModelSpend[] {
  const byModel = new Map<string, ModelSpend>();
  for (const e of calls) {
    const row = byModel.get(e.model) ?? { model: e.model, calls: 0, errors: 0, promptTokens: 0, completionTokens: 0, quota: 0 };
    row.calls++;
    if (isError(e)) row.errors++;
    row.promptTokens += e.promptTokens;
    row.completionTokens += e.completionTokens;
    row.quota += e.quota;
    byModel.set(e.model, row);
  }
  return [...byModel.values()].toSorted((a, b) => b.quota - a.quota || b.calls - a.calls || (a.model < b.model ? -1 : 1));
}
