import type { Secret } from './secret';

/** Anything shaped like an API token: `sk-` followed by a long run of token characters. */
const TOKEN_PATTERN = /\bsk-[A-Za-z0-9_-]{12,}/g;
const REPLACEMENT = 'sk-[redacted]';

/**
 * Scrubs a piece of text that might carry a token: the known secret (also trimmed and without a
 * `Bearer ` prefix, as users paste it) and anything else that looks like a full `sk-` token.
 * Gateway-masked forms such as `[sk-abc***xyz]` contain `*` and are left as they are.
 */
export function redact(text: string, ...secrets: (Secret | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    for (const variant of secretVariants(secret.reveal())) out = out.split(variant).join(REPLACEMENT);
  }
  return out.replace(TOKEN_PATTERN, REPLACEMENT);
}

function secretVariants(raw: string): string[] {
  const trimmed = raw.trim();
  const bare = trimmed.replace(/^bearer\s+/i, '').trim();
  return [raw, trimmed, bare].filter((v, i, all) => v.length >= 6 && all.indexOf(v) === i).sort((a, b) => b.length - a.length);
}

/** Recursively redacts every string inside a JSON-like value. */
export function redactDeep<T>(value: T, ...secrets: (Secret | undefined)[]): T {
  if (typeof value === 'string') return redact(value, ...secrets) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, ...secrets)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = redactDeep(item, ...secrets);
    return out as T;
  }
  return value;
}
