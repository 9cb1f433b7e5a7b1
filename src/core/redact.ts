import type { Secret } from './secret';

/** Anything shaped like an API token: `sk-` followed by a long run of token characters. */
const TOKEN_PATTERN = /\bsk-[A-Za-z0-9_-]{12,}/g;
const REPLACEMENT = 'sk-[redacted]';

const hex = (code: number) => code.toString(16).padStart(2, '0');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One character as a gateway may write it back: itself, a JSON `\u00XX` escape, a percent-encoded
 * byte, or an HTML character reference (decimal or hex), in any case.
 */
function charPattern(char: string): string {
  const code = char.charCodeAt(0);
  const forms = [escapeRegExp(char), `\\\\u00${hex(code)}`, `%${hex(code)}`, `&#0*${code};`, `&#x0*${hex(code)};`];
  return `(?:${forms.join('|')})`;
}

const patterns = new Map<string, RegExp>();
/** A pattern that finds `secret` however its characters were escaped (mixed forms included). */
function encodedPattern(secret: string): RegExp {
  let pattern = patterns.get(secret);
  if (!pattern) {
    pattern = new RegExp(secret.split('').map(charPattern).join(''), 'gi');
    patterns.set(secret, pattern);
  }
  return pattern;
}

/**
 * Scrubs a piece of text that might carry a token: the known secret (also trimmed and without a
 * `Bearer ` prefix, as users paste it), whether it comes back plain, JSON-escaped, URL-encoded or as
 * HTML references, and anything else that looks like a full `sk-` token. Gateway-masked forms such
 * as `[sk-abc***xyz]` contain `*` and are left as they are. Redact a text whole, then cut it.
 */
export function redact(text: string, ...secrets: (Secret | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    for (const variant of secretVariants(secret.reveal())) out = out.replace(encodedPattern(variant), REPLACEMENT);
  }
  return out.replace(TOKEN_PATTERN, REPLACEMENT);
}

function secretVariants(raw: string): string[] {
  const trimmed = raw.trim();
  const bare = trimmed.replace(/^bearer\s+/i, '').trim();
  const unprefixed = bare.replace(/^sk-/, '');
  return [raw, trimmed, bare, unprefixed].filter((v, i, all) => v.length >= 8 && all.indexOf(v) === i).toSorted((a, b) => b.length - a.length);
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
