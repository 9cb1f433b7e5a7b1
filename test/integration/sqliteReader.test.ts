// The read-only SQLite reader against real SQLite: Python's sqlite3 writes every file, and what
// SQLite itself reads back is what the reader must read. Page sizes, encodings, overflow chains,
// deep b-trees, reserved bytes, a running writer's -wal file, damaged logs and files, a 200 MB
// Cursor-shaped file read for a few hundred KB, and seeded random databases.
import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import { openSqlite, UnreadableDatabase, type Row, type SqlValue } from '../../src/core/sqlite/sqliteReader';
import {
  blob,
  filesOf,
  int,
  liveWriter,
  makeDatabase,
  makeReservedDatabase,
  PYTHON,
  randomDatabases,
  sqliteContents,
  type MadeDatabase,
  type Tagged,
} from '../support/sqlitePython';

/** A reader value in the scripts' tagged form (an integer and a real are told apart by what SQLite said). */
function tagged(value: SqlValue | undefined, expected: Tagged): Tagged | 'absent' {
  if (value === undefined) return 'absent';
  if (value === null) return null;
  if (Buffer.isBuffer(value)) return { b: value.toString('hex') };
  if (typeof value === 'string') return { s: value };
  if (expected && 'f' in expected) {
    const double = Buffer.alloc(8);
    double.writeDoubleBE(Number(value));
    return { f: double.toString('hex') };
  }
  return Number.isInteger(value) || typeof value === 'bigint' ? { i: BigInt(value).toString() } : { f: String(value) };
}

function assertSameTable(rows: Row[] | undefined, expected: MadeDatabase['contents'][string], what: string): void {
  assert.ok(rows, `${what}: the table is found`);
  assert.equal(rows.length, expected.rows.length, `${what}: as many rows as SQLite reads`);
  rows.forEach((row, r) => {
    assert.deepEqual(Object.keys(row), expected.columns, `${what}: row ${r} has SQLite's columns`);
    expected.columns.forEach((column, c) => {
      const want = expected.rows[r]![c]!;
      assert.deepEqual(tagged(row[column], want), want, `${what}: row ${r}, column ${column}`);
    });
  });
}

async function readAll(file: string, tables: string[], counter?: { bytes: number }): Promise<Record<string, Row[] | undefined>> {
  const { files, close } = filesOf(file, counter);
  try {
    const db = await openSqlite(files);
    const out: Record<string, Row[] | undefined> = {};
    for (const table of tables) out[table] = await db.rows(table);
    return out;
  } finally {
    close();
  }
}

async function assertReadsAsSqlite(file: string, contents: MadeDatabase['contents'], what: string): Promise<void> {
  const tables = Object.keys(contents);
  const read = await readAll(file, tables);
  for (const table of tables) assertSameTable(read[table], contents[table]!, `${what} ${table}`);
}

/**
 * Rewrites a -wal file so its last commit frame is an ordinary frame, with every checksum after it
 * made valid again (fileformat2.html §4.1): a transaction whose frames are all in the log but was
 * never committed. SQLite itself reads the result (sqliteContents), which proves the sums right.
 */
function uncommitLastTransaction(wal: string): void {
  const bytes = readFileSync(wal);
  const bigEndian = bytes.readUInt32BE(0) === 0x377f0683;
  const pageSize = bytes.readUInt32BE(8);
  const word = (at: number) => (bigEndian ? bytes.readUInt32BE(at) : bytes.readUInt32LE(at));
  const sum = (from: number, to: number, [a, b]: [number, number]): [number, number] => {
    for (let i = from; i < to; i += 8) {
      a = (a + word(i) + b) >>> 0;
      b = (b + word(i + 4) + a) >>> 0;
    }
    return [a, b];
  };
  const frames: number[] = [];
  for (let at = 32; at + 24 + pageSize <= bytes.length; at += 24 + pageSize) frames.push(at);
  const last = frames.findLast((at) => bytes.readUInt32BE(at + 4) !== 0)!;
  bytes.writeUInt32BE(0, last + 4);
  let sums: [number, number] = [bytes.readUInt32BE(24), bytes.readUInt32BE(28)];
  for (const at of frames) {
    if (at >= last) {
      sums = sum(at + 24, at + 24 + pageSize, sum(at, at + 8, sums));
      bytes.writeUInt32BE(sums[0], at + 16);
      bytes.writeUInt32BE(sums[1], at + 20);
    }
    sums = [bytes.readUInt32BE(at + 16), bytes.readUInt32BE(at + 20)];
  }
  writeFileSync(wal, bytes);
}

