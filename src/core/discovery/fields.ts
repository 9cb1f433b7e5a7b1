import * as l10n from '@vscode/l10n';
/**
 * Reading values out of a parsed config file that may hold anything: each helper returns the value
 * when it has the expected type, and otherwise records a problem (never the value itself) and
 * returns undefined, so one odd field never breaks the scan.
 */
export type Problems = string[];

/** What a value is, in words (null is never reported: the helpers treat it as absent). */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return l10n.t('a list');
  switch (typeof value) {
    case 'object':
      return l10n.t('a table');
    case 'number':
    case 'bigint':
      return l10n.t('a number');
    case 'boolean':
      return l10n.t('a boolean');
    case 'string':
      return l10n.t('a string');
    default:
      return l10n.t('a {type}', { type: typeof value });
  }
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function textAt(record: Record<string, unknown> | undefined, key: string, where: string, problems: Problems): string | undefined {
  const value = record?.[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  problems.push(l10n.t('{field} is {kind}, not text; it was ignored.', { field: `${where}${key}`, kind: kindOf(value) }));
  return undefined;
}

export function recordAt(record: Record<string, unknown> | undefined, key: string, where: string, problems: Problems): Record<string, unknown> | undefined {
  const value = record?.[key];
  if (value === undefined || value === null) return undefined;
  const found = asRecord(value);
  if (!found) problems.push(l10n.t('{field} is {kind}, not a table; it was ignored.', { field: `${where}${key}`, kind: kindOf(value) }));
  return found;
}

export function listAt(record: Record<string, unknown> | undefined, key: string, where: string, problems: Problems): unknown[] | undefined {
  const value = record?.[key];
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value;
  problems.push(l10n.t('{field} is {kind}, not a list; it was ignored.', { field: `${where}${key}`, kind: kindOf(value) }));
  return undefined;
}
