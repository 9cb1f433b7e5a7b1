// Real SQLite for the reader's tests: Python's built-in sqlite3 module writes every database the
// tests read, and reads back what SQLite itself says is in it. (.ci/run's machines have python3;
// elsewhere the tests that need it are skipped, except under CI.)
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, fstatSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseFiles } from '../../src/core/sqlite/sqliteReader';

/** The interpreter itself (a version manager's shim costs a second or more a start). */
const probe = spawnSync('python3', ['-c', 'import sqlite3, sys; print(sys.executable)'], { encoding: 'utf8' });
export const PYTHON: string | undefined = probe.status === 0 ? probe.stdout.trim() || 'python3' : undefined;
if (!PYTHON && process.env.CI) throw new Error('CI must have python3 with its sqlite3 module (the SQLite reader is tested against it)');

/** Shared by the scripts: tagged values, so 64-bit integers, reals and blobs survive JSON. */
const COMMON = String.raw`
import sqlite3, json, sys, os, struct, random, shutil
def untag(v):
    if isinstance(v, dict):
        if '$blob' in v: return bytes.fromhex(v['$blob'])
        if '$int' in v: return int(v['$int'])
        if '$real' in v: return float(v['$real'])
    return v
def tag(v):
    if v is None: return None
    if isinstance(v, bool): return {'i': str(int(v))}
    if isinstance(v, int): return {'i': str(v)}
    if isinstance(v, float): return {'f': struct.pack('>d', v).hex()}
    if isinstance(v, str): return {'s': v}
    return {'b': bytes(v).hex()}
def dump(con):
    out = {}
    for (name,) in con.execute("SELECT name FROM sqlite_schema WHERE type='table' AND name NOT LIKE 'sqlite_%'").fetchall():
        quoted = name.replace('"', '""')
        try: cur = con.execute('SELECT * FROM "%s" ORDER BY rowid' % quoted)
        except sqlite3.OperationalError: cur = con.execute('SELECT * FROM "%s"' % quoted)
        cols = [d[0] for d in cur.description]
        out[name] = {'columns': cols, 'rows': [[tag(v) for v in row] for row in cur.fetchall()]}
    return out
def depths(con):
    # b-tree levels per table, from SQLite's own dbstat (the root is level 1; overflow pages carry a '+').
    out = {}
    for name, path in con.execute("SELECT name, path FROM dbstat WHERE path NOT LIKE '%+%'").fetchall():
        out[name] = max(out.get(name, 0), path.count('/'))
    return out
def overflow_pages(con):
    return [p for (p,) in con.execute("SELECT pageno FROM dbstat WHERE path LIKE '%+%' ORDER BY name, path").fetchall()]
def out(value, end=''):
    # One write, UTF-8 as it is (ensure_ascii would multiply every non-ASCII character by six).
    sys.stdout.buffer.write((json.dumps(value, ensure_ascii=False) + end).encode())
    sys.stdout.flush()
def run_steps(con, steps):
    for step in steps:
        if 'many' in step: con.executemany(step['sql'], [[untag(v) for v in row] for row in step['many']])
        else: con.execute(step['sql'], [untag(v) for v in step.get('params', [])])
`;

/** A step of a database's making: one statement, with its parameters or many rows of them. */
export type Step = { sql: string; params?: unknown[] } | { sql: string; many: unknown[][] };

/** Parameters as the scripts take them: `blob(buffer)`, `int('9223372036854775807')`, `real(5)`. */
export const blob = (data: Buffer) => ({ $blob: data.toString('hex') });
export const int = (digits: string) => ({ $int: digits });

const MAKE = `${COMMON}
spec = json.load(sys.stdin)
for s in ('', '-wal', '-shm', '-journal'):
    if os.path.exists(spec['path'] + s): os.remove(spec['path'] + s)
con = sqlite3.connect(spec['path'], isolation_level=None)
# No fsync: the file is the same, only its safety against a power cut is not (the tests run faster).
con.execute('PRAGMA synchronous=OFF')
for p in spec.get('pragmas', []): con.execute('PRAGMA ' + p)
run_steps(con, spec['steps'])
if spec.get('keepWal'):
    # A running app: its last transactions are still in the -wal file, not yet in the database.
    for s in ('', '-wal'): shutil.copyfile(spec['path'] + s, spec['keepWal'] + s)
out({'contents': dump(con), 'depths': depths(con), 'overflowPages': overflow_pages(con)} if spec.get('dump', True) else {'contents': {}, 'depths': {}, 'overflowPages': []})
con.close()
`;

export interface MadeDatabase {
  /** What SQLite itself reads from the database: table → columns and rows (tagged values). */
  contents: Record<string, { columns: string[]; rows: Tagged[][] }>;
}
export interface MadeByScript extends MadeDatabase {
  /** Each table's b-tree levels, as SQLite's dbstat counts them. */
  depths: Record<string, number>;
  /** The overflow pages, chain by chain. */
  overflowPages: number[];
}
export type Tagged = null | { i: string } | { f: string } | { s: string } | { b: string };

