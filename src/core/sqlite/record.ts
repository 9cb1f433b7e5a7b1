import * as l10n from '@vscode/l10n';
import type { TextEncoding } from './pageSource';
import { UnreadableDatabase } from './unreadableDatabase';

/** A value as SQLite stores it: NULL, an integer (a bigint beyond ±2^53), a real, text or a blob. */
export type SqlValue = null | number | bigint | string | Buffer;

const corrupt = () => new UnreadableDatabase(l10n.t('a record or cell in it is damaged'));

/**
 * A varint (fileformat2.html §1.6): 1 to 9 bytes, big-endian, 7 bits a byte with the high bit
 * saying "more", the ninth byte all 8 bits; 64-bit two's complement. A number while it is safe.
 */
export function readVarint(data: Buffer, at: number): { value: number | bigint; next: number } {
  let value = 0;
  for (let i = 0; i < 7; i++) {
    const byte = data[at + i];
    if (byte === undefined) throw corrupt();
    value = value * 128 + (byte & 0x7f);
    if (byte < 0x80) return { value, next: at + i + 1 };
  }
  // Past 49 bits: finish in bigint.
  let big = BigInt(value);
  for (let i = 7; i < 9; i++) {
    const byte = data[at + i];
    if (byte === undefined) throw corrupt();
    if (i === 8) return { value: safe(BigInt.asIntN(64, (big << 8n) | BigInt(byte))), next: at + 9 };
    big = (big << 7n) | BigInt(byte & 0x7f);
    if (byte < 0x80) return { value: safe(big), next: at + i + 1 };
  }
  throw corrupt();
}

/** A varint that must be a size or a count (never negative, never beyond 2^53). */
export function readSize(data: Buffer, at: number): { value: number; next: number } {
  const { value, next } = readVarint(data, at);
  if (typeof value !== 'number') throw corrupt();
  return { value, next };
}

const safe = (n: bigint): number | bigint => (n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n);

/** How many bytes a value of this serial type takes in the record body (§2.1). */
export function serialSize(type: number): number {
  if (type >= 12) return Math.floor((type - 12) / 2);
  const size = [0, 1, 2, 3, 4, 6, 8, 8, 0, 0][type];
  if (size === undefined) throw corrupt();
  return size;
}

/** The serial types of a record and where its body starts, from a prefix that holds the whole header. */
export function recordHeader(payload: Buffer): { types: number[]; bodyStart: number } {
  const { value: headerSize, next } = readSize(payload, 0);
  if (headerSize < next || headerSize > payload.length) throw corrupt();
  const types: number[] = [];
  for (let at = next; at < headerSize;) {
    const type = readSize(payload, at);
    if (type.next > headerSize) throw corrupt();
    types.push(type.value);
    at = type.next;
  }
  return { types, bodyStart: headerSize };
}

/** The value of serial type `type` at `at`. */
export function decodeValue(type: number, data: Buffer, at: number, encoding: TextEncoding): SqlValue {
  const size = serialSize(type);
  if (at + size > data.length) throw corrupt();
  switch (type) {
    case 0:
      return null;
    case 1:
      return data.readInt8(at);
    case 2:
      return data.readInt16BE(at);
    case 3:
      return data.readIntBE(at, 3);
    case 4:
      return data.readInt32BE(at);
    case 5:
      return data.readIntBE(at, 6);
    case 6:
      return safe(data.readBigInt64BE(at));
    case 7:
      return data.readDoubleBE(at);
    case 8:
      return 0;
    case 9:
      return 1;
  }
  const bytes = data.subarray(at, at + size);
  if (type % 2 === 0) return Buffer.from(bytes);
  if (encoding === 'utf16be')
    return Buffer.from(bytes.subarray(0, size - (size % 2)))
      .swap16()
      .toString('utf16le');
  return bytes.toString(encoding);
}
