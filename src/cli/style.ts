import type { CheckStatus } from '../core/checks/checkTypes';

export interface Style {
  bold: (s: string) => string;
  dim: (s: string) => string;
  status: (status: CheckStatus | 'running' | 'pending', s: string) => string;
}

const ansi = (code: string) => (s: string) => (s ? `\u001b[${code}m${s}\u001b[0m` : s);
const plain = (s: string) => s;

const COLORS: Record<CheckStatus | 'running' | 'pending', (s: string) => string> = {
  pass: ansi('32'),
  warn: ansi('33'),
  fail: ansi('31'),
  skipped: ansi('90'),
  running: ansi('36'),
  pending: ansi('90'),
};

export const STATUS_ICON: Record<CheckStatus | 'pending', string> = { pass: '✔', warn: '⚠', fail: '✖', skipped: '–', pending: '○' };

const PLAIN_STYLE: Style = { bold: plain, dim: plain, status: (_s, text) => text };
const COLOR_STYLE: Style = { bold: ansi('1'), dim: ansi('2'), status: (s, text) => COLORS[s](text) };

/** What the output stream is: whether to colour it, redraw lines in place, and how wide it is. */
export interface Terminal {
  style: Style;
  /** Lines are redrawn in place (a terminal that moves its cursor); otherwise each line is printed once. */
  live: boolean;
  /** Columns to fit every line into (a terminal); undefined for a pipe or a file, where lines are not cut. */
  width(): number | undefined;
  /** Rows on the screen, for a live block that must fit on it. */
  rows(): number;
}

const set = (value: string | undefined) => value !== undefined && value !== '';

/**
 * Colour as no-color.org and force-color.org ask: NO_COLOR set to anything non-empty turns it off;
 * FORCE_COLOR set to anything non-empty turns it on, even into a pipe, and wins over NO_COLOR (the
 * order of force-color.org's example). Otherwise colour on a terminal, except TERM=dumb. Lines are
 * redrawn in place only on a terminal that is not dumb; a pipe gets plain lines, one per result.
 * The width is measured at each use, so a resized terminal is followed.
 */
export function terminalFor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): Terminal {
  // A test may hand in a stream without isTTY at all.
  const tty = Boolean(stream.isTTY as boolean | undefined);
  const dumb = env.TERM === 'dumb';
  const color = set(env.FORCE_COLOR) || (tty && !dumb && !set(env.NO_COLOR));
  return {
    style: color ? COLOR_STYLE : PLAIN_STYLE,
    live: tty && !dumb,
    width: () => (tty ? Math.max(20, stream.columns || 80) : undefined),
    rows: () => Math.max(5, stream.rows || 24),
  };
}
