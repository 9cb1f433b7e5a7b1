import * as l10n from '@vscode/l10n';
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { openSqlite, UnreadableDatabase, type SqliteDatabase } from '../sqlite/sqliteReader';
import { linkCheck } from './safeRead';

/**
 * What reading one client database may cost. The 1 MB limit of text configs does not fit a
 * database (Cursor's state.vscdb is commonly 1.6–9 GB), so the rule is a budget of bytes read:
 * the reader reads only the table asked for (Cursor's ItemTable is ~2.5 MB in a 9 GB file,
 * Dicklesworthstone/coding_agent_session_search#221) and reads the -wal file whole to check it.
 */
export const DATABASE_LIMITS: { readonly maxReadBytes: number; readonly timeoutMs: number } = {
  maxReadBytes: 64 * 1024 * 1024,
  timeoutMs: 5_000,
};

export type DatabaseOutcome<T> = { kind: 'read'; value: T } | { kind: 'absent' } | { kind: 'refused'; problem: string };

class BudgetSpent extends Error {}

type Refusal = 'link-outside' | 'cannot-open' | 'not-regular';

/** A regular file opened read-only without blocking (a FIFO cannot hang the scan), or why not. */
async function openRegular(file: string, folder: string): Promise<{ handle: FileHandle; size: number } | 'absent' | { refusal: Refusal }> {
  const link = await linkCheck(file, folder);
  if (link !== 'ok') return link === 'absent' ? 'absent' : { refusal: link };
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return { refusal: 'cannot-open' };
  }
  const stat = await handle.stat();
  if (stat.isFile()) return { handle, size: stat.size };
  await handle.close();
  return { refusal: 'not-regular' };
}

/** Why the database, or its -wal file, was not opened: one whole sentence for each. */
const REFUSED_DATABASE: Record<Refusal, () => string> = {
  'link-outside': () => l10n.t('The database is a link that leads outside its folder; it was not followed.'),
  'cannot-open': () => l10n.t('The database could not be opened for reading.'),
  'not-regular': () => l10n.t('The database is not a regular file (a pipe, device or folder); it was not read.'),
};
const REFUSED_WAL: Record<Refusal, () => string> = {
  'link-outside': () => l10n.t('Its -wal file is a link that leads outside its folder; it was not followed.'),
  'cannot-open': () => l10n.t('Its -wal file could not be opened for reading.'),
  'not-regular': () => l10n.t('Its -wal file is not a regular file (a pipe, device or folder); it was not read.'),
};

/**
 * Reads a client's SQLite database the careful way: the file and its `-wal` opened read-only (no
 * lock taken, no file created, so a running app is never disturbed), regular files only, never
 * through a link out of the app's folder, within a budget of bytes read, a time limit and the
 * caller's cancellation. A read that meets a damaged page is tried once more (the app may have
 * been writing), then reported.
 */
export async function readDatabase<T>(
  file: string,
  folder: string,
  use: (db: SqliteDatabase) => Promise<T>,
  signal?: AbortSignal,
  limits: typeof DATABASE_LIMITS = DATABASE_LIMITS,
): Promise<DatabaseOutcome<T>> {
  const db = await openRegular(file, folder);
  if (db === 'absent') return { kind: 'absent' };
  if ('refusal' in db) return { kind: 'refused', problem: REFUSED_DATABASE[db.refusal]() };
  const wal = await openRegular(`${file}-wal`, folder);
  try {
    if (typeof wal === 'object' && 'refusal' in wal) return { kind: 'refused', problem: REFUSED_WAL[wal.refusal]() };
    const deadline = AbortSignal.timeout(limits.timeoutMs);
    const stop = signal ? AbortSignal.any([signal, deadline]) : deadline;
    let spent = 0;
    const reader = (handle: FileHandle) => async (position: number, length: number) => {
      stop.throwIfAborted();
      spent += length;
      if (spent > limits.maxReadBytes) throw new BudgetSpent();
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    };
    const files = {
      db: { read: reader(db.handle), size: db.size },
      wal: typeof wal === 'object' ? { read: reader(wal.handle), size: wal.size } : undefined,
    };
    for (let attempt = 1; ; attempt++) {
      try {
        return { kind: 'read', value: await use(await openSqlite(files)) };
      } catch (error) {
        if (signal?.aborted) throw error;
        if (deadline.aborted)
          return { kind: 'refused', problem: l10n.t('The database could not be read within {seconds} s.', { seconds: limits.timeoutMs / 1000 }) };
        if (error instanceof BudgetSpent)
          return {
            kind: 'refused',
            problem: l10n.t('Reading the database would take more than {mb} MB; it was not read.', { mb: limits.maxReadBytes / 1024 / 1024 }),
          };
        if (!(error instanceof UnreadableDatabase)) return { kind: 'refused', problem: l10n.t('The database could not be read.') };
        if (attempt === 2) return { kind: 'refused', problem: l10n.t('The database could not be read: {reason}.', { reason: error.message }) };
      }
    }
  } finally {
    await db.handle.close();
    if (typeof wal === 'object' && 'handle' in wal) await wal.handle.close();
  }
}
