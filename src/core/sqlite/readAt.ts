/**
 * How the SQLite reader gets bytes: `length` bytes from `position`, fewer at the end of the file.
 * The caller owns the file (a read-only handle) and decides what a read may cost: it can count
 * the bytes, refuse past a budget, or stop when the scan is cancelled.
 */
export type ReadAt = (position: number, length: number) => Promise<Buffer>;