/** A small, seeded generator (mulberry32): the damage tests replay exactly. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const APPLICATION_USER = 'src.vs.platform.reactivestorage.browser.reactiveStorageServiceImpl.persistentStorage.applicationUser';

(PYTHON ? suite : suite.skip)('the SQLite reader, against real SQLite (skipped where python3 is missing)', () => {
  let dir: string;
  suiteSetup(() => (dir = mkdtempSync(path.join(tmpdir(), 'crazyrouter-sqlite-'))));
  suiteTeardown(() => rmSync(dir, { recursive: true, force: true }));

  test('page sizes 512 to 65536, UTF-8 and UTF-16, values larger than a page, b-trees three levels deep: read as SQLite reads them', async () => {
    // Each page size with another encoding (the seeded random databases mix them all), and rows enough for three levels.
    for (const [pageSize, encoding, rows] of [
      [512, 'UTF-16le', 500],
      [1024, 'UTF-8', 900],
      [4096, 'UTF-16be', 600],
      [65536, 'UTF-16le', 60],
    ] as const) {
      const file = path.join(dir, `sizes-${pageSize}-${encoding}.db`);
      const made = makeDatabase(
        file,
        [`page_size=${pageSize}`, `encoding="${encoding}"`],
        [
          { sql: 'CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT NOT NULL, v BLOB, n)' },
          { sql: 'BEGIN' },
          {
            sql: 'INSERT INTO t (k, v, n) VALUES (?, ?, ?)',
            many: Array.from({ length: rows }, (_, i) => [
              // Every 50th key and 40th value span several overflow pages.
              // Keys of ~150 bytes: few to a leaf, so small pages need three levels.
              `key ${i} ${'é中😀'.repeat(10 + (i % 7))}${i % 50 === 0 ? 'x'.repeat(pageSize * 2) : ''}`,
              i % 40 === 0 ? blob(Buffer.alloc(pageSize * 3 + 5, i)) : i % 3 === 0 ? null : blob(Buffer.from([i % 256, 0, 255])),
              i % 4 === 0 ? int('-9223372036854775808') : i % 4 === 1 ? i * 1.5 : i,
            ]),
          },
          { sql: 'COMMIT' },
        ],
      );
      if (pageSize <= 1024) assert.ok(made.depths.t! >= 3, `${pageSize}: SQLite built ${made.depths.t} levels`);
      await assertReadsAsSqlite(file, made.contents, `${pageSize} ${encoding}`);
    }
  });

  test('pages that reserve bytes at their end (as checksum and encryption VFSes set them) are read by their usable size', async () => {
    const file = path.join(dir, 'reserved.db');
    const made = makeReservedDatabase(
      file,
      1024,
      40,
      "CREATE TABLE t (k TEXT, v BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) INSERT INTO t SELECT 'k' || i, randomblob(i * 7) FROM n;",
    );
    assert.equal(made.reserved, 40, 'SQLite wrote a header that reserves 40 bytes a page');
    await assertReadsAsSqlite(file, made.contents, 'reserved');
  });

  test('a filter on one column reads only that table: a 200 MB Cursor-shaped file costs a few hundred KB', async () => {
    const file = path.join(dir, 'state.vscdb');
    const blobRows = (from: number, to: number) =>
      `WITH RECURSIVE n(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM n WHERE i < ${to}) INSERT INTO cursorDiskKV SELECT 'bubbleId:' || i, zeroblob(100000) FROM n`;
    const itemRows = (from: number, to: number) =>
      `WITH RECURSIVE n(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM n WHERE i < ${to}) INSERT INTO ItemTable SELECT 'workbench.item' || i, printf('{"v":%d}', i) FROM n`;
    makeDatabase(
      file,
      ['journal_mode=OFF', 'synchronous=OFF'],
      [
        { sql: 'CREATE TABLE ItemTable (key TEXT UNIQUE ON CONFLICT REPLACE, value BLOB)' },
        { sql: 'CREATE TABLE cursorDiskKV (key TEXT UNIQUE ON CONFLICT REPLACE, value BLOB)' },
        { sql: itemRows(1, 150) },
        { sql: blobRows(1, 1000) },
        {
          sql: 'INSERT INTO ItemTable VALUES (?, ?)',
          params: [APPLICATION_USER, JSON.stringify({ openAIBaseUrl: 'https://crazyrouter.com/v1', useOpenAIKey: true })],
        },
        { sql: blobRows(1001, 2000) },
        { sql: itemRows(151, 300) },
        { sql: 'PRAGMA journal_mode=WAL' },
      ],
      { dump: false },
    );
    assert.ok(statSync(file).size > 200_000_000, `the file is ${statSync(file).size} bytes`);
    const counter = { bytes: 0 };
    const { files, close } = filesOf(file, counter);
    try {
      const db = await openSqlite(files);
      const rows = await db.rows('ItemTable', { column: 'key', oneOf: [APPLICATION_USER, 'cursorAuth/openAIKey'] });
      assert.deepEqual(
        rows?.map((r) => r.key),
        [APPLICATION_USER],
      );
      assert.equal(JSON.parse(String(rows[0]!.value)).openAIBaseUrl, 'https://crazyrouter.com/v1');
    } finally {
      close();
    }
    assert.ok(counter.bytes < 400 * 1024, `read ${counter.bytes} bytes of ${statSync(file).size}`);
  });

  test('a running writer: its committed transactions are read from the -wal file, the newest copy of a page wins, its open transaction is not read', async () => {
    const folder = mkdtempSync(path.join(dir, 'live-'));
    const file = path.join(folder, 'state.vscdb');
    const user = (url: string) => JSON.stringify({ openAIBaseUrl: url, useOpenAIKey: true });
    const writer = await liveWriter(
      file,
      ['journal_mode=WAL', 'wal_autocheckpoint=0'],
      [
        { sql: 'CREATE TABLE ItemTable (key TEXT UNIQUE ON CONFLICT REPLACE, value BLOB)' },
        { sql: 'INSERT INTO ItemTable VALUES (?, ?)', params: [APPLICATION_USER, user('https://first.example/v1')] },
        { sql: 'INSERT INTO ItemTable VALUES (?, ?)', params: [APPLICATION_USER, user('https://crazyrouter.com/v1')] },
        { sql: 'INSERT INTO ItemTable VALUES (?, ?)', params: ['cursorAuth/openAIKey', 'sk-not-a-real-key'] },
        {
          sql: "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO ItemTable SELECT 'item' || i, randomblob(200) FROM n",
        },
      ],
      // Rewrites pages the committed state already has: their uncommitted copies land in the log.
      [
        { sql: 'INSERT INTO ItemTable VALUES (?, ?)', params: [APPLICATION_USER, user('https://uncommitted.example/v1')] },
        { sql: 'UPDATE ItemTable SET value = randomblob(250) WHERE key LIKE ?', params: ['item%'] },
      ],
    );
    try {
      assert.ok(readFileSync(`${file}-wal`).includes('uncommitted.example'), 'the open transaction did spill into the -wal file');
      const before = readdirSync(folder).toSorted();
      const { ItemTable: rows } = await readAll(file, ['ItemTable']);
      assert.deepEqual(readdirSync(folder).toSorted(), before, 'reading created no file (no lock, no -shm, no -journal)');
      assertSameTable(rows, writer.committed.ItemTable!, 'live');
      assert.equal(JSON.parse(String(rows?.find((r) => r.key === APPLICATION_USER)?.value)).openAIBaseUrl, 'https://crazyrouter.com/v1');
    } finally {
      await writer.finish();
    }
  });

  test('a -wal file with a torn last frame, garbage, an older log or a broken header is read as SQLite recovers it', async () => {
    const folder = mkdtempSync(path.join(dir, 'wal-'));
    const live = path.join(folder, 'live.db');
    const kept = path.join(folder, 'kept.db');
    makeDatabase(
      live,
      ['page_size=1024', 'journal_mode=WAL', 'wal_autocheckpoint=0'],
      [
        { sql: 'CREATE TABLE ItemTable (key TEXT UNIQUE ON CONFLICT REPLACE, value BLOB)' },
        { sql: 'PRAGMA wal_checkpoint(TRUNCATE)' },
        { sql: "INSERT INTO ItemTable VALUES ('a', 'first')" },
        { sql: "INSERT INTO ItemTable VALUES ('b', 'second')" },
        { sql: "INSERT INTO ItemTable VALUES ('a', 'last')" },
      ],
      { keepWal: kept },
    );
    const pageSize = 1024;
    const frame = 24 + pageSize;
    const walSize = statSync(`${kept}-wal`).size;
    const frames = (walSize - 32) / frame;
    assert.ok(Number.isInteger(frames) && frames >= 3, `${frames} frames`);
    const damages: Record<string, { damage: (wal: string) => void; a: string | undefined }> = {
      'as written': { damage: () => undefined, a: 'last' },
      'garbage after the last frame': { damage: (wal) => appendFileSync(wal, Buffer.alloc(frame + 100, 0xa5)), a: 'last' },
      'a frame of an older log (other salts) after it': {
        damage: (wal) => {
          const old = readFileSync(wal).subarray(32, 32 + frame);
          old.writeUInt32BE((old.readUInt32BE(8) ^ 1) >>> 0, 8);
          appendFileSync(wal, old);
        },
        a: 'last',
      },
      'the last frame torn (its page data does not match its checksum)': {
        damage: (wal) => {
          const bytes = readFileSync(wal);
          bytes[bytes.length - 10]! ^= 0xff;
          writeFileSync(wal, bytes);
        },
        a: 'first',
      },
      'the last transaction without its commit frame (all checksums valid)': { damage: uncommitLastTransaction, a: 'first' },
      'a broken log header: the whole log is ignored': {
        damage: (wal) => {
          const bytes = readFileSync(wal);
          bytes[25]! ^= 0xff;
          writeFileSync(wal, bytes);
        },
        a: undefined,
      },
    };
    for (const [name, { damage, a }] of Object.entries(damages)) {
      const copy = path.join(folder, `${name.replace(/\W+/g, '-')}.db`);
      copyFileSync(kept, copy);
      copyFileSync(`${kept}-wal`, `${copy}-wal`);
      damage(`${copy}-wal`);
      const sqlite = sqliteContents(copy);
      const { ItemTable: rows } = await readAll(copy, ['ItemTable']);
      assertSameTable(rows, sqlite.ItemTable!, name);
      assert.equal(rows?.find((r) => r.key === 'a')?.value, a, `${name}: key a`);
    }
  });

  test('seeded random databases (page sizes, encodings, auto-vacuum, WAL, rowid aliases, added columns, deletes) read exactly as SQLite reads them', async () => {
    const seed = Number(process.env.SQLITE_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const folder = mkdtempSync(path.join(dir, 'random-'));
    const made = randomDatabases(seed, Number(process.env.SQLITE_CASES ?? 20), folder);
    for (const [i, db] of made.entries())
      await assertReadsAsSqlite(db.path, db.contents, `SQLITE_SEED=${seed} case ${i} (page ${db.pageSize}${db.wal ? ', WAL' : ''})`);
  });

  test('a damaged or cut-short file says it cannot be read (UnreadableDatabase), never crashes or loops', async () => {
    const file = path.join(dir, 'damage.db');
    makeDatabase(
      file,
      ['page_size=512'],
      [
        { sql: 'CREATE TABLE t (k TEXT, v BLOB)' },
        { sql: 'INSERT INTO t VALUES (?, ?)', many: Array.from({ length: 400 }, (_, i) => [`k${i}`, blob(Buffer.alloc(i % 25 === 0 ? 3000 : 20, i))]) },
      ],
    );
    const original = readFileSync(file);
    const seed = Number(process.env.SQLITE_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const next = random(seed);
    let unreadable = 0;
    for (let round = 0; round < 400; round++) {
      const bytes = Buffer.from(original);
      const damaged = round % 4 === 3 ? bytes.subarray(0, Math.floor(next() * bytes.length)) : bytes;
      if (round % 4 !== 3) for (let flips = 1 + Math.floor(next() * 6); flips > 0; flips--) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
      let reads = 0;
      const files = {
        db: {
          size: damaged.length,
          read: async (position: number, length: number) => {
            if (++reads > 5_000) throw new Error('the reader keeps reading: a loop');
            return damaged.subarray(position, position + length);
          },
        },
      };
      try {
        await (await openSqlite(files)).rows('t');
      } catch (error) {
        assert.ok(error instanceof UnreadableDatabase, `SQLITE_SEED=${seed} round ${round}: ${(error as Error).stack}`);
        assert.doesNotMatch(error.message, /k\d|\\x/, 'the message says what, never quotes the file');
        unreadable++;
      }
    }
    assert.ok(unreadable > 50, `many of the damaged files were refused (${unreadable})`);
  });

  test('a b-tree page that points back at itself or shares a child, or an overflow chain that loops, is damage: the walk ends', async () => {
    const file = path.join(dir, 'loops.db');
    const made = makeDatabase(
      file,
      ['page_size=512'],
      [
        { sql: 'CREATE TABLE t (k TEXT, v BLOB)' },
        { sql: 'INSERT INTO t VALUES (?, ?)', many: Array.from({ length: 200 }, (_, i) => [`k${i}`, blob(Buffer.alloc(i === 7 ? 5000 : 20, i))]) },
      ],
    );
    assert.ok(made.depths.t! >= 2 && made.overflowPages.length >= 5, 'an interior root, and a chain of overflow pages');
    const original = readFileSync(file);
    const pageAt = (n: number) => (n - 1) * 512;
    // The table's root is page 2 (created first); its first cell's left child becomes page 2 itself.
    const selfLoop = Buffer.from(original);
    assert.equal(selfLoop[pageAt(2)], 0x05, 'page 2 is an interior table page');
    selfLoop.writeUInt32BE(2, pageAt(2) + selfLoop.readUInt16BE(pageAt(2) + 12));
    // Its second cell's left child becomes the first's: one leaf reached twice (its rows would come twice).
    const shared = Buffer.from(original);
    const cell = (i: number) => pageAt(2) + shared.readUInt16BE(pageAt(2) + 12 + 2 * i);
    shared.writeUInt32BE(shared.readUInt32BE(cell(0)), cell(1));
    // The chain's third page leads back to its first.
    const chainLoop = Buffer.from(original);
    chainLoop.writeUInt32BE(made.overflowPages[0]!, pageAt(made.overflowPages[2]!));
    for (const [name, bytes] of [
      ['self loop', selfLoop],
      ['shared child', shared],
      ['chain loop', chainLoop],
    ] as const) {
      let reads = 0;
      const read = async (position: number, length: number) => {
        if (++reads > 5_000) throw new Error(`${name}: the reader keeps reading`);
        return bytes.subarray(position, position + length);
      };
      await assert.rejects(
        (await openSqlite({ db: { size: bytes.length, read } })).rows('t'),
        (e: Error) => e instanceof UnreadableDatabase && /is damaged/.test(e.message),
        name,
      );
    }
  });

  test('a file that is not SQLite, an empty one, and a WITHOUT ROWID table are named as unreadable', async () => {
    const cases: [string, Buffer | (() => string), RegExp][] = [
      ['not SQLite', Buffer.from('{"this": "is JSON"}'.repeat(20)), /not an SQLite database/],
      ['empty', Buffer.alloc(0), /the file is empty/],
    ];
    for (const [name, content, message] of cases) {
      const data = content as Buffer;
      await assert.rejects(
        openSqlite({ db: { size: data.length, read: async (p, l) => data.subarray(p, p + l) } }),
        (e: Error) => e instanceof UnreadableDatabase && message.test(e.message),
        name,
      );
    }
    const file = path.join(dir, 'without-rowid.db');
    makeDatabase(file, [], [{ sql: 'CREATE TABLE w (k TEXT PRIMARY KEY, v) WITHOUT ROWID' }, { sql: "INSERT INTO w VALUES ('a', 1)" }]);
    await assert.rejects(readAll(file, ['w']), (e: Error) => e instanceof UnreadableDatabase && /WITHOUT ROWID/.test(e.message));
    assert.deepEqual(await readAll(file, ['nothing']), { nothing: undefined }, 'a table that is not there is undefined, not an error');
  });
});
