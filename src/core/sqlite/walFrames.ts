import type { ReadAt } from './readAt';

/**
 * What a write-ahead log (`<db>-wal`) adds to the database file: for each page, where its newest
 * committed copy is in the log, and the database's size in pages after the last commit.
 */
export interface WalOverlay {
  pageSize: number;
  /** Page number → offset of that page's data in the -wal file. */
  frames: Map<number, number>;
  pageCount: number;
}

const HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;
const MAGIC_LITTLE_ENDIAN = 0x377f0682;
const MAGIC_BIG_ENDIAN = 0x377f0683;
const FORMAT_VERSION = 3007000;
/** Frames are checked in batches of about this many bytes (one read each). */
const BATCH_BYTES = 1024 * 1024;

type Sums = [number, number];

/**
 * The WAL checksum (https://www.sqlite.org/fileformat2.html §4.1): over 32-bit words in the byte
 * order the magic number names, two running sums, seeded with the previous frame's.
 */
function checksum(data: Buffer, start: number, end: number, bigEndian: boolean, [first, second]: Sums): Sums {
  let s0 = first;
  let s1 = second;
  for (let i = start; i < end; i += 8) {
    const x0 = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const x1 = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

/**
 * Reads a -wal file the way SQLite's recovery does (fileformat2.html §4.3–§4.4, wal.c
 * walIndexRecover): a header with a valid checksum, then frames whose salts match the header and
 * whose cumulative checksum holds; only frames up to the last commit frame count, and for each page
 * the newest of those wins. Anything after the first bad frame (a torn write, a transaction still
 * open, garbage from an earlier log) is ignored. An empty or invalid log adds nothing: undefined.
 */
export async function readWalOverlay(read: ReadAt, size: number): Promise<WalOverlay | undefined> {
  if (size < HEADER_BYTES) return undefined;
  const header = await read(0, HEADER_BYTES);
  if (header.length < HEADER_BYTES) return undefined;
  const magic = header.readUInt32BE(0);
  if (magic !== MAGIC_LITTLE_ENDIAN && magic !== MAGIC_BIG_ENDIAN) return undefined;
  const bigEndian = magic === MAGIC_BIG_ENDIAN;
  const pageSize = header.readUInt32BE(8);
  if (header.readUInt32BE(4) !== FORMAT_VERSION || pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return undefined;
  let sums = checksum(header, 0, 24, bigEndian, [0, 0]);
  if (sums[0] !== header.readUInt32BE(24) || sums[1] !== header.readUInt32BE(28)) return undefined;
  const salt1 = header.readUInt32BE(16);
  const salt2 = header.readUInt32BE(20);

  const frameBytes = FRAME_HEADER_BYTES + pageSize;
  const frameCount = Math.floor((size - HEADER_BYTES) / frameBytes);
  const batch = Math.max(1, Math.floor(BATCH_BYTES / frameBytes));
  const committed = new Map<number, number>();
  const pending = new Map<number, number>();
  let pageCount = 0;
  for (let first = 0; first < frameCount; first += batch) {
    const count = Math.min(batch, frameCount - first);
    const start = HEADER_BYTES + first * frameBytes;
    const chunk = await read(start, count * frameBytes);
    for (let i = 0; i < count; i++) {
      const at = i * frameBytes;
      if (at + frameBytes > chunk.length) return finish();
      const page = chunk.readUInt32BE(at);
      const commitSize = chunk.readUInt32BE(at + 4);
      if (page === 0 || chunk.readUInt32BE(at + 8) !== salt1 || chunk.readUInt32BE(at + 12) !== salt2) return finish();
      const next = checksum(chunk, at + FRAME_HEADER_BYTES, at + frameBytes, bigEndian, checksum(chunk, at, at + 8, bigEndian, sums));
      if (next[0] !== chunk.readUInt32BE(at + 16) || next[1] !== chunk.readUInt32BE(at + 20)) return finish();
      sums = next;
      pending.set(page, start + at + FRAME_HEADER_BYTES);
      if (commitSize !== 0) {
        for (const [p, offset] of pending) committed.set(p, offset);
        pending.clear();
        pageCount = commitSize;
      }
    }
  }
  return finish();

  function finish(): WalOverlay | undefined {
    return pageCount === 0 ? undefined : { pageSize, frames: committed, pageCount };
  }
}