/**
 * One Python process runs every script of this test process (a mocha worker: every file it runs),
 * each as `python3 -c script args` would with `input` on its standard input: a Python start costs
 * ~0.1 CPU-s on the 2-core machine, and the suite asked for ~35 of them. The calls stay synchronous,
 * as the fixtures are: requests and replies go through two named pipes, which Node reads and
 * writes with blocking calls.
 */
const SERVER = String.raw`
import gc, io, json, sys, traceback
requests = open(sys.argv[1], 'rb')
replies = open(sys.argv[2], 'wb')
for line in requests:
    call = json.loads(line)
    out = io.BytesIO()
    sys.stdin = io.TextIOWrapper(io.BytesIO(call['input'].encode()), encoding='utf-8')
    sys.stdout = io.TextIOWrapper(out, encoding='utf-8', write_through=True)
    sys.argv = ['-c'] + call['args']
    try:
        exec(compile(call['script'], '<script>', 'exec'), {'__name__': '__main__'})
        sys.stdout.flush()
        status, body = b'ok', out.getvalue()
    except BaseException:
        status, body = b'error', traceback.format_exc().encode()
    # What a script left open (a connection after a failure) is closed now, as its own process's end would.
    gc.collect()
    replies.write(status + b' ' + str(len(body)).encode() + b'\n' + body)
    replies.flush()
`;

let server: { requests: number; replies: number } | undefined;

