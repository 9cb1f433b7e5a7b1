import * as l10n from '@vscode/l10n';
import { constants } from 'node:fs';
import { lstat, open, realpath } from 'node:fs/promises';
import * as path from 'node:path';
import type { ParsedFile } from './discoveredConfig';

export const MAX_CONFIG_BYTES = 1024 * 1024;
export const READ_TIMEOUT_MS = 2_000;

export type ReadOutcome = { kind: 'read'; file: ParsedFile } | { kind: 'absent' } | { kind: 'refused'; problem: string };

const inside = (folder: string, file: string) => {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
};

/** Whether a file is there and may be opened: not when it is a link that leads out of its folder. */
export async function linkCheck(file: string, folder: string): Promise<'absent' | 'ok' | 'link-outside'> {
  let link;
  try {
    link = await lstat(file);
  } catch {
    return 'absent';
  }
  if (!link.isSymbolicLink()) return 'ok';
  const [target, root] = await Promise.all([realpath(file).catch(() => undefined), realpath(folder).catch(() => folder)]);
  return target && inside(root, target) ? 'ok' : 'link-outside';
}

/**
 * Reads a client's config file the careful way: only a regular file (opened without blocking, so a
 * FIFO or device cannot hang the scan), at most 1 MB, within a time limit and the caller's
 * cancellation, and never through a link that leads out of the config's own folder.
 */
export async function readConfigFile(file: string, folder: string, signal?: AbortSignal): Promise<ReadOutcome> {
  const link = await linkCheck(file, folder);
  if (link === 'absent') return { kind: 'absent' };
  if (link !== 'ok') return { kind: 'refused', problem: l10n.t('The file is a link that leads outside its folder; it was not followed.') };
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return { kind: 'refused', problem: l10n.t('The file could not be opened for reading.') };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { kind: 'refused', problem: l10n.t('The file is not a regular file (a pipe, device or folder); it was not read.') };
    if (stat.size > MAX_CONFIG_BYTES)
      return { kind: 'refused', problem: l10n.t('The file is larger than {mb} MB; it was not read.', { mb: MAX_CONFIG_BYTES / 1024 / 1024 }) };
    const deadline = AbortSignal.timeout(READ_TIMEOUT_MS);
    const text = await handle.readFile({ encoding: 'utf8', signal: signal ? AbortSignal.any([signal, deadline]) : deadline });
    return { kind: 'read', file: { path: file, text } };
  } catch (error) {
    if (signal?.aborted) throw error;
    return { kind: 'refused', problem: l10n.t('The file could not be read within {ms} ms.', { ms: READ_TIMEOUT_MS }) };
  } finally {
    await handle.close();
  }
}

/**
 * Why a file did not parse, by position only: parsers quote the offending line, and in a config
 * file that line may hold a token.
 */
export function parseProblem(error: unknown, format: 'JSON' | 'JSONC' | 'TOML' | 'YAML'): string {
  const e = error as { line?: unknown; column?: unknown; linePos?: { line: number; col: number }[]; message?: unknown };
  const line = typeof e.line === 'number' ? e.line : e.linePos?.[0]?.line;
  const column = typeof e.column === 'number' ? e.column : e.linePos?.[0]?.col;
  const position = typeof e.message === 'string' ? /position (\d+)/.exec(e.message)?.[1] : undefined;
  if (line !== undefined && column !== undefined) return l10n.t('The file is not valid {format} (line {line}, column {column}).', { format, line, column });
  if (line !== undefined) return l10n.t('The file is not valid {format} (line {line}).', { format, line });
  if (position !== undefined) return l10n.t('The file is not valid {format} (at character {position}).', { format, position });
  return l10n.t('The file is not valid {format}.', { format });
}
