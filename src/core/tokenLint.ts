/** Problems in a pasted token that are certain before any request is sent. */
export type TokenProblem =
  | 'empty'
  | 'surrounding-whitespace'
  | 'inner-whitespace'
  | 'bearer-prefix'
  | 'quoted'
  | 'not-sk-shaped';

export interface TokenLint {
  problems: TokenProblem[];
  /** The token as the gateway would need it (trimmed, prefix and quotes removed). Never displayed. */
  cleaned: string;
}

export const TOKEN_PROBLEM_TEXT: Record<TokenProblem, string> = {
  'empty': 'No token was given.',
  'surrounding-whitespace': 'The token has leading or trailing spaces or line breaks (a common copy-paste accident).',
  'inner-whitespace': 'The token contains spaces or line breaks inside it.',
  'bearer-prefix': 'A whole "Bearer sk-..." header value was pasted; the client adds "Bearer" itself.',
  'quoted': 'The token is wrapped in quotes.',
  'not-sk-shaped': 'The token does not look like a Crazyrouter token (sk- followed by letters and digits).',
};

const SK_SHAPE = /^sk-[A-Za-z0-9_-]{16,}$/;

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
  if (/\s/.test(cleaned)) {
    problems.push('inner-whitespace');
    cleaned = cleaned.replace(/\s+/g, '');
  }
  if (!SK_SHAPE.test(cleaned)) problems.push('not-sk-shaped');
  return { problems, cleaned };
}
