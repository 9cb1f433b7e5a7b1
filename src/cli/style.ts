import type { CheckStatus } from '../core/checks/checkTypes';

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  status(status: CheckStatus | 'running' | 'pending', s: string): string;
}

const ansi = (code: string) => (s: string) => `\u001b[${code}m${s}\u001b[0m`;
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

/** Colours only on a terminal, and never when NO_COLOR is set (no-color.org). */
export function styleFor(stream: NodeJS.WriteStream): Style {
  const color = stream.isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  if (!color) return { bold: plain, dim: plain, status: (_s, text) => text };
  return { bold: ansi('1'), dim: ansi('2'), status: (s, text) => COLORS[s](text) };
}
