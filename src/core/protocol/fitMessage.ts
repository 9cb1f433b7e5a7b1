import type * as z from 'zod/mini';

/** A value that had to be cut: where it was, and the whole of it (for the log, never the webview). */
export interface Cut {
  path: string;
  full: string;
}

const ELLIPSIS = '…';

function at(value: unknown, path: readonly PropertyKey[]): { parent: Record<PropertyKey, unknown>; key: PropertyKey } | undefined {
  let parent = value as Record<PropertyKey, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = parent?.[key];
    if (next === null || typeof next !== 'object') return undefined;
    parent = next as Record<PropertyKey, unknown>;
  }
  const key = path.at(-1);
  return key === undefined ? undefined : { parent, key };
}

/**
 * Makes a message fit its schema's size limits instead of refusing it: each string or list that
 * is too big (as zod reports it, with its maximum) is cut, a string ending in "…". Returns the
 * parsed message, or undefined when it is invalid for another reason. What was cut is reported
 * through `onCut` so the caller can log it whole.
 */
export function fitMessage<T>(schema: z.ZodMiniType<T>, message: unknown, onCut: (cut: Cut) => void): T | undefined {
  const copy = structuredClone(message);
  for (let attempt = 0; attempt < 8; attempt++) {
    const parsed = schema.safeParse(copy);
    if (parsed.success) return parsed.data;
    const issues = parsed.error.issues;
    if (issues.some((i) => i.code !== 'too_big')) return undefined;
    for (const issue of issues) {
      const place = at(copy, issue.path);
      const maximum = Number((issue as { maximum?: unknown }).maximum);
      if (!place || !Number.isFinite(maximum)) return undefined;
      const value = place.parent[place.key];
      if (typeof value === 'string') {
        onCut({ path: issue.path.join('.'), full: value });
        place.parent[place.key] = `${value.slice(0, Math.max(0, maximum - ELLIPSIS.length))}${ELLIPSIS}`;
      } else if (Array.isArray(value)) {
        onCut({ path: issue.path.join('.'), full: `${value.length} items, ${value.length - maximum} left out` });
        place.parent[place.key] = value.slice(0, maximum);
      } else return undefined;
    }
  }
  return undefined;
}
