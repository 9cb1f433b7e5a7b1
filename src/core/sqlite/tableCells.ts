import * as l10n from '@vscode/l10n';
import type { PageSource } from './pageSource';
import { readSize, readVarint } from './record';
import { UnreadableDatabase } from './unreadableDatabase';

const TABLE_INTERIOR = 0x05;
const TABLE_LEAF = 0x0d;
/** SQLite's own b-trees stay far below this depth; a deeper walk is a loop in a damaged file. */
const MAX_DEPTH = 40;

/** The parts of the file the reader can find damaged, each in a whole sentence. */
const damaged = (what: 'overflow' | 'b-tree' | 'page' | 'cell') =>
  new UnreadableDatabase(
    {
      overflow: () => l10n.t('an overflow chain is damaged'),
      'b-tree': () => l10n.t('a table’s b-tree is damaged'),
      page: () => l10n.t('a b-tree page is damaged'),
      cell: () => l10n.t('a cell is damaged'),
    }[what](),
  );

/**
 * One row's cell in a table b-tree leaf: its rowid and its record, of which only the part stored
 * on the leaf is read until more is asked for (so a scan that looks at one column never follows a
 * large value's overflow chain).
 */
export class TableCell {
  private fetched: Buffer;
  private nextOverflow: number;

  constructor(
    private readonly source: PageSource,
    readonly rowid: number | bigint,
    readonly payloadSize: number,
    local: Buffer,
    overflow: number,
  ) {
    this.fetched = local;
    this.nextOverflow = overflow;
  }

  /**
   * The first `length` bytes of the record (all of it when it is shorter), following the overflow
   * chain as far as needed: each overflow page holds the next one's number, then content, and the
   * last one's next is 0 (fileformat2.html §1.5). A chain that ends early or goes on past the
   * record (a loop) is damage.
   */
  async payload(length = this.payloadSize): Promise<Buffer> {
    const want = Math.min(length, this.payloadSize);
    const parts = [this.fetched];
    let have = this.fetched.length;
    while (have < want) {
      if (this.nextOverflow === 0) throw damaged('overflow');
      const page = await this.source.page(this.nextOverflow);
      const take = Math.min(this.source.usableSize - 4, this.payloadSize - have);
      parts.push(page.subarray(4, 4 + take));
      have += take;
      this.nextOverflow = page.readUInt32BE(0);
      if (have === this.payloadSize && this.nextOverflow !== 0) throw damaged('overflow');
    }
    if (parts.length > 1) this.fetched = Buffer.concat(parts);
    return this.fetched.subarray(0, want);
  }
}

/**
 * How much of a payload a table leaf keeps on the page (fileformat2.html §1.5): all of it up to
 * U−35 bytes; otherwise M, or K when K fits, the rest in overflow pages.
 */
function localSize(payload: number, usable: number): number {
  const max = usable - 35;
  if (payload <= max) return payload;
  const min = Math.floor(((usable - 12) * 32) / 255) - 23;
  const k = min + ((payload - min) % (usable - 4));
  return k <= max ? k : min;
}

/**
 * Every cell of the table b-tree rooted at `root`, in rowid order (fileformat2.html §1.5–§1.6).
 * Pages are read one at a time, only this table's; a page met twice, a page of the wrong kind or
 * a pointer out of the page ends the walk as a damaged file, never a loop.
 */
export async function* tableCells(source: PageSource, root: number): AsyncGenerator<TableCell> {
  const seen = new Set<number>();
  const stack: { page: number; depth: number }[] = [{ page: root, depth: 0 }];
  while (stack.length > 0) {
    const { page: number, depth } = stack.pop()!;
    if (seen.has(number) || depth > MAX_DEPTH) throw damaged('b-tree');
    seen.add(number);
    const page = await source.page(number);
    const start = number === 1 ? 100 : 0;
    const type = page[start];
    if (type !== TABLE_INTERIOR && type !== TABLE_LEAF) throw damaged('b-tree');
    const interior = type === TABLE_INTERIOR;
    const cells = page.readUInt16BE(start + 3);
    const pointers = start + (interior ? 12 : 8);
    if (pointers + 2 * cells > source.usableSize) throw damaged('page');
    /** Where cell `i` starts, when at least `bytes` of it lie within the page's usable part. */
    const offsetOf = (i: number, bytes: number) => {
      const offset = page.readUInt16BE(pointers + 2 * i);
      if (offset < pointers + 2 * cells || offset + bytes > source.usableSize) throw damaged('page');
      return offset;
    };
    if (interior) {
      // Children in key order: each cell's left child, then the right-most child. Pushed in reverse.
      stack.push({ page: page.readUInt32BE(start + 8), depth: depth + 1 });
      for (let i = cells - 1; i >= 0; i--) stack.push({ page: page.readUInt32BE(offsetOf(i, 4)), depth: depth + 1 });
      continue;
    }
    for (let i = 0; i < cells; i++) yield leafCell(source, page, offsetOf(i, 1));
  }
}

function leafCell(source: PageSource, page: Buffer, offset: number): TableCell {
  const size = readSize(page, offset);
  const rowid = readVarint(page, size.next);
  const local = localSize(size.value, source.usableSize);
  const end = rowid.next + local;
  const overflow = local < size.value;
  if (end + (overflow ? 4 : 0) > source.usableSize) throw damaged('cell');
  return new TableCell(source, rowid.value, size.value, page.subarray(rowid.next, end), overflow ? page.readUInt32BE(end) : 0);
}