function pythonServer(): { requests: number; replies: number } {
  if (server) return server;
  const dir = mkdtempSync(join(tmpdir(), 'crazyrouter-sqlite-python-'));
  const [requests, replies] = [join(dir, 'requests'), join(dir, 'replies')];
  const made = spawnSync('mkfifo', [requests, replies]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${String(made.stderr)}`);
  // It ends when this process does: its requests pipe then reads end-of-file.
  const child = spawn(PYTHON ?? 'python3', ['-c', SERVER, requests, replies], { stdio: ['ignore', 'ignore', 'inherit'] });
  child.on('error', () => {}); // a Python that cannot start: the open below says so
  child.unref();
  // Opened in the order the server opens them. A blocking open would wait for ever (the whole
  // thread, beyond any test's timeout) if Python never came: open without blocking until it is there.
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      closeSync(openSync(requests, constants.O_WRONLY | constants.O_NONBLOCK));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENXIO' || Date.now() > deadline) throw new Error('the Python server did not start', { cause: error });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
  // Python has the requests end open now, so these opens do not wait (blocking writes from here on).
  server = { requests: openSync(requests, 'w'), replies: openSync(replies, 'r') };
  rmSync(dir, { recursive: true, force: true });
  return server;
}

/** Writes all of `text`: a pipe may take a large write in parts. */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** Reads exactly `length` bytes from a pipe (blocking); fails if the other end closed first. */
function readExactly(fd: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  for (let at = 0; at < length;) {
    const n = readSync(fd, buffer, at, length - at, null);
    if (n === 0) throw new Error('the Python server ended');
    at += n;
  }
  return buffer;
}

function readHeader(fd: number): string {
  let header = '';
  for (;;) {
    const byte = readExactly(fd, 1).toString('latin1');
    if (byte === '\n') return header;
    header += byte;
  }
}

function runPython(script: string, input: string, args: string[] = []): string {
  const { requests, replies } = pythonServer();
  writeAll(requests, `${JSON.stringify({ script, input, args })}\n`);
  const [status, length] = readHeader(replies).split(' ');
  const body = readExactly(replies, Number(length)).toString('utf8');
  if (status !== 'ok') throw new Error(`python3 failed: ${body}`);
  return body;
}

/**
 * Makes a database with real SQLite: `pragmas` first (page_size, encoding, journal_mode …), then the
 * steps, in autocommit unless a step says BEGIN. `keepWal`: also copy the database and its -wal
 * file there while the connection is still open (with `wal_autocheckpoint=0`, as a running app leaves them).
 * `dump: false`: a database too large to read back whole.
 */
export function makeDatabase(path: string, pragmas: string[], steps: Step[], options: { keepWal?: string; dump?: boolean } = {}): MadeByScript {
  return JSON.parse(runPython(MAKE, JSON.stringify({ path, pragmas, steps, ...options })));
}

const CONTENTS = `${COMMON}
import tempfile
# On a copy of the database and its -wal file: SQLite recovers the log (and may write) as it opens.
folder = tempfile.mkdtemp()
for s in ('', '-wal'):
    if os.path.exists(sys.argv[1] + s): shutil.copyfile(sys.argv[1] + s, os.path.join(folder, 'db' + s))
con = sqlite3.connect(os.path.join(folder, 'db'))
out(dump(con))
con.close()
shutil.rmtree(folder)
`;

/** What SQLite reads from a database file and its -wal file as they are now (on a copy). */
export function sqliteContents(path: string): MadeDatabase['contents'] {
  return JSON.parse(runPython(CONTENTS, '', [path]));
}

const RESERVED = `${COMMON}
import ctypes, ctypes.util
spec = json.load(sys.stdin)
lib = ctypes.CDLL(ctypes.util.find_library('sqlite3'))
db = ctypes.c_void_p()
assert lib.sqlite3_open(spec['path'].encode(), ctypes.byref(db)) == 0
lib.sqlite3_exec(db, ('PRAGMA page_size=%d' % spec['pageSize']).encode(), None, None, None)
# SQLITE_FCNTL_RESERVE_BYTES (38): bytes at the end of every page, as checksum and encryption VFSes use.
n = ctypes.c_int(spec['reserve'])
assert lib.sqlite3_file_control(db, b'main', 38, ctypes.byref(n)) == 0
assert lib.sqlite3_exec(db, spec['sql'].encode(), None, None, None) == 0
lib.sqlite3_close(db)
con = sqlite3.connect(spec['path'])
out({'reserved': open(spec['path'], 'rb').read(100)[20], 'contents': dump(con)})
con.close()
`;

/** A database whose pages reserve `reserve` bytes at their end, made through SQLite's C API (Python's ctypes). */
export function makeReservedDatabase(path: string, pageSize: number, reserve: number, sql: string): { reserved: number; contents: MadeDatabase['contents'] } {
  return JSON.parse(runPython(RESERVED, JSON.stringify({ path, pageSize, reserve, sql })));
}

const LIVE = `${COMMON}
spec = json.loads(sys.stdin.readline())
con = sqlite3.connect(spec['path'], isolation_level=None)
for p in spec['pragmas']: con.execute('PRAGMA ' + p)
run_steps(con, spec['steps'])
committed = dump(con)
# A transaction still open, large enough to spill its pages into the -wal file without a commit frame.
con.execute('PRAGMA cache_size=2')
con.execute('BEGIN')
run_steps(con, spec['uncommitted'])
out(committed, '\\n')
sys.stdin.readline()
con.execute('ROLLBACK')
con.close()
`;

/**
 * A writer that stays open, as Cursor does: it commits `steps` (never checkpointed), then leaves a
 * transaction open with `uncommitted` in it, and waits. Resolves with what it committed, and a
 * function that lets it finish.
 */
export async function liveWriter(
  path: string,
  pragmas: string[],
  steps: Step[],
  uncommitted: Step[],
): Promise<{ committed: MadeDatabase['contents']; finish: () => Promise<void> }> {
  const child = spawn(PYTHON ?? 'python3', ['-c', LIVE], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.write(`${JSON.stringify({ path, pragmas, steps, uncommitted })}\n`);
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
    });
    void exited.then(() => reject(new Error(`the live writer ended early: ${err}`)));
  });
  return {
    committed: JSON.parse(line),
    finish: async () => {
      child.stdin.end('\n');
      const code = await exited;
      if (code !== 0) throw new Error(`the live writer failed: ${err}`);
    },
  };
}

/** Seeded random databases, and what SQLite reads from each (see the script for what varies). */
const RANDOM = `${COMMON}
seed, count, folder = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = random.Random(seed)
POOL = ''.join(rng.choices('abcXYZ019 -_é中文😀\\u0000"\\'', k=4093))
def text(n):
    start = rng.randrange(len(POOL))
    return (POOL * (n // len(POOL) + 2))[start:start + n]
def value(page):
    k = rng.randrange(9)
    if k == 0: return None
    if k == 1: return rng.randrange(-300, 300)
    if k == 2: return rng.choice([-(2**63), 2**63 - 1, 2**53 + 1, -(2**47), 2**31, 0, 1, rng.randrange(-2**40, 2**40)])
    if k == 3: return rng.choice([0.5, -1.25e300, 3.0, rng.uniform(-1e6, 1e6), float('inf')])
    # Now and then larger than a page: an overflow chain (of many pages when the page is small).
    large = rng.random() < 0.04
    if k in (4, 5): return text(page * 2 + 7 if large else rng.choice([0, 1, 30, 30, page // 3]))
    if k == 6: return rng.randbytes(page * 3 if large else rng.choice([0, 1, 40, 40, page // 3]))
    if k == 7: return text(rng.randrange(0, 12))
    return rng.randrange(0, 2)
made = []
for n in range(count):
    path = os.path.join(folder, 'random%d.db' % n)
    page = rng.choice([512, 1024, 2048, 4096, 8192, 16384, 32768, 65536])
    con = sqlite3.connect(path, isolation_level=None)
    con.execute('PRAGMA synchronous=OFF')
    con.execute('PRAGMA page_size=%d' % page)
    con.execute('PRAGMA encoding="%s"' % rng.choice(['UTF-8', 'UTF-16le', 'UTF-16be']))
    con.execute('PRAGMA auto_vacuum=%d' % rng.randrange(3))
    wal = rng.random() < 0.5
    if wal:
        con.execute('PRAGMA journal_mode=WAL')
        con.execute('PRAGMA wal_autocheckpoint=0')
    for t in range(rng.randrange(1, 4)):
        names = ['c%d' % i for i in range(rng.randrange(1, 6))]
        names = [rng.choice([c, 'my col %s' % c, c.upper()]) for c in names]
        types = [rng.choice(['INTEGER', 'TEXT', 'BLOB', 'REAL', 'NUMERIC', '', 'VARCHAR(10)', 'int']) for _ in names]
        quote = lambda s: rng.choice(['"%s"', '[%s]', '\`%s\`']) % s if ' ' in s else rng.choice(['%s', '"%s"'] ) % s
        defs = ['%s %s' % (quote(c), ty) for c, ty in zip(names, types)]
        alias = rng.random() < 0.5
        if alias:
            # The rowid under another name, or (DESC in the column) a column of its own.
            form = rng.choice(['INTEGER PRIMARY KEY', 'integer primary key', 'INTEGER PRIMARY KEY DESC', 'INTEGER PRIMARY KEY ASC', 'TABLE'])
            defs.insert(0, '%s %s' % (quote('id'), 'INTEGER' if form == 'TABLE' else form))
            if form == 'TABLE': defs.append('PRIMARY KEY (id)')
        table = 't%d' % t
        con.execute('CREATE TABLE %s (%s)' % (table, ', '.join(defs)))
        cols = (['id'] if alias else []) + names
        rows = rng.choice([0, 1, 5, 60, 300])
        con.execute('BEGIN')
        for r in range(rows):
            vals = [value(page) for _ in names]
            if alias: vals.insert(0, rng.choice([None, r * 7 + 1, -r - 1000]))
            try: con.execute('INSERT INTO %s VALUES (%s)' % (table, ','.join('?' * len(vals))), vals)
            except sqlite3.IntegrityError: pass
        con.execute('COMMIT')
        if rows and rng.random() < 0.5:
            con.execute('DELETE FROM %s WHERE rowid %% 3 = 0' % table)
            con.execute('UPDATE %s SET %s = ? WHERE rowid %% 5 = 1' % (table, quote(names[0])), [value(page)])
        if rng.random() < 0.4:
            default = rng.choice(["DEFAULT 'x''y'", 'DEFAULT 42', 'DEFAULT -7', 'DEFAULT 2.5', 'DEFAULT NULL', '', 'DEFAULT TRUE'])
            con.execute('ALTER TABLE %s ADD COLUMN added %s' % (table, default))
            con.execute('INSERT INTO %s (added) VALUES (?)' % table, [value(page)])
    expected = dump(con)
    if wal:
        # As a running app leaves them: the last transactions only in the -wal file.
        shutil.copyfile(path, path + '.snap')
        shutil.copyfile(path + '-wal', path + '.snap-wal')
    con.close()
    if wal:
        os.replace(path + '.snap', path)
        os.replace(path + '.snap-wal', path + '-wal')
    made.append({'path': path, 'pageSize': page, 'wal': wal, 'contents': expected})
out(made)
`;

export interface RandomDatabase extends MadeDatabase {
  path: string;
  pageSize: number;
  wal: boolean;
}

export function randomDatabases(seed: number, count: number, folder: string): RandomDatabase[] {
  return JSON.parse(runPython(RANDOM, '', [String(seed), String(count), folder]));
}

/**
 * A database file and its -wal (when there is one), for the reader: read once into memory when
 * small (the format is under test, not the disk), through a file handle when large; `counter`
 * counts the bytes the reader asks for either way.
 */
export function filesOf(path: string, counter = { bytes: 0 }): { files: DatabaseFiles; close: () => void } {
  const handles: number[] = [];
  const side = (file: string) => {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch {
      return undefined;
    }
    handles.push(fd);
    const size = fstatSync(fd).size;
    const whole = size <= 32 * 1024 * 1024 ? readFileSync(fd) : undefined;
    return {
      size,
      read: async (position: number, length: number) => {
        counter.bytes += length;
        if (whole) return whole.subarray(position, position + length);
        const buffer = Buffer.alloc(length);
        return buffer.subarray(0, readSync(fd, buffer, 0, length, position));
      },
    };
  };
  const db = side(path);
  if (!db) throw new Error(`no database at ${path}`);
  return { files: { db, wal: side(`${path}-wal`) }, close: () => handles.forEach((fd) => closeSync(fd)) };
}
