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

/** A pattern that finds `secret` however its characters were escaped (mixed forms included). */
const encodedForm = (secret: string) => secret.split('').map(charPattern).join('');

/** The most characters of a token an escape starting just before it can take when decoded (`\\` + `u00XX`). */
const SWALLOWED = 5;

interface SecretMatcher {
  /** Every form of the secret in one pattern: its variants, longest first, each however escaped. */
  pattern: RegExp;
  /**
   * Lower-cased, a part every variant contains, for a quick test before the pattern: the token
   * without `sk-` and without its first five characters, which an escape that starts just before
   * it in the text (`\\u00`, `%`) can swallow when the text is decoded.
   */
  core?: string;
}

/** Built once per Secret object (the value stays out of any map key). */
const matchers = new WeakMap<Secret, SecretMatcher>();
function matcherFor(secret: Secret): SecretMatcher {
  let matcher = matchers.get(secret);
  if (!matcher) {
    const variants = secretVariants(secret.reveal());
    const core = variants.at(-1);
    matcher = {
      pattern: new RegExp(variants.map(encodedForm).join('|') || '(?!)', 'gi'),
      // Only for token characters: no escape can start inside them, none ends with their `;`, and
      // lower-casing agrees with the pattern's case folding.
      core: core && /^[A-Za-z0-9_-]{8,}$/.test(core) && variants.every((v) => v.includes(core)) ? core.slice(SWALLOWED).toLowerCase() : undefined,
    };
    matchers.set(secret, matcher);
  }
  return matcher;
}

/**
 * Every escape `charPattern` accepts, decoded left to right: a text can only hold the secret if,
 * decoded and lower-cased, it holds the core. Inside an escaped token each escape decodes to its
 * own character; only one that starts before the token can reach into it, by at most SWALLOWED.
 */
const ESCAPE = /\\u00([0-9a-f]{2})|%([0-9a-f]{2})|&#0*(\d+);|&#x0*([0-9a-f]+);/gi;
function mayHold(text: string, core: string): boolean {
  const decoded = /[\\%&]/.test(text)
    ? text.replace(ESCAPE, (_m, u?: string, p?: string, d?: string, x?: string) =>
        String.fromCodePoint(Math.min(0x10ffff, u ? parseInt(u, 16) : p ? parseInt(p, 16) : d ? Number(d) : parseInt(x ?? '0', 16))),
      )
    : text;
  return decoded.toLowerCase().includes(core);
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
    const { pattern, core } = matcherFor(secret);
    if (core === undefined || mayHold(out, core)) out = out.replace(pattern, REPLACEMENT);
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
