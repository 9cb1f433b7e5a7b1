import * as l10n from '@vscode/l10n';

/** Problems in a pasted token that are certain before any request is sent. */
export type TokenProblem =
  | 'empty'
  | 'surrounding-whitespace'
  | 'inner-whitespace'
  | 'bearer-prefix'
  | 'quoted'
  | 'invisible-characters'
  | 'control-characters'
  | 'non-ascii'
  | 'not-sk-shaped';

/** Problems that make the token unusable in an HTTP header: nothing is sent with it. */
export const UNSENDABLE: readonly TokenProblem[] = ['empty', 'invisible-characters', 'control-characters', 'non-ascii'];

export interface TokenLint {
  problems: TokenProblem[];
  /** The token as the gateway would need it (trimmed, prefix and quotes removed). Never displayed. */
  cleaned: string;
}

/** What each token problem means, said when it is shown (in the reader's language). */
const TOKEN_PROBLEM_TEXT: Record<TokenProblem, () => string> = {
  empty: () => l10n.t('No token was given.'),
  'surrounding-whitespace': () => l10n.t('The token has leading or trailing spaces or line breaks (a common copy-paste accident).'),
  'inner-whitespace': () => l10n.t('The token contains spaces or line breaks inside it.'),
  'bearer-prefix': () => l10n.t('A whole "Bearer sk-..." header value was pasted; the client adds "Bearer" itself.'),
  quoted: () => l10n.t('The token is wrapped in quotes.'),
  'invisible-characters': () =>
    l10n.t(
      'The token contains invisible characters (zero-width spaces or joiners, a byte-order mark, direction marks), usually picked up by copying from a web page or chat.',
    ),
  'control-characters': () => l10n.t('The token contains control characters.'),
  'non-ascii': () => l10n.t('The token contains characters that are not plain ASCII; a Crazyrouter token has only letters, digits, "-" and "_".'),
  'not-sk-shaped': () => l10n.t('The token does not look like a Crazyrouter token (sk- followed by letters and digits).'),
};

export const tokenProblemText = (problem: TokenProblem): string => TOKEN_PROBLEM_TEXT[problem]();

const SK_SHAPE = /^sk-[A-Za-z0-9_-]{16,}$/;
/** Zero-width spaces and joiners, word joiner, BOM, direction marks and overrides, soft hyphen. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');

export function lintToken(raw: string): TokenLint {
  const problems: TokenProblem[] = [];
  if (raw.trim().length === 0) return { problems: ['empty'], cleaned: '' };
  if (raw !== raw.trim()) problems.push('surrounding-whitespace');
  let cleaned = raw.trim();
  if (/^["'].*["']$/s.test(cleaned)) {
    problems.push('quoted');
    cleaned = cleaned.slice(1, -1).trim();
  }
  if (/^bearer\s+/i.test(cleaned)) {
    problems.push('bearer-prefix');
    cleaned = cleaned.replace(/^bearer\s+/i, '');
  }
  // Spaces and line breaks inside (a BOM counts as invisible, not as a space).
  if (/[^\S\ufeff]/.test(cleaned)) {
    problems.push('inner-whitespace');
    cleaned = cleaned.replace(/[^\S\ufeff]+/g, '');
  }
  if (INVISIBLE.test(cleaned)) problems.push('invisible-characters');
  // oxlint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u001f\u007f-\u009f]/.test(cleaned)) problems.push('control-characters');
  // oxlint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[^\u0000-\u007f]/.test(cleaned.replace(INVISIBLE_ALL, ''))) problems.push('non-ascii');
  if (!SK_SHAPE.test(cleaned)) problems.push('not-sk-shaped');
  return { problems, cleaned };
}
