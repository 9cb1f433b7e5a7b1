/**
 * Reading values out of a parsed config file that may hold anything: each helper returns the value
 * when it has the expected type, and otherwise records a problem (never the value itself) and
 * returns undefined, so one odd field never breaks the scan.
 */
export type Problems = string[];

const kindOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a table' : `a ${typeof value}`);

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function textAt(record: Record<string, unknown> | undefined, key: string, where: string, problems: Problems): string | undefined {
  const value = record?.[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  problems.push(`${where}${key} is ${kindOf(value)}, not text; it was ignored.`);
  return undefined;
}

export function recordAt(record: Record<string, unknown> | undefined, key: string, where: string, problems: Problems): Record<string, unknown> | undefined {
  const value = record?.[key];
  if (value === undefined || value === null) return undefined;
  const found = asRecord(value);
  if (!found) problems.push(`${where}${key} is ${kindOf(value)}, not a table; it was ignored.`);
  return found;
}

export function listAt(record: Record<string, unknown> | undefined, key: string, where: string, problems: Problems): unknown[] | undefined {
  const value = record?.[key];
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value;
  problems.push(`${where}${key} is ${kindOf(value)}, not a list; it was ignored.`);
  return undefined;
}
