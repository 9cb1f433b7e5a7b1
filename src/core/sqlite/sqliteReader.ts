import * as l10n from '@vscode/l10n';
/**
 * A small read-only reader of SQLite database files, for the few rows the doctor needs from
 * Cursor's `state.vscdb` and Cherry Studio 2.x's `cherrystudio.sqlite`.
 *
 * Why not a library (measured 2026-12, see CONTRIBUTING.md "The SQLite reader"):
 * - node-sqlite3-wasm 0.8.60 takes its lock by creating a `<db>.lock` directory next to the
 *   database (a write into the running app's folder), cannot open a WAL-mode database ("unable to
 *   open database file" on a real WAL file) and adds 529 KB of compressed wasm to the .vsix.
 * - sql.js 1.17.0 (337 KB compressed wasm) reads the whole file into memory, twice: on a 200 MB
 *   Cursor-shaped file it took 4.5 s and 262 MB; Cursor's file is commonly 1.6–9 GB (98 GiB seen),
 *   past what a Buffer may hold. It also ignores the -wal file, so it misses what a running app has
 *   not checkpointed.
 * - better-sqlite3 is native (one build per platform and Electron ABI), and node:sqlite needs
 *   Node 22; the CLI supports Node 20 and VS Code 1.100's extension host is Node 20.
 *
 * What this reads, from https://www.sqlite.org/fileformat2.html: the header, table b-trees
 * (interior and leaf pages, any page size from 512 to 65536, reserved bytes), records and their
 * serial types, overflow chains, UTF-8 and UTF-16 text, and the -wal file (only committed frames,
 * newest copy of a page wins). It reads only the pages of the tables asked for, through the
 * caller's `ReadAt` (a read-only handle), and never writes, locks, or creates a file. Indexes are
 * not used: a table is scanned, and a filter on one column reads only that column's bytes until a
 * row matches. A file it cannot make sense of throws `UnreadableDatabase`, never loops.
 *
 * Not read: WITHOUT ROWID tables, generated columns, and a hot rollback journal (a crashed
 * writer's `-journal`): the file is read as it is on disk.
 */
import { PageSource, type DatabaseFiles } from './pageSource';
import { decodeValue, readSize, recordHeader, serialSize, type SqlValue } from './record';
import { tableCells, type TableCell } from './tableCells';
import { parseTableSchema, type TableSchema } from './tableSchema';
import { UnreadableDatabase } from './unreadableDatabase';

export type { DatabaseFiles } from './pageSource';
export type { SqlValue } from './record';
export { UnreadableDatabase } from './unreadableDatabase';

/** One row: column name → value. A column an old row lacks and whose default is an expression is absent. */
export type Row = Record<string, SqlValue>;

/** Rows whose `column` holds one of these texts exactly. */
export interface RowFilter {
  column: string;
  oneOf: readonly string[];
}

export interface SqliteDatabase {
  /** Every row of `table` (rowid order), or those the filter picks; undefined when there is no such table. */
  rows(table: string, filter?: RowFilter): Promise<Row[] | undefined>;
}

/** The schema table's columns (https://www.sqlite.org/schematab.html); its b-tree starts on page 1. */
const SCHEMA_COLUMNS = ['type', 'name', 'tbl_name', 'rootpage', 'sql'];

export async function openSqlite(files: DatabaseFiles): Promise<SqliteDatabase> {
  const source = await PageSource.open(files);
  const schema: TableSchema = { columns: SCHEMA_COLUMNS.map((name) => ({ name, missing: null })) };
  return {
    async rows(table, filter) {
      try {
        return await tableRows(table, filter);
      } catch (error) {
        // A read past a buffer's end can only come from a length or offset the file got wrong.
        if (error instanceof RangeError) throw new UnreadableDatabase(l10n.t('a page in it is damaged'));
        throw error;
      }
    },
  };

  async function tableRows(table: string, filter?: RowFilter): Promise<Row[] | undefined> {
    const entries = await readRows(source, 1, schema);
    const entry = entries.find((e) => e.type === 'table' && typeof e.name === 'string' && e.name.toLowerCase() === table.toLowerCase());
    if (!entry) return undefined;
    if (typeof entry.rootpage !== 'number' || typeof entry.sql !== 'string') throw new UnreadableDatabase(l10n.t('its schema table is damaged'));
    return readRows(source, entry.rootpage, parseTableSchema(entry.sql), filter);
  }
}

async function readRows(source: PageSource, root: number, schema: TableSchema, filter?: RowFilter): Promise<Row[]> {
  const filterAt = filter ? schema.columns.findIndex((c) => c.name.toLowerCase() === filter.column.toLowerCase()) : -1;
  if (filter && filterAt === -1) throw new UnreadableDatabase(l10n.t('a table in it has no column {column}', { column: filter.column }));
  const rows: Row[] = [];
  for await (const cell of tableCells(source, root)) {
    if (filter && !filter.oneOf.includes(await textAt(source, cell, schema, filterAt))) continue;
    rows.push(await decodeRow(source, cell, schema));
  }
  return rows;
}

/** One column of a row as text (or '' when it is not text), reading the record only that far. */
async function textAt(source: PageSource, cell: TableCell, schema: TableSchema, column: number): Promise<string> {
  if (column === schema.rowidAlias) return '';
  const { types, bodyStart } = recordHeader(await headerOf(cell));
  if (column >= types.length) {
    const { missing } = schema.columns[column]!;
    return typeof missing === 'string' ? missing : '';
  }
  let at = bodyStart;
  for (let i = 0; i < column; i++) at += serialSize(types[i]!);
  const type = types[column]!;
  if (type < 13 || type % 2 === 0) return '';
  const value = decodeValue(type, await cell.payload(at + serialSize(type)), at, source.encoding);
  return typeof value === 'string' ? value : '';
}

/** The record's header: its size is a varint in the first bytes; the header may itself spill into overflow. */
async function headerOf(cell: TableCell): Promise<Buffer> {
  return cell.payload(readSize(await cell.payload(9), 0).value);
}

async function decodeRow(source: PageSource, cell: TableCell, schema: TableSchema): Promise<Row> {
  const payload = await cell.payload();
  const { types, bodyStart } = recordHeader(payload);
  const row: Row = {};
  let at = bodyStart;
  schema.columns.forEach((column, i) => {
    const type = types[i];
    if (type === undefined) {
      if (column.missing !== undefined) row[column.name] = column.missing;
      return;
    }
    row[column.name] = i === schema.rowidAlias && type === 0 ? cell.rowid : decodeValue(type, payload, at, source.encoding);
    at += serialSize(type);
  });
  if (at > payload.length) throw new UnreadableDatabase(l10n.t('a record in it is damaged'));
  return row;
}
