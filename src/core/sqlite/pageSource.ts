import * as l10n from '@vscode/l10n';
import type { ReadAt } from './readAt';
import { UnreadableDatabase } from './unreadableDatabase';
import { readWalOverlay, type WalOverlay } from './walFrames';

/** A database file and its write-ahead log, each read through the caller's `ReadAt`. */
export interface DatabaseFiles {
  db: { read: ReadAt; size: number };
  wal?: { read: ReadAt; size: number };
}

export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const ENCODINGS: Record<number, TextEncoding> = { 0: 'utf8', 1: 'utf8', 2: 'utf16le', 3: 'utf16be' };
const HEADER_BYTES = 100;

/**
 * The pages of a database as SQLite would see them now: the database file, overlaid with the newest
 * committed copy of each page in its -wal file (https://www.sqlite.org/fileformat2.html §1.3 for
 * the header, §4 for the log). Nothing is written, locked or created: a -shm file is not needed,
 * because the log is recovered from itself as SQLite's own recovery does.
 */
export class PageSource {
  private constructor(
    private readonly files: DatabaseFiles,
    private readonly wal: WalOverlay | undefined,
    readonly pageSize: number,
    /** Page size less the bytes each page reserves at its end (for an extension's use). */
    readonly usableSize: number,
    readonly pageCount: number,
    readonly encoding: TextEncoding,
  ) {}

  static async open(files: DatabaseFiles): Promise<PageSource> {
    const wal = files.wal ? await readWalOverlay(files.wal.read, files.wal.size) : undefined;
    const header = files.db.size >= HEADER_BYTES ? await files.db.read(0, HEADER_BYTES) : Buffer.alloc(0);
    if (header.length < HEADER_BYTES && !wal)
      throw new UnreadableDatabase(files.db.size === 0 ? l10n.t('the file is empty') : l10n.t('the file is too short to be SQLite'));
    if (header.length >= HEADER_BYTES && !header.subarray(0, 16).equals(MAGIC)) throw new UnreadableDatabase(l10n.t('the file is not an SQLite database'));
    const pageSize = header.length >= HEADER_BYTES ? pageSizeOf(header.readUInt16BE(16)) : wal!.pageSize;
    if (wal && wal.pageSize !== pageSize) throw new UnreadableDatabase(l10n.t('its -wal file has another page size than the database'));
    const pageCount = wal?.pageCount ?? pagesInHeader(header) ?? Math.floor(files.db.size / pageSize);
    // Page 1 as it is now (the log may hold a newer copy): the encoding and the reserved bytes are in it.
    const probe = new PageSource(files, wal, pageSize, pageSize, pageCount, 'utf8');
    const first = await probe.page(1);
    if (!first.subarray(0, 16).equals(MAGIC)) throw new UnreadableDatabase(l10n.t('its first page is not an SQLite header'));
    if (first[21] !== 64 || first[22] !== 32 || first[23] !== 32) throw new UnreadableDatabase(l10n.t('its header has payload fractions SQLite never writes'));
    const usableSize = pageSize - first[20]!;
    if (usableSize < 480) throw new UnreadableDatabase(l10n.t('its pages reserve more bytes than SQLite allows'));
    const encoding = ENCODINGS[first.readUInt32BE(56)];
    if (!encoding) throw new UnreadableDatabase(l10n.t('its header names an unknown text encoding'));
    return new PageSource(files, wal, pageSize, usableSize, pageCount, encoding);
  }

  /**
   * Page `n` (1-based), from the log when it holds a committed copy, else from the file. Never
   * cached: every visit is a read, so the caller's budget and deadline bound any walk.
   */
  async page(n: number): Promise<Buffer> {
    if (!Number.isInteger(n) || n < 1 || n > this.pageCount) throw new UnreadableDatabase(l10n.t('it points to a page past its end'));
    const inLog = this.wal?.frames.get(n);
    const page =
      inLog !== undefined && this.files.wal
        ? await this.files.wal.read(inLog, this.pageSize)
        : await this.files.db.read((n - 1) * this.pageSize, this.pageSize);
    if (page.length < this.pageSize) throw new UnreadableDatabase(l10n.t('the file is cut short'));
    return page;
  }
}

/** The page size field: a power of two from 512 to 32768, or 1 for 65536. */
function pageSizeOf(field: number): number {
  const size = field === 1 ? 65536 : field;
  if (size < 512 || size > 65536 || (size & (size - 1)) !== 0) throw new UnreadableDatabase(l10n.t('its header has an impossible page size'));
  return size;
}

/** The in-header database size, trusted only when the version-valid-for number matches the change counter (§1.3.7). */
function pagesInHeader(header: Buffer): number | undefined {
  if (header.length < HEADER_BYTES) return undefined;
  const pages = header.readUInt32BE(28);
  return pages > 0 && header.readUInt32BE(24) === header.readUInt32BE(92) ? pages : undefined;
}
